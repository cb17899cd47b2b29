//! The build pipeline: seeds folder in, validated and annotated [`Corpus`] out.
//!
//! Reads `catalog.toml`, every catalogued seed, and `glossary.toml` (if present); segments,
//! matches terms and detects links; collects every problem it finds, each naming its file
//! and line, rather than stopping at the first.

use crate::catalog::{self, CatalogEntry};
use crate::error::{DataError, line_of};
use crate::glossary::{self, EntrySpec, Matcher};
use crate::linking::{self, LinkReport};
use crate::model::{
    Block, BlockKind, Corpus, Document, Entry, EntryIndex, EntryKind, Occurrence, Run,
};
use crate::structure;
use crate::text::word_count;
use std::collections::BTreeSet;
use std::format;
use std::path::Path;
use std::string::{String, ToString};
use std::vec::Vec;
use std::{fs, vec};

/// What a successful build produces.
pub struct BuildOutput {
    /// The annotated corpus.
    pub corpus: Corpus,
    /// What link detection accepted and rejected, for judging its thresholds.
    pub links: LinkReport,
}

/// The names of the data files the build reads, so that build scripts can watch them.
pub const CATALOG_FILE: &str = "catalog.toml";
/// See [`CATALOG_FILE`].
pub const GLOSSARY_FILE: &str = "glossary.toml";
/// See [`CATALOG_FILE`].
pub const LINKS_FILE: &str = "links.toml";

/// Builds the corpus from a seeds folder. `shown_as` is how the folder is named in errors
/// (e.g. `seeds`).
pub fn build(seeds: &Path, shown_as: &str) -> Result<BuildOutput, Vec<DataError>> {
    let name = |file: &str| format!("{shown_as}/{file}");
    let read = |file: &str| -> Result<String, Vec<DataError>> {
        let path = seeds.join(file);
        let bytes = fs::read(&path).map_err(|err| {
            vec![DataError::at(
                &name(file),
                0,
                format!("cannot be read: {err}"),
            )]
        })?;
        decode_text(&name(file), bytes).map_err(|err| vec![err])
    };

    let catalog_text = read(CATALOG_FILE)?;
    let catalog = catalog::parse(&name(CATALOG_FILE), &catalog_text)?;
    let mut errors = check_seed_files(seeds, shown_as, &catalog);

    let mut documents = Vec::new();
    for record in &catalog {
        match read_document(seeds, shown_as, record) {
            Ok(document) => documents.push(document),
            Err(mut found) => errors.append(&mut found),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let glossary = if seeds.join(GLOSSARY_FILE).exists() {
        let text = read(GLOSSARY_FILE)?;
        let mut specs = glossary::parse(&name(GLOSSARY_FILE), &text)?;
        specs.sort_by_cached_key(sort_key);
        annotate(&mut documents, &specs, &name(GLOSSARY_FILE))?
    } else {
        Vec::new()
    };

    let edits = if seeds.join(LINKS_FILE).exists() {
        let text = read(LINKS_FILE)?;
        linking::parse_edits(&name(LINKS_FILE), &text, &documents)?
    } else {
        Vec::new()
    };
    let mut corpus = Corpus {
        documents,
        glossary,
        links: Vec::new(),
    };
    let report = linking::detect(&corpus, &edits);
    if !report.errors.is_empty() {
        return Err(report.errors);
    }
    corpus.links = report.accepted.clone();
    Ok(BuildOutput {
        corpus,
        links: report,
    })
}

/// A seed as text: UTF-8 with no control characters but line breaks and tabs.
fn decode_text(file: &str, bytes: Vec<u8>) -> Result<String, DataError> {
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let line = err.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        DataError::at(
            file,
            line,
            format!("is not valid UTF-8 (byte {valid}); save it as UTF-8"),
        )
    })?;
    if let Some(at) = text.find(|c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(DataError::at(
            file,
            line_of(&text, at),
            "has a control character (is it a binary file?)",
        ));
    }
    Ok(text)
}

/// Every `.txt` in the folder is catalogued and every catalogued file is there.
fn check_seed_files(seeds: &Path, shown_as: &str, catalog: &[CatalogEntry]) -> Vec<DataError> {
    let mut errors = Vec::new();
    let catalogued: BTreeSet<&str> = catalog.iter().map(|entry| entry.file.as_str()).collect();
    let mut on_disk = BTreeSet::new();
    if let Ok(listing) = fs::read_dir(seeds) {
        for item in listing.flatten() {
            let file = item.file_name().to_string_lossy().into_owned();
            if file.ends_with(".txt") {
                on_disk.insert(file);
            }
        }
    }
    for file in &on_disk {
        if !catalogued.contains(file.as_str()) {
            errors.push(DataError::at(
                &format!("{shown_as}/{file}"),
                0,
                format!("is not in {shown_as}/{CATALOG_FILE}: add a [[document]] record for it"),
            ));
        }
    }
    for entry in catalog {
        if !on_disk.contains(&entry.file) {
            errors.push(DataError::at(
                &format!("{shown_as}/{CATALOG_FILE}"),
                entry.line,
                format!("{} is not in {shown_as}/", entry.file),
            ));
        }
    }
    errors
}

