//! The glossary popover: one per document page, opened by a term in the text, anchored to
//! the line of the term that opened it. It is a native `popover="auto"` element, so Escape
//! and a click outside close it and only one is open at a time; focus goes into it when it
//! opens and back to the term when it closes.
//!
//! The terms are plain links to their entry pages, rendered at build time. The island
//! fetches the cards of the entries this document uses ([`GlossaryCards`]) once it has
//! hydrated, and from then on opens a term's card in place instead of following its link.
//! A click that comes before the cards does what a link does.

use std::sync::Arc;

use corpus::cards::{GlossaryCards, TermCard};
use corpus::paths;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{self, popover};
use crate::components::see_also::SeeAlsoList;

/// The element id of the one popover.
pub const POPOVER_ID: &str = "term-popover";
const TITLE_ID: &str = "term-popover-title";

/// The popover, and the listener that opens it from the page's terms. `cards_url` is the
/// address of this document's cards, `base` the prefix the site is hosted under.
#[island]
pub fn TermPopover(cards_url: String, base: String) -> impl IntoView {
    let cards = RwSignal::new(None::<Arc<GlossaryCards>>);
    let shown = RwSignal::new(None::<TermCard>);
    Effect::new(move |_| {
        let url = cards_url.clone();
        leptos::task::spawn_local(async move {
            match browser::fetch_bytes(&url).await.and_then(|bytes| {
                GlossaryCards::decode(&bytes).map_err(|error| format!("{url}: {error}"))
            }) {
                Ok(loaded) => cards.set(Some(Arc::new(loaded))),
                // The terms stay links to their entry pages: nothing is lost.
                Err(error) => leptos::logging::warn!("glossary cards not loaded: {error}"),
            }
        });
        listen_to_terms(cards, shown);
    });
    view! {
        <div
            id=POPOVER_ID
            popover="auto"
            class="term-popover"
            role="dialog"
            aria-labelledby=TITLE_ID
            tabindex="-1"
            // Says when terms open in place (tests and styles can wait for it).
            data-cards=move || cards.with(|cards| cards.as_ref().map(|_| "loaded"))
            on:toggle=move |_| popover::after_toggle(POPOVER_ID)
        >
            {move || shown.get().map(|card| view! { <EntryCard card=card base=base.clone() /> })}
        </div>
    }
}

/// Opens the popover from clicks, taps, Enter and Space on the page's terms. One listener
/// on the document for the hundreds of terms, which are static HTML outside the island.
fn listen_to_terms(cards: RwSignal<Option<Arc<GlossaryCards>>>, shown: RwSignal<Option<TermCard>>) {
    let Some(document) = browser::document() else {
        return;
    };
    let open = move |term: web_sys::HtmlElement, point: Option<(f64, f64)>| -> bool {
        let id = term.get_attribute("data-entry").unwrap_or_default();
        let Some(card) =
            cards.with_untracked(|cards| cards.as_ref().and_then(|c| c.card(&id).cloned()))
        else {
            return false;
        };
        shown.set(Some(card));
        // The card renders when the reactive system next runs, before the frame is painted:
        // show and place it then, still before that frame.
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            popover::open(POPOVER_ID, term, point);
        });
        true
    };
    let on_click = open;
    // Not passive: a term's click is prevented from following its link.
    let active = gloo_events::EventListenerOptions::enable_prevent_default;
    gloo_events::EventListener::new_with_options(&document, "click", active(), move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        // A new tab or window (modifier or middle click) gets the entry page, as links do.
        if event.button() != 0
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let Some(term) = browser::closest(event.target(), "a.term") else {
            return;
        };
        // A click from the keyboard has no pointer position: anchor to the term's first line.
        let point = (event.detail() > 0)
            .then(|| (f64::from(event.client_x()), f64::from(event.client_y())));
        if on_click(term, point) {
            event.prevent_default();
        }
    })
    .forget();
    gloo_events::EventListener::new_with_options(&document, "keydown", active(), move |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        // Enter clicks a link by itself; Space opens a term as it would a button.
        if event.key() != " " {
            return;
        }
        let Some(term) = browser::closest(event.target(), "a.term") else {
            return;
        };
        if open(term, None) {
            event.prevent_default();
        }
    })
    .forget();
}

/// What the popover shows for an entry.
#[component]
fn EntryCard(card: TermCard, base: String) -> impl IntoView {
    let href = move |path: &str| paths::under(&base, path);
    let heading = if card.dates.is_empty() {
        card.kind.label().to_string()
    } else {
        format!("{} · {}", card.kind.label(), card.dates)
    };
    let see_also = (!card.see_also.is_empty()).then(|| {
        let links = card
            .see_also
            .iter()
            .map(|(id, headword)| (href(&paths::entry(id)), headword.clone()))
            .collect();
        view! {
            <div class="popover-see-also">
                <h3>"See also"</h3>
                <SeeAlsoList links=links />
            </div>
        }
    });
    let entry_page = href(&paths::entry(&card.id));
    let rows = card
        .documents
        .iter()
        .map(|document| {
            let total = document.total as usize;
            let links = document
                .anchors
                .iter()
                .enumerate()
                .map(|(number, anchor)| {
                    let label = format!("{}, occurrence {} of {}", document.title, number + 1, total);
                    view! {
                        <a href=href(&paths::occurrence(&document.slug, anchor, &card.id)) aria-label=label>
                            {number + 1}
                        </a>
                    }
                })
                .collect_view();
            let more = (total > document.anchors.len()).then(|| {
                view! {
                    <a href=format!("{entry_page}#{}", document.slug)>
                        {format!("+{} more", total - document.anchors.len())}
                    </a>
                }
            });
            view! {
                <li>
                    <span class="occurrence-document">{document.title.clone()}</span>
                    " "
                    <span class="occurrence-count">{format!("({total})")}</span>
                    <span class="occurrence-links">{links} {more}</span>
                </li>
            }
        })
        .collect_view();
    let unlisted = card.unlisted_documents();
    let more_documents = (unlisted > 0).then(|| {
        view! {
            <li class="occurrence-more-documents">
                {format!("and {unlisted} more document{}", if unlisted == 1 { "" } else { "s" })}
            </li>
        }
    });
    view! {
        <p class="popover-kind">{heading}</p>
        <h2 id=TITLE_ID class="popover-headword">{card.headword.clone()}</h2>
        <p class="popover-definition">{card.definition.clone()}</p>
        {see_also}
        <h3>"In this corpus"</h3>
        <ul class="popover-occurrences">{rows} {more_documents}</ul>
        <p class="popover-more">
            <a href=entry_page.clone()>"Every occurrence in context →"</a>
        </p>
    }
}
