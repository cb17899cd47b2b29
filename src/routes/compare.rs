//! Two passages side by side with their word-level differences marked,
//! `/compare/:doc_a/:passage_a/:doc_b/:passage_b`. By default differences of quote style,
//! dashes, case and spacing are hidden; `?exact=1` (a toggle) shows them.

use corpus::diff::{Strictness, diff};
use corpus::model::{Document, PassageRef};
use corpus::paths;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use crate::browser::set_title;
use crate::components::diff_text::{DiffText, Side, change_count};
use crate::data::{corpus, links_of};
use crate::hooks::use_replace_address;
use crate::routes::not_found::NotFound;

/// A passage named by document slug and anchor.
fn resolve(slug: &str, anchor: &str) -> Option<(PassageRef, &'static Document)> {
    let (doc, document) = corpus().document(slug)?;
    let (block, _) = document.block_by_anchor(anchor)?;
    Some((PassageRef { doc, block }, document))
}

/// Whether the reader asked to see every difference, typography included.
pub fn use_exact_toggle() -> (Memo<bool>, impl Fn(bool) + Clone) {
    let query = use_query_map();
    let replace_address = use_replace_address();
    let exact = Memo::new(move |_| query.read().get("exact").is_some_and(|v| v == "1"));
    let location = use_location();
    let set_exact = move |on: bool| {
        let path = location.pathname.get_untracked();
        let url = if on { format!("{path}?exact=1") } else { path };
        replace_address(&url);
    };
    (exact, set_exact)
}

/// The checkbox that shows or hides typographic differences.
#[component]
pub fn ExactToggle(exact: Memo<bool>, set_exact: impl Fn(bool) + Clone + 'static) -> impl IntoView {
    view! {
        <label class="exact-toggle">
            <input
                type="checkbox"
                prop:checked=move || exact.get()
                on:change=move |event| set_exact(event_target_checked(&event))
            />
            " Show differences of quote style, dashes, case and spacing"
        </label>
    }
}

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
    let params = use_params_map();
    let (exact, set_exact) = use_exact_toggle();
    let ends = Memo::new(move |_| {
        let params = params.read();
        let get = |key: &str| params.get(key).unwrap_or_default();
        (get("da"), get("pa"), get("db"), get("pb"))
    });
    Effect::new(move |_| set_title("Compare passages · Source Reader"));
    move || {
        let (da, pa, db, pb) = ends.get();
        let (Some((a, doc_a)), Some((b, doc_b))) = (resolve(&da, &pa), resolve(&db, &pb)) else {
            return NotFound().into_any();
        };
        let (text_a, text_b) = (corpus().passage_text(a), corpus().passage_text(b));
        let strictness = if exact.get() {
            Strictness::Exact
        } else {
            Strictness::Substantive
        };
        let difference = diff(text_a, text_b, strictness);
        let link = links_of(a)
            .iter()
            .map(|&n| &corpus().links[n as usize])
            .find(|l| l.a == b || l.b == b);
        let relation = link
            .map(|l| format!("{} · score {:.2} · ", l.kind.label(), l.score))
            .unwrap_or_default();
        let changes = change_count(&difference);
        let summary = format!(
            "{relation}{:.0}% of words in common · {changes} difference{}",
            difference.similarity() * 100.0,
            if changes == 1 { "" } else { "s" }
        );
        let column = |side: Side, document: &'static Document, anchor: &str, text: &'static str| {
            let heading_id = if side == Side::Left {
                "compare-left"
            } else {
                "compare-right"
            };
            view! {
                <section class="compare-column" aria-labelledby=heading_id>
                    <h2 id=heading_id class="compare-source">
                        <span class="compare-kind">{document.kind.label()}</span>
                        <A href=paths::passage(&document.slug, anchor)>{document.title.as_str()}</A>
                    </h2>
                    <p class="compare-text">
                        <DiffText text=text diff=difference.clone() side=side />
                    </p>
                </section>
            }
        };
        view! {
            <article class="page compare">
                <h1>"Compare passages"</h1>
                <p class="compare-summary">{summary}</p>
                <ExactToggle exact=exact set_exact=set_exact.clone() />
                <DiffLegend />
                <div class="compare-columns">
                    {column(Side::Left, doc_a, &pa, text_a)}
                    {column(Side::Right, doc_b, &pb, text_b)}
                </div>
            </article>
        }
        .into_any()
    }
}
