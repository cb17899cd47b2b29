//! Where the page goes when the address changes: back to where it was after Back or
//! Forward; to the `#passage` the address names, marked (with `?term=` highlighted in it);
//! else where the router puts it (the top).

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

use crate::browser::{after_render, mark_target, scroll_memory};

/// Renders nothing; watches the address for every page.
#[component]
pub fn LocationScroll() -> impl IntoView {
    let location = use_location();
    let query = use_query_map();
    Effect::new(move |_| {
        location.pathname.track();
        let anchor = location.hash.get().trim_start_matches('#').to_string();
        let term = query.read().get("term");
        if scroll_memory::restore_if_returning() {
            return;
        }
        if !anchor.is_empty() {
            after_render(move || mark_target(&anchor, term.as_deref(), true));
        }
    });
}
