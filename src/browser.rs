//! The few direct browser calls the islands make, kept out of rendering: they run in
//! effects (after hydration, never at build time) and in event handlers.
//!
//! Fetching goes through gloo-net and the history state through serde-wasm-bindgen. What
//! remains raw web-sys is what those crates do not cover: the address's parts, classes and
//! focus, the popover API and measuring the layout.

use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

/// Shows a Rust panic as a message in the page (and in the console) instead of a page that
/// silently stops answering.
pub fn show_panics_in_page() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!(
            "Sorry, the reader stopped because of an internal error: {info}. Reload the page to go on."
        );
        web_sys::console::error_1(&message.clone().into());
        if let Some(notice) = document().and_then(|doc| doc.get_element_by_id("app-panic")) {
            notice.set_text_content(Some(&message));
            let _ = notice.remove_attribute("hidden");
        }
    }));
}

/// The page's document.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn location() -> Option<web_sys::Location> {
    Some(web_sys::window()?.location())
}

/// The path of the address.
pub fn pathname() -> Option<String> {
    location()?.pathname().ok()
}

/// The fragment of the address, without `#` (None when empty).
pub fn fragment() -> Option<String> {
    let hash = location()?.hash().ok()?;
    let id = hash.trim_start_matches('#');
    // A fragment is percent-encoded in the address; ids are compared decoded.
    let decoded = js_sys::decode_uri_component(id).ok()?.as_string()?;
    (!decoded.is_empty()).then_some(decoded)
}

/// A parameter of the address's query.
pub fn query_param(name: &str) -> Option<String> {
    let search = location()?.search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Replaces the address's query with `pairs` (no new history entry, no scrolling), keeping
/// the path, the fragment and the history state.
pub fn replace_query(pairs: &[(&str, String)]) {
    let (Some(window), Some(path)) = (web_sys::window(), pathname()) else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new() else {
        return;
    };
    for (name, value) in pairs {
        params.append(name, value);
    }
    let query = String::from(params.to_string());
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// Adds or removes `class` on the element with this id.
pub fn set_class_by_id(id: &str, class: &str, on: bool) {
    if let Some(element) = document().and_then(|doc| doc.get_element_by_id(id)) {
        let _ = element.class_list().toggle_with_force(class, on);
    }
}

/// Fetches a file of the site as bytes.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|error| format!("{url}: {error}"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    response
        .binary()
        .await
        .map_err(|error| format!("{url}: {error}"))
}

/// Focuses an element (making it focusable by script if it is not) without moving the page.
pub fn focus_without_scrolling(element: &web_sys::HtmlElement) {
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// What this page keeps in its history entry: the passage the reader left it from by a
/// counterpart link, to mark when they come Back.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct EntryState {
    /// The anchor of the passage the reader left from.
    pub origin: Option<String>,
}

/// The current history entry's state (default when there is none or it is not ours).
pub fn entry_state() -> EntryState {
    web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|state| serde_wasm_bindgen::from_value(state).ok())
        .unwrap_or_default()
}

/// Stores `state` in the current history entry (its address unchanged).
pub fn set_entry_state(state: &EntryState) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else {
        return;
    };
    if let Ok(value) = serde_wasm_bindgen::to_value(state) {
        let _ = history.replace_state(&value, "");
    }
}

/// The elements of a `querySelectorAll` result (none when the selector was refused).
pub fn elements(
    list: Result<web_sys::NodeList, wasm_bindgen::JsValue>,
) -> impl Iterator<Item = web_sys::Element> {
    let list = list.ok();
    let length = list.as_ref().map_or(0, web_sys::NodeList::length);
    (0..length).filter_map(move |index| {
        list.as_ref()?
            .item(index)?
            .dyn_into::<web_sys::Element>()
            .ok()
    })
}

/// The nearest element at or above `target` matching `selector`.
pub fn closest(
    target: Option<web_sys::EventTarget>,
    selector: &str,
) -> Option<web_sys::HtmlElement> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
}

/// Showing, placing and closing the glossary popover.
pub mod popover {
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;
    use web_sys::{DomRect, HtmlElement};

    use super::document;

    thread_local! {
        /// The term that opened the popover: focus goes back to it when the popover closes.
        /// (The term is static HTML outside the island, so no signal or node ref owns it.)
        static INVOKER: RefCell<Option<HtmlElement>> = const { RefCell::new(None) };
    }

    /// Space kept between the popover and the viewport's edges, and between it and the term.
    const MARGIN: f64 = 8.0;

    fn element(id: &str) -> Option<HtmlElement> {
        document()?.get_element_by_id(id)?.dyn_into().ok()
    }

