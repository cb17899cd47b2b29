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

/// Every entry's occurrences grouped by document, made once for the whole corpus, so that
/// the cards of all documents take time in proportion to the corpus, not its square.
pub struct CardIndex<'a> {
    corpus: &'a Corpus,
    /// Per entry: (document, the blocks of its occurrences there), in catalog order.
    by_document: Vec<Vec<(DocIndex, Vec<u32>)>>,
}

impl<'a> CardIndex<'a> {
    /// Groups every entry's occurrences (which the model keeps in document order).
    pub fn new(corpus: &'a Corpus) -> CardIndex<'a> {
        let by_document = corpus
            .glossary
            .iter()
            .map(|entry| {
                let mut groups: Vec<(DocIndex, Vec<u32>)> = Vec::new();
                for occurrence in &entry.occurrences {
                    match groups.last_mut() {
                        Some((doc, blocks)) if *doc == occurrence.doc => {
                            blocks.push(occurrence.block)
                        }
                        _ => groups.push((occurrence.doc, Vec::from([occurrence.block]))),
                    }
                }
                groups
            })
            .collect();
        CardIndex {
            corpus,
            by_document,
        }
    }

    /// The cards for the entries that document `doc` uses.
    pub fn for_document(&self, doc: DocIndex) -> GlossaryCards {
        let document = &self.corpus.documents[doc as usize];
        let mut used: Vec<EntryIndex> = document
            .blocks
            .iter()
            .flat_map(|block| block.runs.iter().filter_map(|run| run.term))
            .collect();
        used.sort_unstable();
        used.dedup();
        let mut cards: Vec<TermCard> = used
            .into_iter()
            .map(|entry| self.card(entry, doc))
            .collect();
        cards.sort_by(|a, b| a.id.cmp(&b.id));
        GlossaryCards { cards }
    }

    /// The card of `entry`, listing its occurrences in `here` first.
    pub fn card(&self, entry: EntryIndex, here: DocIndex) -> TermCard {
        let corpus = self.corpus;
        let data = &corpus.glossary[entry as usize];
        let groups = &self.by_document[entry as usize];
        // This document first, then the others in catalog order, up to the cap.
        let this = groups.binary_search_by_key(&here, |(doc, _)| *doc).ok();
        let listed = this
            .into_iter()
            .chain((0..groups.len()).filter(|&i| Some(i) != this))
            .take(DOCUMENTS_PER_CARD);
        let documents = listed
            .map(|i| {
                let (doc, blocks) = &groups[i];
                let document = &corpus.documents[*doc as usize];
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
            document_count: groups.len() as u32,
            documents,
        }
    }
}

impl TermCard {
    /// Documents it occurs in that the card does not list.
    pub fn unlisted_documents(&self) -> u32 {
        self.document_count - self.documents.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, BlockKind, Document, DocumentKind, Entry, Occurrence};
    use alloc::format;
    use alloc::vec;

    fn document(n: usize) -> Document {
        Document {
            slug: format!("doc-{n}"),
            file_name: String::new(),
            title: format!("Document {n}"),
            author: String::new(),
            date: String::new(),
            kind: DocumentKind::StudyGuide,
            provenance: String::new(),
            source: String::new(),
            blocks: (0..20)
                .map(|b| Block {
                    start: 0,
                    end: 0,
                    kind: BlockKind::Paragraph,
                    anchor: format!("p{b}"),
                    runs: Vec::new(),
                })
                .collect(),
            word_count: 0,
        }
    }

    /// Ten documents; the entry occurs 15 times in each (blocks 0..15).
    fn corpus() -> Corpus {
        let occurrences = (0..10u16)
            .flat_map(|doc| {
                (0..15u32).map(move |block| Occurrence {
                    doc,
                    block,
                    start: 0,
                    end: 0,
                })
            })
            .collect();
        Corpus {
            documents: (0..10).map(document).collect(),
            glossary: vec![Entry {
                id: "stalin".into(),
                headword: "Joseph Stalin".into(),
                index_name: "Stalin, Joseph".into(),
                kind: EntryKind::Person,
                dates: String::new(),
                aliases: vec!["Stalin".into()],
                definition: "General Secretary.".into(),
                see_also: Vec::new(),
                occurrences,
            }],
            links: Vec::new(),
        }
    }

    #[test]
    fn a_card_lists_this_document_first_and_caps_documents_and_occurrences() {
        let corpus = corpus();
        let card = CardIndex::new(&corpus).card(0, 6);
        assert_eq!(card.total, 150);
        assert_eq!(card.document_count, 10);
        assert_eq!(card.documents.len(), DOCUMENTS_PER_CARD);
        assert_eq!(card.unlisted_documents(), 2);
        let slugs: Vec<&str> = card.documents.iter().map(|d| d.slug.as_str()).collect();
        assert_eq!(
            slugs,
            [
                "doc-6", "doc-0", "doc-1", "doc-2", "doc-3", "doc-4", "doc-5", "doc-7"
            ]
        );
        assert!(
            card.documents
                .iter()
                .all(|d| d.total == 15 && d.anchors.len() == OCCURRENCES_PER_DOCUMENT)
        );
        assert_eq!(card.documents[0].anchors[0], "p0");
    }

    #[test]
    fn cards_round_trip_and_are_found_by_id() {
        let mut corpus = corpus();
        corpus.documents[3].blocks[2].runs.push(crate::model::Run {
            start: 0,
            end: 0,
            citation: false,
            term: Some(0),
        });
        let cards = CardIndex::new(&corpus).for_document(3);
        assert_eq!(cards.cards.len(), 1);
        let decoded = GlossaryCards::decode(&cards.encode()).expect("decodes");
        assert_eq!(decoded, cards);
        assert_eq!(
            decoded.card("stalin").map(|c| c.headword.as_str()),
            Some("Joseph Stalin")
        );
        assert!(decoded.card("trotsky").is_none());
        // A document that uses no entry has no cards.
        assert!(CardIndex::new(&corpus).for_document(4).cards.is_empty());
    }
}
