//! Segmentation: a seed file becomes blocks (headings, paragraphs, quotations, citations,
//! list items, furniture), each with a stable anchor, and inline citations are found.
//!
//! The parser guesses from the shape of each line; where it cannot know (a quotation printed
//! without quote marks, a banner that looks like a heading) editorial rules from the catalog
//! decide. Every byte of the source is either in a block or in the whitespace between blocks.

use crate::model::{Block, BlockKind, Run};
use crate::text::anchor_slug;
use std::collections::BTreeSet;
use std::format;
use std::string::String;
use std::vec;
use std::vec::Vec;

/// An editorial rule: the blocks whose text starts with `starts` (through the block starting
/// with `through`, if given) have the role `kind`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// The opening words of the first block the rule applies to.
    pub starts: String,
    /// The opening words of the last block of a range, if the rule covers a range.
    pub through: Option<String>,
    /// The role to give.
    pub kind: BlockKind,
    /// Where the rule is written, for error messages.
    pub line: usize,
}

/// A rule that applies to no block: the editorial data is out of step with the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmatchedRule {
    /// The line of the rule.
    pub line: usize,
    /// What did not match.
    pub message: String,
}

/// Headings are short lines; a longer line without final punctuation is still prose.
const MAX_HEADING_CHARS: usize = 90;

/// Splits a source into blocks: one block per non-blank line, trimmed. Gaps of whitespace
/// between them are not blocks but are accounted for by the ranges.
pub fn segment(source: &str, rules: &[Rule]) -> Result<Vec<Block>, Vec<UnmatchedRule>> {
    let mut blocks: Vec<Block> = lines(source)
        .map(|(start, end)| {
            let text = &source[start..end];
            Block {
                start: start as u32,
                end: end as u32,
                kind: guess_kind(text),
                anchor: String::new(),
                runs: Vec::new(),
            }
        })
        .collect();

    let unmatched = apply_rules(source, &mut blocks, rules);
    if !unmatched.is_empty() {
        return Err(unmatched);
    }

    assign_anchors(source, &mut blocks);
    for block in &mut blocks {
        let text = &source[block.range()];
        block.runs = citation_runs(text, block.start as usize, block.kind);
    }
    Ok(blocks)
}

/// The trimmed non-blank lines of a source as byte ranges.
fn lines(source: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut offset = 0;
    source.split_inclusive('\n').filter_map(move |line| {
        let line_start = offset;
        offset += line.len();
        let leading = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        (!trimmed.is_empty()).then(|| {
            let start = line_start + leading;
            (start, start + trimmed.len())
        })
    })
}

fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{2018}')
}

fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201D}' | '\u{2019}')
}

/// The role a line most probably has, from its shape alone.
pub fn guess_kind(text: &str) -> BlockKind {
    let last = text.chars().last().unwrap_or(' ');
    if text.contains(" | ") || text.ends_with(" |") || text.starts_with("| ") {
        // A row of links such as "Home | News | Donate | Join".
        return BlockKind::Furniture;
    }
    if text.starts_with('(')
        && text.ends_with(')')
        && closing_paren(text, 0) == Some(text.len() - 1)
    {
        return BlockKind::Citation;
    }
    let first = text.chars().next().unwrap_or(' ');
    if is_opening_quote(first) && is_quotation(text) {
        return BlockKind::Quotation;
    }
    let ends_open = !matches!(last, '.' | ',' | ';' | ':' | '?' | '!' | ')' | ']' | '…')
        && !is_closing_quote(last);
    if ends_open && !is_opening_quote(first) && text.chars().count() <= MAX_HEADING_CHARS {
        return BlockKind::Heading(2);
    }
    if list_marker_len(text).is_some() {
        return BlockKind::ListItem;
    }
    BlockKind::Paragraph
}

/// A line that opens with a quote mark is a quotation when the quote runs to its end
/// (perhaps followed by a citation) or does not close at all (it goes on in the next line).
fn is_quotation(text: &str) -> bool {
    let mut chars = text.char_indices();
    let Some((_, open)) = chars.next() else {
        return false;
    };
    let closes = |c: char, prev: char| match open {
        '"' => c == '"',
        '\u{201C}' => c == '\u{201D}',
        // A closing single quote is also an apostrophe: only one not inside a word closes.
        _ => c == '\u{2019}' && !prev.is_alphanumeric(),
    };
    let mut prev = open;
    let mut close_at = None;
    for (index, c) in chars {
        let next_is_word = text[index + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if closes(c, prev) && !(open == '\u{2018}' && next_is_word) {
            close_at = Some(index + c.len_utf8());
            break;
        }
        prev = c;
    }
    let Some(close) = close_at else { return true };
    let rest = text[close..].trim_start_matches(['.', ',', ':', ';', ' ']);
    rest.is_empty() || (rest.starts_with('(') && closing_paren(rest, 0) == Some(rest.len() - 1))
}

/// Length of a list marker at the start: "1. ", "(2) ".
fn list_marker_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (digits_from, after) = if bytes.first() == Some(&b'(') {
        (1, b')')
    } else {
        (0, b'.')
    };
    let digits = bytes[digits_from..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let marker_end = digits_from + digits;
    (digits > 0
        && digits < 4
        && bytes.get(marker_end) == Some(&after)
        && bytes.get(marker_end + 1) == Some(&b' '))
    .then_some(marker_end + 2)
}

/// The byte index of the parenthesis closing the one at `open`.
fn closing_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (index, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + index);
                }
            }
            _ => {}
        }
    }
    None
}

