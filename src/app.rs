//! The app shell and the one place where every route is declared.

use crate::components::location_scroll::LocationScroll;
use crate::components::site_header::SiteHeader;
use crate::components::term_popover::{TermPopoverHost, provide_term_popover};
use crate::routes::{
    compare::ComparePage, document::DocumentPage, entry::EntryPage, glossary::GlossaryPage,
    library::LibraryPage, not_found::NotFound, original::OriginalPage, parallel::ParallelPage,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The reader: header, and the page for the current address.
#[component]
pub fn App() -> impl IntoView {
    provide_term_popover();
    view! {
        <Router>
            <a
                class="skip-link"
                href="#main"
                on:click=|event| {
                    event.prevent_default();
                    crate::browser::skip_to_main();
                }
            >
                "Skip to the text"
            </a>
            <SiteHeader />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LibraryPage />
                    <Route path=path!("/doc/:slug") view=DocumentPage />
                    <Route path=path!("/doc/:slug/original") view=OriginalPage />
                    <Route path=path!("/compare/:da/:pa/:db/:pb") view=ComparePage />
                    <Route path=path!("/parallel/:a/:b") view=ParallelPage />
                    <Route path=path!("/glossary") view=GlossaryPage />
                    <Route path=path!("/glossary/:id") view=EntryPage />
                </Routes>
            </main>
            <TermPopoverHost />
            <LocationScroll />
        </Router>
    }
}
