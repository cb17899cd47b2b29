//! Small hooks shared by pages at build time.

use leptos::prelude::*;
use std::sync::{Arc, Mutex};

/// The page's title, written by the page and read by the renderer for `<title>`.
#[derive(Clone, Default)]
pub struct PageTitle(pub Arc<Mutex<String>>);

/// The prefix the site is hosted under ("" or "/reader"), for addresses outside the router
/// (plain links, island props, data files).
#[derive(Clone)]
pub struct SiteBase(pub String);

/// The app path the page is rendered for ("/doc/x/", without the base prefix).
#[derive(Clone)]
pub struct RoutePath(pub String);

/// The app path of the page being rendered.
pub fn use_route_path() -> String {
    use_context::<RoutePath>().map(|p| p.0).unwrap_or_default()
}

/// Sets the page's title (the tab title and the `<title>` of the file).
pub fn use_title(title: impl Into<String>) {
    if let Some(PageTitle(slot)) = use_context::<PageTitle>() {
        *slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = title.into();
    }
}

/// The address of an app path on this site, base prefix included.
pub fn use_href() -> impl Fn(&str) -> String + Clone + Send + Sync + 'static {
    let base = use_context::<SiteBase>().map(|b| b.0).unwrap_or_default();
    move |path: &str| corpus::paths::under(&base, path)
}

/// The base prefix itself, for islands that build addresses in the browser.
pub fn use_base() -> String {
    use_context::<SiteBase>().map(|b| b.0).unwrap_or_default()
}
