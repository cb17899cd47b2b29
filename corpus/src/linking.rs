//! Cross-source links: which passages tell the same text, quotation or event.
//!
//! Links join blocks of *different* documents that readers read: paragraphs, quotations and
//! list items; never headings, citations or furniture. Detection is pure, deterministic and
//! runs at build time; `corpus-tool links` prints its [`LinkReport`].
//!
//! # Words and features
//!
//! A block's words (inline citations left out) are compared in a folded form: case, quote
//! marks and dashes ([`crate::text::word_key`]), accents ("régime"), a possessive "'s", a
//! plural "s", British spellings ("industrialisation", "behaviour"). Its features are its
//! words, numbers ("60,000" is one number; "1920s" is a word, not a year), word bigrams,
//! word 3-shingles, the glossary entries its runs carry, and dates (a day of a month, a month
//! of a year). A feature's document frequency `df` counts the linkable blocks that have it;
//! `idf = ln((N + 1) / (df + 1))` over the `N` linkable blocks.
//!
//! # Candidates: an inverted index, not all pairs
//!
//! Features in 2 to [`MAX_POSTING`] blocks are indexed; commoner ones ("the", "Stalin",
//! "party") propose nothing. For each block the blocks of other documents in its posting
//! lists accumulate the idf they share; the best [`CANDIDATES_PER_BLOCK`] with at least
//! [`MIN_CANDIDATE_WEIGHT`] become candidate pairs, and only candidates are scored. The work
//! is Σ df² over indexed features, at most `MAX_POSTING` times the number of postings:
//! linear in the corpus. On the seeds 1,523 of the 12,617 cross-document pairs are scored;
//! scoring all 6,957 pairs that share any indexed feature gives exactly the same links.
//!
//! # One score per kind
//!
//! - **Parallel** (the same text): Dice coefficient of the two blocks' 3-shingle sets. The
//!   shared chapter of `turning-point` and `how-the-bureaucracy-seized-power` scores 0.81
//!   ("140%" / "140 per cent") to 1.0; the best other pair 0.18 ("the struggle in the Soviet
//!   party" in two paragraphs). Threshold [`PARALLEL_MIN`] 0.5. Alignment is one-to-one per
//!   pair of documents, strongest first, so every block gets its best counterpart; a block of
//!   fewer than [`SHORT_BLOCK_WORDS`] words ("These measures were:", "Ten days later he
//!   added:") is aligned only beside an aligned neighbour pair: monotone order as support.
//! - **Variant** (one source in two translations or extracts): sentence windows (a sentence,
//!   or two neighbouring ones) keep their *quoted* words only (a quotation block, or words
//!   inside quote marks), at least [`MIN_QUOTE_WORDS`]; two windows score the idf mass of the
//!   word and bigram features they share over the smaller window's mass (a weighted overlap
//!   coefficient; features in more than `MAX_POSTING` blocks weigh nothing). Not cosine:
//!   `turning-point` quotes Trotsky's letter of 8 October 1923 with an elision ("which began
//!   to form itself … formulation") and a frame ("Trotsky wrote to the Central Committee on
//!   October 8"), which cosine punishes (0.20) and overlap does not (0.60, against 0.38 for
//!   the best unrelated pair of quotations). Threshold [`VARIANT_MIN`] 0.45.
//! - **Same event** (one event or claim in other words): what identifies an event is who,
//!   when and how many. *Anchors* are names (words the corpus writes capitalised inside a
//!   sentence and never in lower case), numbers (not list markers), dates and glossary
//!   entries; an anchor or word is *rare* in at most [`RARE_DF`] blocks (or 4% of them). Two
//!   sentence windows must share at least [`MIN_RARE_SHARED`] rare anchors: one alone is
//!   coincidence ("60,000 workers" in Germany and in Leningrad; "October 8" alone). The
//!   score is `1 - exp(-mass / 20)`, where `mass` sums the shared rare anchors' idf (numbers
//!   and dates ×2, entries ×1.5) and half the shared rare words' idf. Threshold
//!   [`EVENT_MIN`] 0.4: every pair with two rare anchors on the seeds scores 0.45 or more
//!   ("559 votes to 65" 0.60, "December 1925" + Fourteenth Congress 0.51, "January 1924" +
//!   Thirteenth Conference 0.45); the strongest pairs with one anchor score 0.38–0.40.
//!
//! # Selection
//!
//! A veto from `links.toml` must name a pair that scores above the threshold of a kind (of
//! its kind, if it names one); the pair then plays no part as that kind, so it frees its
//! place in the alignment and the caps. A pair is a parallel, else a variant, else a
//! same-event link. Two editions of one text (an end already has a parallel in the other's
//! document) carry only parallels. Then the caps, strongest first: a block shows at most
//! [`MAX_PER_BLOCK`] variants and same-event counterparts each, [`MAX_COUNTERPARTS`] in
//! all, a counterpart and its parallel twins counting once. Editorial additions (score 1)
//! replace whatever was detected for their pair and are not capped. Links are sorted
//! strongest first.

use crate::error::{DataError, line_of};
use crate::model::{
    BlockKind, Corpus, DocIndex, Document, Entry, EntryIndex, Link, LinkKind, PassageRef,
};
use crate::text::{fold_char, word_ranges};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::format;
use std::string::{String, ToString};
use std::vec;
use std::vec::Vec;
use toml::Spanned;

// ───────────────────────────── Thresholds ─────────────────────────────

/// A feature (word, bigram, shingle, glossary entry, date) found in more linkable blocks than
/// this is too common to propose candidates: its posting list is not walked.
pub const MAX_POSTING: usize = 32;
/// Candidates kept per block from the inverted index, best accumulated evidence first.
pub const CANDIDATES_PER_BLOCK: usize = 12;
/// Least accumulated inverse document frequency for two blocks to become candidates.
pub const MIN_CANDIDATE_WEIGHT: f32 = 6.0;
/// Least Dice coefficient of word 3-shingles for a parallel.
pub const PARALLEL_MIN: f32 = 0.5;
/// Least weighted overlap of quoted windows for a variant.
pub const VARIANT_MIN: f32 = 0.45;
/// Least same-event score (`1 - exp(-mass / 20)` of the shared evidence).
pub const EVENT_MIN: f32 = 0.4;
/// Rare anchors (names, numbers, dates, glossary entries) two sentence windows must share
/// to tell the same event.
pub const MIN_RARE_SHARED: usize = 2;
/// Rare: in at most this many linkable blocks, or 4% of them where that is more.
pub const RARE_DF: usize = 8;
/// Share of a plain word's weight in same-event evidence, against an anchor's.
const WORD_SHARE: f32 = 0.5;
/// Evidence mass at which the same-event score reaches 1 - 1/e.
const EVENT_SCALE: f32 = 20.0;
/// Blocks of fewer words are aligned as parallels only next to an aligned neighbour.
pub const SHORT_BLOCK_WORDS: usize = 8;
/// Quoted words a window needs to be compared as a quotation.
pub const MIN_QUOTE_WORDS: usize = 8;
/// Weight of a shared number or date, and of a glossary entry, against a word as rare.
const NUMBER_BOOST: f32 = 2.0;
/// See [`NUMBER_BOOST`].
const ENTRY_BOOST: f32 = 1.5;
/// Counterparts a block shows at most, per kind (parallel, variant, same event; parallels
/// are also one per other document)…
pub const MAX_PER_BLOCK: [usize; 3] = [8, 3, 3];
/// …and in all.
pub const MAX_COUNTERPARTS: usize = 5;

// ───────────────────────────── Editorial edits ─────────────────────────────

/// What an editorial entry in `links.toml` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOp {
    /// Adds a link of this kind, whatever detection finds.
    Add(LinkKind),
    /// Removes the detected link between the two passages (of this kind only, if given).
    Veto(Option<LinkKind>),
}