fn read_document(
    seeds: &Path,
    shown_as: &str,
    record: &CatalogEntry,
) -> Result<Document, Vec<DataError>> {
    let seed_name = format!("{shown_as}/{}", record.file);
    let bytes = fs::read(seeds.join(&record.file))
        .map_err(|err| vec![DataError::at(&seed_name, 0, err.to_string())])?;
    let source = decode_text(&seed_name, bytes).map_err(|err| vec![err])?;
    if source.trim().is_empty() {
        return Err(vec![DataError::at(&seed_name, 0, "has no text")]);
    }
    let blocks = structure::segment(&source, &record.rules).map_err(|unmatched| {
        unmatched
            .into_iter()
            .map(|rule| {
                DataError::at(
                    &format!("{shown_as}/{CATALOG_FILE}"),
                    rule.line,
                    format!("{} in {}", rule.message, record.file),
                )
            })
            .collect::<Vec<_>>()
    })?;
    let words = blocks
        .iter()
        .filter(|b| b.kind.is_text())
        .map(|b| word_count(&source[b.range()]))
        .sum::<usize>();
    Ok(Document {
        slug: record.slug.clone(),
        file_name: record.file.clone(),
        title: record.title.clone(),
        author: record.author.clone(),
        date: record.date.clone(),
        kind: record.kind,
        provenance: record.provenance.clone(),
        source,
        blocks,
        word_count: words as u32,
    })
}

/// The name as an index lists it: people surname first ("Zinoviev, Grigory"), other
/// entries without a leading "The".
fn index_name(spec: &EntrySpec) -> String {
    let head = spec.headword.trim();
    match (spec.kind, head.rsplit_once(' ')) {
        (EntryKind::Person, Some((given, surname))) => format!("{surname}, {given}"),
        _ => head.strip_prefix("The ").unwrap_or(head).to_string(),
    }
}

/// A–Z order of the index names, ignoring case and opening quotes ("'Seven'" under S).
fn sort_key(spec: &EntrySpec) -> String {
    index_name(spec)
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether terms are marked in blocks of this kind: the text, not headings or furniture.
fn carries_terms(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph | BlockKind::Quotation | BlockKind::Citation | BlockKind::ListItem
    )
}

