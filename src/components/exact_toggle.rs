//! The checkbox of the compare views that shows or hides typographic differences. The page
//! holds both versions and CSS shows the one the box asks for, so it works without
//! JavaScript; the island keeps the choice in the address (`?exact=1`) so it can be linked.

use leptos::prelude::*;

use crate::browser;

/// The toggle.
#[island]
pub fn ExactToggle() -> impl IntoView {
    let exact = RwSignal::new(false);
    // After hydration: the address may ask for the exact version.
    Effect::new(move |_| exact.set(browser::query_param("exact").as_deref() == Some("1")));
    view! {
        <label class="exact-toggle">
            <input
                type="checkbox"
                name="exact"
                prop:checked=move || exact.get()
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    exact.set(on);
                    let query: Vec<(&str, String)> =
                        if on { vec![("exact", "1".to_string())] } else { Vec::new() };
                    browser::replace_query(&query);
                }
            />
            " Show differences of quote style, dashes, case and spacing"
        </label>
    }
}
