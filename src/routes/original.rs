//! A document's original text: the seed file exactly as it is, furniture and all.

use corpus::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::data::corpus;
use crate::hooks::{use_href, use_title};
use crate::routes::not_found::NotFound;

/// The original-text view of `/doc/:slug/original`.
#[component]
pub fn OriginalPage() -> impl IntoView {
    let href = use_href();
    let params = use_params_map();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    {
        match corpus().document(&slug) {
            None => NotFound().into_any(),
            Some((_, document)) => {
                use_title(format!("Original text: {} · Source Reader", document.title));
                view! {
            <article class="page original">
                <p class="crumbs">
                    <a href=href(&paths::document(&document.slug))>"← Reading view"</a>
                </p>
                <h1>"Original text"</h1>
                <p class="lede">
                    {document.title.as_str()} ": the file " <code>{document.file_name.as_str()}</code>
                    " exactly as it is, with its web-page furniture (" {document.source.len()} " bytes)."
                </p>
                <pre class="original-text" tabindex="0" aria-label="Original text">{document.source.as_str()}</pre>
            </article>
        }
        .into_any()
            }
        }
    }
}
