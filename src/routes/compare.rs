//! Two passages side by side with their word-level differences marked,
//! `/compare/:doc_a/:passage_a/:doc_b/:passage_b`. By default differences of quote style,
//! dashes, case and spacing are hidden; a toggle (`?exact=1`) shows them. Both versions
//! are in the page and CSS shows the one the toggle asks for, so the toggle works without
//! JavaScript too.

use corpus::diff::{Strictness, diff};
use corpus::model::{Document, PassageRef};
use corpus::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::diff_text::{DiffText, Side, change_count};
use crate::components::exact_toggle::ExactToggle;
use crate::data::{corpus, links_of};
use crate::hooks::{use_href, use_title};
use crate::routes::not_found::NotFound;

/// A passage named by document slug and anchor.
fn resolve(slug: &str, anchor: &str) -> Option<(PassageRef, &'static Document)> {
    let (doc, document) = corpus().document(slug)?;
    let (block, _) = document.block_by_anchor(anchor)?;
    Some((PassageRef { doc, block }, document))
}

/// The class that shows a version only when the toggle asks for it.
pub fn variant_class(strictness: Strictness) -> &'static str {
    match strictness {
        Strictness::Substantive => "diff-substantive",
        Strictness::Exact => "diff-exact",
    }
}

/// Both strictness levels, the default first.
pub const STRICTNESS_LEVELS: [Strictness; 2] = [Strictness::Substantive, Strictness::Exact];

/// The legend of the marks.
#[component]
pub fn DiffLegend() -> impl IntoView {
    view! {
        <p class="diff-legend">
            <del class="only-here">"struck through"</del> " only in the left passage · "
            <ins class="only-here">"underlined"</ins> " only in the right · "
            <del class="changed">"changed"</del> "/" <ins class="changed">"wording"</ins> " differs"
        </p>
    }
}

/// `/compare/:da/:pa/:db/:pb`.
#[component]
pub fn ComparePage() -> impl IntoView {
    let params = use_params_map().get_untracked();
    let get = |key: &str| params.get(key).unwrap_or_default();
    let (da, pa, db, pb) = (get("da"), get("pa"), get("db"), get("pb"));
    let (Some((a, doc_a)), Some((b, doc_b))) = (resolve(&da, &pa), resolve(&db, &pb)) else {
        return NotFound().into_any();
    };
    use_title("Compare passages · Source Reader");
    let href = use_href();
    let (text_a, text_b) = (corpus().passage_text(a), corpus().passage_text(b));
    let link = links_of(a)
        .iter()
        .map(|&n| &corpus().links[n as usize])
        .find(|l| l.a == b || l.b == b);
    let relation = link
        .map(|l| format!("{} · score {:.2} · ", l.kind.label(), l.score))
        .unwrap_or_default();
    // One difference per level, for its summary and its columns.
    let differences =
        STRICTNESS_LEVELS.map(|strictness| (strictness, diff(text_a, text_b, strictness)));
    let summaries = differences
        .iter()
        .map(|(strictness, difference)| {
            let strictness = *strictness;
            let changes = change_count(difference);
            let summary = format!(
                "{relation}{:.0}% of words in common · {changes} difference{}",
                difference.similarity() * 100.0,
                if changes == 1 { "" } else { "s" }
            );
            view! { <p class=format!("compare-summary {}", variant_class(strictness))>{summary}</p> }
        })
        .collect_view();
    let versions = differences
        .into_iter()
        .map(|(strictness, difference)| {
            let column = |side: Side, document: &'static Document, anchor: &str, text: &'static str| {
                let heading_id = format!(
                    "compare-{}-{}",
                    if side == Side::Left { "left" } else { "right" },
                    variant_class(strictness)
                );
                view! {
                    <section class="compare-column" aria-labelledby=heading_id.clone()>
                        <h2 id=heading_id.clone() class="compare-source">
                            <span class="compare-kind">{document.kind.label()}</span>
                            <a href=href(&paths::passage(&document.slug, anchor))>{document.title.as_str()}</a>
                        </h2>
                        <p class="compare-text">
                            <DiffText text=text diff=difference.clone() side=side />
                        </p>
                    </section>
                }
            };
            view! {
                <div class=format!("compare-columns {}", variant_class(strictness))>
                    {column(Side::Left, doc_a, &pa, text_a)}
                    {column(Side::Right, doc_b, &pb, text_b)}
                </div>
            }
        })
        .collect_view();
    view! {
        <article class="page compare">
            <h1>"Compare passages"</h1>
            {summaries}
            <ExactToggle />
            <DiffLegend />
            {versions}
        </article>
    }
    .into_any()
}
