//! One block of a document in the reading view: its element, its runs (text, citations,
//! glossary terms) and its permalink.

use corpus::model::{Block, BlockKind, DocIndex, EntryIndex, PassageRef, Run};
use corpus::paths;
use leptos::either::Either;
use leptos::prelude::*;

use crate::components::counterparts::{CounterpartsList, list_id, marker_label};
use crate::components::counterparts_toggle::CounterpartsToggle;
use crate::data::{corpus, links_of};
use crate::hooks::use_href;

/// A block, rendered as the element its role calls for, with a stable `id` for deep links,
/// and, where other sources tell the same, its "also in" marker and counterpart list.
#[component]
pub fn Passage(doc: DocIndex, block: u32) -> impl IntoView {
    let document = &corpus().documents[doc as usize];
    let data: &'static Block = &document.blocks[block as usize];
    let anchor = data.anchor.as_str();
    let here = PassageRef { doc, block };
    let linked = !links_of(here).is_empty();
    // Same page: the fragment alone is the whole address (copying the link gives it all).
    let permalink_href = format!("#{anchor}");
    let permalink = move || {
        view! {
            <a class="permalink" href=permalink_href.clone() aria-label="Permalink to this passage">
                "¶"
            </a>
        }
    };
    let toggle = linked
        .then(|| view! { <CounterpartsToggle list_id=list_id(anchor) label=marker_label(here) /> });
    let list = move || linked.then(|| view! { <CounterpartsList here=here /> });
    let content = {
        let permalink = permalink.clone();
        move || view! { <Runs doc=doc block=block /> {permalink()} {toggle} }
    };
    match data.kind {
        // The permalink stands beside the heading, not in it: a heading's name is its text.
        BlockKind::Heading(level) => {
            let text = view! { <Runs doc=doc block=block /> };
            let heading = match level {
                2 => view! { <h2>{text}</h2> }.into_any(),
                3 => view! { <h3>{text}</h3> }.into_any(),
                _ => view! { <h4>{text}</h4> }.into_any(),
            };
            view! { <div id=anchor class="block heading-block">{heading} {permalink()}</div> }
                .into_any()
        }
        // A list may only hold items: the counterpart list goes inside the item.
        BlockKind::ListItem => {
            view! { <li id=anchor class="block">{content()} {list}</li> }.into_any()
        }
        BlockKind::Citation => {
            view! { <p id=anchor class="block citation-line">{content()}</p> {list} }.into_any()
        }
        BlockKind::Paragraph | BlockKind::Quotation | BlockKind::Furniture => {
            view! { <p id=anchor class="block">{content()}</p> {list} }.into_any()
        }
    }
}

/// The runs of a block: plain text, inline citations, glossary terms. Consecutive runs of
/// one citation (which a term inside it splits into several) share one `<cite>`.
#[component]
fn Runs(doc: DocIndex, block: u32) -> impl IntoView {
    let document = &corpus().documents[doc as usize];
    let data = &document.blocks[block as usize];
    let text_of = |run: &Run| {
        let text = &document.source[run.range()];
        match run.term {
            Some(entry) => Either::Left(view! { <TermMark entry=entry text=text /> }),
            None => Either::Right(text),
        }
    };
    data.runs
        .chunk_by(|a, b| a.citation == b.citation)
        .map(|group| {
            let inner = group.iter().map(text_of).collect_view();
            if group[0].citation {
                Either::Left(view! { <cite class="citation">{inner}</cite> })
            } else {
                Either::Right(inner)
            }
        })
        .collect_view()
}

/// A glossary term in the text: a link to its entry's page, so that it works before the
/// wasm has loaded and without JavaScript. The page's popover island opens the entry in
/// place instead (on click, tap or Enter), found by `data-entry`. The island marks the terms
/// `aria-haspopup` once it can open them (before that, and without JavaScript, they are
/// plain links), and gives the one that opened it `aria-expanded` and `aria-controls`.
#[component]
fn TermMark(entry: EntryIndex, text: &'static str) -> impl IntoView {
    let id = corpus().glossary[entry as usize].id.as_str();
    let href = use_href();
    view! {
        <a
            class="term"
            href=href(&paths::entry(id))
            data-entry=id
        >
            {text}
        </a>
    }
}
