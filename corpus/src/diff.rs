//! Word-level differences between two passages, for the compare view.
//!
//! Both texts are split into tokens, words and the separators between them
//! ([`crate::text::word_ranges`]), and compared with Myers' algorithm. The result is a list
//! of [`DiffOp`]s that tile both texts: their `a` ranges follow one another from the start
//! of `a` to its end, and so do their `b` ranges, always on character boundaries.
//!
//! Two strengths:
//! - [`Strictness::Exact`] compares every token as written: words, spaces, quote marks,
//!   dashes, case.
//! - [`Strictness::Substantive`] compares words only, by [`crate::text::word_key`] (case,
//!   quote style and dashes folded), and ignores separators: text between aligned words is
//!   reported as `Equal` whatever punctuation or spacing it holds.
//!
//! Cost: O((n + m) · d) time for n and m tokens and d differences, after the common
//! opening and ending are set aside; the trace Myers keeps for d differences holds about
//! d² numbers, so past [`MAX_EDITS`] differences the differing middle is reported as one
//! `Replace` (a few MB at most, also in the browser).

use crate::text::{word_key, word_ranges};
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::ops::Range;

/// How strictly two passages are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Words and separators as written.
    Exact,
    /// Words by their folded key; punctuation, quote style, dashes, case and spacing hidden.
    Substantive,
}

/// What an operation says about its two ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpKind {
    /// The same on both sides (under the chosen strictness).
    Equal,
    /// Only in `b`: the `a` range is empty and marks where.
    Insert,
    /// Only in `a`: the `b` range is empty and marks where.
    Delete,
    /// The `a` range is replaced by the `b` range.
    Replace,
}

/// One step of a difference: a byte range of each text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffOp {
    /// What the ranges are to each other.
    pub kind: OpKind,
    /// Byte range in the first text.
    pub a: Range<usize>,
    /// Byte range in the second text.
    pub b: Range<usize>,
}

/// The difference of two passages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    /// The operations, in order; they tile both texts.
    pub ops: Vec<DiffOp>,
    /// Words of the first text inside `Equal` operations.
    pub equal_words: usize,
    /// Words in the first text.
    pub words_a: usize,
    /// Words in the second text.
    pub words_b: usize,
}

impl Diff {
    /// Share of the words the two passages have in common, 0 to 1: twice the equal words
    /// over the words of both (1 for two empty passages). For the compare view's header.
    pub fn similarity(&self) -> f32 {
        let total = self.words_a + self.words_b;
        if total == 0 {
            1.0
        } else {
            (2 * self.equal_words) as f32 / total as f32
        }
    }

    /// Whether the passages are the same under the strictness compared with.
    pub fn is_equal(&self) -> bool {
        self.ops.iter().all(|op| op.kind == OpKind::Equal)
    }
}

/// Differences beyond which the differing middle is one `Replace`.
pub const MAX_EDITS: usize = 1000;

/// A token to compare: its byte range, its comparison key, and whether it is a word.
struct Unit {
    range: Range<usize>,
    key: String,
    word: bool,
}

fn units(text: &str, strictness: Strictness) -> Vec<Unit> {
    let words = word_ranges(text);
    match strictness {
        Strictness::Substantive => words
            .into_iter()
            .map(|(s, e)| Unit {
                range: s..e,
                key: word_key(&text[s..e]),
                word: true,
            })
            .collect(),
        Strictness::Exact => {
            let mut units = Vec::with_capacity(2 * words.len() + 1);
            let mut at = 0;
            for (s, e) in words {
                if s > at {
                    units.push(Unit {
                        range: at..s,
                        key: String::from(&text[at..s]),
                        word: false,
                    });
                }
                units.push(Unit {
                    range: s..e,
                    key: String::from(&text[s..e]),
                    word: true,
                });
                at = e;
            }
            if at < text.len() {
                units.push(Unit {
                    range: at..text.len(),
                    key: String::from(&text[at..]),
                    word: false,
                });
            }
            units
        }
    }
}

