//! The corpus model: what the build step produces and the browser reads.
//!
//! Everything here is plain data. Text positions are byte offsets into a document's
//! `source`, which is the seed file exactly as it is on disk, so any span can be shown
//! in context and the original can always be rebuilt.

use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;
use serde::{Deserialize, Serialize};

/// The whole corpus, decoded once in the browser and never mutated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    /// The documents in catalog order.
    pub documents: Vec<Document>,
    /// The glossary entries in alphabetical order of headword.
    pub glossary: Vec<Entry>,
    /// Cross-source links between passages, strongest first.
    pub links: Vec<Link>,
}

/// Index of a document in [`Corpus::documents`].
pub type DocIndex = u16;
/// Index of a glossary entry in [`Corpus::glossary`].
pub type EntryIndex = u16;

/// One source text with its catalog record and parsed structure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Short URL slug, unique in the corpus.
    pub slug: String,
    /// The seed file's name, as it is in `seeds/`.
    pub file_name: String,
    /// A readable title given by the editors.
    pub title: String,
    /// Author or publisher as far as the text tells, else "unknown".
    pub author: String,
    /// Date of the text as far as it tells, else "unknown".
    pub date: String,
    /// What sort of text this is.
    pub kind: DocumentKind,
    /// One line on where the text comes from.
    pub provenance: String,
    /// The seed file, byte for byte.
    pub source: String,
    /// The blocks (headings, paragraphs, quotations …) in reading order. Together with the
    /// whitespace between them they cover `source` exactly.
    pub blocks: Vec<Block>,
    /// Words in the reading view (furniture excluded).
    pub word_count: u32,
}

/// What sort of text a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentKind {
    /// A study guide written for readers learning the history.
    StudyGuide,
    /// An encyclopedia-style reference article.
    ReferenceArticle,
    /// An article that analyses primary sources.
    SourceAnalysis,
    /// A collection of primary documents.
    PrimaryDocuments,
}

impl DocumentKind {
    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            DocumentKind::StudyGuide => "Study guide",
            DocumentKind::ReferenceArticle => "Reference article",
            DocumentKind::SourceAnalysis => "Source analysis",
            DocumentKind::PrimaryDocuments => "Primary documents",
        }
    }
}

/// One block of a document: a line of the seed with its role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// Byte range in the document's source (no leading or trailing whitespace).
    pub start: u32,
    /// End of the byte range (exclusive).
    pub end: u32,
    /// The block's role in the reading view.
    pub kind: BlockKind,
    /// Stable anchor for deep links, derived from the block's own words; empty for furniture.
    pub anchor: String,
    /// The block split into runs; together they cover the block's range exactly.
    pub runs: Vec<Run>,
}

impl Block {
    /// The block's byte range in its document's source.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The role of a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    /// A heading; level 2 is a section, 3 a subsection (level 1 is the document title).
    Heading(u8),
    /// Running text.
    Paragraph,
    /// A quoted passage set off from the text.
    Quotation,
    /// A source citation standing on its own line.
    Citation,
    /// An item of a list (numbered or not).
    ListItem,
    /// Web-page furniture: navigation, banners, "page last modified". Hidden in the reading view.
    Furniture,
}

impl BlockKind {
    /// Whether the block belongs to the reading view.
    pub fn is_text(self) -> bool {
        self != BlockKind::Furniture
    }
}

/// A run of text inside a block with uniform annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// Byte range start in the document's source.
    pub start: u32,
    /// Byte range end (exclusive).
    pub end: u32,
    /// Whether the run is part of an inline source citation such as "(Collected Works, page 279)".
    pub citation: bool,
    /// The glossary entry this run is an occurrence of, if any.
    pub term: Option<EntryIndex>,
}

impl Run {
    /// The run's byte range in its document's source.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A glossary entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// URL slug, unique.
    pub id: String,
    /// The standard form of the name.
    pub headword: String,
    /// The name as an index lists it: people surname first ("Zinoviev, Grigory").
    pub index_name: String,
    /// What the entry names.
    pub kind: EntryKind,
    /// Life dates, or the date of an event or document; may be empty.
    pub dates: String,
    /// Every spelling the corpus uses.
    pub aliases: Vec<String>,
    /// One to three neutral sentences.
    pub definition: String,
    /// Related entries.
    pub see_also: Vec<EntryIndex>,
    /// Every occurrence in the corpus, in document and reading order.
    pub occurrences: Vec<Occurrence>,
}

/// What a glossary entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntryKind {
    /// A person.
    Person,
    /// An organisation, party or state body.
    Body,
    /// A policy, idea or term of art.
    Concept,
    /// A dated event.
    Event,
    /// A document, speech or book.
    Document,
    /// A place.
    Place,
}

