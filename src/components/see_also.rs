//! An entry's "see also" links, in the popover and on the entry page alike.

use leptos::prelude::*;

/// Related entries as a list of links: (address, headword) each.
#[component]
pub fn SeeAlsoList(links: Vec<(String, String)>) -> impl IntoView {
    (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .map(|(href, headword)| view! { <li><a href=href>{headword}</a></li> })
            .collect_view();
        view! { <ul class="see-also-list">{items}</ul> }
    })
}
