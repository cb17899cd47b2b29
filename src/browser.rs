//! The few direct browser calls the app makes, kept out of rendering: they run at start-up,
//! in effects or in event handlers.

use wasm_bindgen::JsCast;

/// Shows a Rust panic as a message in the page (and in the console) instead of a blank or
/// frozen screen.
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

/// A static server answers `/doc/x` with a redirect to `/doc/x/` (its folder); the app's
/// routes have no trailing slash, so the address is put back before the router reads it.
pub fn drop_trailing_slash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Ok(path) = location.pathname() else {
        return;
    };
    if path.len() > 1 && path.ends_with('/') {
        let search = location.search().unwrap_or_default();
        let hash = location.hash().unwrap_or_default();
        let trimmed = format!("{}{search}{hash}", path.trim_end_matches('/'));
        if let Ok(history) = window.history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&trimmed));
        }
    }
}

/// The page's document.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Sets the tab title.
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

/// Marks the element with this id as the target, clearing the mark from any other, and
/// with `scroll` brings it into view; with `term`, also highlights that term's occurrences
/// inside it.
pub fn mark_target(id: &str, term: Option<&str>, scroll: bool) {
    let Some(doc) = document() else { return };
    clear_class(&doc, "is-target");
    clear_class(&doc, "is-highlighted");
    let Some(element) = doc.get_element_by_id(id) else {
        return;
    };
    let _ = element.class_list().add_1("is-target");
    if let Some(term) = term
        && let Ok(marks) =
            element.query_selector_all(&format!("[data-entry=\"{}\"]", css_escape(term)))
    {
        for index in 0..marks.length() {
            if let Some(mark) = marks
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                let _ = mark.class_list().add_1("is-highlighted");
            }
        }
    }
    if scroll {
        // A passage taller than the window is shown from its start, not its middle.
        let window_height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let tall = element.get_bounding_client_rect().height() > window_height * 0.8;
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(if tall {
            web_sys::ScrollLogicalPosition::Start
        } else {
            web_sys::ScrollLogicalPosition::Center
        });
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
    // Keyboard and screen-reader users go on from the passage they were sent to.
    if let Ok(target) = element.dyn_into::<web_sys::HtmlElement>() {
        focus_without_scrolling(&target);
    }
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

/// The skip link's target: the main region, focused and scrolled to.
pub fn skip_to_main() {
    let Some(main) = document()
        .and_then(|doc| doc.get_element_by_id("main"))
        .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    main.scroll_into_view();
    focus_without_scrolling(&main);
}

fn clear_class(doc: &web_sys::Document, class: &str) {
    if let Ok(marked) = doc.query_selector_all(&format!(".{class}")) {
        for index in 0..marked.length() {
            if let Some(element) = marked
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                let _ = element.class_list().remove_1(class);
            }
        }
    }
}

/// Entry ids are slugs, but a hand-typed query could hold anything: keep only slug characters.
fn css_escape(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}

/// Runs `f` on the next animation frame, after the current render has reached the DOM.
pub fn after_render(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = window.request_animation_frame(callback.unchecked_ref());
}

/// Showing, placing and closing the glossary popover.
pub mod popover {
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;
    use web_sys::{DomRect, EventTarget, HtmlElement};

    use super::{after_render, document};

    thread_local! {
        /// The term that opened the popover: focus goes back to it when the popover closes.
        static INVOKER: RefCell<Option<HtmlElement>> = const { RefCell::new(None) };
    }

    /// Space kept between the popover and the viewport's edges, and between it and the term.
    const MARGIN: f64 = 8.0;

    fn element(id: &str) -> Option<HtmlElement> {
        document()?.get_element_by_id(id)?.dyn_into().ok()
    }