/// An editorial addition or veto of a link, from `links.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkEdit {
    /// Add or veto.
    pub op: EditOp,
    /// One end.
    pub a: PassageRef,
    /// The other end.
    pub b: PassageRef,
    /// The editor's reason, if given.
    pub note: String,
    /// The file the edit is written in, as the user knows it.
    pub file: String,
    /// The line of the edit's first end.
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinksFile {
    #[serde(default)]
    link: Vec<RawLink>,
    #[serde(default)]
    veto: Vec<RawVeto>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLink {
    kind: Spanned<String>,
    a: Spanned<String>,
    b: Spanned<String>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVeto {
    a: Spanned<String>,
    b: Spanned<String>,
    #[serde(default)]
    kind: Option<Spanned<String>>,
    #[serde(default)]
    note: String,
}

fn kind_from_key(key: &str) -> Option<LinkKind> {
    [
        LinkKind::Parallel,
        LinkKind::Variant,
        LinkKind::SameEvent,
        LinkKind::Related,
    ]
    .into_iter()
    .find(|kind| kind.key() == key)
}

/// Whether blocks of this kind take part in links: running text, quotations and list items;
/// never headings, citations or furniture.
pub fn is_linkable(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph | BlockKind::Quotation | BlockKind::ListItem
    )
}

/// Resolves `slug#anchor` to a linkable passage.
fn resolve(documents: &[Document], at: &str) -> Result<PassageRef, String> {
    let Some((slug, anchor)) = at.split_once('#') else {
        return Err(format!(
            "{at:?} is not of the form \"document-slug#anchor\""
        ));
    };
    let Some(doc) = documents.iter().position(|d| d.slug == slug) else {
        let known: Vec<&str> = documents.iter().map(|d| d.slug.as_str()).collect();
        return Err(format!(
            "no document has the slug {slug:?} (known: {})",
            known.join(", ")
        ));
    };
    let document = &documents[doc];
    let Some((block, found)) = document.block_by_anchor(anchor) else {
        return Err(format!(
            "{slug:?} has no passage with the anchor {anchor:?} (see `corpus-tool blocks`)"
        ));
    };
    if !is_linkable(found.kind) {
        return Err(format!(
            "{slug}#{anchor} is a {:?} block; links join paragraphs, quotations and list items",
            found.kind
        ));
    }
    Ok(PassageRef {
        doc: doc as DocIndex,
        block,
    })
}

/// Parses and validates `links.toml`: every end must name a linkable passage, the two ends of
/// an entry different documents, and no pair may be edited twice. `file` names it in errors.
/// Whether each veto matches a detected link is checked by [`detect`].
pub fn parse_edits(
    file: &str,
    text: &str,
    documents: &[Document],
) -> Result<Vec<LinkEdit>, Vec<DataError>> {
    let raw: LinksFile = toml::from_str(text).map_err(|err| {
        let line = err.span().map_or(0, |span| line_of(text, span.start));
        vec![DataError::at(file, line, err.message().trim().to_string())]
    })?;
    let mut errors = Vec::new();
    let mut edits = Vec::new();
    let mut seen: BTreeMap<(PassageRef, PassageRef), usize> = BTreeMap::new();
    let end = |at: &Spanned<String>, errors: &mut Vec<DataError>| {
        resolve(documents, at.get_ref())
            .map_err(|message| {
                errors.push(DataError::at(file, line_of(text, at.span().start), message));
            })
            .ok()
    };
    let entries = raw
        .link
        .into_iter()
        .map(|l| (Some(l.kind), l.a, l.b, l.note, true))
        .chain(
            raw.veto
                .into_iter()
                .map(|v| (v.kind, v.a, v.b, v.note, false)),
        );
    for (kind, a, b, note, add) in entries {
        let line = line_of(text, a.span().start);
        let kind = match kind {
            None => None,
            Some(kind) => match kind_from_key(kind.get_ref()) {
                Some(LinkKind::Related) if !add => {
                    errors.push(DataError::at(
                        file,
                        line_of(text, kind.span().start),
                        "\"related\" links are only ever added by editors; there is nothing to veto",
                    ));
                    None
                }
                Some(found) => Some(found),
                None => {
                    errors.push(DataError::at(
                        file,
                        line_of(text, kind.span().start),
                        format!(
                            "kind {:?} is not one of parallel, variant, same-event, related",
                            kind.get_ref()
                        ),
                    ));
                    continue;
                }
            },
        };
        let (Some(pa), Some(pb)) = (end(&a, &mut errors), end(&b, &mut errors)) else {
            continue;
        };
        if pa.doc == pb.doc {
            errors.push(DataError::at(
                file,
                line,
                "both ends are in the same document; links join different documents",
            ));
            continue;
        }
        let (pa, pb) = if pa <= pb { (pa, pb) } else { (pb, pa) };
        if let Some(first) = seen.insert((pa, pb), line) {
            errors.push(DataError::at(
                file,
                line,
                format!("this pair of passages is already edited at line {first}"),
            ));
            continue;
        }
        let op = match (add, kind) {
            (true, Some(kind)) => EditOp::Add(kind),
            (true, None) => continue,
            (false, kind) => EditOp::Veto(kind),
        };
        edits.push(LinkEdit {
            op,
            a: pa,
            b: pb,
            note,
            file: file.into(),
            line,
        });
    }
    if errors.is_empty() {
        Ok(edits)
    } else {
        Err(errors)
    }
}

// ───────────────────────────── Text features ─────────────────────────────

/// Folds the accented Latin letters translations differ in ("régime", "regime").
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        other => other,
    }
}

/// A word in matching form: [`crate::text::word_key`] (case and typography folded) plus
/// accents folded, a possessive "'s" dropped and British spellings folded to American
/// ("industrialisation", "behaviour"). Applied to both sides alike, it can only merge words.
fn match_key(word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return word.chars().filter(char::is_ascii_digit).collect();
    }
    let mut key: String = word
        .chars()
        .map(fold_char)
        .flat_map(char::to_lowercase)
        .map(fold_accent)
        .collect();
    if key.ends_with("'s") {
        key.truncate(key.len() - 2);
    }
    // A light plural fold: "strokes", "Trotskyites", "committees" (not "class", "status").
    if key.len() > 4
        && key.ends_with('s')
        && !key.ends_with("ss")
        && !key.ends_with("us")
        && !key.ends_with("is")
    {
        key.truncate(key.len() - 1);
    }
    for (british, american) in [
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("our", "or"),
    ] {
        if key.len() > british.len() + 2 && key.ends_with(british) {
            key.truncate(key.len() - british.len());
            key.push_str(american);
            break;
        }
    }
    key
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_of(key: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|m| *m == key)
        .map(|index| index as u8 + 1)
}

fn number_of(key: &str) -> Option<u32> {
    if key.is_empty() || key.len() > 9 || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    key.parse().ok()
}

/// Date features of a block's words: a day of a month ("October 8", "8 October") and a
/// month of a year ("December 1925", "December 25, 1922"), each at the month's position,
/// with the words they stand for (which are then not evidence on their own).
fn dates(keys: &[String]) -> (Vec<(usize, Label)>, Vec<usize>) {
    let mut found = Vec::new();
    let mut consumed = Vec::new();
    for (index, key) in keys.iter().enumerate() {
        let Some(month) = month_of(key) else { continue };
        let number = |at: usize| keys.get(at).and_then(|k| number_of(k));
        let day = |n: Option<u32>| n.filter(|d| (1..=31).contains(d));
        let year = |n: Option<u32>| n.filter(|y| (1800..=2100).contains(y));
        let after = number(index + 1);
        let before = index.checked_sub(1).and_then(number);
        if let Some(d) = day(after) {
            found.push((index, Label::Day(month, d as u8)));
            consumed.extend([index, index + 1]);
        } else if let Some(d) = day(before) {
            found.push((index, Label::Day(month, d as u8)));
            consumed.extend([index - 1, index]);
        }
        if let Some(y) = year(after) {
            found.push((index, Label::MonthYear(month, y as u16)));
            consumed.extend([index, index + 1]);
        } else if let Some(y) = day(after).and(year(number(index + 2))) {
            found.push((index, Label::MonthYear(month, y as u16)));
            consumed.push(index + 2);
        }
    }
    (found, consumed)
}

/// Whether a block opens with a list marker such as "(3)" or "2." (perhaps after a quote
/// mark): its number is not evidence of anything.
fn list_marker(text: &str) -> bool {
    let text = text.trim_start_matches(['"', '\u{201C}', '\u{2018}', '\'']);
    let text = text.strip_prefix('(').unwrap_or(text);
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
}

/// Marks the words of a text that are inside quotation marks: curly double quotes, straight
/// double quotes (which toggle), and curly single quotes that open before a word and close
/// after one (not apostrophes).
fn quoted_words(text: &str, words: &[(usize, usize)]) -> Vec<bool> {
    let mut inside_at = Vec::with_capacity(text.len());
    let (mut double, mut single) = (false, false);
    let mut prev = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        match c {
            '"' => double = !double,
            '\u{201C}' => double = true,
            '\u{201D}' => double = false,
            '\u{2018}' if !prev.is_alphanumeric() => single = true,
            '\u{2019}' if single && !next.is_alphanumeric() => single = false,
            _ => {}
        }
        inside_at.extend(core::iter::repeat_n(double || single, c.len_utf8()));
        prev = c;
    }
    words.iter().map(|&(start, _)| inside_at[start]).collect()
}

/// Joins the groups of a number written with separators ("60,000", "1,000,000") into one
/// word, so that one number is one piece of evidence.
fn join_digit_groups(text: &str, ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let digits =
        |(s, e): (usize, usize)| text[s..e].bytes().all(|b| b.is_ascii_digit() || b == b',');
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match joined.last_mut() {
            Some(last)
                if &text[last.1..range.0] == ","
                    && range.1 - range.0 == 3
                    && digits(*last)
                    && digits(range) =>
            {
                last.1 = range.1;
            }
            _ => joined.push(range),
        }
    }
    joined
}

/// Whether the text between two words ends a sentence.
fn ends_sentence(gap: &str) -> bool {
    gap.chars()
        .any(|c| matches!(c, '.' | '?' | '!' | ';' | '…'))
}