/// Marks glossary terms in every block, builds the entries with their occurrences, and
/// fails on any alias that occurs nowhere.
fn annotate(
    documents: &mut [Document],
    specs: &[EntrySpec],
    glossary_name: &str,
) -> Result<Vec<Entry>, Vec<DataError>> {
    let matcher = Matcher::new(specs);
    let mut used: BTreeSet<(EntryIndex, u16)> = BTreeSet::new();
    let mut occurrences: Vec<Vec<Occurrence>> = vec![Vec::new(); specs.len()];
    for (doc_index, document) in documents.iter_mut().enumerate() {
        for (block_index, block) in document.blocks.iter_mut().enumerate() {
            if !carries_terms(block.kind) {
                continue;
            }
            let offset = block.start as usize;
            let found = matcher.find(&document.source[block.range()]);
            let terms: Vec<(usize, usize, EntryIndex)> = found
                .iter()
                .map(|m| (offset + m.start, offset + m.end, m.entry))
                .collect();
            for m in &found {
                used.insert((m.entry, m.alias));
                occurrences[m.entry as usize].push(Occurrence {
                    doc: doc_index as u16,
                    block: block_index as u32,
                    start: (offset + m.start) as u32,
                    end: (offset + m.end) as u32,
                });
            }
            split_runs(block, &terms);
        }
    }
    let mut errors = Vec::new();
    for (entry_index, spec) in specs.iter().enumerate() {
        for (alias_index, (alias, line)) in spec.aliases.iter().enumerate() {
            if !used.contains(&(entry_index as EntryIndex, alias_index as u16)) {
                errors.push(DataError::at(
                    glossary_name,
                    *line,
                    format!(
                        "alias {alias:?} of {:?} occurs nowhere in the corpus",
                        spec.id
                    ),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let index_of = |id: &str| {
        specs
            .iter()
            .position(|s| s.id == id)
            .expect("see_also was validated") as EntryIndex
    };
    Ok(specs
        .iter()
        .zip(occurrences)
        .map(|(spec, occurrences)| Entry {
            id: spec.id.clone(),
            headword: spec.headword.clone(),
            index_name: index_name(spec),
            kind: spec.kind,
            dates: spec.dates.clone(),
            aliases: spec
                .aliases
                .iter()
                .map(|(alias, _)| alias.clone())
                .collect(),
            definition: spec.definition.clone(),
            see_also: spec.see_also.iter().map(|(id, _)| index_of(id)).collect(),
            occurrences,
        })
        .collect())
}

/// Splits a block's runs at term boundaries so that each term is a run of its own. A term
/// that straddles a citation edge is split with it; both halves keep the term.
fn split_runs(block: &mut Block, terms: &[(usize, usize, EntryIndex)]) {
    let mut runs = Vec::new();
    for run in &block.runs {
        let mut at = run.start as usize;
        let end = run.end as usize;
        for &(term_start, term_end, entry) in terms {
            let (start, stop) = (term_start.max(at), term_end.min(end));
            if start >= stop {
                continue;
            }
            if start > at {
                runs.push(Run {
                    start: at as u32,
                    end: start as u32,
                    ..*run
                });
            }
            runs.push(Run {
                start: start as u32,
                end: stop as u32,
                term: Some(entry),
                ..*run
            });
            at = stop;
        }
        if at < end {
            runs.push(Run {
                start: at as u32,
                end: end as u32,
                ..*run
            });
        }
    }
    block.runs = runs;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn seeds() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds")
    }

    #[test]
    fn the_seeds_build() {
        let output = build(&seeds(), "seeds").unwrap_or_else(|errors| {
            panic!(
                "{}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(output.corpus.documents.len(), 5);
    }

    #[test]
    fn every_seed_is_rebuilt_byte_for_byte_from_its_spans() {
        let corpus = build(&seeds(), "seeds")
            .map_err(|e| e[0].to_string())
            .unwrap()
            .corpus;
        for document in &corpus.documents {
            let on_disk = fs::read(seeds().join(&document.file_name)).unwrap();
            // Blocks and the whitespace gaps between them, in order, cover the file exactly.
            let mut rebuilt = String::new();
            let mut at = 0;
            for block in &document.blocks {
                let gap = &document.source[at..block.start as usize];
                assert!(
                    gap.trim().is_empty(),
                    "{}: text outside any block: {gap:?}",
                    document.file_name
                );
                rebuilt.push_str(gap);
                let mut run_at = block.start;
                for run in &block.runs {
                    assert_eq!(
                        run.start, run_at,
                        "{}: runs leave a hole",
                        document.file_name
                    );
                    rebuilt.push_str(&document.source[run.range()]);
                    run_at = run.end;
                }
                assert_eq!(
                    run_at, block.end,
                    "{}: runs do not reach the block's end",
                    document.file_name
                );
                at = block.end as usize;
            }
            let tail = &document.source[at..];
            assert!(tail.trim().is_empty());
            rebuilt.push_str(tail);
            assert_eq!(
                rebuilt.as_bytes(),
                on_disk.as_slice(),
                "{}",
                document.file_name
            );
        }
    }

    #[test]
    fn the_seed_texts_are_unchanged() {
        use sha2::{Digest, Sha256};
        let sums = fs::read_to_string(seeds().join("SHA256SUMS")).unwrap();
        let mut listed = BTreeSet::new();
        for line in sums.lines().filter(|l| !l.trim().is_empty()) {
            let (expected, name) = line.split_once("  ").expect("sha256sum format: HASH  NAME");
            let digest = Sha256::digest(fs::read(seeds().join(name)).unwrap());
            let actual: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
            assert_eq!(
                actual, expected,
                "seeds/{name} differs from its recorded SHA-256: the originals are never edited"
            );
            listed.insert(name.to_string());
        }
        for item in fs::read_dir(seeds()).unwrap().flatten() {
            let name = item.file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") {
                assert!(
                    listed.contains(&name),
                    "seeds/{name} has no line in seeds/SHA256SUMS"
                );
            }
        }
        assert!(!listed.is_empty(), "seeds/SHA256SUMS lists no text");
    }

    #[test]
    fn bad_seed_data_names_file_and_line() {
        let dir = std::env::temp_dir().join(format!("corpus-bad-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(
            dir.join("a.txt"),
            b"Heading\n\nFine text.\nBad \xff byte.\n",
        )
        .unwrap();
        fs::write(dir.join("stray.txt"), "Not catalogued.").unwrap();
        fs::write(
            dir.join(CATALOG_FILE),
            "[[document]]\nfile = \"a.txt\"\nslug = \"a\"\ntitle = \"A\"\nauthor = \"unknown\"\ndate = \"unknown\"\nkind = \"study-guide\"\nprovenance = \"Test.\"\n",
        )
        .unwrap();
        let errors: Vec<String> = build(&dir, "seeds")
            .err()
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            errors.contains(
                &"seeds/stray.txt: is not in seeds/catalog.toml: add a [[document]] record for it"
                    .into()
            ),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("seeds/a.txt:4: is not valid UTF-8")),
            "{errors:?}"
        );
        fs::remove_dir_all(&dir).unwrap();
    }
}
