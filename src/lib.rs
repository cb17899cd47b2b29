//! The source reader's view layer: one Leptos component tree, rendered twice.
//!
//! - At build time (feature `ssr`) the `prerender` binary renders every route of [`App`] to
//!   an HTML file, reading the whole corpus (validated and annotated by the `corpus` crate).
//!   The pages are complete: they read without JavaScript.
//! - In the browser (feature `hydrate`) the wasm holds code only. It hydrates the page's
//!   *islands*, the few interactive pieces (the glossary popover, the "also in" markers, the
//!   glossary filter, the compare toggle), and fetches the data they need; the text itself is
//!   never rendered again.

#![warn(missing_docs)]
// Deeply nested view types (a page of islands) exceed the default when their layout is computed.
#![recursion_limit = "256"]

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod browser;
mod components;

#[cfg(feature = "ssr")]
mod app;
#[cfg(feature = "ssr")]
mod data;
#[cfg(feature = "ssr")]
mod hooks;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
mod routes;

#[cfg(feature = "ssr")]
pub use app::App;

/// Browser start: shows panics in the page and makes the islands hydratable. `boot.js`
/// then hands each island on the page to its exported hydrate function.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    browser::show_panics_in_page();
    leptos::mount::hydrate_islands();
}
