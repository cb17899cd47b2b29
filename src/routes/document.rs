//! A document's reading view, `/doc/:slug`, with deep links to its passages.

use corpus::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::browser::set_title;
use crate::components::document_text::DocumentText;
use crate::data::corpus;
use crate::routes::library::thousands;
use crate::routes::not_found::NotFound;

/// The reading view. (A `#anchor` in the address is scrolled to and marked, and `?term=id`
/// highlighted in it, by `LocationScroll`.)
#[component]
pub fn DocumentPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());

    Effect::new(move |_| {
        if let Some((_, document)) = corpus().document(&slug.get()) {
            set_title(&format!("{} · Source Reader", document.title));
        }
    });

    move || {
        match corpus().document(&slug.get()) {
        None => NotFound().into_any(),
        Some((index, document)) => view! {
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
                        {thousands(document.word_count)} " words · " {document.reading_minutes()} " min read · "
                        <A href=paths::original(&document.slug)>"Original text"</A>
                    </p>
                    <SideBySideLinks doc=index />
                </header>
                <DocumentText doc=index />
            </article>
        }
        .into_any(),
    }
    }
}

/// Links to read this document side by side with each edition it shares passages with.
#[component]
fn SideBySideLinks(doc: corpus::model::DocIndex) -> impl IntoView {
    let this = &corpus().documents[doc as usize];
    corpus()
        .parallel_documents(doc)
        .into_iter()
        .map(|(other, count)| {
            let other = &corpus().documents[other as usize];
            view! {
                <p class="document-tools">
                    <A href=paths::parallel(&this.slug, &other.slug)>
                        {format!("Read side by side with “{}”", other.title)}
                    </A>
                    {format!(" ({count} shared passages)")}
                </p>
            }
        })
        .collect_view()
}
