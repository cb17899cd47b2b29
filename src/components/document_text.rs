//! A document's reading view: its blocks in order, with consecutive quotation paragraphs
//! gathered into one block quotation and consecutive list items into one list.

use corpus::model::{BlockKind, DocIndex};
use leptos::prelude::*;

use crate::components::passage::Passage;
use crate::data::corpus;

/// How consecutive blocks are grouped for display.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Single,
    Quotation,
    List,
}

fn group_of(kind: BlockKind) -> Group {
    match kind {
        BlockKind::Quotation => Group::Quotation,
        BlockKind::ListItem => Group::List,
        _ => Group::Single,
    }
}

/// The text of a document, furniture left out.
#[component]
pub fn DocumentText(doc: DocIndex) -> impl IntoView {
    let document = &corpus().documents[doc as usize];
    let mut groups: Vec<(Group, Vec<u32>)> = Vec::new();
    for (index, block) in document.blocks.iter().enumerate() {
        if !block.kind.is_text() {
            continue;
        }
        let group = group_of(block.kind);
        match groups.last_mut() {
            Some((last, members)) if *last == group && group != Group::Single => {
                members.push(index as u32)
            }
            _ => groups.push((group, vec![index as u32])),
        }
    }
    let views = groups
        .into_iter()
        .map(|(group, members)| {
            let passages = members
                .into_iter()
                .map(|block| view! { <Passage doc=doc block=block /> })
                .collect_view();
            match group {
                Group::Quotation => view! { <blockquote>{passages}</blockquote> }.into_any(),
                Group::List => view! { <ul class="plain-list">{passages}</ul> }.into_any(),
                Group::Single => passages.into_any(),
            }
        })
        .collect_view();
    view! { <div class="document-text">{views}</div> }
}