    /// Opens the popover next to the term `target` (or the term containing it); `point` is
    /// where the pointer was, to pick the right line of a term that wraps.
    pub fn open(id: &str, target: Option<EventTarget>, point: Option<(f64, f64)>) {
        let Some(term) = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".term").ok().flatten())
            .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        else {
            return;
        };
        if let Some(previous) = INVOKER.with_borrow_mut(|slot| slot.replace(term.clone())) {
            let _ = previous.set_attribute("aria-expanded", "false");
        }
        let _ = term.set_attribute("aria-expanded", "true");
        let id = id.to_owned();
        // The popover's content follows the signal on the next tick: show and measure after it.
        after_render(move || {
            let Some(popover) = element(&id) else { return };
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
        });
    }

    /// Closes the popover if it is open, because the reader went elsewhere: focus is not
    /// sent back to the term (it belongs to where the reader went).
    pub fn close(id: &str) {
        if let Some(term) = INVOKER.with_borrow_mut(Option::take) {
            let _ = term.set_attribute("aria-expanded", "false");
        }
        if let Some(popover) = element(id)
            && popover.matches(":popover-open").unwrap_or(false)
        {
            let _ = popover.hide_popover();
        }
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
    /// laid over the term. Centred on the term and kept inside the viewport.
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
                &format!("min(70vh, 32rem, {}px)", room.max(96.0)),
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

        let _ = style.set_property("left", &format!("{}px", left + scroll_x));
        let _ = style.set_property("top", &format!("{}px", top.max(MARGIN) + scroll_y));
        let _ = popover.class_list().toggle_with_force("is-above", above);
    }
}

/// Back and Forward return to the scroll position a page was left at, and mark the passage
/// the reader left from. The browser cannot do this itself here: when it would restore the
/// position, the page it belongs to has not been rendered yet.
pub mod scroll_memory {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    thread_local! {
        /// Last scroll position of each address visited (path, query and hash).
        static POSITIONS: RefCell<HashMap<String, f64>> = RefCell::new(HashMap::new());
        /// The passage each page was left from by a counterpart link, by path.
        static ORIGINS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
        /// The address a Back or Forward has just gone to, with the position saved for it,
        /// read at once: swapping the page out fires scroll events under the new address
        /// that would overwrite it before the page is rendered.
        static RETURNING_TO: RefCell<Option<(String, Option<f64>)>> = const { RefCell::new(None) };
    }

    fn address() -> Option<String> {
        let location = web_sys::window()?.location();
        Some(format!(
            "{}{}{}",
            location.pathname().ok()?,
            location.search().ok()?,
            location.hash().ok()?
        ))
    }

    /// Starts remembering scroll positions and noticing Back and Forward.
    pub fn install() {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(history) = window.history() {
            let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
        }
        // Recorded on every scroll event, synchronously: by the time a link changes the
        // address, the old address's last position is already stored.
        let on_scroll = Closure::<dyn Fn()>::new(|| {
            let Some(window) = web_sys::window() else {
                return;
            };
            if let (Some(address), Ok(y)) = (address(), window.scroll_y()) {
                POSITIONS.with_borrow_mut(|positions| positions.insert(address, y));
            }
        });
        let on_popstate = Closure::<dyn Fn()>::new(|| {
            let returning = address().map(|here| {
                let saved = POSITIONS.with_borrow(|positions| positions.get(&here).copied());
                (here, saved)
            });
            RETURNING_TO.set(returning);
        });
        let _ =
            window.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
        let _ = window
            .add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
        // Both live as long as the page.
        on_scroll.forget();
        on_popstate.forget();
    }

    /// Notes that the reader leaves the page at `path` from the passage `anchor`.
    pub fn leaving_from(path: &str, anchor: &str) {
        ORIGINS.with_borrow_mut(|origins| origins.insert(path.to_owned(), anchor.to_owned()));
    }

    /// If the current address was reached by Back or Forward: restores its scroll position
    /// and marks the passage it was left from, after the page has rendered, and says so.
    pub fn restore_if_returning() -> bool {
        let Some(here) = address() else { return false };
        // A fragment navigation (a permalink pasted into the open page) also fires popstate,
        // to an address with no saved position: that is no return; its target is marked.
        let saved = match RETURNING_TO.take() {
            Some((to, Some(saved))) if to == here => saved,
            _ => return false,
        };
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        super::after_render(move || {
            if let Some(origin) = ORIGINS.with_borrow_mut(|origins| origins.remove(&path)) {
                super::mark_target(&origin, None, false);
            }
            if let Some(window) = web_sys::window() {
                window.scroll_to_with_x_and_y(0.0, saved);
            }
        });
        true
    }
}
