//! "Also in N sources": the margin marker of a passage that is told elsewhere in the corpus,
//! and the list of its counterparts it opens, each with a way there and a way to compare.

use corpus::model::{DocIndex, Link, LinkKind, PassageRef};
use corpus::paths;
use leptos::prelude::*;

use crate::data::{corpus, links_of};
use crate::hooks::use_href;

/// Characters of a counterpart shown in the list.
const SNIPPET_CHARS: usize = 180;

/// The other end of each link of `here`, with the link.
fn counterparts(here: PassageRef) -> Vec<(&'static Link, PassageRef)> {
    links_of(here)
        .iter()
        .map(|&number| {
            let link = &corpus().links[number as usize];
            (link, if link.a == here { link.b } else { link.a })
        })
        .collect()
}

/// The id of a passage's counterpart list.
pub fn list_id(anchor: &str) -> String {
    format!("also-{anchor}")
}

/// The marker's label: how many other sources tell this passage.
pub fn marker_label(here: PassageRef) -> String {
    let mut documents: Vec<DocIndex> = counterparts(here)
        .iter()
        .map(|(_, there)| there.doc)
        .collect();
    documents.sort_unstable();
    documents.dedup();
    match documents.len() {
        1 => "also in 1 source".to_string(),
        n => format!("also in {n} sources"),
    }
}

/// The counterparts of a passage. Shown when its marker is open, and, without JavaScript,
/// when the address names it (the marker is a link to it: `:target` in the stylesheet).
/// "Go to this passage" carries `data-origin`, so that the page can mark the passage the
/// reader left from when they come Back.
#[component]
pub fn CounterpartsList(here: PassageRef) -> impl IntoView {
    let href = use_href();
    let source = &corpus().documents[here.doc as usize];
    let anchor = source.blocks[here.block as usize].anchor.as_str();
    let items = counterparts(here)
        .into_iter()
        .map(|(link, there)| {
            let document = &corpus().documents[there.doc as usize];
            let block = &document.blocks[there.block as usize];
            let text = document.text(block);
            // A parallel is the same text: its snippet would repeat the passage's own words
            // (Compare wording shows how they differ). Other kinds show how the other source
            // tells it.
            let snippet = (link.kind != LinkKind::Parallel).then(|| {
                let snippet = match text.char_indices().nth(SNIPPET_CHARS) {
                    Some((cut, _)) => format!("{}…", &text[..cut]),
                    None => text.to_string(),
                };
                view! { <p class="counterpart-snippet">{snippet}</p> }
            });
            let (first, second) = if link.a == here { (here, there) } else { (there, here) };
            view! {
                <li class="counterpart">
                    <p class="counterpart-source">
                        <span class="link-kind">{link.kind.label()}</span>
                        " in "
                        <cite>{document.title.as_str()}</cite>
                        <span class="counterpart-doc-kind">{format!(" · {}", document.kind.label())}</span>
                    </p>
                    {snippet}
                    <p class="counterpart-actions">
                        <a href=href(&paths::passage(&document.slug, &block.anchor)) data-origin=anchor>
                            "Go to this passage"
                        </a>
                        <a href=href(&compare_path(first, second))>"Compare wording"</a>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="counterparts" id=list_id(anchor)>
            <p class="counterparts-heading">"Also told in"</p>
            <ul>{items}</ul>
        </div>
    }
}

/// The compare view of two passages.
pub fn compare_path(a: PassageRef, b: PassageRef) -> String {
    let (da, db) = (
        &corpus().documents[a.doc as usize],
        &corpus().documents[b.doc as usize],
    );
    paths::compare(
        &da.slug,
        &da.blocks[a.block as usize].anchor,
        &db.slug,
        &db.blocks[b.block as usize].anchor,
    )
}