fn apply_rules(source: &str, blocks: &mut [Block], rules: &[Rule]) -> Vec<UnmatchedRule> {
    let mut unmatched = Vec::new();
    let starts_with = |block: &Block, prefix: &str| source[block.range()].starts_with(prefix);
    for rule in rules {
        let firsts: Vec<usize> = (0..blocks.len())
            .filter(|&i| starts_with(&blocks[i], &rule.starts))
            .collect();
        if firsts.is_empty() {
            unmatched.push(UnmatchedRule {
                line: rule.line,
                message: format!("no block starts with {:?}", rule.starts),
            });
            continue;
        }
        for first in firsts {
            let last = match &rule.through {
                None => first,
                Some(through) => {
                    match (first..blocks.len()).find(|&i| starts_with(&blocks[i], through)) {
                        Some(last) => last,
                        None => {
                            unmatched.push(UnmatchedRule {
                                line: rule.line,
                                message: format!(
                                    "no block starting with {:?} follows {:?}",
                                    through, rule.starts
                                ),
                            });
                            break;
                        }
                    }
                }
            };
            for block in &mut blocks[first..=last] {
                block.kind = rule.kind;
            }
        }
    }
    unmatched
}

/// Anchors from each block's opening words; a repeat within the document gets the first
/// free number ("-2", "-3"), so that no two blocks ever share an anchor.
fn assign_anchors(source: &str, blocks: &mut [Block]) {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for block in blocks.iter_mut().filter(|block| block.kind.is_text()) {
        let slug = anchor_slug(&source[block.range()]);
        let mut anchor = slug.clone();
        let mut number = 1;
        while taken.contains(&anchor) {
            number += 1;
            anchor = format!("{slug}-{number}");
        }
        taken.insert(anchor.clone());
        block.anchor = anchor;
    }
}