/// 64-bit mixing (SplitMix64's finaliser): bigrams and shingles are hashed, not stored.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn feature_hash(tag: u64, parts: &[u64]) -> u64 {
    parts.iter().fold(mix(tag), |h, &p| {
        mix(h ^ p.wrapping_mul(0x9e37_79b9_7f4a_7c15))
    })
}

/// What a feature is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    /// A word (its id).
    Word(u32),
    /// A word of digits (its id).
    Number(u32),
    /// Two neighbouring words.
    Bigram,
    /// Three neighbouring words.
    Shingle,
    /// A glossary entry.
    Entry(EntryIndex),
    /// A day of a month.
    Day(u8, u8),
    /// A month of a year.
    MonthYear(u8, u16),
}

impl Label {
    fn hash(self, parts: &[u64]) -> u64 {
        match self {
            Label::Word(w) => feature_hash(1, &[w as u64]),
            Label::Number(w) => feature_hash(7, &[w as u64]),
            Label::Bigram => feature_hash(2, parts),
            Label::Shingle => feature_hash(3, parts),
            Label::Entry(e) => feature_hash(4, &[e as u64]),
            Label::Day(m, d) => feature_hash(5, &[m as u64, d as u64]),
            Label::MonthYear(m, y) => feature_hash(6, &[m as u64, y as u64]),
        }
    }

    /// How much a shared feature of this kind weighs against a word of the same rarity:
    /// numbers and dates are precise, a glossary entry folds spellings of one name.
    fn boost(self) -> f32 {
        match self {
            Label::Number(_) | Label::Day(..) | Label::MonthYear(..) => NUMBER_BOOST,
            Label::Entry(_) => ENTRY_BOOST,
            _ => 1.0,
        }
    }
}

/// Feature keys are already mixed 64-bit hashes: hashing them again is wasted work.
#[derive(Default, Clone, Copy)]
struct PassThrough(u64);

impl core::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0 ^ b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FeatureIds = HashMap<u64, u32, core::hash::BuildHasherDefault<PassThrough>>;

struct Vocabulary {
    words: HashMap<String, u32>,
    word_text: Vec<String>,
    ids: FeatureIds,
    labels: Vec<Label>,
}

impl Vocabulary {
    fn word(&mut self, key: String) -> u32 {
        if let Some(&id) = self.words.get(&key) {
            return id;
        }
        let id = self.word_text.len() as u32;
        self.word_text.push(key.clone());
        self.words.insert(key, id);
        id
    }

    fn feature(&mut self, label: Label, parts: &[u64]) -> u32 {
        let next = self.labels.len() as u32;
        let id = *self.ids.entry(label.hash(parts)).or_insert(next);
        if id == next {
            self.labels.push(label);
        }
        id
    }

    fn describe(&self, feature: u32, glossary: &[Entry]) -> String {
        match self.labels[feature as usize] {
            Label::Word(w) | Label::Number(w) => self.word_text[w as usize].clone(),
            Label::Entry(e) => glossary
                .get(e as usize)
                .map_or_else(|| format!("entry {e}"), |entry| format!("[{}]", entry.id)),
            Label::Day(m, d) => format!("{} {d}", MONTHS[m as usize - 1]),
            Label::MonthYear(m, y) => format!("{} {y}", MONTHS[m as usize - 1]),
            Label::Bigram | Label::Shingle => String::from("…"),
        }
    }
}

/// The words and features of one linkable block.
struct BlockText {
    at: PassageRef,
    /// The feature id of each word, in reading order, citations left out.
    word_features: Vec<u32>,
    /// The feature id of each pair of neighbouring words.
    bigram_features: Vec<u32>,
    /// Whether each word is inside quotation marks (or the block is a quotation).
    quoted: Vec<bool>,
    /// Word ranges of sentences (at least [`MIN_SENTENCE`] words where possible).
    sentences: Vec<(usize, usize)>,
    /// Evidence of an event with the word position it is at: words outside glossary terms
    /// (and not a list marker), glossary entries, dates.
    evidence: Vec<(usize, u32)>,
    /// Word features written with a capital inside a sentence here.
    capitalised: Vec<u32>,
    /// Word features written in lower case here.
    lower: Vec<u32>,
    /// Every feature id, sorted, without repeats.
    features: Vec<u32>,
    /// Shingle ids, sorted, without repeats.
    shingles: Vec<u32>,
}

/// Sentences shorter than this are joined to the next.
const MIN_SENTENCE: usize = 6;

fn extract(documents: &[Document], vocab: &mut Vocabulary) -> Vec<BlockText> {
    let mut blocks = Vec::new();
    for (doc_index, document) in documents.iter().enumerate() {
        for (block_index, block) in document.blocks.iter().enumerate() {
            if !is_linkable(block.kind) {
                continue;
            }
            if let Some(text) = block_text(document, block_index, vocab) {
                blocks.push(BlockText {
                    at: PassageRef {
                        doc: doc_index as DocIndex,
                        block: block_index as u32,
                    },
                    ..text
                });
            }
        }
    }
    blocks
}

fn block_text(
    document: &Document,
    block_index: usize,
    vocab: &mut Vocabulary,
) -> Option<BlockText> {
    let block = &document.blocks[block_index];
    let mut keys: Vec<String> = Vec::new();
    let mut quoted = Vec::new();
    let mut in_term = Vec::new();
    let mut entries: Vec<(usize, EntryIndex)> = Vec::new();
    let mut sentences = Vec::new();
    let mut sentence_start = 0;
    let mut capital = Vec::new();
    let mut lowercase = Vec::new();
    let mut plain = Vec::new();
    let mut after_stop = true;
    for run in block.runs.iter().filter(|run| !run.citation) {
        let text = &document.source[run.range()];
        let ranges = join_digit_groups(text, word_ranges(text));
        let marks = quoted_words(text, &ranges);
        if let Some(entry) = run.term {
            entries.push((keys.len(), entry));
        }
        for (index, &(start, end)) in ranges.iter().enumerate() {
            keys.push(match_key(&text[start..end]));
            // "1920s", "1920's": a decade is vaguer than a number.
            plain.push(
                !text[start..end]
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b','),
            );
            quoted.push(block.kind == BlockKind::Quotation || marks[index]);
            in_term.push(run.term.is_some());
            capital.push(!after_stop && text[start..].starts_with(char::is_uppercase));
            lowercase.push(text[start..].starts_with(char::is_lowercase));
            let gap_end = ranges.get(index + 1).map_or(text.len(), |r| r.0);
            after_stop = ends_sentence(&text[end..gap_end]) || text[end..gap_end].contains(':');
            if ends_sentence(&text[end..gap_end]) && keys.len() - sentence_start >= MIN_SENTENCE {
                sentences.push((sentence_start, keys.len()));
                sentence_start = keys.len();
            }
        }
    }
    if keys.is_empty() {
        return None;
    }
    if sentence_start < keys.len() {
        match sentences.last_mut() {
            Some(last) if keys.len() - sentence_start < MIN_SENTENCE => last.1 = keys.len(),
            _ => sentences.push((sentence_start, keys.len())),
        }
    }
    let marker = list_marker(&document.source[block.range()]);
    let mut evidence: Vec<(usize, u32)> = Vec::new();
    let mut capitalised = Vec::new();
    let mut lower = Vec::new();
    for (at, entry) in entries {
        evidence.push((at, vocab.feature(Label::Entry(entry), &[])));
    }
    let (found, consumed) = dates(&keys);
    for (at, label) in found {
        evidence.push((at, vocab.feature(label, &[])));
    }
    let words: Vec<u32> = keys.into_iter().map(|key| vocab.word(key)).collect();
    let mut word_features = Vec::with_capacity(words.len());
    let mut bigram_features = Vec::with_capacity(words.len());
    let mut shingles = Vec::with_capacity(words.len());
    for (index, &word) in words.iter().enumerate() {
        let label = if !plain[index] && number_of(&vocab.word_text[word as usize]).is_some() {
            Label::Number(word)
        } else {
            Label::Word(word)
        };
        let f = vocab.feature(label, &[]);
        word_features.push(f);
        let is_number = matches!(label, Label::Number(_));
        let list_number = index == 0 && marker;
        let in_name = in_term[index] && !is_number;
        if !(in_name || list_number || consumed.contains(&index)) {
            evidence.push((index, f));
        }
        if capital[index] {
            capitalised.push(f);
        } else if !vocab.word_text[word as usize].starts_with(|c: char| c.is_ascii_digit())
            && lowercase[index]
        {
            lower.push(f);
        }
        if let Some(&next) = words.get(index + 1) {
            bigram_features.push(vocab.feature(Label::Bigram, &[word as u64, next as u64]));
        }
        if index + 3 <= words.len() {
            let parts = [
                word as u64,
                words[index + 1] as u64,
                words[index + 2] as u64,
            ];
            shingles.push(vocab.feature(Label::Shingle, &parts));
        }
    }
    if words.len() < 3 {
        let parts: Vec<u64> = words.iter().map(|&w| w as u64).collect();
        shingles.push(vocab.feature(Label::Shingle, &parts));
    }
    evidence.sort_unstable();
    let mut features: Vec<u32> = word_features
        .iter()
        .chain(&bigram_features)
        .chain(&shingles)
        .copied()
        .chain(evidence.iter().map(|&(_, f)| f))
        .collect();
    features.sort_unstable();
    features.dedup();
    shingles.sort_unstable();
    shingles.dedup();
    Some(BlockText {
        at: PassageRef { doc: 0, block: 0 },
        word_features,
        bigram_features,
        quoted,
        sentences,
        evidence,
        capitalised,
        lower,
        features,
        shingles,
    })
}

