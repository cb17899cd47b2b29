//! Two editions side by side, `/parallel/:a/:b`: the passages they share aligned row by row
//! with their differences marked, and the passages only one of them has, in place.

use corpus::diff::{Strictness, diff};
use corpus::model::{DocIndex, Document};
use corpus::paths;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::diff_text::{DiffText, Side};
use crate::components::exact_toggle::ExactToggle;
use crate::data::corpus;
use crate::hooks::{use_href, use_title};
use crate::routes::compare::{DiffLegend, STRICTNESS_LEVELS, variant_class};
use crate::routes::not_found::NotFound;

/// `/parallel/:a/:b`.
#[component]
pub fn ParallelPage() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let (slug_a, slug_b) = (
        params.get("a").unwrap_or_default(),
        params.get("b").unwrap_or_default(),
    );
    let (Some((a, doc_a)), Some((b, doc_b))) =
        (corpus().document(&slug_a), corpus().document(&slug_b))
    else {
        return NotFound().into_any();
    };
    if a == b {
        return NotFound().into_any();
    }
    use_title("Editions side by side · Source Reader");
    let rows = corpus().parallel_rows(a, b);
    let paired = rows
        .iter()
        .filter(|(x, y)| x.is_some() && y.is_some())
        .count();
    // Both versions are in the page; CSS shows the one the toggle asks for.
    let versions = STRICTNESS_LEVELS
        .map(|strictness| {
            let body = if rows.is_empty() {
                Either::Left(view! { <p>"These two documents share no parallel passages."</p> })
            } else {
                Either::Right(
                    rows.iter()
                        .map(|&(left, right)| view! { <ParallelRow a=a left=left b=b right=right strictness=strictness /> })
                        .collect_view(),
                )
            };
            view! {
                <div class=format!("parallel-grid {}", variant_class(strictness)) role="table" aria-label="Parallel passages">
                    <div class="parallel-row parallel-head" role="row">
                        <ColumnHead document=doc_a />
                        <ColumnHead document=doc_b />
                    </div>
                    {body}
                </div>
            }
        })
        .collect_view();
    view! {
        <article class="page parallel">
            <h1>"Editions side by side"</h1>
            <p class="compare-summary">
                {format!("{paired} passages aligned; passages only one edition has stand alone.")}
            </p>
            <ExactToggle />
            <DiffLegend />
            {versions}
        </article>
    }
    .into_any()
}

#[component]
fn ColumnHead(document: &'static Document) -> impl IntoView {
    let href = use_href();
    view! {
        <div role="columnheader" class="compare-source">
            <span class="compare-kind">{document.kind.label()}</span>
            <a href=href(&paths::document(&document.slug))>{document.title.as_str()}</a>
        </div>
    }
}

/// One row: a passage of each edition, compared, or a passage only one edition has.
#[component]
fn ParallelRow(
    a: DocIndex,
    left: Option<u32>,
    b: DocIndex,
    right: Option<u32>,
    strictness: Strictness,
) -> impl IntoView {
    let passage = |doc: DocIndex, block: u32| {
        let document = &corpus().documents[doc as usize];
        let data = &document.blocks[block as usize];
        (document, data, document.text(data))
    };
    // One difference for the pair, shown from each side.
    let difference = match (left, right) {
        (Some(l), Some(r)) => Some(diff(passage(a, l).2, passage(b, r).2, strictness)),
        _ => None,
    };
    let href = use_href();
    let cell = |doc: DocIndex, block: Option<u32>, side: Side| match block {
        None => Either::Left(view! { <div role="cell" class="parallel-cell is-missing">"—"</div> }),
        Some(block) => {
            let (document, data, own) = passage(doc, block);
            let marked = match &difference {
                Some(difference) => {
                    Either::Left(view! { <DiffText text=own diff=difference.clone() side=side /> })
                }
                None => Either::Right(view! { <span class="only-in-one">{own}</span> }),
            };
            Either::Right(view! {
                <div role="cell" class="parallel-cell">
                    {marked}
                    " "
                    <a
                        href=href(&paths::passage(&document.slug, &data.anchor))
                        class="parallel-goto"
                        aria-label="Open this passage in its document"
                    >
                        "¶"
                    </a>
                </div>
            })
        }
    };
    view! {
        <div role="row" class="parallel-row">
            {cell(a, left, Side::Left)}
            {cell(b, right, Side::Right)}
        </div>
    }
}
