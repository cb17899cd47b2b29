//! The glossary: loading and validating `glossary.toml`, and matching its aliases in text.
//!
//! Matching rules, decided per entry in the data: aliases match case-sensitively unless the
//! entry says `ignore_case`; straight and curly apostrophes are the same; a match starts and
//! ends at a word boundary (so "Lenin's" marks "Lenin", "Leninism" does not); plural "s"/"es"
//! only where the entry says `plurals`; where matches overlap the leftmost, then the longest,
//! wins; matching never crosses a block.

use crate::error::{DataError, line_of};
use crate::model::{EntryIndex, EntryKind};
use crate::text::is_word_char;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::format;
use std::string::{String, ToString};
use std::vec::Vec;
use toml::Spanned;

/// A glossary entry as written in the data file.
#[derive(Debug, Clone)]
pub struct EntrySpec {
    /// URL slug.
    pub id: String,
    /// Standard name.
    pub headword: String,
    /// What it names.
    pub kind: EntryKind,
    /// Dates, may be empty.
    pub dates: String,
    /// Surface forms, each with the line it is written on.
    pub aliases: Vec<(String, usize)>,
    /// Neutral definition.
    pub definition: String,
    /// Related entry ids, each with its line.
    pub see_also: Vec<(String, usize)>,
    /// Match regardless of ASCII case.
    pub ignore_case: bool,
    /// Also match alias + "s" / "es".
    pub plurals: bool,
    /// Line of the entry's `id`.
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    entry: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    headword: String,
    kind: Spanned<String>,
    #[serde(default)]
    dates: String,
    aliases: Vec<Spanned<String>>,
    definition: Spanned<String>,
    #[serde(default)]
    see_also: Vec<Spanned<String>>,
    #[serde(default)]
    ignore_case: bool,
    #[serde(default)]
    plurals: bool,
}