impl EntryKind {
    /// All kinds, in the order the glossary filter lists them.
    pub const ALL: [EntryKind; 6] = [
        EntryKind::Person,
        EntryKind::Body,
        EntryKind::Concept,
        EntryKind::Event,
        EntryKind::Document,
        EntryKind::Place,
    ];

    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Person => "Person",
            EntryKind::Body => "Organisation or body",
            EntryKind::Concept => "Policy or concept",
            EntryKind::Event => "Event",
            EntryKind::Document => "Document or book",
            EntryKind::Place => "Place",
        }
    }

    /// The name used in data files and URLs.
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Person => "person",
            EntryKind::Body => "body",
            EntryKind::Concept => "concept",
            EntryKind::Event => "event",
            EntryKind::Document => "document",
            EntryKind::Place => "place",
        }
    }

    /// The kind named `key` in data files.
    pub fn from_key(key: &str) -> Option<EntryKind> {
        EntryKind::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

/// One place where a glossary term occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The document.
    pub doc: DocIndex,
    /// The block within it.
    pub block: u32,
    /// Byte range start in the document's source.
    pub start: u32,
    /// Byte range end (exclusive).
    pub end: u32,
}

/// A link between two passages that tell the same thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// How the passages relate.
    pub kind: LinkKind,
    /// Strength of the evidence, 0 to 1.
    pub score: f32,
    /// One end.
    pub a: PassageRef,
    /// The other end.
    pub b: PassageRef,
}

/// A block of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PassageRef {
    /// The document.
    pub doc: DocIndex,
    /// The block within it.
    pub block: u32,
}

/// How two linked passages relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum LinkKind {
    /// The same text, verbatim or nearly (two editions, a reprint).
    Parallel,
    /// Different translations or extracts of one primary source.
    Variant,
    /// The same event or claim told in different words.
    SameEvent,
    /// Related passages added by the editors.
    Related,
}

impl LinkKind {
    /// The label shown to readers.
    pub fn label(self) -> &'static str {
        match self {
            LinkKind::Parallel => "Parallel text",
            LinkKind::Variant => "Variant version",
            LinkKind::SameEvent => "Same event",
            LinkKind::Related => "Related",
        }
    }

    /// The name used in data files.
    pub fn key(self) -> &'static str {
        match self {
            LinkKind::Parallel => "parallel",
            LinkKind::Variant => "variant",
            LinkKind::SameEvent => "same-event",
            LinkKind::Related => "related",
        }
    }
}

/// Parallel passages two documents must share at least to be read side by side.
pub const MIN_SHARED_FOR_SIDE_BY_SIDE: usize = 3;

impl Corpus {
    /// The document with this slug.
    pub fn document(&self, slug: &str) -> Option<(DocIndex, &Document)> {
        self.documents
            .iter()
            .enumerate()
            .find(|(_, doc)| doc.slug == slug)
            .map(|(index, doc)| (index as DocIndex, doc))
    }

    /// The glossary entry with this id.
    pub fn entry(&self, id: &str) -> Option<(EntryIndex, &Entry)> {
        self.glossary
            .iter()
            .enumerate()
            .find(|(_, entry)| entry.id == id)
            .map(|(index, entry)| (index as EntryIndex, entry))
    }

    /// The text of a passage.
    pub fn passage_text(&self, passage: PassageRef) -> &str {
        let doc = &self.documents[passage.doc as usize];
        &doc.source[doc.blocks[passage.block as usize].range()]
    }

    /// The documents that share parallel passages with `doc`, with how many.
    pub fn parallel_documents(&self, doc: DocIndex) -> Vec<(DocIndex, usize)> {
        let mut counts: Vec<(DocIndex, usize)> = Vec::new();
        for link in self.links.iter().filter(|l| l.kind == LinkKind::Parallel) {
            let other = if link.a.doc == doc {
                link.b.doc
            } else if link.b.doc == doc {
                link.a.doc
            } else {
                continue;
            };
            match counts.iter_mut().find(|(d, _)| *d == other) {
                Some((_, n)) => *n += 1,
                None => counts.push((other, 1)),
            }
        }
        counts
    }

    /// The documents worth reading side by side with `doc`, with how many parallel passages
    /// they share: editions of one text, not documents that quote each other once. A pair
    /// qualifies when it shares at least [`MIN_SHARED_FOR_SIDE_BY_SIDE`] parallel passages
    /// and they make at least a quarter of the shorter document's text. (Without the second
    /// rule a large corpus of near-copies would pair every document with hundreds of others
    /// through one or two passages each.)
    pub fn side_by_side_documents(&self, doc: DocIndex) -> Vec<(DocIndex, usize)> {
        let text_blocks = |d: DocIndex| {
            self.documents[d as usize]
                .blocks
                .iter()
                .filter(|b| b.kind.is_text())
                .count()
        };
        let own = text_blocks(doc);
        self.parallel_documents(doc)
            .into_iter()
            .filter(|&(other, shared)| {
                shared >= MIN_SHARED_FOR_SIDE_BY_SIDE && shared * 4 >= own.min(text_blocks(other))
            })
            .collect()
    }

