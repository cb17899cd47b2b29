//! A glossary entry's page, `/glossary/:id`: the entry and every occurrence in context, a
//! keyword-in-context concordance grouped by document.

use corpus::model::Entry;
use corpus::paths;
use corpus::text::context;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::see_also::SeeAlsoList;
use crate::data::corpus;
use crate::hooks::{use_href, use_title};
use crate::routes::not_found::NotFound;

/// Characters of context on each side of an occurrence.
const CONTEXT_CHARS: usize = 70;

/// `/glossary/:id`.
#[component]
pub fn EntryPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .unwrap_or_default();
    match corpus().entry(&id) {
        None => NotFound().into_any(),
        Some((_, entry)) => {
            use_title(format!("{} · Glossary · Source Reader", entry.headword));
            view! { <EntryArticle entry=entry /> }.into_any()
        }
    }
}

#[component]
fn EntryArticle(entry: &'static Entry) -> impl IntoView {
    let dates = (!entry.dates.is_empty())
        .then(|| view! { <p class="entry-dates">{entry.dates.as_str()}</p> });
    let href = use_href();
    let see_also = (!entry.see_also.is_empty()).then(|| {
        let links = entry
            .see_also
            .iter()
            .map(|&other| {
                let other = &corpus().glossary[other as usize];
                (href(&paths::entry(&other.id)), other.headword.clone())
            })
            .collect();
        view! {
            <h2>"See also"</h2>
            <SeeAlsoList links=links />
        }
    });
    view! {
        <article class="page entry">
            <p class="crumbs"><a href=href(paths::GLOSSARY)>"← Glossary"</a></p>
            <p class="document-kind">{entry.kind.label()}</p>
            <h1>{entry.headword.as_str()}</h1>
            {dates}
            <p class="entry-definition">{entry.definition.as_str()}</p>
            <p class="entry-aliases">
                <span class="label">"Spellings in the sources: "</span>
                {entry.aliases.join(" · ")}
            </p>
            {see_also}
            <h2>"In this corpus"</h2>
            <p>{occurrence_summary(entry)}</p>
            <Concordance entry=entry />
        </article>
    }
}

fn occurrence_summary(entry: &Entry) -> String {
    let documents = corpus().documents.len();
    let mut with: Vec<u16> = entry.occurrences.iter().map(|o| o.doc).collect();
    with.dedup();
    match entry.occurrences.len() {
        0 => "It does not occur in the text.".to_string(),
        1 => "One occurrence.".to_string(),
        n => format!(
            "{n} occurrences in {} of the {documents} documents.",
            with.len()
        ),
    }
}

/// Every occurrence in context, grouped by document; each line links to its passage.
#[component]
fn Concordance(entry: &'static Entry) -> impl IntoView {
    let href = use_href();
    // Occurrences are in document order: one group per document, in one pass.
    entry
        .occurrences
        .chunk_by(|a, b| a.doc == b.doc)
        .map(|group| {
            let document = &corpus().documents[group[0].doc as usize];
            let lines = group
                .iter()
                .map(|occurrence| {
                    let block = &document.blocks[occurrence.block as usize];
                    let text = document.text(block);
                    let (start, end) = ((occurrence.start - block.start) as usize, (occurrence.end - block.start) as usize);
                    let (left, right) = context(text, start, end, CONTEXT_CHARS);
                    view! {
                        <li>
                            <a href=href(&paths::occurrence(&document.slug, &block.anchor, &entry.id))>
                                <span class="kwic-left">{left}</span>
                                <mark class="kwic-term">{&text[start..end]}</mark>
                                <span class="kwic-right">{right}</span>
                            </a>
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            let count = lines.len();
            view! {
                    <section class="concordance block" id=document.slug.as_str() aria-labelledby=format!("in-{}", document.slug)>
                        <h3 id=format!("in-{}", document.slug)>
                            {document.title.as_str()}
                            <span class="occurrence-count">{format!(" ({count})")}</span>
                        </h3>
                        <ol class="kwic">{lines}</ol>
                    </section>
            }
        })
        .collect_view()
}