/// Parses and validates a glossary file. `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Vec<EntrySpec>, Vec<DataError>> {
    let raw: GlossaryFile = toml::from_str(text).map_err(|err| {
        let line = err.span().map_or(0, |span| line_of(text, span.start));
        std::vec![DataError::at(file, line, err.message().trim().to_string())]
    })?;
    let line = |span: core::ops::Range<usize>| line_of(text, span.start);
    let mut errors = Vec::new();
    let mut specs = Vec::new();
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut alias_owner: BTreeMap<String, (String, usize)> = BTreeMap::new();

    for raw in raw.entry {
        let id_line = line(raw.id.span());
        let id = raw.id.into_inner();
        if id.is_empty()
            || !id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            errors.push(DataError::at(
                file,
                id_line,
                format!("id {id:?} must be lower-case letters, digits and hyphens"),
            ));
        }
        if let Some(first) = ids.insert(id.clone(), id_line) {
            errors.push(DataError::at(
                file,
                id_line,
                format!("id {id:?} is used twice (first at line {first})"),
            ));
        }
        let kind_line = line(raw.kind.span());
        let kind = EntryKind::from_key(raw.kind.get_ref()).unwrap_or_else(|| {
            errors.push(DataError::at(
                file,
                kind_line,
                format!(
                    "kind {:?} is not one of person, body, concept, event, document, place",
                    raw.kind.get_ref()
                ),
            ));
            EntryKind::Concept
        });
        let definition_line = line(raw.definition.span());
        let definition = raw.definition.into_inner();
        if definition.trim().is_empty() {
            errors.push(DataError::at(
                file,
                definition_line,
                format!("entry {id:?} has an empty definition"),
            ));
        }
        if raw.aliases.is_empty() {
            errors.push(DataError::at(
                file,
                id_line,
                format!("entry {id:?} has no aliases"),
            ));
        }
        let mut aliases = Vec::new();
        for alias in raw.aliases {
            let alias_line = line(alias.span());
            let alias = alias.into_inner();
            if alias.trim().is_empty() || alias.trim() != alias {
                errors.push(DataError::at(
                    file,
                    alias_line,
                    format!("alias {alias:?} is empty or has spaces at its ends"),
                ));
            }
            let key = fold_alias(&alias).to_lowercase();
            if let Some((owner, owner_line)) = alias_owner.get(&key) {
                errors.push(DataError::at(
                    file,
                    alias_line,
                    format!("alias {alias:?} of {id:?} is already claimed by {owner:?} at line {owner_line}"),
                ));
            } else {
                alias_owner.insert(key, (id.clone(), alias_line));
            }
            aliases.push((alias, alias_line));
        }
        let see_also = raw
            .see_also
            .into_iter()
            .map(|s| (line(s.span()), s.into_inner()))
            .map(|(l, s)| (s, l))
            .collect();
        specs.push(EntrySpec {
            id,
            headword: raw.headword,
            kind,
            dates: raw.dates,
            aliases,
            definition,
            see_also,
            ignore_case: raw.ignore_case,
            plurals: raw.plurals,
            line: id_line,
        });
    }
    for spec in &specs {
        for (target, target_line) in &spec.see_also {
            if !ids.contains_key(target) {
                errors.push(DataError::at(
                    file,
                    *target_line,
                    format!("see_also {target:?} of {:?} names no entry", spec.id),
                ));
            }
            if target == &spec.id {
                errors.push(DataError::at(
                    file,
                    *target_line,
                    format!("entry {:?} lists itself in see_also", spec.id),
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(specs)
    } else {
        Err(errors)
    }
}

/// Curly apostrophes as straight ones: the one variant every alias tolerates.
fn fold_alias(alias: &str) -> String {
    alias.replace('\u{2019}', "'")
}

/// A match of an alias in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    /// Byte start in the text.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// The entry matched.
    pub entry: EntryIndex,
    /// Which of the entry's aliases matched.
    pub alias: u16,
}

/// Finds glossary aliases in text. Built once; the automata hold every spelling variant.
pub struct Matcher {
    exact: AhoCorasick,
    exact_patterns: Vec<(EntryIndex, u16)>,
    folded: AhoCorasick,
    folded_patterns: Vec<(EntryIndex, u16)>,
}

impl Matcher {
    /// Builds the matcher for a validated glossary.
    pub fn new(entries: &[EntrySpec]) -> Matcher {
        let mut exact = (Vec::new(), Vec::new());
        let mut folded = (Vec::new(), Vec::new());
        for (entry_index, entry) in entries.iter().enumerate() {
            let target = if entry.ignore_case {
                &mut folded
            } else {
                &mut exact
            };
            for (alias_index, (alias, _)) in entry.aliases.iter().enumerate() {
                let mut forms = apostrophe_variants(alias);
                if entry.plurals {
                    let plurals: Vec<String> = forms
                        .iter()
                        .flat_map(|form| [format!("{form}s"), format!("{form}es")])
                        .collect();
                    forms.extend(plurals);
                }
                for form in forms {
                    target.0.push(form);
                    target
                        .1
                        .push((entry_index as EntryIndex, alias_index as u16));
                }
            }
        }
        let build = |patterns: &[String], fold: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(fold)
                .build(patterns)
                .expect("glossary patterns fit in an automaton")
        };
        Matcher {
            exact: build(&exact.0, false),
            exact_patterns: exact.1,
            folded: build(&folded.0, true),
            folded_patterns: folded.1,
        }
    }

    /// Every occurrence of a glossary term in `text`, in order, never overlapping.
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        let mut candidates: Vec<TermMatch> = Vec::new();
        for (automaton, patterns) in [
            (&self.exact, &self.exact_patterns),
            (&self.folded, &self.folded_patterns),
        ] {
            for found in automaton.find_overlapping_iter(text) {
                let (start, end) = (found.start(), found.end());
                if at_word_boundary(text, start, end) {
                    let (entry, alias) = patterns[found.pattern().as_usize()];
                    candidates.push(TermMatch {
                        start,
                        end,
                        entry,
                        alias,
                    });
                }
            }
        }
        // Leftmost first, and at one start the longest: then keep what does not overlap.
        candidates.sort_by_key(|m| (m.start, core::cmp::Reverse(m.end)));
        let mut kept: Vec<TermMatch> = Vec::new();
        for candidate in candidates {
            if kept.last().is_none_or(|last| candidate.start >= last.end) {
                kept.push(candidate);
            }
        }
        kept
    }
}

