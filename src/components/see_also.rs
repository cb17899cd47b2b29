//! An entry's "see also" links, in the popover and on the entry page alike.

use corpus::model::Entry;
use corpus::paths;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::data::corpus;

/// The related entries of `entry` as a list of links (nothing when it has none).
#[component]
pub fn SeeAlsoList(entry: &'static Entry) -> impl IntoView {
    (!entry.see_also.is_empty()).then(|| {
        let links = entry
            .see_also
            .iter()
            .map(|&other| {
                let other = &corpus().glossary[other as usize];
                view! { <li><A href=paths::entry(&other.id)>{other.headword.as_str()}</A></li> }
            })
            .collect_view();
        view! { <ul class="see-also-list">{links}</ul> }
    })
}
