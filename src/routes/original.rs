//! A document's original text: the seed file exactly as it is, furniture and all.

use corpus::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::browser::set_title;
use crate::data::corpus;
use crate::routes::not_found::NotFound;

/// The original-text view of `/doc/:slug/original`.
#[component]
pub fn OriginalPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    Effect::new(move |_| {
        if let Some((_, document)) = corpus().document(&slug.get()) {
            set_title(&format!(
                "Original text: {} · Source Reader",
                document.title
            ));
        }
    });
    move || {
        match corpus().document(&slug.get()) {
        None => NotFound().into_any(),
        Some((_, document)) => view! {
            <article class="page original">
                <p class="crumbs">
                    <A href=paths::document(&document.slug)>"← Reading view"</A>
                </p>
                <h1>"Original text"</h1>
                <p class="lede">
                    {document.title.as_str()} ": the file " <code>{document.file_name.as_str()}</code>
                    " exactly as it is, with its web-page furniture (" {document.source.len()} " bytes)."
                </p>
                <pre class="original-text" tabindex="0" aria-label="Original text">{document.source.as_str()}</pre>
            </article>
        }
        .into_any(),
    }
    }
}
