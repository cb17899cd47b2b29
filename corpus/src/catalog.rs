//! The editorial catalog, `catalog.toml`: each document's record (title, slug, author, date,
//! kind, provenance) and the structure rules the parser cannot guess.

use crate::error::{DataError, line_of};
use crate::model::{BlockKind, DocumentKind};
use crate::structure::Rule;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::format;
use std::string::{String, ToString};
use std::vec::Vec;
use toml::Spanned;

/// One document's catalog record.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    /// Seed file name in `seeds/`.
    pub file: String,
    /// URL slug.
    pub slug: String,
    /// Readable title.
    pub title: String,
    /// Author or publisher, or "unknown".
    pub author: String,
    /// Date, or "unknown".
    pub date: String,
    /// Kind of text.
    pub kind: DocumentKind,
    /// One line on provenance.
    pub provenance: String,
    /// Structure rules for the parser.
    pub rules: Vec<Rule>,
    /// Line of the record's `file` key.
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    document: Vec<RawDocument>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    file: Spanned<String>,
    slug: Spanned<String>,
    title: String,
    author: String,
    date: String,
    kind: Spanned<String>,
    provenance: String,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    starts: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    through: Option<String>,
    #[serde(default)]
    level: Option<u8>,
}

fn document_kind(key: &str) -> Option<DocumentKind> {
    Some(match key {
        "study-guide" => DocumentKind::StudyGuide,
        "reference-article" => DocumentKind::ReferenceArticle,
        "source-analysis" => DocumentKind::SourceAnalysis,
        "primary-documents" => DocumentKind::PrimaryDocuments,
        _ => return None,
    })
}

fn block_kind(key: &str, level: Option<u8>) -> Option<BlockKind> {
    Some(match key {
        "heading" => BlockKind::Heading(level.unwrap_or(2).clamp(2, 4)),
        "paragraph" => BlockKind::Paragraph,
        "quotation" => BlockKind::Quotation,
        "citation" => BlockKind::Citation,
        "list-item" => BlockKind::ListItem,
        "furniture" => BlockKind::Furniture,
        _ => return None,
    })
}

/// Parses and validates a catalog. `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Vec<CatalogEntry>, Vec<DataError>> {
    let raw: CatalogFile = toml::from_str(text).map_err(|err| {
        let line = err.span().map_or(0, |span| line_of(text, span.start));
        std::vec![DataError::at(file, line, err.message().trim().to_string())]
    })?;
    let mut errors = Vec::new();
    let mut slugs = BTreeSet::new();
    let mut files = BTreeSet::new();
    let mut entries = Vec::new();
    for raw in raw.document {
        let line = line_of(text, raw.file.span().start);
        let slug_line = line_of(text, raw.slug.span().start);
        let slug = raw.slug.into_inner();
        if slug.is_empty()
            || !slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            errors.push(DataError::at(
                file,
                slug_line,
                format!("slug {slug:?} must be lower-case letters, digits and hyphens"),
            ));
        }
        if !slugs.insert(slug.clone()) {
            errors.push(DataError::at(
                file,
                slug_line,
                format!("slug {slug:?} is used by two documents"),
            ));
        }
        let seed = raw.file.into_inner();
        if !files.insert(seed.clone()) {
            errors.push(DataError::at(
                file,
                line,
                format!("{seed} is catalogued twice"),
            ));
        }
        let kind = document_kind(raw.kind.get_ref()).unwrap_or_else(|| {
            errors.push(DataError::at(
                file,
                line_of(text, raw.kind.span().start),
                format!(
                    "kind {:?} is not one of study-guide, reference-article, source-analysis, primary-documents",
                    raw.kind.get_ref()
                ),
            ));
            DocumentKind::StudyGuide
        });
        let mut rules = Vec::new();
        for rule in raw.rule {
            let rule_line = line_of(text, rule.starts.span().start);
            match block_kind(rule.kind.get_ref(), rule.level) {
                Some(kind) => rules.push(Rule { starts: rule.starts.into_inner(), through: rule.through, kind, line: rule_line }),
                None => errors.push(DataError::at(
                    file,
                    line_of(text, rule.kind.span().start),
                    format!(
                        "block kind {:?} is not one of heading, paragraph, quotation, citation, list-item, furniture",
                        rule.kind.get_ref()
                    ),
                )),
            }
        }
        entries.push(CatalogEntry {
            file: seed,
            slug,
            title: raw.title,
            author: raw.author,
            date: raw.date,
            kind,
            provenance: raw.provenance,
            rules,
            line,
        });
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_rules() {
        let text = r#"
[[document]]
file = "a.txt"
slug = "a"
title = "A"
author = "unknown"
date = "unknown"
kind = "study-guide"
provenance = "A test."

[[document.rule]]
starts = "Collected Works"
kind = "citation"
"#;
        let entries = parse("catalog.toml", text).unwrap();
        assert_eq!(entries[0].rules[0].line, 12);
        assert_eq!(entries[0].rules[0].kind, BlockKind::Citation);
    }

    #[test]
    fn bad_kinds_name_their_line() {
        let text = "[[document]]\nfile = \"a.txt\"\nslug = \"A b\"\ntitle = \"\"\nauthor = \"\"\ndate = \"\"\nkind = \"novel\"\nprovenance = \"\"\n";
        let errors = parse("catalog.toml", text).unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [3, 7]);
    }
}