    /// Shows the popover next to `term`, placed and focused, in the same task as the click
    /// (its content has been rendered already), so it is on screen in the next frame.
    /// `point` is where the pointer was, to pick the right line of a term that wraps.
    pub fn open(id: &str, term: HtmlElement, point: Option<(f64, f64)>) {
        if let Some(previous) = INVOKER.with_borrow_mut(|slot| slot.replace(term.clone())) {
            let _ = previous.set_attribute("aria-expanded", "false");
        }
        let _ = term.set_attribute("aria-expanded", "true");
        let _ = term.set_attribute("aria-controls", id);
        let Some(popover) = element(id) else { return };
        if !popover.matches(":popover-open").unwrap_or(false) {
            // With the term as its source, Tab goes from the term into the popover and
            // from the popover's end on to what follows the term.
            let options = web_sys::ShowPopoverOptions::new();
            options.set_source(&term);
            let _ = popover.show_popover_with_options(&options);
        }
        place(&popover, &term, point);
        // Without preventScroll the page's scroll padding would move it off its term.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = popover.focus_with_options(&options);
    }

    /// After the popover opened or closed: on closing, mark the term collapsed and, if focus
    /// was in the popover (or nowhere), give it back to the term.
    pub fn after_toggle(id: &str) {
        let Some(popover) = element(id) else { return };
        if popover.matches(":popover-open").unwrap_or(false) {
            return;
        }
        let Some(term) = INVOKER.with_borrow_mut(Option::take) else {
            return;
        };
        let _ = term.set_attribute("aria-expanded", "false");
        let active = document().and_then(|doc| doc.active_element());
        let focus_was_inside = match &active {
            None => true,
            Some(active) => popover.contains(Some(active)) || active.tag_name() == "BODY",
        };
        if focus_was_inside {
            let _ = term.focus();
        }
    }

    /// A length in whole CSS pixels (formatting floats would add their code to the wasm).
    fn px(length: f64) -> i64 {
        length.round() as i64
    }

    /// The line box of the term to point at: the one under the pointer, else the first.
    fn line_rect(term: &HtmlElement, point: Option<(f64, f64)>) -> DomRect {
        let rects = term.get_client_rects();
        let lines: Vec<DomRect> = (0..rects.length()).filter_map(|i| rects.get(i)).collect();
        point
            .and_then(|(x, y)| {
                lines.iter().find(|r| {
                    x >= r.left() - 1.0
                        && x <= r.right() + 1.0
                        && y >= r.top() - 1.0
                        && y <= r.bottom() + 1.0
                })
            })
            .or(lines.first())
            .cloned()
            .unwrap_or_else(|| term.get_bounding_client_rect())
    }

    /// Places the popover below the term's line, or above it when there is more room there;
    /// where neither side has room for all of it, it is shortened (it scrolls) rather than
    /// laid over the term. Centred on the term and kept inside the viewport. Set through
    /// the CSSOM, which a strict style-src allows (no style attribute is ever written in
    /// the HTML).
    fn place(popover: &HtmlElement, term: &HtmlElement, point: Option<(f64, f64)>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(root) = document().and_then(|doc| doc.document_element()) else {
            return;
        };
        let viewport_width = f64::from(root.client_width());
        let viewport_height = f64::from(root.client_height());
        let (scroll_x, scroll_y) = (
            window.scroll_x().unwrap_or(0.0),
            window.scroll_y().unwrap_or(0.0),
        );
        let line = line_rect(term, point);
        let style = popover.style();
        let _ = style.remove_property("max-height");
        let natural_height = f64::from(popover.offset_height());

        let room_below = viewport_height - line.bottom() - 2.0 * MARGIN;
        let room_above = line.top() - 2.0 * MARGIN;
        let above = natural_height > room_below && room_above > room_below;
        let room = if above { room_above } else { room_below };
        if natural_height > room {
            let _ = style.set_property(
                "max-height",
                &format!("min(70vh, 32rem, {}px)", px(room.max(96.0))),
            );
        }
        let height = f64::from(popover.offset_height());
        let width = f64::from(popover.offset_width());
        let top = if above {
            line.top() - MARGIN - height
        } else {
            line.bottom() + MARGIN
        };
        let centre = line.left() + line.width() / 2.0;
        let left =
            (centre - width / 2.0).clamp(MARGIN, (viewport_width - width - MARGIN).max(MARGIN));

        let _ = style.set_property("left", &format!("{}px", px(left + scroll_x)));
        let _ = style.set_property("top", &format!("{}px", px(top.max(MARGIN) + scroll_y)));
        let _ = popover.class_list().toggle_with_force("is-above", above);
    }
}
