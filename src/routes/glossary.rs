//! The glossary index, `/glossary`: every entry A–Z, with the filters of the
//! [`GlossaryIndex`] island.

use corpus::paths;
use corpus::text::first_sentence;
use leptos::prelude::*;

use crate::components::glossary_index::{GlossaryIndex, IndexItem};
use crate::data::corpus;
use crate::hooks::{use_href, use_title};

/// `/glossary`.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    use_title("Glossary · Source Reader");
    let href = use_href();
    let entries: Vec<IndexItem> = corpus()
        .glossary
        .iter()
        .map(|entry| IndexItem {
            href: href(&paths::entry(&entry.id)),
            index_name: entry.index_name.clone(),
            kind: entry.kind,
            gist: first_sentence(&entry.definition).to_string(),
            search: IndexItem::search_text(
                [entry.headword.as_str(), entry.index_name.as_str()]
                    .into_iter()
                    .chain(entry.aliases.iter().map(String::as_str)),
            ),
        })
        .collect();
    view! {
        <div class="page glossary">
            <h1>"Glossary"</h1>
            <p class="lede">
                {corpus().glossary.len()}
                " entries: the people, bodies, ideas, events, documents and places of the sources, each with every spelling they use."
            </p>
            <GlossaryIndex entries=entries />
        </div>
    }
}