// ───────────────────────────── Scoring ─────────────────────────────

/// A sentence window (one sentence, or two neighbouring ones) as feature sets.
struct Window {
    /// Word and bigram features of the quoted words, sorted, without repeats.
    quoted: Vec<u32>,
    quoted_weight: f32,
    quoted_words: usize,
    /// Evidence features that are not too common, sorted, without repeats.
    evidence: Vec<u32>,
}

fn windows_of(block: &BlockText, weight: &[f32], common: &[bool]) -> Vec<Window> {
    let sentences = &block.sentences;
    let spans = sentences
        .iter()
        .copied()
        .chain(sentences.windows(2).map(|pair| (pair[0].0, pair[1].1)));
    let mass = |set: &[u32]| set.iter().map(|&f| weight[f as usize]).sum::<f32>();
    spans
        .map(|(start, end)| {
            let mut quoted = Vec::new();
            for index in start..end {
                if block.quoted[index] {
                    quoted.push(block.word_features[index]);
                    if index + 1 < end && block.quoted[index + 1] {
                        quoted.push(block.bigram_features[index]);
                    }
                }
            }
            quoted.retain(|&f| !common[f as usize]);
            quoted.sort_unstable();
            quoted.dedup();
            let first = block.evidence.partition_point(|&(at, _)| at < start);
            let mut evidence: Vec<u32> = block.evidence[first..]
                .iter()
                .take_while(|&&(at, _)| at < end)
                .map(|&(_, f)| f)
                .filter(|&f| !common[f as usize])
                .collect();
            evidence.sort_unstable();
            evidence.dedup();
            Window {
                quoted_weight: mass(&quoted),
                quoted_words: block.quoted[start..end].iter().filter(|&&q| q).count(),
                quoted,
                evidence,
            }
        })
        .collect()
}

/// The features two sorted sets share.
fn shared(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut both = Vec::new();
    merge(a, b, |f| both.push(f));
    both
}

/// Weighted overlap coefficient: the mass two sets share over the smaller set's mass. An
/// extract that is elided or framed on one side still scores high; unrelated text shares
/// only light (common) words.
fn overlap(a: &[u32], wa: f32, b: &[u32], wb: f32, weight: &[f32]) -> f32 {
    let smaller = wa.min(wb);
    if smaller <= 0.0 {
        return 0.0;
    }
    let mut mass = 0.0;
    merge(a, b, |f| mass += weight[f as usize]);
    mass / smaller
}

/// Calls `both` with every feature two sorted sets share.
fn merge(a: &[u32], b: &[u32], mut both: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            core::cmp::Ordering::Less => i += 1,
            core::cmp::Ordering::Greater => j += 1,
            core::cmp::Ordering::Equal => {
                both(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Dice coefficient of two sorted sets.
fn dice(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut count = 0;
    merge(a, b, |_| count += 1);
    2.0 * count as f32 / (a.len() + b.len()) as f32
}

/// The scores of one candidate pair, and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// One end.
    pub a: PassageRef,
    /// The other end.
    pub b: PassageRef,
    /// Dice coefficient of the two blocks' word 3-shingle sets.
    pub parallel: f32,
    /// Best weighted overlap of the quoted words (and bigrams) of two sentence windows.
    pub variant: f32,
    /// Same-event score of the best pair of sentence windows (those sharing at least
    /// [`MIN_RARE_SHARED`] rare anchors first).
    pub event: f32,
    /// What the windows that gave `event` share: rare anchors, then rare words marked "+".
    pub shared: Vec<String>,
    /// Rare anchors (names, numbers, dates, glossary entries) the windows share.
    pub anchors: usize,
    /// Why the pair is not linked as each kind (parallel, variant, same event); `None`
    /// where it is.
    pub fate: [Option<String>; 3],
}

impl Candidate {
    fn score(&self, kind: LinkKind) -> f32 {
        match kind {
            LinkKind::Parallel => self.parallel,
            LinkKind::Variant => self.variant,
            _ => self.event,
        }
    }
}

fn slot(kind: LinkKind) -> usize {
    match kind {
        LinkKind::Parallel => 0,
        LinkKind::Variant => 1,
        _ => 2,
    }
}

// ───────────────────────────── Detection ─────────────────────────────

/// Counts that show how much work detection did, for judging how it scales.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetectionStats {
    /// Blocks that take part (paragraphs, quotations, list items).
    pub blocks: usize,
    /// Distinct features (words, bigrams, shingles, entries, dates).
    pub features: usize,
    /// Features in more than [`MAX_POSTING`] blocks, which propose no candidates.
    pub common_features: usize,
    /// Entries in the posting lists (blocks per indexed feature, summed).
    pub postings: usize,
    /// Posting entries visited while gathering candidates: at most `MAX_POSTING` times
    /// `postings`.
    pub posting_visits: usize,
    /// Candidate pairs scored.
    pub candidate_pairs: usize,
}

/// What detection accepted and, for judging thresholds, what it rejected.
#[derive(Debug, Clone, Default)]
pub struct LinkReport {
    /// The links kept, strongest first.
    pub accepted: Vec<Link>,
    /// Problems in the editorial data: a veto that matches no detected link.
    pub errors: Vec<DataError>,
    /// Work counts.
    pub stats: DetectionStats,
    /// Every scored candidate pair.
    pub candidates: Vec<Candidate>,
    /// Links added by `links.toml`.
    pub added: usize,
    /// Detected links removed by `links.toml`.
    pub vetoed: usize,
}

/// Detects links in a corpus and applies the editorial edits.
pub fn detect(corpus: &Corpus, edits: &[LinkEdit]) -> LinkReport {
    detect_with(&corpus.documents, &corpus.glossary, edits)
}

/// Detects links between documents (whose runs carry glossary entries from `glossary`).
pub fn detect_with(documents: &[Document], glossary: &[Entry], edits: &[LinkEdit]) -> LinkReport {
    let mut vocab = Vocabulary {
        words: HashMap::new(),
        word_text: Vec::new(),
        ids: FeatureIds::default(),
        labels: Vec::new(),
    };
    let blocks = extract(documents, &mut vocab);
    let n = blocks.len();
    let mut df = vec![0u32; vocab.labels.len()];
    for block in &blocks {
        for &f in &block.features {
            df[f as usize] += 1;
        }
    }
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| ((n as f32 + 1.0) / (d as f32 + 1.0)).ln())
        .collect();
    let weight: Vec<f32> = idf
        .iter()
        .zip(&vocab.labels)
        .map(|(&idf, label)| idf * label.boost())
        .collect();
    let common: Vec<bool> = df.iter().map(|&d| d as usize > MAX_POSTING).collect();
    let mut anchor: Vec<bool> = vocab
        .labels
        .iter()
        .map(|label| !matches!(label, Label::Word(_) | Label::Bigram | Label::Shingle))
        .collect();
    // A name is a word written with a capital inside a sentence and never in lower case.
    let mut written_lower = vec![false; df.len()];
    for block in &blocks {
        for &f in &block.lower {
            written_lower[f as usize] = true;
        }
    }
    for block in &blocks {
        for &f in &block.capitalised {
            anchor[f as usize] |= !written_lower[f as usize];
        }
    }
    let mut stats = DetectionStats {
        blocks: n,
        features: df.len(),
        common_features: common.iter().filter(|&&c| c).count(),
        ..DetectionStats::default()
    };
    let pairs = candidate_pairs(&blocks, &df, &idf, &mut stats);
    stats.candidate_pairs = pairs.len();

    let mut windows: Vec<Option<Vec<Window>>> = (0..n).map(|_| None).collect();
    let anchor_df = RARE_DF.max(n / 25);
    let mut candidates = Vec::with_capacity(pairs.len());
    for &(i, j) in &pairs {
        let (i, j) = (i as usize, j as usize);
        for k in [i, j] {
            if windows[k].is_none() {
                windows[k] = Some(windows_of(&blocks[k], &weight, &common));
            }
        }
        let (wi, wj) = (
            windows[i].as_deref().unwrap_or(&[]),
            windows[j].as_deref().unwrap_or(&[]),
        );
        let mut variant: f32 = 0.0;
        // The window pair with the most rare anchors shared (up to the number needed),
        // then the strongest evidence.
        let rare = |f: u32| df[f as usize] as usize <= anchor_df;
        let mut best = (0, 0.0f32, usize::MAX, usize::MAX);
        for (x, wa) in wi.iter().enumerate() {
            for (y, wb) in wj.iter().enumerate() {
                if wa.quoted_words >= MIN_QUOTE_WORDS && wb.quoted_words >= MIN_QUOTE_WORDS {
                    variant = variant.max(overlap(
                        &wa.quoted,
                        wa.quoted_weight,
                        &wb.quoted,
                        wb.quoted_weight,
                        &weight,
                    ));
                }
                let (mut anchors, mut mass) = (0, 0.0);
                merge(&wa.evidence, &wb.evidence, |f| {
                    if rare(f) {
                        if anchor[f as usize] {
                            anchors += 1;
                            mass += weight[f as usize];
                        } else {
                            mass += WORD_SHARE * weight[f as usize];
                        }
                    }
                });
                let score = 1.0 - (-mass / EVENT_SCALE).exp();
                let rank = (anchors.min(MIN_RARE_SHARED), score);
                if mass > 0.0 && rank > (best.0.min(MIN_RARE_SHARED), best.1) {
                    best = (anchors, score, x, y);
                }
            }
        }
        let (rare_count, event) = (best.0, best.1);
        let mut evidence = Vec::new();
        if best.2 != usize::MAX {
            let both = shared(&wi[best.2].evidence, &wj[best.3].evidence);
            let (anchors, words): (Vec<u32>, Vec<u32>) = both
                .into_iter()
                .filter(|&f| rare(f))
                .partition(|&f| anchor[f as usize]);
            evidence.extend(anchors.iter().map(|&f| vocab.describe(f, glossary)));
            evidence.extend(
                words
                    .iter()
                    .map(|&f| format!("+{}", vocab.describe(f, glossary))),
            );
        }
        let (a, b) = (&blocks[i], &blocks[j]);
        candidates.push(Candidate {
            a: a.at,
            b: b.at,
            parallel: dice(&a.shingles, &b.shingles),
            variant,
            event,
            shared: evidence,
            anchors: rare_count,
            fate: [None, None, None],
        });
    }
    let block_words: BTreeMap<PassageRef, usize> = blocks
        .iter()
        .map(|b| (b.at, b.word_features.len()))
        .collect();
    let mut report = select(candidates, &block_words, edits);
    report.stats = stats;
    report
}

