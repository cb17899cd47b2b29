//! Which passage of a document page is marked. The passage the address names is marked by
//! the stylesheet (`:target`), with or without JavaScript. This island adds what CSS cannot
//! know: the term a concordance link asked for (`?term=<id>`) highlighted in that passage,
//! keyboard focus on it, and, after Back, the passage the reader left from by a counterpart
//! link, which the history entry remembers.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{self, EntryState};

/// Renders nothing; marks passages once the page is live.
#[island]
pub fn PassageMarks() -> impl IntoView {
    Effect::new(move |_| {
        let Some(document) = browser::document() else {
            return;
        };
        if let Some(anchor) = browser::fragment()
            && let Some(target) = document.get_element_by_id(&anchor)
        {
            if let Some(term) = browser::query_param("term") {
                highlight_term(&target, &term);
            }
            if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
                // Keyboard and screen-reader users go on from the passage they were sent to.
                browser::focus_without_scrolling(&target);
            }
        }
        if let Some(origin) = browser::entry_state().origin {
            mark_origin(&document, &origin);
        }
        // Leaving by a counterpart link: remember the passage, and mark it already, for a
        // Back that restores this page from the back-forward cache as it was.
        gloo_events::EventListener::new(&document, "click", move |event| {
            let Some(link) = browser::closest(event.target(), "a[data-origin]") else {
                return;
            };
            let Some(origin) = link.get_attribute("data-origin") else {
                return;
            };
            if let Some(document) = browser::document() {
                mark_origin(&document, &origin);
            }
            browser::set_entry_state(&EntryState {
                origin: Some(origin),
            });
        })
        .forget();
    });
}

/// Highlights the occurrences of entry `term` inside `passage`.
fn highlight_term(passage: &web_sys::Element, term: &str) {
    // Entry ids are slugs, but a hand-typed query could hold anything: keep slug characters.
    let term: String = term
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let selector = format!("a.term[data-entry=\"{term}\"]");
    for mark in browser::elements(passage.query_selector_all(&selector)) {
        let _ = mark.class_list().add_1("is-highlighted");
    }
}

/// Marks the passage with id `origin` as the one the reader left from, and no other.
fn mark_origin(document: &web_sys::Document, origin: &str) {
    for marked in browser::elements(document.query_selector_all(".block.is-origin")) {
        let _ = marked.class_list().remove_1("is-origin");
    }
    if let Some(element) = document.get_element_by_id(origin) {
        let _ = element.class_list().add_1("is-origin");
    }
}
