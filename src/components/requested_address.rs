//! The address the reader asked for, on the not-found page. One `404.html` answers every
//! unknown address, so the page is built with a neutral phrase and the island puts the real
//! address in once it runs.

use leptos::prelude::*;

use crate::browser;

/// The requested path, in `<code>`.
#[island]
pub fn RequestedAddress() -> impl IntoView {
    let path = RwSignal::new(None::<String>);
    Effect::new(move |_| path.set(browser::pathname()));
    view! {
        <code>{move || path.get().unwrap_or_else(|| "this address".to_string())}</code>
    }
}
