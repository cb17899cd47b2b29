//! A glossary entry's page (filled in with the glossary issue).

use leptos::prelude::*;

/// `/glossary/:id`.
#[component]
pub fn EntryPage() -> impl IntoView {
    view! { <div class="page"><h1>"Entry"</h1></div> }
}
