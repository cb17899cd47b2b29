//! Small hooks shared by pages.

use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;

/// A function that replaces the current address (no new history entry, no scroll): for state
/// kept in the query string, such as filters and toggles, so that it can be linked to.
pub fn use_replace_address() -> impl Fn(&str) + Clone {
    let navigate = use_navigate();
    move |url: &str| {
        navigate(
            url,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    }
}
