//! A document's reading view, `/doc/:slug`, with deep links to its passages.

use corpus::model::DocIndex;
use corpus::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::document_text::DocumentText;
use crate::components::passage_marks::PassageMarks;
use crate::components::term_popover::TermPopover;
use crate::data::corpus;
use crate::hooks::{use_base, use_href, use_title};
use crate::routes::library::thousands;
use crate::routes::not_found::NotFound;

/// The reading view. Its two islands: the glossary popover (which fetches the cards of the
/// entries this document uses) and the marks of the passage the address names.
#[component]
pub fn DocumentPage() -> impl IntoView {
    let slug = use_params_map()
        .read_untracked()
        .get("slug")
        .unwrap_or_default();
    let Some((index, document)) = corpus().document(&slug) else {
        return NotFound().into_any();
    };
    use_title(format!("{} · Source Reader", document.title));
    let href = use_href();
    view! {
        <article class="page document" aria-labelledby="document-title">
            <header class="document-header">
                <p class="document-kind">{document.kind.label()}</p>
                <h1 id="document-title">{document.title.as_str()}</h1>
                <dl class="document-meta">
                    <dt>"Author"</dt>
                    <dd>{document.author.as_str()}</dd>
                    <dt>"Date"</dt>
                    <dd>{document.date.as_str()}</dd>
                    <dt>"Source"</dt>
                    <dd>{document.provenance.as_str()}</dd>
                </dl>
                <p class="document-tools">
                    {thousands(document.word_count)} " words · " {document.reading_minutes()}
                    " min read · " <a href=href(&paths::original(&document.slug))>"Original text"</a>
                </p>
                <SideBySideLinks doc=index />
            </header>
            <DocumentText doc=index />
        </article>
        <TermPopover cards_url=href(&paths::glossary_cards(&document.slug)) base=use_base() />
        <PassageMarks />
    }
    .into_any()
}

/// Links to read this document side by side with each edition it shares passages with.
#[component]
fn SideBySideLinks(doc: DocIndex) -> impl IntoView {
    let href = use_href();
    let this = &corpus().documents[doc as usize];
    corpus()
        .side_by_side_documents(doc)
        .into_iter()
        .map(|(other_index, count)| {
            let other = &corpus().documents[other_index as usize];
            // One page per pair: the edition earlier in the catalog is on the left.
            let pair = if doc < other_index {
                paths::parallel(&this.slug, &other.slug)
            } else {
                paths::parallel(&other.slug, &this.slug)
            };
            view! {
                <p class="document-tools">
                    <a href=href(&pair)>
                        {format!("Read side by side with “{}”", other.title)}
                    </a>
                    {format!(" ({count} shared passages)")}
                </p>
            }
        })
        .collect_view()
}
