//! The library: every document as a card.

use corpus::paths;
use leptos::prelude::*;

use crate::data::corpus;
use crate::hooks::{use_href, use_title};

/// Formats a count with thousands separators: 3934 -> "3,934".
pub fn thousands(value: u32) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The home page: the documents of the corpus.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let href = use_href();
    use_title("Library · Source Reader");
    let cards = corpus()
        .documents
        .iter()
        .map(|document| {
            view! {
                <li class="card">
                    <p class="card-kind">{document.kind.label()}</p>
                    <h2 class="card-title">
                        <a href=href(&paths::document(&document.slug))>{document.title.as_str()}</a>
                    </h2>
                    <p class="card-byline">{document.author.as_str()}</p>
                    <p class="card-provenance">{document.provenance.as_str()}</p>
                    <p class="card-meta">
                        {thousands(document.word_count)} " words · "
                        {document.reading_minutes()} " min read"
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="page library">
            <h1>"Library"</h1>
            <p class="lede">
                "Five sources on the struggle between Stalin and Trotsky, 1922–27. They quote one another, "
                "translate the same documents differently and disagree: open one, look terms up in the "
                "glossary, and compare how each tells it."
            </p>
            <ul class="cards">{cards}</ul>
        </div>
    }
}
