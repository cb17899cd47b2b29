//! The page for an address the reader does not know.

use corpus::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::browser::set_title;

/// Shown for any unknown address, with a way home.
#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    Effect::new(|_| set_title("Not found · Source Reader"));
    view! {
        <div class="page not-found">
            <h1>"Page not found"</h1>
            <p>"There is nothing at " <code>{move || location.pathname.get()}</code> "."</p>
            <p>
                <A href=paths::LIBRARY>"Go to the library"</A>
                " or "
                <A href=paths::GLOSSARY>"browse the glossary"</A>
                "."
            </p>
        </div>
    }
}