/// Splits a block into runs, marking inline source citations: a parenthesis right after a
/// closing quotation mark, e.g. `…of both." (Collected Works, volume 33, page 279)`, or one
/// that names pages or volumes; and a bracketed reference with a number, e.g.
/// `[Trotsky, My Life, pp. 500, 501]`.
pub fn citation_runs(text: &str, offset: usize, kind: BlockKind) -> Vec<Run> {
    let whole = |citation| Run {
        start: offset as u32,
        end: (offset + text.len()) as u32,
        citation,
        term: None,
    };
    match kind {
        BlockKind::Citation => return vec![whole(true)],
        BlockKind::Paragraph | BlockKind::Quotation | BlockKind::ListItem => {}
        _ => return vec![whole(false)],
    }
    let mut citations: Vec<(usize, usize)> = Vec::new();
    for (open, c) in text.char_indices() {
        let close = match c {
            '(' => closing_paren(text, open),
            '[' => text[open..].find(']').map(|end| open + end),
            _ => None,
        };
        let Some(close) = close else { continue };
        if citations.last().is_some_and(|&(_, end)| open < end) {
            continue;
        }
        let inner = &text[open + 1..close];
        let after_quote = text[..open]
            .trim_end()
            .chars()
            .last()
            .is_some_and(is_closing_quote)
            && text[..open].ends_with(' ');
        let names_pages = [
            "page", "pp.", "p.", "Vol", "volume", "Works", "Quoted", "quoted",
        ]
        .iter()
        .any(|marker| inner.contains(marker));
        let is_citation = if c == '[' {
            inner.chars().any(|ch| ch.is_ascii_digit())
        } else {
            // After a quotation, a reference opens with a capital: "(Collected Works)", not
            // "(workers' militias)"; anywhere, one that names pages or volumes.
            let capital = inner.chars().next().is_some_and(char::is_uppercase);
            (after_quote
                && capital
                && (inner.contains(' ') || inner.chars().any(|ch| ch.is_ascii_digit())))
                || names_pages
        };
        if is_citation {
            citations.push((open, close + 1));
        }
    }
    let mut runs = Vec::new();
    let mut at = 0;
    for (start, end) in citations {
        if start > at {
            runs.push(Run {
                start: (offset + at) as u32,
                end: (offset + start) as u32,
                citation: false,
                term: None,
            });
        }
        runs.push(Run {
            start: (offset + start) as u32,
            end: (offset + end) as u32,
            citation: true,
            term: None,
        });
        at = end;
    }
    if at < text.len() || runs.is_empty() {
        runs.push(Run {
            start: (offset + at) as u32,
            end: (offset + text.len()) as u32,
            citation: false,
            term: None,
        });
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(source: &str) -> Vec<BlockKind> {
        segment(source, &[])
            .unwrap()
            .into_iter()
            .map(|b| b.kind)
            .collect()
    }

    #[test]
    fn guesses_roles_from_line_shapes() {
        use BlockKind::*;
        assert_eq!(
            guess_kind("8. The Struggle for Power in the Communist Party"),
            Heading(2)
        );
        assert_eq!(
            guess_kind("1. Didn't the ruthless regime prepare the way?"),
            ListItem
        );
        assert_eq!(
            guess_kind("(3) In order to obtain the resources, force them."),
            ListItem
        );
        assert_eq!(guess_kind("Home | News | Donate | Join"), Furniture);
        assert_eq!(
            guess_kind("(Kamenev at the 14th Party Congress, December 1925.)"),
            Citation
        );
        assert_eq!(guess_kind("\"If we could... tractors.\""), Quotation);
        assert_eq!(
            guess_kind("\"A serious purge is indispensable.\" (Quoted by Carr, page 212)"),
            Quotation
        );
        assert_eq!(
            guess_kind("\"Elements which are not sufficiently communist..."),
            Quotation
        );
        assert_eq!(
            guess_kind("\"This present regime\", Trotsky wrote, \"is far from it.\""),
            Paragraph
        );
        assert_eq!(
            guess_kind("‘We observe the ‘quiet folk’, and the hierarchy.’"),
            Quotation
        );
        assert_eq!(
            guess_kind("‘Untrue!’ someone shouted, and ‘Nonsense!’"),
            Paragraph
        );
        assert_eq!(guess_kind("Ten days later he added:"), Paragraph);
    }

    #[test]
    fn blocks_and_gaps_cover_the_source() {
        let source = " Lead line.\nSOURCE 1\n\n\nA paragraph here.\n   \n";
        let blocks = segment(source, &[]).unwrap();
        assert_eq!(blocks.len(), 3);
        assert_eq!(&source[blocks[1].range()], "SOURCE 1");
        for block in &blocks {
            let covered: usize = block.runs.iter().map(|r| (r.end - r.start) as usize).sum();
            assert_eq!(covered, block.range().len());
        }
    }

    #[test]
    fn rules_override_guesses_over_a_range() {
        let source = "SOURCE 2\nFirst quoted paragraph.\nSecond quoted paragraph.\n(Stalin, 1924.)\nCommentary.";
        let rules = [Rule {
            starts: "First quoted".into(),
            through: Some("Second quoted".into()),
            kind: BlockKind::Quotation,
            line: 7,
        }];
        let blocks = segment(source, &rules).unwrap();
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [Heading(2), Quotation, Quotation, Citation, Paragraph]
        );
    }

    #[test]
    fn a_rule_that_matches_nothing_is_reported_with_its_line() {
        let rules = [Rule {
            starts: "Nowhere".into(),
            through: None,
            kind: BlockKind::Furniture,
            line: 12,
        }];
        let err = segment("Some text.", &rules).unwrap_err();
        assert_eq!(err[0].line, 12);
    }

    #[test]
    fn repeated_openings_get_numbered_anchors() {
        let blocks = segment("Stalin is rude.\nStalin is rude.\n", &[]).unwrap();
        assert_eq!(blocks[0].anchor, "stalin-is-rude");
        assert_eq!(blocks[1].anchor, "stalin-is-rude-2");
        // A block whose own anchor is what numbering would give does not collide.
        let blocks = segment("Lenin died.\nLenin died 2 days later.\nLenin died.\n", &[]).unwrap();
        let anchors: Vec<&str> = blocks.iter().map(|b| b.anchor.as_str()).collect();
        assert_eq!(
            anchors,
            ["lenin-died", "lenin-died-2-days-later", "lenin-died-2"]
        );
    }

    #[test]
    fn inline_citations_are_marked() {
        let text = "\"war communism.\" (Documents of the 1923 Opposition, page 2) The hierarchy and (NEP) and \"X\" (NEP) \"hundreds\" (workers' militias).";
        let runs = citation_runs(text, 0, BlockKind::Paragraph);
        let cited: Vec<&str> = runs
            .iter()
            .filter(|r| r.citation)
            .map(|r| &text[r.range()])
            .collect();
        assert_eq!(cited, ["(Documents of the 1923 Opposition, page 2)"]);
        let text = "Trotsky wrote [Trotsky, My Life, pp. 500, 501] \"... it was [the] end";
        let runs = citation_runs(text, 0, BlockKind::Paragraph);
        let cited: Vec<&str> = runs
            .iter()
            .filter(|r| r.citation)
            .map(|r| &text[r.range()])
            .collect();
        assert_eq!(cited, ["[Trotsky, My Life, pp. 500, 501]"]);
    }

    #[test]
    fn headings_and_paragraphs_in_a_document() {
        use BlockKind::*;
        assert_eq!(
            kinds(
                "Questions for Discussion\n1. Why did it happen?\n\nA long paragraph, with commas."
            ),
            [Heading(2), ListItem, Paragraph]
        );
    }
}
