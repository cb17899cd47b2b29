//! Cross-source links: which passages tell the same text, quotation or event.
//!
//! (Detection is being written; for now this holds the types the pipeline uses.)

use crate::error::DataError;
use crate::model::{Corpus, Document, Link};
use std::vec::Vec;

/// An editorial addition or veto of a link, from `links.toml`.
#[derive(Debug, Clone)]
pub struct LinkEdit;

/// What detection accepted and, for judging thresholds, what it rejected.
#[derive(Debug, Clone, Default)]
pub struct LinkReport {
    /// The links kept, strongest first.
    pub accepted: Vec<Link>,
}

impl LinkReport {
    /// The report as text.
    pub fn render(&self, _corpus: &Corpus) -> std::string::String {
        std::format!("links accepted: {}\n", self.accepted.len())
    }
}

/// Parses `links.toml`.
pub fn parse_edits(
    _file: &str,
    _text: &str,
    _documents: &[Document],
) -> Result<Vec<LinkEdit>, Vec<DataError>> {
    Ok(Vec::new())
}

/// Detects links in a corpus.
pub fn detect(_corpus: &Corpus, _edits: &[LinkEdit]) -> LinkReport {
    LinkReport::default()
}
