//! The source reader's view layer: a Leptos client-side app over the pre-built corpus.
//!
//! The corpus is validated, segmented and annotated at build time (see `build.rs` and the
//! `corpus` crate) and embedded here; this crate only decodes it once and renders it.

#![warn(missing_docs)]

mod app;
mod browser;
mod components;
mod data;
mod hooks;
mod routes;

pub use app::App;

/// Installs the panic message and mounts the app on the page body.
pub fn start() {
    browser::show_panics_in_page();
    browser::drop_trailing_slash();
    browser::scroll_memory::install();
    leptos::mount::mount_to_body(App);
}