    /// Two editions read side by side: rows of (passage of `a`, passage of `b`) in reading
    /// order, paired where a parallel link joins them, and alone where one edition has a
    /// passage the other lacks. Only the stretch of each document that has parallels is
    /// given (the shared chapter, not the whole of a longer document); furniture never.
    pub fn parallel_rows(&self, a: DocIndex, b: DocIndex) -> Vec<(Option<u32>, Option<u32>)> {
        let mut pairs: Vec<(u32, u32)> = self
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Parallel)
            .filter_map(|l| match (l.a.doc, l.b.doc) {
                (x, y) if x == a && y == b => Some((l.a.block, l.b.block)),
                (x, y) if x == b && y == a => Some((l.b.block, l.a.block)),
                _ => None,
            })
            .collect();
        if pairs.is_empty() {
            return Vec::new();
        }
        pairs.sort_unstable();
        let text_blocks = |doc: DocIndex, from: u32, to: u32| {
            let blocks = &self.documents[doc as usize].blocks;
            (from..=to).filter(move |&i| blocks[i as usize].kind.is_text())
        };
        let (a_first, a_last) = (pairs[0].0, pairs[pairs.len() - 1].0);
        let b_first = pairs.iter().map(|p| p.1).min().unwrap_or(0);
        let b_last = pairs.iter().map(|p| p.1).max().unwrap_or(0);
        let mut rows = Vec::new();
        let mut next_b = b_first;
        for i in text_blocks(a, a_first, a_last) {
            match pairs.iter().find(|p| p.0 == i) {
                Some(&(_, k)) if k >= next_b => {
                    rows.extend(
                        text_blocks(b, next_b, k.saturating_sub(1))
                            .filter(|&x| x < k)
                            .map(|x| (None, Some(x))),
                    );
                    rows.push((Some(i), Some(k)));
                    next_b = k + 1;
                }
                _ => rows.push((Some(i), None)),
            }
        }
        if next_b <= b_last {
            rows.extend(text_blocks(b, next_b, b_last).map(|x| (None, Some(x))));
        }
        rows
    }

    /// Encodes the corpus in the compact form embedded in the app.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("the corpus model always serialises")
    }

    /// Decodes the embedded form.
    pub fn decode(bytes: &[u8]) -> Result<Corpus, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

impl Document {
    /// The text of a block.
    pub fn text(&self, block: &Block) -> &str {
        &self.source[block.range()]
    }

    /// The block with this anchor.
    pub fn block_by_anchor(&self, anchor: &str) -> Option<(u32, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .find(|(_, block)| !block.anchor.is_empty() && block.anchor == anchor)
            .map(|(index, block)| (index as u32, block))
    }

    /// Minutes a reader needs at 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> u32 {
        self.word_count.div_ceil(230).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn doc(blocks: usize) -> Document {
        Document {
            slug: String::new(),
            file_name: String::new(),
            title: String::new(),
            author: String::new(),
            date: String::new(),
            kind: DocumentKind::StudyGuide,
            provenance: String::new(),
            source: String::new(),
            blocks: (0..blocks)
                .map(|_| Block {
                    start: 0,
                    end: 0,
                    kind: BlockKind::Paragraph,
                    anchor: String::new(),
                    runs: Vec::new(),
                })
                .collect(),
            word_count: 0,
        }
    }

    fn parallel(a: u32, b: u32) -> Link {
        Link {
            kind: LinkKind::Parallel,
            score: 1.0,
            a: PassageRef { doc: 0, block: a },
            b: PassageRef { doc: 1, block: b },
        }
    }

    #[test]
    fn parallel_rows_pair_linked_passages_and_keep_the_rest_in_order() {
        // b is a longer edition: blocks 0-1 and 7 lie outside the shared stretch; b's block 4
        // has no counterpart in a, and a's block 2 none in b.
        let corpus = Corpus {
            documents: vec![doc(4), doc(8)],
            glossary: Vec::new(),
            links: vec![parallel(0, 2), parallel(1, 3), parallel(3, 6)],
        };
        assert_eq!(
            corpus.parallel_rows(0, 1),
            [
                (Some(0), Some(2)),
                (Some(1), Some(3)),
                (Some(2), None),
                (None, Some(4)),
                (None, Some(5)),
                (Some(3), Some(6)),
            ]
        );
        // Seen from the other side the same pairs hold.
        assert_eq!(corpus.parallel_rows(1, 0)[0], (Some(2), Some(0)));
        assert_eq!(corpus.parallel_documents(0), [(1, 3)]);
        // Three shared passages are at least a quarter of the shorter edition (4 blocks).
        assert_eq!(corpus.side_by_side_documents(0), [(1, 3)]);
        assert_eq!(corpus.side_by_side_documents(1), [(0, 3)]);
    }

    #[test]
    fn documents_that_share_a_passage_or_two_are_not_editions() {
        let mut corpus = Corpus {
            documents: vec![doc(4), doc(40)],
            glossary: Vec::new(),
            links: vec![parallel(0, 2), parallel(1, 3)],
        };
        assert_eq!(corpus.parallel_documents(0), [(1, 2)]);
        assert!(corpus.side_by_side_documents(0).is_empty());
        // Three shared of a 40-block and a 20-block document: under a quarter of 20.
        corpus.documents[0] = doc(20);
        corpus.links.push(parallel(2, 4));
        assert!(corpus.side_by_side_documents(0).is_empty());
    }
}
