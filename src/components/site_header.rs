//! The site header: the reader's name and its top-level places.

use corpus::paths;
use leptos::prelude::*;

use crate::hooks::{use_href, use_route_path};

/// The banner at the top of every page. The place the page belongs to is marked: the
/// library on its own page (`aria-current="page"`), the glossary on its index
/// (`"page"`) and on every entry page (`"true"`: within that place).
#[component]
pub fn SiteHeader() -> impl IntoView {
    let href = use_href();
    let here = use_route_path();
    let library = (here == paths::LIBRARY).then_some("page");
    let glossary = if here == paths::GLOSSARY {
        Some("page")
    } else if here.starts_with(paths::GLOSSARY) {
        Some("true")
    } else {
        None
    };
    view! {
        <header class="site-header">
            <a href=href(paths::LIBRARY) class="site-name">"Source Reader"</a>
            <nav aria-label="Main">
                <a href=href(paths::LIBRARY) aria-current=library>"Library"</a>
                <a href=href(paths::GLOSSARY) aria-current=glossary>"Glossary"</a>
            </nav>
        </header>
    }
}