/// The difference of two passages.
pub fn diff(a: &str, b: &str, strictness: Strictness) -> Diff {
    let (ua, ub) = (units(a, strictness), units(b, strictness));
    let segments = segments(&ua, &ub);
    let mut ops: Vec<DiffOp> = Vec::new();
    let mut push = |kind: OpKind, ra: Range<usize>, rb: Range<usize>| {
        if ra.is_empty() && rb.is_empty() {
            return;
        }
        match ops.last_mut() {
            Some(last) if last.kind == OpKind::Equal && kind == OpKind::Equal => {
                last.a.end = ra.end;
                last.b.end = rb.end;
            }
            _ => ops.push(DiffOp { kind, a: ra, b: rb }),
        }
    };
    // Byte position where unit `i` starts (or the end of the text).
    let start = |units: &[Unit], i: usize, len: usize| units.get(i).map_or(len, |u| u.range.start);
    let end = |units: &[Unit], i: usize, from: usize| {
        if i == 0 { from } else { units[i - 1].range.end }
    };
    let (mut at_a, mut at_b) = (0, 0);
    for (kind, ra, rb) in segments {
        // What lies between the last segment and this one (separators, when comparing
        // substance) is equal by definition.
        let (sa, sb) = (start(&ua, ra.start, a.len()), start(&ub, rb.start, b.len()));
        push(OpKind::Equal, at_a..sa.max(at_a), at_b..sb.max(at_b));
        at_a = at_a.max(sa);
        at_b = at_b.max(sb);
        let (ea, eb) = (
            if ra.is_empty() {
                at_a
            } else {
                end(&ua, ra.end, at_a)
            },
            if rb.is_empty() {
                at_b
            } else {
                end(&ub, rb.end, at_b)
            },
        );
        push(kind, at_a..ea, at_b..eb);
        at_a = ea;
        at_b = eb;
    }
    push(OpKind::Equal, at_a..a.len(), at_b..b.len());

    let count = |text: &str, range: &Range<usize>| word_ranges(&text[range.clone()]).len();
    let equal_words = ops
        .iter()
        .filter(|op| op.kind == OpKind::Equal)
        .map(|op| count(a, &op.a))
        .sum();
    Diff {
        ops,
        equal_words,
        words_a: word_ranges(a).len(),
        words_b: word_ranges(b).len(),
    }
}

/// The difference as runs of units: (kind, unit range in `a`, unit range in `b`).
fn segments(a: &[Unit], b: &[Unit]) -> Vec<Segment> {
    let same = |i: usize, j: usize| a[i].key == b[j].key;
    let prefix = (0..a.len().min(b.len()))
        .take_while(|&i| same(i, i))
        .count();
    let suffix = (0..(a.len() - prefix).min(b.len() - prefix))
        .take_while(|&i| same(a.len() - 1 - i, b.len() - 1 - i))
        .count();
    let (ma, mb) = (prefix..a.len() - suffix, prefix..b.len() - suffix);
    let mut steps: Vec<Step> = vec![Step::Equal; prefix];
    match myers(&a[ma.clone()], &b[mb.clone()], MAX_EDITS) {
        Some(middle) => steps.extend(middle),
        None => {
            steps.extend(core::iter::repeat_n(Step::Delete, ma.len()));
            steps.extend(core::iter::repeat_n(Step::Insert, mb.len()));
        }
    }
    steps.extend(core::iter::repeat_n(Step::Equal, suffix));

    let mut segments: Vec<Segment> = Vec::new();
    let (mut i, mut j) = (0, 0);
    for step in steps {
        let (di, dj, equal) = match step {
            Step::Equal => (1, 1, true),
            Step::Delete => (1, 0, false),
            Step::Insert => (0, 1, false),
        };
        match segments.last_mut() {
            Some((kind, ra, rb)) if (*kind == OpKind::Equal) == equal => {
                ra.end += di;
                rb.end += dj;
                if !equal {
                    *kind = match (ra.start == ra.end, rb.start == rb.end) {
                        (true, _) => OpKind::Insert,
                        (_, true) => OpKind::Delete,
                        _ => OpKind::Replace,
                    };
                }
            }
            _ => {
                let kind = match step {
                    Step::Equal => OpKind::Equal,
                    Step::Delete => OpKind::Delete,
                    Step::Insert => OpKind::Insert,
                };
                segments.push((kind, i..i + di, j..j + dj));
            }
        }
        i += di;
        j += dj;
    }
    slide(&mut segments, a, b);
    segments
}

type Segment = (OpKind, Range<usize>, Range<usize>);