/// Candidate pairs from the inverted index: for each block, the blocks of other documents
/// that share its uncommon features (found in 2 to [`MAX_POSTING`] blocks), ranked by the
/// idf they share; the best [`CANDIDATES_PER_BLOCK`] with at least [`MIN_CANDIDATE_WEIGHT`].
fn candidate_pairs(
    blocks: &[BlockText],
    df: &[u32],
    idf: &[f32],
    stats: &mut DetectionStats,
) -> Vec<(u32, u32)> {
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); df.len()];
    for (index, block) in blocks.iter().enumerate() {
        for &f in &block.features {
            if (2..=MAX_POSTING).contains(&(df[f as usize] as usize)) {
                postings[f as usize].push(index as u32);
                stats.postings += 1;
            }
        }
    }
    let mut acc = vec![0f32; blocks.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        for &f in &block.features {
            let posting = &postings[f as usize];
            stats.posting_visits += posting.len();
            for &j in posting {
                if blocks[j as usize].at.doc == block.at.doc {
                    continue;
                }
                if acc[j as usize] == 0.0 {
                    touched.push(j);
                }
                acc[j as usize] += idf[f as usize];
            }
        }
        touched
            .sort_unstable_by(|&x, &y| acc[y as usize].total_cmp(&acc[x as usize]).then(x.cmp(&y)));
        for &j in touched.iter().take(CANDIDATES_PER_BLOCK) {
            if acc[j as usize] >= MIN_CANDIDATE_WEIGHT {
                let i = i as u32;
                pairs.push((i.min(j), i.max(j)));
            }
        }
        for &j in &touched {
            acc[j as usize] = 0.0;
        }
        touched.clear();
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

// ───────────────────────────── Selection ─────────────────────────────

fn select(
    mut candidates: Vec<Candidate>,
    block_words: &BTreeMap<PassageRef, usize>,
    edits: &[LinkEdit],
) -> LinkReport {
    let mut report = LinkReport::default();
    for c in &mut candidates {
        for kind in [LinkKind::Parallel, LinkKind::Variant, LinkKind::SameEvent] {
            if c.score(kind) < threshold(kind) {
                c.fate[slot(kind)] = Some(String::from("below threshold"));
            }
        }
        if c.fate[2].is_none() && c.anchors < MIN_RARE_SHARED {
            c.fate[2] = Some(format!("{} rare anchor(s) shared", c.anchors));
        }
    }

    // Vetoes: a veto names a pair that scores above the threshold of a kind (of its kind,
    // if it gives one). The pair then takes no part in alignment or caps as that kind.
    for edit in edits {
        let EditOp::Veto(kind) = edit.op else {
            continue;
        };
        let found = candidates
            .iter_mut()
            .find(|c| c.a == edit.a && c.b == edit.b);
        let mut matched = false;
        if let Some(c) = found {
            for k in [LinkKind::Parallel, LinkKind::Variant, LinkKind::SameEvent] {
                if c.fate[slot(k)].is_none() && kind.is_none_or(|want| want == k) {
                    c.fate[slot(k)] = Some(format!("vetoed at {}:{}", edit.file, edit.line));
                    matched = true;
                }
            }
        }
        if matched {
            report.vetoed += 1;
        } else {
            report.errors.push(DataError::at(
                &edit.file,
                edit.line,
                format!(
                    "the veto matches no detected link{}; remove it",
                    kind.map_or(String::new(), |k| format!(" of kind {:?}", k.key()))
                ),
            ));
        }
    }

    // Parallel: one-to-one alignment per pair of documents, strongest first. A short block
    // ("These measures were:") is aligned only next to an aligned neighbour pair.
    let mut order: Vec<usize> = (0..candidates.len())
        .filter(|&k| candidates[k].fate[0].is_none())
        .collect();
    order.sort_by(|&x, &y| {
        candidates[y]
            .parallel
            .total_cmp(&candidates[x].parallel)
            .then(x.cmp(&y))
    });
    let short = |p: PassageRef| block_words.get(&p).copied().unwrap_or(0) < SHORT_BLOCK_WORDS;
    let mut aligned: BTreeSet<(PassageRef, DocIndex)> = BTreeSet::new();
    let mut parallel_pairs: BTreeSet<(PassageRef, PassageRef)> = BTreeSet::new();
    let neighbours = |p: PassageRef, step: i64| -> Option<PassageRef> {
        // The next linkable block in reading order within the same document.
        let range: Vec<PassageRef> = if step < 0 {
            block_words
                .range(..p)
                .rev()
                .take(1)
                .map(|(q, _)| *q)
                .collect()
        } else {
            block_words
                .range(p..)
                .skip(1)
                .take(1)
                .map(|(q, _)| *q)
                .collect()
        };
        range.into_iter().find(|q| q.doc == p.doc)
    };
    let mut pending: Vec<usize> = Vec::new();
    for &k in &order {
        let c = &candidates[k];
        if short(c.a) || short(c.b) {
            pending.push(k);
        } else if aligned.contains(&(c.a, c.b.doc)) || aligned.contains(&(c.b, c.a.doc)) {
            candidates[k].fate[0] = Some(String::from("a better counterpart is aligned"));
        } else {
            aligned.insert((c.a, c.b.doc));
            aligned.insert((c.b, c.a.doc));
            parallel_pairs.insert((c.a, c.b));
        }
    }
    let mut changed = true;
    while changed {
        changed = false;
        for &k in &pending {
            let c = &candidates[k];
            if parallel_pairs.contains(&(c.a, c.b))
                || aligned.contains(&(c.a, c.b.doc))
                || aligned.contains(&(c.b, c.a.doc))
            {
                continue;
            }
            let supported = [-1, 1].into_iter().any(|step| {
                match (neighbours(c.a, step), neighbours(c.b, step)) {
                    (Some(x), Some(y)) => parallel_pairs.contains(&(x.min(y), x.max(y))),
                    _ => false,
                }
            });
            if supported {
                aligned.insert((c.a, c.b.doc));
                aligned.insert((c.b, c.a.doc));
                parallel_pairs.insert((c.a, c.b));
                changed = true;
            }
        }
    }
    for &k in &pending {
        let c = &candidates[k];
        if !parallel_pairs.contains(&(c.a, c.b)) && candidates[k].fate[0].is_none() {
            candidates[k].fate[0] = Some(String::from("short, and no neighbour is aligned"));
        }
    }
    for c in &mut candidates {
        if c.fate[0].is_none() && !parallel_pairs.contains(&(c.a, c.b)) {
            c.fate[0] = Some(String::from("a better counterpart is aligned"));
        }
        if parallel_pairs.contains(&(c.a, c.b)) {
            c.fate[1] = Some(String::from("linked as parallel"));
            c.fate[2] = Some(String::from("linked as parallel"));
        } else if aligned.contains(&(c.a, c.b.doc)) || aligned.contains(&(c.b, c.a.doc)) {
            // Two editions of one text carry only parallels between them.
            for kind in [1, 2] {
                c.fate[kind] = Some(String::from(EDITION));
            }
        }
        if c.fate[1].is_none() && c.fate[2].is_none() {
            c.fate[2] = Some(String::from("linked as variant"));
        }
    }

    // Caps: a block shows at most so many counterparts of each kind, strongest first. A
    // counterpart and its parallel twins (the same passage in another edition) count once.
    let mut twin: BTreeMap<PassageRef, PassageRef> = BTreeMap::new();
    for &(x, y) in &parallel_pairs {
        let (gx, gy) = (group(&twin, x), group(&twin, y));
        if gx != gy {
            twin.insert(gx.max(gy), gx.min(gy));
        }
    }
    let mut shown: BTreeMap<(PassageRef, usize), BTreeSet<PassageRef>> = BTreeMap::new();
    let mut links: Vec<Link> = Vec::new();
    for kind in [LinkKind::Parallel, LinkKind::Variant, LinkKind::SameEvent] {
        let s = slot(kind);
        let mut order: Vec<usize> = (0..candidates.len())
            .filter(|&k| candidates[k].fate[s].is_none())
            .collect();
        order.sort_by(|&x, &y| {
            candidates[y]
                .score(kind)
                .total_cmp(&candidates[x].score(kind))
                .then(x.cmp(&y))
        });
        for k in order {
            let c = &mut candidates[k];
            let ends = [(c.a, group(&twin, c.b)), (c.b, group(&twin, c.a))];
            let full = ends.into_iter().find(|&(p, other)| {
                let of_kind = shown.get(&(p, s));
                let all: usize = (0..3)
                    .map(|t| shown.get(&(p, t)).map_or(0, BTreeSet::len))
                    .sum();
                !of_kind.is_some_and(|set| set.contains(&other))
                    && (of_kind.map_or(0, BTreeSet::len) >= MAX_PER_BLOCK[s]
                        || all >= MAX_COUNTERPARTS)
            });
            if let Some((p, _)) = full {
                c.fate[s] = Some(format!(
                    "cap: block {} of document {} has enough counterparts",
                    p.block, p.doc
                ));
                continue;
            }
            for (p, other) in ends {
                shown.entry((p, s)).or_default().insert(other);
            }
            links.push(Link {
                kind,
                score: c.score(kind).min(1.0),
                a: c.a,
                b: c.b,
            });
        }
    }

    // Editorial additions replace whatever was detected for the pair.
    for edit in edits {
        let EditOp::Add(kind) = edit.op else { continue };
        links.retain(|link| !(link.a == edit.a && link.b == edit.b));
        if let Some(c) = candidates
            .iter_mut()
            .find(|c| c.a == edit.a && c.b == edit.b)
        {
            for fate in c.fate.iter_mut().flatten() {
                fate.push_str(&format!("; added at {}:{}", edit.file, edit.line));
            }
        }
        links.push(Link {
            kind,
            score: 1.0,
            a: edit.a,
            b: edit.b,
        });
        report.added += 1;
    }
    links.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.kind.cmp(&y.kind))
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    report.accepted = links;
    report.candidates = candidates;
    report
}

