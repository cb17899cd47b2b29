//! The page for an address the reader does not know.

use corpus::paths;
use leptos::prelude::*;

use crate::components::requested_address::RequestedAddress;
use crate::hooks::{use_href, use_title};

/// Shown for any unknown address, with a way home. One file (`404.html`) serves every
/// unknown address, so the address itself is filled in by an island in the browser.
#[component]
pub fn NotFound() -> impl IntoView {
    use_title("Not found · Source Reader");
    let href = use_href();
    view! {
        <div class="page not-found">
            <h1>"Page not found"</h1>
            <p>"There is nothing at " <RequestedAddress /> "."</p>
            <p>
                <a href=href(paths::LIBRARY)>"Go to the library"</a>
                " or "
                <a href=href(paths::GLOSSARY)>"browse the glossary"</a>
                "."
            </p>
        </div>
    }
}