/// Moves an inserted or deleted run that opens with a separator one unit on while the
/// equal unit after it is the same separator, so that changes start at a word: "from any
/// workers" against "from workers" inserts "any ", not " any".
fn slide(segments: &mut Vec<Segment>, a: &[Unit], b: &[Unit]) {
    let mut s = 0;
    while s + 1 < segments.len() {
        let kind = segments[s].0;
        if !matches!(kind, OpKind::Insert | OpKind::Delete) || segments[s + 1].0 != OpKind::Equal {
            s += 1;
            continue;
        }
        loop {
            let (ra, rb) = (segments[s].1.clone(), segments[s].2.clone());
            let (ea, eb) = (segments[s + 1].1.clone(), segments[s + 1].2.clone());
            if ea.end - ea.start < 2 {
                break;
            }
            let (run, next) = match kind {
                OpKind::Insert => (&b[rb.start], &b[eb.start]),
                _ => (&a[ra.start], &a[ea.start]),
            };
            if run.word || run.key != next.key {
                break;
            }
            // The run's first unit pairs up with the equal unit after the run.
            let pair = (ra.start..ra.start + 1, rb.start..rb.start + 1);
            if s > 0 && segments[s - 1].0 == OpKind::Equal {
                segments[s - 1].1.end += 1;
                segments[s - 1].2.end += 1;
            } else {
                segments.insert(s, (OpKind::Equal, pair.0, pair.1));
                s += 1;
            }
            segments[s].1 = ra.start + 1..ra.end + 1;
            segments[s].2 = rb.start + 1..rb.end + 1;
            segments[s + 1].1.start += 1;
            segments[s + 1].2.start += 1;
        }
        s += 1;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Equal,
    Delete,
    Insert,
}

/// Myers' greedy algorithm: the shortest edit script from `a` to `b`, or `None` if it needs
/// more than `max_d` insertions and deletions.
fn myers(a: &[Unit], b: &[Unit], max_d: usize) -> Option<Vec<Step>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let limit = (a.len() + b.len()).min(max_d) as isize;
    let offset = limit + 1;
    let mut v = vec![0isize; 2 * limit as usize + 3];
    // trace[d]: the furthest x on each diagonal -d..=d after d differences.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut finished = None;
    'search: for d in 0..=limit {
        for k in (-d..=d).step_by(2) {
            let at = |k: isize| (offset + k) as usize;
            let down = k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]);
            let mut x = if down { v[at(k + 1)] } else { v[at(k - 1)] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize].key == b[y as usize].key {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                finished = Some(d);
                break 'search;
            }
        }
        trace.push(v[(offset - d) as usize..=(offset + d) as usize].to_vec());
    }
    let last = finished?;
    let mut steps = Vec::with_capacity((n + m) as usize);
    let (mut x, mut y) = (n, m);
    for d in (1..=last).rev() {
        let previous = &trace[d as usize - 1];
        let get = |k: isize| previous[(k + d - 1) as usize];
        let k = x - y;
        let down = k == -d || (k != d && get(k - 1) < get(k + 1));
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = get(prev_k);
        let prev_y = prev_x - prev_k;
        let (mid_x, mid_y) = if down {
            (prev_x, prev_y + 1)
        } else {
            (prev_x + 1, prev_y)
        };
        while x > mid_x && y > mid_y {
            x -= 1;
            y -= 1;
            steps.push(Step::Equal);
        }
        steps.push(if down { Step::Insert } else { Step::Delete });
        x = prev_x;
        y = prev_y;
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        steps.push(Step::Equal);
    }
    steps.reverse();
    Some(steps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn kinds(d: &Diff) -> Vec<OpKind> {
        d.ops.iter().map(|op| op.kind).collect()
    }

    fn pieces<'t>(d: &Diff, a: &'t str, b: &'t str) -> Vec<(OpKind, &'t str, &'t str)> {
        d.ops
            .iter()
            .map(|op| (op.kind, &a[op.a.clone()], &b[op.b.clone()]))
            .collect()
    }

    #[test]
    fn identical_passages_are_all_equal() {
        let text = "By the end of 1922 Lenin was seriously ill.";
        for strictness in [Strictness::Exact, Strictness::Substantive] {
            let d = diff(text, text, strictness);
            assert_eq!(kinds(&d), [OpKind::Equal]);
            assert!(d.is_equal());
            assert_eq!(d.similarity(), 1.0);
        }
        assert!(diff("", "", Strictness::Exact).ops.is_empty());
    }

    #[test]
    fn one_substituted_word_is_one_replace() {
        let (a, b) = (
            "This insight alone could explain Lenin’s surprising demand",
            "This insight along could explain Lenin’s surprising demand",
        );
        for strictness in [Strictness::Exact, Strictness::Substantive] {
            let d = diff(a, b, strictness);
            assert_eq!(
                pieces(&d, a, b),
                [
                    (OpKind::Equal, "This insight ", "This insight "),
                    (OpKind::Replace, "alone", "along"),
                    (
                        OpKind::Equal,
                        " could explain Lenin’s surprising demand",
                        " could explain Lenin’s surprising demand"
                    ),
                ]
            );
            assert_eq!((d.equal_words, d.words_a), (7, 8));
        }
    }

    #[test]
    fn quote_style_dashes_case_and_spacing_are_substantively_equal() {
        let a = "“This present regime”, Trotsky wrote – “is much further”";
        let b = "\"This present  regime\", trotsky wrote - \"is much further\"";
        assert!(diff(a, b, Strictness::Substantive).is_equal());
        let exact = diff(a, b, Strictness::Exact);
        assert!(!exact.is_equal());
        assert!(exact.ops.iter().any(|op| &a[op.a.clone()] == "“"));
        // Apostrophes inside words fold too.
        assert!(diff("Lenin’s note", "Lenin's note", Strictness::Substantive).is_equal());
    }

    #[test]
    fn insertions_and_deletions() {
        let (a, b) = (
            "is much further from any workers’ democracy",
            "is much farther from workers’ democracy",
        );
        let d = diff(a, b, Strictness::Substantive);
        assert_eq!(
            pieces(&d, a, b),
            [
                (OpKind::Equal, "is much ", "is much "),
                (OpKind::Replace, "further", "farther"),
                (OpKind::Equal, " from ", " from "),
                (OpKind::Delete, "any", ""),
                (OpKind::Equal, " workers’ democracy", "workers’ democracy"),
            ]
        );
        // Exactly, the inserted word comes with its space.
        let d = diff(b, a, Strictness::Exact);
        let inserted: Vec<&str> = d
            .ops
            .iter()
            .filter(|op| op.kind == OpKind::Insert)
            .map(|op| &a[op.b.clone()])
            .collect();
        assert_eq!(inserted, ["any "]);
    }

    #[test]
    fn many_differences_fall_back_to_one_replace() {
        let a: String = (0..1500).map(|i| alloc::format!("a{i} ")).collect();
        let b: String = (0..1500).map(|i| alloc::format!("b{i} ")).collect();
        let d = diff(&a, &b, Strictness::Substantive);
        assert_eq!(kinds(&d), [OpKind::Replace, OpKind::Equal]);
        assert_eq!(d.similarity(), 0.0);
    }

    fn text() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            Just("Lenin"),
            Just("lenin"),
            Just("régime"),
            Just("regime"),
            Just("Зиновьев"),
            Just("Lenin’s"),
            Just("1923"),
            Just(" "),
            Just("  "),
            Just(", "),
            Just("“"),
            Just("”"),
            Just("\""),
            Just(" – "),
            Just("-"),
            Just("…"),
            Just("\n"),
        ];
        proptest::collection::vec(token, 0..40).prop_map(|tokens| tokens.concat())
    }

    proptest! {
        #[test]
        fn ops_tile_both_texts_on_char_boundaries(a in text(), b in text()) {
            for strictness in [Strictness::Exact, Strictness::Substantive] {
                let d = diff(&a, &b, strictness);
                let (mut at_a, mut at_b) = (0, 0);
                for op in &d.ops {
                    prop_assert_eq!(op.a.start, at_a);
                    prop_assert_eq!(op.b.start, at_b);
                    prop_assert!(a.is_char_boundary(op.a.end) && b.is_char_boundary(op.b.end));
                    prop_assert!(!(op.a.is_empty() && op.b.is_empty()));
                    match op.kind {
                        OpKind::Insert => prop_assert!(op.a.is_empty()),
                        OpKind::Delete => prop_assert!(op.b.is_empty()),
                        OpKind::Replace => prop_assert!(!op.a.is_empty() && !op.b.is_empty()),
                        OpKind::Equal => {
                            let keys = |t: &str, r: &Range<usize>| -> Vec<String> {
                                word_ranges(&t[r.clone()]).iter().map(|&(s, e)| word_key(&t[r.start + s..r.start + e])).collect()
                            };
                            if strictness == Strictness::Exact {
                                prop_assert_eq!(&a[op.a.clone()], &b[op.b.clone()]);
                            } else {
                                prop_assert_eq!(keys(&a, &op.a), keys(&b, &op.b));
                            }
                        }
                    }
                    at_a = op.a.end;
                    at_b = op.b.end;
                }
                prop_assert_eq!(at_a, a.len());
                prop_assert_eq!(at_b, b.len());
                prop_assert!((0.0..=1.0).contains(&d.similarity()));
            }
            prop_assert!(diff(&a, &a, Strictness::Exact).is_equal());
        }
    }
}
