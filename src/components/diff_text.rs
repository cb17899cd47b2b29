//! One side of a word-level difference: the passage's text with what only it has marked —
//! deletions (only on the left) struck through, insertions (only on the right) underlined,
//! changed wording marked on both sides.

use corpus::diff::{Diff, OpKind};
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// Which passage of the pair this side shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first passage (`a`).
    Left,
    /// The second passage (`b`).
    Right,
}

/// The text of one side of `diff`, with its differences marked.
#[component]
pub fn DiffText(text: &'static str, diff: Diff, side: Side) -> impl IntoView {
    diff.ops
        .into_iter()
        .filter_map(|op| {
            let range = if side == Side::Left { op.a } else { op.b };
            if range.is_empty() {
                return None;
            }
            let piece = &text[range];
            Some(match (op.kind, side) {
                (OpKind::Equal, _) => EitherOf3::A(piece),
                (OpKind::Replace, Side::Left) | (OpKind::Delete, _) => {
                    let class = if op.kind == OpKind::Replace {
                        "changed"
                    } else {
                        "only-here"
                    };
                    EitherOf3::B(view! { <del class=class>{piece}</del> })
                }
                (OpKind::Replace, Side::Right) | (OpKind::Insert, _) => {
                    let class = if op.kind == OpKind::Replace {
                        "changed"
                    } else {
                        "only-here"
                    };
                    EitherOf3::C(view! { <ins class=class>{piece}</ins> })
                }
            })
        })
        .collect_view()
}

/// How many places the two passages differ.
pub fn change_count(diff: &Diff) -> usize {
    diff.ops
        .iter()
        .filter(|op| op.kind != OpKind::Equal)
        .count()
}