/// The alias with each apostrophe in both its straight and curly forms.
fn apostrophe_variants(alias: &str) -> Vec<String> {
    let mut forms = std::vec![String::new()];
    for c in alias.chars() {
        if c == '\'' || c == '\u{2019}' {
            forms = forms
                .into_iter()
                .flat_map(|form| [format!("{form}'"), format!("{form}\u{2019}")])
                .collect();
        } else {
            forms.iter_mut().for_each(|form| form.push(c));
        }
    }
    forms
}

fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SAMPLE: &str = r#"
[[entry]]
id = "zinoviev"
headword = "Grigory Zinoviev"
kind = "person"
dates = "1883–1936"
aliases = ["Zinoviev", "Zinov'ev"]
definition = "A Bolshevik leader."
see_also = ["nep"]

[[entry]]
id = "nep"
headword = "New Economic Policy"
kind = "concept"
aliases = ["NEP", "New Economic Policy"]
definition = "A policy."

[[entry]]
id = "nepmen"
headword = "Nepmen"
kind = "concept"
aliases = ["NEP-men", "Nepmen"]
definition = "Traders."

[[entry]]
id = "kulak"
headword = "Kulak"
kind = "concept"
aliases = ["kulak"]
ignore_case = true
plurals = true
definition = "A richer peasant."

[[entry]]
id = "grant"
headword = "Ted Grant"
kind = "person"
aliases = ["Ted Grant"]
definition = "A writer."
"#;

    fn matcher() -> (Vec<EntrySpec>, Matcher) {
        let specs = parse("glossary.toml", SAMPLE).unwrap();
        let matcher = Matcher::new(&specs);
        (specs, matcher)
    }

    fn found<'a>(text: &'a str, specs: &[EntrySpec], matcher: &Matcher) -> Vec<(&'a str, String)> {
        matcher
            .find(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], specs[m.entry as usize].id.clone()))
            .collect()
    }

    #[test]
    fn matches_variants_possessives_and_plurals() {
        let (specs, matcher) = matcher();
        let text = "Zinov’ev's allies, the Kulaks and NEP-men, opposed NEP; Zinoviev’s kulak.";
        assert_eq!(
            found(text, &specs, &matcher),
            [
                ("Zinov’ev", "zinoviev".into()),
                ("Kulaks", "kulak".into()),
                ("NEP-men", "nepmen".into()),
                ("NEP", "nep".into()),
                ("Zinoviev", "zinoviev".into()),
                ("kulak", "kulak".into()),
            ]
        );
    }

    #[test]
    fn respects_case_and_word_boundaries() {
        let (specs, matcher) = matcher();
        assert!(
            found(
                "They grant the nep a Leninist ZINOVIEVS kulaki",
                &specs,
                &matcher
            )
            .is_empty()
        );
        assert_eq!(
            found("Ted Grant wrote", &specs, &matcher),
            [("Ted Grant", "grant".into())]
        );
    }

    #[test]
    fn validation_names_the_line() {
        let bad = SAMPLE
            .replace("see_also = [\"nep\"]", "see_also = [\"nobody\"]")
            .replace("\"Nepmen\"]", "\"Zinoviev\"]");
        let errors = parse("seeds/glossary.toml", &bad).unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            text.iter()
                .any(|e| e.starts_with("seeds/glossary.toml:22: alias \"Zinoviev\"")),
            "{text:?}"
        );
        assert!(
            text.iter()
                .any(|e| e.starts_with("seeds/glossary.toml:9: see_also \"nobody\"")),
            "{text:?}"
        );
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let errors = parse("g.toml", "[[entry]]\nid = \"x\"\nheadword = \n").unwrap_err();
        assert_eq!(errors[0].line, 3, "{}", errors[0]);
    }

    proptest! {
        #[test]
        fn matches_lie_on_boundaries_and_never_overlap(text in "\\PC{0,200}", glue in "(Zinoviev|NEP|kulaks|NEP-men|’s| |-|é)*") {
            let (specs, matcher) = matcher();
            let text = format!("{text}{glue}{text}");
            let matches = matcher.find(&text);
            for pair in matches.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start);
            }
            for m in &matches {
                prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                let surface = text[m.start..m.end].replace('’', "'").to_lowercase();
                let entry = &specs[m.entry as usize];
                prop_assert!(entry.aliases.iter().any(|(alias, _)| surface.starts_with(&alias.to_lowercase())));
            }
        }
    }
}
