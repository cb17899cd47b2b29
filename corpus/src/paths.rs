//! The app's URL scheme, shared by the view (for links) and the build (which writes an
//! `index.html` for every path, so that deep links work from a plain static file server).
//!
//! Every page is a folder, so its address ends with a slash: that is the address static
//! hosts answer without a redirect (`/doc/x` is sent on to `/doc/x/` by most of them).

use crate::model::Corpus;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// The library page.
pub const LIBRARY: &str = "/";
/// The glossary index.
pub const GLOSSARY: &str = "/glossary/";

/// A document's reading view.
pub fn document(slug: &str) -> String {
    format!("/doc/{slug}/")
}

/// A paragraph of a document.
pub fn passage(slug: &str, anchor: &str) -> String {
    format!("/doc/{slug}/#{anchor}")
}

/// A paragraph with one glossary term highlighted in it.
pub fn occurrence(slug: &str, anchor: &str, entry_id: &str) -> String {
    format!("/doc/{slug}/?term={entry_id}#{anchor}")
}

/// A document's original text, exactly as the seed file is.
pub fn original(slug: &str) -> String {
    format!("/doc/{slug}/original/")
}

/// Two passages side by side with their differences marked.
pub fn compare(slug_a: &str, anchor_a: &str, slug_b: &str, anchor_b: &str) -> String {
    format!("/compare/{slug_a}/{anchor_a}/{slug_b}/{anchor_b}/")
}

/// Two editions read side by side, aligned by their parallel passages.
pub fn parallel(slug_a: &str, slug_b: &str) -> String {
    format!("/parallel/{slug_a}/{slug_b}/")
}

/// A glossary entry's page.
pub fn entry(id: &str) -> String {
    format!("/glossary/{id}/")
}

/// Every path the app answers, for pre-rendering route files.
pub fn all(corpus: &Corpus) -> Vec<String> {
    let mut paths = Vec::from([String::from(LIBRARY), String::from(GLOSSARY)]);
    for doc in &corpus.documents {
        paths.push(document(&doc.slug));
        paths.push(original(&doc.slug));
    }
    // One side-by-side page per pair of editions, the one earlier in the catalog on the left.
    for (index, doc) in corpus.documents.iter().enumerate() {
        for (other, _) in corpus.side_by_side_documents(index as u16) {
            if usize::from(other) > index {
                paths.push(parallel(&doc.slug, &corpus.documents[other as usize].slug));
            }
        }
    }
    for link in &corpus.links {
        let (a, b) = (
            &corpus.documents[link.a.doc as usize],
            &corpus.documents[link.b.doc as usize],
        );
        paths.push(compare(
            &a.slug,
            &a.blocks[link.a.block as usize].anchor,
            &b.slug,
            &b.blocks[link.b.block as usize].anchor,
        ));
    }
    for entry in &corpus.glossary {
        paths.push(self::entry(&entry.id));
    }
    paths
}

/// The glossary cards of the entries a document uses (fetched by its popover).
pub fn glossary_cards(slug: &str) -> String {
    format!("/doc/{slug}/glossary.bin")
}

/// An app path as an address on a site hosted under `base` ("" at a domain root, else a
/// prefix such as "/reader" with no trailing slash).
pub fn under(base: &str, path: &str) -> String {
    format!("{base}{path}")
}

/// The base prefix for Trunk's `--public-url` ("/", "/reader/", "reader"): "" or "/reader".
pub fn base_from_public_url(public_url: &str) -> String {
    let trimmed = public_url.trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_url_becomes_a_base_prefix() {
        assert_eq!(base_from_public_url("/"), "");
        assert_eq!(base_from_public_url(""), "");
        assert_eq!(base_from_public_url("/reader/"), "/reader");
        assert_eq!(base_from_public_url("reader"), "/reader");
        assert_eq!(base_from_public_url("/a/b/"), "/a/b");
        assert_eq!(under("/reader", LIBRARY), "/reader/");
        assert_eq!(under("", &document("x")), "/doc/x/");
    }
}
