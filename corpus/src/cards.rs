//! The glossary entries a document uses, as the popover shows them: what a document page
//! fetches when its first term is opened, instead of the whole glossary.
//!
//! Built at build time from the [`Corpus`]; shipped per document as a small postcard file.
//! The lists are capped, so a card's size does not grow with the corpus: a term that occurs
//! in five thousand documents lists the first few and counts the rest, and the entry's own
//! page has every occurrence.

use crate::model::{Corpus, DocIndex, EntryIndex, EntryKind};
use alloc::string::String;
use alloc::vec::Vec;
use serde::{Deserialize, Serialize};

/// Documents listed per term in a card; the rest are counted.
pub const DOCUMENTS_PER_CARD: usize = 8;
/// Occurrence links listed per document in a card.
pub const OCCURRENCES_PER_DOCUMENT: usize = 12;

/// The cards of every entry a document uses, sorted by entry id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GlossaryCards {
    /// One card per entry used, sorted by `id` for lookup.
    pub cards: Vec<TermCard>,
}

/// What the popover shows for one entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermCard {
    /// The entry's id (its page is `/glossary/<id>`).
    pub id: String,
    /// The standard form of the name.
    pub headword: String,
    /// What the entry names.
    pub kind: EntryKind,
    /// Life dates or the date of an event; may be empty.
    pub dates: String,
    /// The definition.
    pub definition: String,
    /// Related entries: (id, headword).
    pub see_also: Vec<(String, String)>,
    /// Occurrences in the whole corpus.
    pub total: u32,
    /// Documents it occurs in.
    pub document_count: u32,
    /// The documents it occurs in, this document first, at most [`DOCUMENTS_PER_CARD`].
    pub documents: Vec<DocumentOccurrences>,
}

/// A term's occurrences in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentOccurrences {
    /// The document's slug.
    pub slug: String,
    /// The document's title.
    pub title: String,
    /// How often the term occurs in it.
    pub total: u32,
    /// The anchors of the passages of its first occurrences, at most
    /// [`OCCURRENCES_PER_DOCUMENT`], in reading order (one per occurrence, repeated when a
    /// passage holds the term twice).
    pub anchors: Vec<String>,
}

impl GlossaryCards {
    /// The cards for the entries that document `doc` uses.
    pub fn for_document(corpus: &Corpus, doc: DocIndex) -> GlossaryCards {
        let document = &corpus.documents[doc as usize];
        let mut used: Vec<EntryIndex> = document
            .blocks
            .iter()
            .flat_map(|block| block.runs.iter().filter_map(|run| run.term))
            .collect();
        used.sort_unstable();
        used.dedup();
        let mut cards: Vec<TermCard> = used
            .into_iter()
            .map(|entry| TermCard::new(corpus, entry, doc))
            .collect();
        cards.sort_by(|a, b| a.id.cmp(&b.id));
        GlossaryCards { cards }
    }

    /// The card of the entry with this id.
    pub fn card(&self, id: &str) -> Option<&TermCard> {
        self.cards
            .binary_search_by(|card| card.id.as_str().cmp(id))
            .ok()
            .map(|index| &self.cards[index])
    }

    /// The compact form written to the site.
    pub fn encode(&self) -> Vec<u8> {
        postcard::to_allocvec(self).expect("glossary cards always serialise")
    }

    /// Reads the compact form.
    pub fn decode(bytes: &[u8]) -> Result<GlossaryCards, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

impl TermCard {
    /// The card of `entry`, listing the occurrences in `here` first.
    pub fn new(corpus: &Corpus, entry: EntryIndex, here: DocIndex) -> TermCard {
        let data = &corpus.glossary[entry as usize];
        // Occurrences are in document order: group them by document.
        let mut by_document: Vec<(DocIndex, Vec<u32>)> = Vec::new();
        for occurrence in &data.occurrences {
            match by_document.last_mut() {
                Some((doc, blocks)) if *doc == occurrence.doc => blocks.push(occurrence.block),
                _ => by_document.push((occurrence.doc, Vec::from([occurrence.block]))),
            }
        }
        let document_count = by_document.len() as u32;
        // This document first, the others in catalog order.
        by_document.sort_by_key(|(doc, _)| (*doc != here, *doc));
        let documents = by_document
            .into_iter()
            .take(DOCUMENTS_PER_CARD)
            .map(|(doc, blocks)| {
                let document = &corpus.documents[doc as usize];
                DocumentOccurrences {
                    slug: document.slug.clone(),
                    title: document.title.clone(),
                    total: blocks.len() as u32,
                    anchors: blocks
                        .iter()
                        .take(OCCURRENCES_PER_DOCUMENT)
                        .map(|&block| document.blocks[block as usize].anchor.clone())
                        .collect(),
                }
            })
            .collect();
        TermCard {
            id: data.id.clone(),
            headword: data.headword.clone(),
            kind: data.kind,
            dates: data.dates.clone(),
            definition: data.definition.clone(),
            see_also: data
                .see_also
                .iter()
                .map(|&other| {
                    let other = &corpus.glossary[other as usize];
                    (other.id.clone(), other.headword.clone())
                })
                .collect(),
            total: data.occurrences.len() as u32,
            document_count,
            documents,
        }
    }

    /// Documents it occurs in that the card does not list.
    pub fn unlisted_documents(&self) -> u32 {
        self.document_count - self.documents.len() as u32
    }
}
