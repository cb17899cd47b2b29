//! The app shell and the one place where every route is declared.

use crate::components::site_header::SiteHeader;
use crate::routes::{
    compare::ComparePage, document::DocumentPage, entry::EntryPage, glossary::GlossaryPage,
    library::LibraryPage, not_found::NotFound, original::OriginalPage, parallel::ParallelPage,
};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

/// The reader: header, and the page for the current address. `base` is the prefix the site
/// is hosted under ("" at a domain root, "/reader" in a sub-folder).
#[component]
pub fn App(base: String) -> impl IntoView {
    view! {
        <Router base=base>
            <a class="skip-link" href="#main">"Skip to the text"</a>
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
            <div id="app-panic" class="app-notice" role="alert" hidden=true></div>
        </Router>
    }
}