/// The representative of a passage's group of parallel twins.
fn group(twin: &BTreeMap<PassageRef, PassageRef>, mut p: PassageRef) -> PassageRef {
    while let Some(&up) = twin.get(&p) {
        p = up;
    }
    p
}

/// Why a pair is not linked when one end has a parallel in the other end's document.
const EDITION: &str = "an end has a parallel in the other document";

/// The least score for a link of each kind.
pub fn threshold(kind: LinkKind) -> f32 {
    match kind {
        LinkKind::Parallel => PARALLEL_MIN,
        LinkKind::Variant => VARIANT_MIN,
        LinkKind::SameEvent => EVENT_MIN,
        LinkKind::Related => 1.0,
    }
}

// ───────────────────────────── Report ─────────────────────────────

fn snippet(corpus: &Corpus, p: PassageRef, chars: usize) -> String {
    let text = corpus.passage_text(p);
    let mut cut: String = text.chars().take(chars).collect();
    if text.chars().count() > chars {
        cut.push('…');
    }
    cut
}

fn name(corpus: &Corpus, p: PassageRef) -> String {
    let doc = &corpus.documents[p.doc as usize];
    format!("{}#{}", doc.slug, doc.blocks[p.block as usize].anchor)
}

impl LinkReport {
    /// The report as text: counts by kind and by pair of documents, then for each kind the
    /// weakest links accepted and the strongest candidates rejected, to judge thresholds.
    pub fn render(&self, corpus: &Corpus) -> String {
        use core::fmt::Write;
        let mut out = String::new();
        let kinds = [
            LinkKind::Parallel,
            LinkKind::Variant,
            LinkKind::SameEvent,
            LinkKind::Related,
        ];
        let by_kind = |kind: LinkKind| self.accepted.iter().filter(|l| l.kind == kind).count();
        let _ = writeln!(
            out,
            "links: {} ({})",
            self.accepted.len(),
            kinds
                .iter()
                .map(|&k| format!("{} {}", k.key(), by_kind(k)))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let _ = writeln!(
            out,
            "editorial: {} added, {} vetoed",
            self.added, self.vetoed
        );
        let s = &self.stats;
        let _ = writeln!(
            out,
            "detection: {} blocks, {} features ({} too common: in more than {MAX_POSTING} blocks), {} posting visits, {} candidate pairs",
            s.blocks, s.features, s.common_features, s.posting_visits, s.candidate_pairs
        );
        let _ = writeln!(
            out,
            "thresholds: parallel >= {PARALLEL_MIN}, variant >= {VARIANT_MIN}, same-event >= {EVENT_MIN} with >= {MIN_RARE_SHARED} rare anchors shared; per block at most one parallel per document, {} variant, {} same-event, {MAX_COUNTERPARTS} in all",
            MAX_PER_BLOCK[1], MAX_PER_BLOCK[2]
        );
        for error in &self.errors {
            let _ = writeln!(out, "error: {error}");
        }
        let _ = writeln!(out, "\nby document pair:");
        let mut pairs: BTreeMap<(DocIndex, DocIndex), [usize; 4]> = BTreeMap::new();
        for link in &self.accepted {
            let key = (link.a.doc.min(link.b.doc), link.a.doc.max(link.b.doc));
            let index = kinds.iter().position(|&k| k == link.kind).unwrap_or(3);
            pairs.entry(key).or_insert([0; 4])[index] += 1;
        }
        for ((x, y), counts) in &pairs {
            let _ = writeln!(
                out,
                "  {} ↔ {}: {}",
                corpus.documents[*x as usize].slug,
                corpus.documents[*y as usize].slug,
                kinds
                    .iter()
                    .zip(counts)
                    .filter(|&(_, &c)| c > 0)
                    .map(|(k, c)| format!("{} {c}", k.key()))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let shared = |a: PassageRef, b: PassageRef| {
            self.candidates
                .iter()
                .find(|c| c.a == a && c.b == b)
                .map(|c| c.shared.join(", "))
                .unwrap_or_default()
        };
        for kind in [LinkKind::Parallel, LinkKind::Variant, LinkKind::SameEvent] {
            let mut weakest: Vec<&Link> = self.accepted.iter().filter(|l| l.kind == kind).collect();
            weakest.sort_by(|x, y| x.score.total_cmp(&y.score));
            let _ = writeln!(out, "\n{} — weakest accepted:", kind.key());
            for link in weakest.iter().take(REPORT_ROWS) {
                let _ = writeln!(out, "  {:.3}  {}", link.score, name(corpus, link.a));
                let _ = writeln!(out, "         {}", name(corpus, link.b));
                let _ = writeln!(out, "         «{}»", snippet(corpus, link.a, 90));
                let _ = writeln!(out, "         «{}»", snippet(corpus, link.b, 90));
                if kind == LinkKind::SameEvent {
                    let _ = writeln!(out, "         shared: {}", shared(link.a, link.b));
                }
            }
            let s = slot(kind);
            let mut rejected: Vec<&Candidate> = self
                .candidates
                .iter()
                .filter(|c| {
                    c.fate[s]
                        .as_deref()
                        .is_some_and(|why| !why.starts_with("linked as") && why != EDITION)
                })
                .collect();
            rejected.sort_by(|x, y| y.score(kind).total_cmp(&x.score(kind)));
            let _ = writeln!(out, "{} — strongest rejected:", kind.key());
            for c in rejected.iter().take(REPORT_ROWS) {
                let why = c.fate[s].as_deref().unwrap_or("");
                let _ = writeln!(
                    out,
                    "  {:.3}  {}  ({why})",
                    c.score(kind),
                    name(corpus, c.a)
                );
                let _ = writeln!(out, "         {}", name(corpus, c.b));
                let _ = writeln!(out, "         «{}»", snippet(corpus, c.a, 90));
                let _ = writeln!(out, "         «{}»", snippet(corpus, c.b, 90));
                if kind == LinkKind::SameEvent {
                    let _ = writeln!(out, "         shared: {}", c.shared.join(", "));
                }
            }
        }
        out
    }
}

/// Rows of each list in the report.
const REPORT_ROWS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;
    use crate::pipeline;
    use crate::structure;
    use std::path::PathBuf;

    fn seeds_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds")
    }

    /// The seeds, annotated, with detection alone (no editorial edits). Built once.
    fn seeds() -> (Corpus, LinkReport) {
        static BUILT: std::sync::OnceLock<(Corpus, LinkReport)> = std::sync::OnceLock::new();
        BUILT
            .get_or_init(|| {
                let corpus = pipeline::build(&seeds_dir(), "seeds")
                    .map_err(|e| e[0].to_string())
                    .unwrap()
                    .corpus;
                let report = detect(&corpus, &[]);
                (corpus, report)
            })
            .clone()
    }

    fn at(corpus: &Corpus, end: &str) -> PassageRef {
        resolve(&corpus.documents, end).unwrap_or_else(|e| panic!("{end}: {e}"))
    }

    fn link<'r>(corpus: &Corpus, report: &'r LinkReport, x: &str, y: &str) -> Option<&'r Link> {
        let (x, y) = (at(corpus, x), at(corpus, y));
        report
            .accepted
            .iter()
            .find(|l| (l.a, l.b) == (x, y) || (l.a, l.b) == (y, x))
    }

    fn assert_linked(corpus: &Corpus, report: &LinkReport, kind: LinkKind, x: &str, y: &str) {
        let found = link(corpus, report, x, y);
        assert_eq!(found.map(|l| l.kind), Some(kind), "{x} ↔ {y}: {found:?}");
    }

    fn assert_unlinked(corpus: &Corpus, report: &LinkReport, x: &str, y: &str) {
        assert_eq!(link(corpus, report, x, y), None, "{x} ↔ {y}");
    }

    const TP: &str = "turning-point";
    const HB: &str = "how-the-bureaucracy-seized-power";
    const ST: &str = "stalin-versus-trotsky";
    const PS: &str = "power-struggle-sources";
    const DO: &str = "documents-of-the-1923-opposition";

    fn p(doc: &str, anchor: &str) -> String {
        format!("{doc}#{anchor}")
    }

    #[test]
    fn the_shared_chapter_is_aligned_paragraph_to_paragraph() {
        let (corpus, report) = seeds();
        let parallel = |a: &str, b: &str| {
            assert_linked(&corpus, &report, LinkKind::Parallel, &p(TP, a), &p(HB, b))
        };
        parallel("by-the-end-of-1922-lenin", "by-the-end-of-1922-lenin");
        // The quotation with and without quote marks and a citation.
        parallel("stalin-is-too-rude-and-this", "stalin-is-too-rude-and-this");
        // "140%" against "140 per cent".
        parallel(
            "by-march-1923-industrial-prices-had",
            "by-march-1923-industrial-prices-had",
        );
        // A typo changes the anchor: "alone" / "along".
        parallel(
            "this-insight-alone-could-explain-lenins",
            "this-insight-along-could-explain-lenins",
        );
        // Short blocks, aligned beside their aligned neighbours.
        parallel("these-measures-were", "these-measures-were");
        parallel("ten-days-later-he-added", "ten-days-later-he-added");
        // Every text block of chapter 9 in turning-point has its counterpart.
        let tp = corpus.document(TP).unwrap().0;
        let hb = corpus.document(HB).unwrap().0;
        let aligned = report
            .accepted
            .iter()
            .filter(|l| l.kind == LinkKind::Parallel && l.a.doc == tp && l.b.doc == hb)
            .count();
        let linkable = corpus.documents[tp as usize]
            .blocks
            .iter()
            .filter(|b| is_linkable(b.kind))
            .count();
        assert_eq!(aligned, linkable);
    }

    #[test]
    fn parallels_are_one_to_one_per_pair_of_documents() {
        let (_, report) = seeds();
        let mut seen = BTreeSet::new();
        for l in report
            .accepted
            .iter()
            .filter(|l| l.kind == LinkKind::Parallel)
        {
            assert!(seen.insert((l.a, l.b.doc)), "{l:?}");
            assert!(seen.insert((l.b, l.a.doc)), "{l:?}");
        }
    }

    #[test]
    fn translations_of_one_letter_are_variants() {
        let (corpus, report) = seeds();
        for edition in [TP, HB] {
            assert_linked(
                &corpus,
                &report,
                LinkKind::Variant,
                &p(edition, "this-present-regime-trotsky-wrote-to"),
                &p(DO, "the-twelfth-congress-of-the-party"),
            );
        }
    }

    /// Lenin's postscript to his Testament in the wording of the older English translation
    /// that circulated from 1926 ("this fault, entirely supportable in relations among us
    /// Communists, becomes insupportable in the office of General Secretary"; the fixture
    /// follows it closely, not letter for letter), against the Collected Works wording in
    /// the study guide; and an unrelated Lenin quotation, which links to nothing.
    #[test]
    fn another_translation_of_the_testament_is_a_variant() {
        let (mut corpus, _) = seeds();
        let source = "Lenin's postscript of 4 January 1923\n\n\
            \u{201C}Stalin is too rude, and this fault, entirely supportable in relations among us \
            Communists, becomes insupportable in the office of General Secretary. Therefore I \
            propose to the comrades to find a way to remove Stalin from that position and appoint \
            to it another man who in all respects differs from Stalin only in superiority \u{2013} \
            namely, more patient, more loyal, more polite and more attentive to comrades, less \
            capricious, etc. This circumstance may seem an insignificant trifle, but I think that \
            from the point of view of preventing a split it is not a trifle, or it is such a \
            trifle as may acquire a decisive significance.\u{201D}\n\n\
            \u{201C}We must have the courage to admit that the state machine is not ours, that \
            we have inherited it and could not change it in five years, and we shall need much \
            patience before it serves us.\u{201D}\n";
        corpus.documents.push(document("eastman", source));
        let report = detect(&corpus, &[]);
        let testament = "eastman#stalin-is-too-rude-and-this";
        for edition in [TP, HB] {
            assert_linked(
                &corpus,
                &report,
                LinkKind::Variant,
                testament,
                &p(edition, "stalin-is-too-rude-and-this"),
            );
        }
        let other = "eastman#we-must-have-the-courage-to";
        assert!(
            report
                .accepted
                .iter()
                .all(|l| l.a != at(&corpus, other) && l.b != at(&corpus, other))
        );
    }

    #[test]
    fn accounts_of_one_event_are_linked() {
        let (corpus, report) = seeds();
        let same = |x: &str, y: &str| assert_linked(&corpus, &report, LinkKind::SameEvent, x, y);
        // "559 to 65" and "559 votes to 65".
        same(
            &p(ST, "at-the-partys-fourteenth-congress-in"),
            &p(PS, "the-party-congress-was-behaving-in"),
        );
        // The Fourteenth Congress, December 1925 ("14th Party Congress").
        same(
            &p(ST, "at-the-partys-fourteenth-congress-in"),
            &p(PS, "trotsky-was-decisively-defeated-at-the"),
        );
        // The Thirteenth Conference of January 1924 condemns the Declaration of 46.
        same(
            &p(TP, "this-letter-was-received-with-tremendous"),
            &p(PS, "the-declaration-could-not-be-dismissed"),
        );
        // The Declaration of 46: "statement by the 46" / "Declaration of 46".
        same(
            &p(HB, "the-trio-and-their-supporters-were"),
            &p(PS, "distrusted-and-feared-trotsky-became-increasingly"),
        );
    }

    #[test]
    fn passages_that_merely_share_words_are_not_linked() {
        let (corpus, report) = seeds();
        let none = |x: &str, y: &str| assert_unlinked(&corpus, &report, x, y);
        // Both about Stalin and the party; nothing in common beyond that.
        none(
            &p(HB, "stalin-came-to-the-fore-in"),
            &p(ST, "stalin-took-the-initiative-in-breaking"),
        );
        none(
            &p(ST, "in-his-fight-against-trotsky-stalin"),
            &p(HB, "stalin-played-a-central-role-in"),
        );
        // "60,000 workers": the German proletarian hundreds, the Leningrad factory meetings.
        none(
            &p(HB, "the-living-standards-of-workers-and"),
            &p(PS, "within-a-week-stalins-team-led"),
        );
        // The same three men and the troika, but 1922 and 1925-26.
        none(
            &p(TP, "in-december-1922-zinoviev-then-president"),
            &p(ST, "against-this-backdrop-of-contrasting-perceptions"),
        );
        // Two different primary documents on the secretarial hierarchy: the Declaration of
        // 46 and Trotsky's letter.
        none(
            &p(PS, "we-observe-the-ever-increasing-and"),
            &p(DO, "the-twelfth-congress-of-the-party"),
        );
        // "The struggle in the Soviet party" in two paragraphs of one book's two editions.
        none(
            &p(TP, "the-struggle-in-the-soviet-party"),
            &p(HB, "the-comintern-was-increasingly-affected-by"),
        );
    }

    #[test]
    fn links_are_well_formed_and_capped() {
        let (corpus, report) = seeds();
        let mut previous = f32::INFINITY;
        let mut shown: BTreeMap<(PassageRef, LinkKind), usize> = BTreeMap::new();
        for l in &report.accepted {
            assert!(l.a < l.b && l.a.doc != l.b.doc, "{l:?}");
            assert!(
                (0.0..=1.0).contains(&l.score) && l.score <= previous,
                "{l:?}"
            );
            previous = l.score;
            for end in [l.a, l.b] {
                let block = &corpus.documents[end.doc as usize].blocks[end.block as usize];
                assert!(is_linkable(block.kind), "{l:?}: {:?}", block.kind);
                *shown.entry((end, l.kind)).or_insert(0) += 1;
            }
        }
        for ((_, kind), count) in shown {
            if kind != LinkKind::Parallel {
                // Twins in the two editions count once against the cap.
                assert!(count <= 2 * MAX_PER_BLOCK[slot(kind)], "{kind:?} {count}");
            }
        }
        let text = report.render(&corpus);
        for needle in [
            "links: ",
            "by document pair:",
            "weakest accepted",
            "strongest rejected",
        ] {
            assert!(text.contains(needle), "{text}");
        }
    }

    fn edits_of(corpus: &Corpus, text: &str) -> Result<Vec<LinkEdit>, Vec<String>> {
        parse_edits("seeds/links.toml", text, &corpus.documents)
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn editorial_links_are_added_and_detected_ones_vetoed() {
        let (corpus, _) = seeds();
        let text = r#"
[[link]]
kind = "same-event"
a = "turning-point#in-july-and-august-there-was"
b = "documents-of-the-1923-opposition#in-the-summer-of-1923-strikes"
note = "The strikes of summer 1923."

[[veto]]
b = "stalin-versus-trotsky#at-the-partys-fourteenth-congress-in"
a = "power-struggle-sources#the-party-congress-was-behaving-in"
kind = "same-event"
"#;
        let edits = edits_of(&corpus, text).unwrap();
        let report = detect(&corpus, &edits);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!((report.added, report.vetoed), (1, 1));
        let added = link(
            &corpus,
            &report,
            "turning-point#in-july-and-august-there-was",
            "documents-of-the-1923-opposition#in-the-summer-of-1923-strikes",
        )
        .unwrap();
        assert_eq!((added.kind, added.score), (LinkKind::SameEvent, 1.0));
        assert_unlinked(
            &corpus,
            &report,
            "stalin-versus-trotsky#at-the-partys-fourteenth-congress-in",
            "power-struggle-sources#the-party-congress-was-behaving-in",
        );
    }

    #[test]
    fn the_seeds_links_file_is_valid_and_applied() {
        let (corpus, _) = seeds();
        let text = std::fs::read_to_string(seeds_dir().join("links.toml")).unwrap();
        let edits = edits_of(&corpus, &text).unwrap();
        let report = detect(&corpus, &edits);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        for edit in &edits {
            if let EditOp::Add(kind) = edit.op {
                assert!(
                    report
                        .accepted
                        .iter()
                        .any(|l| (l.a, l.b, l.kind) == (edit.a, edit.b, kind))
                );
            }
        }
    }

    #[test]
    fn links_file_errors_name_the_line() {
        let (corpus, _) = seeds();
        let text = r#"[[link]]
kind = "same-event"
a = "no-such-document#x"
b = "turning-point#by-the-end-of-1922-lenin"

[[link]]
kind = "parallel"
a = "turning-point#no-such-anchor"
b = "stalin-versus-trotsky#a-day-later-the-opposition-split"

[[link]]
kind = "sameevent"
a = "turning-point#by-the-end-of-1922-lenin"
b = "stalin-versus-trotsky#a-day-later-the-opposition-split"

[[link]]
kind = "related"
a = "turning-point#by-the-end-of-1922-lenin"
b = "turning-point#it-was-lenin-from-his-sickbed"

[[link]]
kind = "related"
a = "stalin-versus-trotsky#1922-27-stalin-versus-trotsky"
b = "turning-point#by-the-end-of-1922-lenin"

[[veto]]
a = "turning-point#by-the-end-of-1922-lenin"
b = "how-the-bureaucracy-seized-power#by-the-end-of-1922-lenin"

[[veto]]
a = "how-the-bureaucracy-seized-power#by-the-end-of-1922-lenin"
b = "turning-point#by-the-end-of-1922-lenin"
"#;
        let errors = edits_of(&corpus, text).unwrap_err();
        let expect = [
            "seeds/links.toml:3: no document has the slug \"no-such-document\"",
            "seeds/links.toml:8: \"turning-point\" has no passage with the anchor \"no-such-anchor\"",
            "seeds/links.toml:12: kind \"sameevent\" is not one of",
            "seeds/links.toml:18: both ends are in the same document",
            "seeds/links.toml:23: stalin-versus-trotsky#1922-27-stalin-versus-trotsky is a Heading(2) block",
            "seeds/links.toml:31: this pair of passages is already edited at line 27",
        ];
        assert_eq!(errors.len(), expect.len(), "{errors:#?}");
        for (error, expected) in errors.iter().zip(expect) {
            assert!(error.starts_with(expected), "{error}\nexpected: {expected}");
        }
        let broken = edits_of(&corpus, "[[link]]\nkind = \"parallel\"\na = 3\n").unwrap_err();
        assert!(broken[0].starts_with("seeds/links.toml:3: "), "{broken:?}");
    }

    #[test]
    fn a_veto_that_matches_no_detected_link_is_an_error() {
        let (corpus, _) = seeds();
        let text = "\n[[veto]]\nkind = \"variant\"\na = \"stalin-versus-trotsky#at-the-partys-fourteenth-congress-in\"\nb = \"power-struggle-sources#the-party-congress-was-behaving-in\"\n";
        let edits = edits_of(&corpus, text).unwrap();
        let report = detect(&corpus, &edits);
        let errors: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "seeds/links.toml:4: the veto matches no detected link of kind \"variant\"; remove it"
            ]
        );
    }

    /// A document from a seed-like text, parsed without editorial rules or glossary.
    fn document(slug: &str, source: &str) -> Document {
        let blocks: Vec<Block> = structure::segment(source, &[]).unwrap();
        Document {
            slug: slug.into(),
            file_name: format!("{slug}.txt"),
            title: slug.into(),
            author: "unknown".into(),
            date: "unknown".into(),
            kind: crate::model::DocumentKind::StudyGuide,
            provenance: String::new(),
            word_count: crate::text::word_count(source) as u32,
            source: source.into(),
            blocks,
        }
    }

    /// `copies` perturbed copies of each seed: paragraphs rotated, one word in twelve
    /// replaced by another word of the same document.
    fn synthetic(corpus: &Corpus, copies: usize) -> Vec<Document> {
        let mut documents = Vec::new();
        for copy in 0..copies {
            for original in &corpus.documents {
                let words: Vec<&str> = word_ranges(&original.source)
                    .into_iter()
                    .map(|(s, e)| &original.source[s..e])
                    .collect();
                let mut lines: Vec<&str> = original
                    .source
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect();
                let turn = copy % lines.len();
                lines.rotate_left(turn);
                let mut state = (copy as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                let mut source = String::new();
                for line in lines {
                    let mut at = 0;
                    for (s, e) in word_ranges(line) {
                        source.push_str(&line[at..s]);
                        state = mix(state);
                        if state.is_multiple_of(12) {
                            source.push_str(words[(state >> 8) as usize % words.len()]);
                        } else {
                            source.push_str(&line[s..e]);
                        }
                        at = e;
                    }
                    source.push_str(&line[at..]);
                    source.push_str("\n\n");
                }
                documents.push(document(&format!("{}-c{copy}", original.slug), &source));
            }
        }
        documents
    }

    #[test]
    fn candidate_pairs_grow_about_linearly_with_copies() {
        let (corpus, _) = seeds();
        let mut rows = Vec::new();
        for copies in [1, 2, 4, 8] {
            let report = detect_with(&synthetic(&corpus, copies), &[], &[]);
            let s = report.stats;
            // Bounded by construction: at most so many candidates per block, and posting
            // lists at most MAX_POSTING long.
            assert!(
                s.candidate_pairs <= CANDIDATES_PER_BLOCK * s.blocks,
                "{s:?}"
            );
            rows.push((copies, s));
        }
        let (_, one) = rows[0];
        for &(copies, s) in &rows {
            std::println!("{copies} copies: {s:?}");
        }
        for &(copies, s) in &rows[1..] {
            let per_copy = s.candidate_pairs as f64 / copies as f64;
            assert!(
                per_copy <= 2.0 * one.candidate_pairs as f64,
                "{copies} copies: {s:?} against {one:?}"
            );
            assert!(s.posting_visits <= MAX_POSTING * s.postings, "{s:?}");
        }
    }
}
