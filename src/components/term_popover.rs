//! The glossary popover: one per document page, opened by a term in the text, anchored to
//! the line of the term that opened it. It is a native `popover="auto"` element, so Escape
//! and a click outside close it and only one is open at a time; focus goes into it when it
//! opens and back to the term when it closes.
//!
//! The terms are plain links to their entry pages, rendered at build time. The island
//! fetches the cards of the entries this document uses ([`GlossaryCards`]) when the reader
//! first shows interest in a term, and opens a term's card in place instead of following
//! its link. A click before the wasm has loaded follows the link; a click before the cards
//! have arrived waits for them (and follows the link if they do not come).

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

/// How long a click that came before the cards waits for them before it does what a link
/// does (opens the entry page).
const CARDS_WAIT_MS: u32 = 3_000;

/// The document's glossary cards: fetched on the reader's first sign of interest in a term
/// (pointer over one, focus on one, a touch), so that a visit that never opens one never
/// downloads them.
#[derive(Clone, Debug, PartialEq)]
enum Cards {
    NotAsked,
    Loading,
    Loaded(Arc<GlossaryCards>),
    Failed,
}

/// A term that was clicked before the cards arrived, and where.
type PendingClick = (web_sys::HtmlElement, Option<(f64, f64)>);

/// The popover's state, shared by its event handlers (every part is a signal or stored
/// value: the handle is `Copy`).
#[derive(Clone, Copy)]
struct Terms {
    url: StoredValue<String>,
    cards: RwSignal<Cards>,
    shown: RwSignal<Option<TermCard>>,
    pending: StoredValue<Option<PendingClick>, LocalStorage>,
}

impl Terms {
    /// Starts fetching the cards, once.
    fn load(self) {
        if self.cards.get_untracked() != Cards::NotAsked {
            return;
        }
        self.cards.set(Cards::Loading);
        leptos::task::spawn_local(async move {
            let url = self.url.get_value();
            let loaded = browser::fetch_bytes(&url).await.and_then(|bytes| {
                GlossaryCards::decode(&bytes).map_err(|error| format!("{url}: {error}"))
            });
            let waiting = self.pending.try_update_value(Option::take).flatten();
            match loaded {
                Ok(loaded) => {
                    self.cards.set(Cards::Loaded(Arc::new(loaded)));
                    if let Some((term, point)) = waiting {
                        self.open(term, point);
                    }
                }
                Err(error) => {
                    // The terms stay links to their entry pages: nothing is lost.
                    leptos::logging::warn!("glossary cards not loaded: {error}");
                    self.cards.set(Cards::Failed);
                    if let Some((term, _)) = waiting {
                        follow(&term);
                    }
                }
            }
        });
    }

    /// Opens `term`'s card; false when there is no card for it (yet).
    fn open(self, term: web_sys::HtmlElement, point: Option<(f64, f64)>) -> bool {
        let id = term.get_attribute("data-entry").unwrap_or_default();
        let card = self.cards.with_untracked(|cards| match cards {
            Cards::Loaded(cards) => cards.card(&id).cloned(),
            _ => None,
        });
        let Some(card) = card else { return false };
        self.shown.set(Some(card));
        // The card renders when the reactive system next runs, before the frame is painted:
        // show and place it then, still before that frame.
        leptos::task::spawn_local(async move {
            leptos::task::tick().await;
            popover::open(POPOVER_ID, term, point);
        });
        true
    }

    /// A click (or Enter, or Space) on `term`: opens its card, or waits for the cards and
    /// opens it then. Returns whether the link's own navigation is to be prevented.
    fn activate(self, term: web_sys::HtmlElement, point: Option<(f64, f64)>) -> bool {
        match self.cards.get_untracked() {
            Cards::Loaded(_) => self.open(term, point),
            Cards::Failed => false,
            Cards::NotAsked | Cards::Loading => {
                self.pending.set_value(Some((term.clone(), point)));
                self.load();
                let pending = self.pending;
                gloo_timers::callback::Timeout::new(CARDS_WAIT_MS, move || {
                    let still_waiting = pending
                        .try_with_value(|p| p.as_ref().is_some_and(|(t, _)| *t == term))
                        .unwrap_or(false);
                    if still_waiting {
                        pending.set_value(None);
                        follow(&term);
                    }
                })
                .forget();
                true
            }
        }
    }
}

/// Does what the term's link does: opens its entry page.
fn follow(term: &web_sys::HtmlElement) {
    if let (Some(window), Some(href)) = (web_sys::window(), term.get_attribute("href")) {
        let _ = window.location().assign(&href);
    }
}

/// The popover, and the listeners that open it from the page's terms. `cards_url` is the
/// address of this document's cards, `base` the prefix the site is hosted under.
#[island]
pub fn TermPopover(cards_url: String, base: String) -> impl IntoView {
    let terms = Terms {
        url: StoredValue::new(cards_url),
        cards: RwSignal::new(Cards::NotAsked),
        shown: RwSignal::new(None),
        pending: StoredValue::new_local(None),
    };
    Effect::new(move |_| listen_to_terms(terms));
    view! {
        <div
            id=POPOVER_ID
            popover="auto"
            class="term-popover"
            role="dialog"
            aria-labelledby=TITLE_ID
            tabindex="-1"
            // Says when terms open in place (tests and styles can wait for it).
            data-cards=move || terms.cards.with(|cards| matches!(cards, Cards::Loaded(_)).then_some("loaded"))
            on:toggle=move |_| popover::after_toggle(POPOVER_ID)
        >
            {move || terms.shown.get().map(|card| view! { <EntryCard card=card base=base.clone() /> })}
        </div>
    }
}

/// Listens on the document for the hundreds of terms, which are static HTML outside the
/// island: interest in a term loads the cards; a click, tap, Enter or Space opens one.
fn listen_to_terms(terms: Terms) {
    let Some(document) = browser::document() else {
        return;
    };
    // From now on a term opens a dialog; until now it was a plain link. (Set here, once,
    // rather than in a few hundred attributes of the page's HTML.)
    for mark in browser::elements(document.query_selector_all("a.term")) {
        let _ = mark.set_attribute("aria-haspopup", "dialog");
    }
    for interest in ["pointerover", "focusin", "touchstart"] {
        gloo_events::EventListener::new(&document, interest, move |event| {
            if browser::closest(event.target(), "a.term").is_some() {
                terms.load();
            }
        })
        .forget();
    }
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
        if terms.activate(term, point) {
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
        if terms.activate(term, None) {
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
