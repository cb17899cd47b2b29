//! The glossary popover: one per page, opened by a term in the text, anchored to the line
//! of the term that opened it. It is a native `popover="auto"` element, so Escape and a click
//! outside close it and only one is open at a time; focus goes into it when it opens and
//! back to the term when it closes.

use corpus::model::{Entry, EntryIndex};
use corpus::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use web_sys::{KeyboardEvent, MouseEvent};

use crate::browser::popover;
use crate::components::see_also::SeeAlsoList;
use crate::data::corpus;

/// The element id of the one popover.
pub const POPOVER_ID: &str = "term-popover";
const TITLE_ID: &str = "term-popover-title";
/// Occurrence links listed per document before "more" sends the reader to the entry page.
const OCCURRENCE_LINKS_PER_DOCUMENT: usize = 12;

/// App-wide handle on the popover: which entry it shows.
#[derive(Clone, Copy)]
pub struct TermPopover {
    entry: RwSignal<Option<EntryIndex>>,
}

impl TermPopover {
    /// Opens the popover for `entry`, anchored to the term that was clicked or tapped.
    pub fn open_from_click(self, entry: EntryIndex, event: &MouseEvent) {
        self.entry.set(Some(entry));
        // A click from the keyboard has no pointer position: anchor to the term's first line.
        let point = (event.detail() > 0)
            .then(|| (f64::from(event.client_x()), f64::from(event.client_y())));
        popover::open(POPOVER_ID, event.target(), point);
    }

    /// Opens the popover for `entry` from Enter or Space on a focused term.
    pub fn open_from_key(self, entry: EntryIndex, event: &KeyboardEvent) {
        self.entry.set(Some(entry));
        popover::open(POPOVER_ID, event.target(), None);
    }
}

/// Makes the popover available to every term below.
pub fn provide_term_popover() {
    provide_context(TermPopover {
        entry: RwSignal::new(None),
    });
}

/// The popover handle; [`provide_term_popover`] must have run above.
pub fn use_term_popover() -> TermPopover {
    expect_context::<TermPopover>()
}

/// The popover element itself, placed once in the app shell.
#[component]
pub fn TermPopoverHost() -> impl IntoView {
    let state = use_term_popover();
    let location = use_location();
    // Following a link inside the popover moves to another place: close it there.
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        location.hash.track();
        popover::close(POPOVER_ID);
    });
    view! {
        <div
            id=POPOVER_ID
            popover="auto"
            class="term-popover"
            role="dialog"
            aria-labelledby=TITLE_ID
            tabindex="-1"
            on:toggle=move |_| popover::after_toggle(POPOVER_ID)
        >
            {move || state.entry.get().map(|entry| view! { <EntryCard entry=entry /> })}
        </div>
    }
}

/// What the popover shows for an entry.
#[component]
fn EntryCard(entry: EntryIndex) -> impl IntoView {
    let data: &'static Entry = &corpus().glossary[entry as usize];
    let heading = if data.dates.is_empty() {
        data.kind.label().to_string()
    } else {
        format!("{} · {}", data.kind.label(), data.dates)
    };
    let see_also = (!data.see_also.is_empty()).then(|| {
        view! {
            <div class="popover-see-also">
                <h3>"See also"</h3>
                <SeeAlsoList entry=data />
            </div>
        }
    });
    view! {
        <p class="popover-kind">{heading}</p>
        <h2 id=TITLE_ID class="popover-headword">{data.headword.as_str()}</h2>
        <p class="popover-definition">{data.definition.as_str()}</p>
        {see_also}
        <h3>"In this corpus"</h3>
        <OccurrenceList entry=data />
        <p class="popover-more">
            <A href=paths::entry(&data.id)>"Every occurrence in context →"</A>
        </p>
    }
}

/// Per document: how often the term occurs, and a link to each occurrence.
#[component]
fn OccurrenceList(entry: &'static Entry) -> impl IntoView {
    let documents = &corpus().documents;
    let rows = documents
        .iter()
        .enumerate()
        .filter_map(|(doc_index, document)| {
            let here: Vec<_> = entry.occurrences.iter().filter(|o| o.doc as usize == doc_index).collect();
            if here.is_empty() {
                return None;
            }
            let total = here.len();
            let links = here
                .iter()
                .take(OCCURRENCE_LINKS_PER_DOCUMENT)
                .enumerate()
                .map(|(number, occurrence)| {
                    let anchor = &document.blocks[occurrence.block as usize].anchor;
                    let label = format!("{}, occurrence {} of {}", document.title, number + 1, total);
                    view! {
                        <A href=paths::occurrence(&document.slug, anchor, &entry.id) attr:aria-label=label>
                            {number + 1}
                        </A>
                    }
                })
                .collect_view();
            let more = (total > OCCURRENCE_LINKS_PER_DOCUMENT).then(|| {
                view! {
                    <A href=format!("{}#{}", paths::entry(&entry.id), document.slug)>
                        {format!("+{} more", total - OCCURRENCE_LINKS_PER_DOCUMENT)}
                    </A>
                }
            });
            Some(view! {
                <li>
                    <span class="occurrence-document">{document.title.as_str()}</span>
                    " "
                    <span class="occurrence-count">{format!("({total})")}</span>
                    <span class="occurrence-links">{links} {more}</span>
                </li>
            })
        })
        .collect_view();
    view! { <ul class="popover-occurrences">{rows}</ul> }
}
