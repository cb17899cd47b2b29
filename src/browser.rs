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

/// Scrolls the element with this id into view and marks it as the target, clearing the mark
/// from any other; with `term`, also highlights that term's occurrences inside it.
pub fn mark_target(id: &str, term: Option<&str>) {
    let Some(doc) = document() else { return };
    clear_class(&doc, "is-target");
    clear_class(&doc, "is-highlighted");
    let Some(element) = doc.get_element_by_id(id) else {
        return;
    };
    let _ = element.class_list().add_1("is-target");
    if let Some(term) = term {
        if let Ok(marks) =
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
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
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
