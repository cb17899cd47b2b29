//! The glossary index (filled in with the glossary issue).

use leptos::prelude::*;

/// `/glossary`.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    view! { <div class="page"><h1>"Glossary"</h1></div> }
}
