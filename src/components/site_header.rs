//! The site header: the reader's name and its top-level places.

use corpus::paths;
use leptos::prelude::*;
use leptos_router::components::A;

/// The banner at the top of every page.
#[component]
pub fn SiteHeader() -> impl IntoView {
    view! {
        <header class="site-header">
            <A href=paths::LIBRARY attr:class="site-name">"Source Reader"</A>
            <nav aria-label="Main">
                <A href=paths::LIBRARY>"Library"</A>
                <A href=paths::GLOSSARY>"Glossary"</A>
            </nav>
        </header>
    }
}
