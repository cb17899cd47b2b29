//! The whole corpus, for rendering pages at build time. It never reaches the browser: the
//! pages carry their text as HTML, and the islands get only what they show.

use corpus::model::{Corpus, PassageRef};
use std::collections::HashMap;
use std::sync::OnceLock;

static CORPUS: OnceLock<Corpus> = OnceLock::new();
static LINKS_OF: OnceLock<HashMap<PassageRef, Vec<u32>>> = OnceLock::new();

/// Makes `corpus` the corpus every page is rendered from. Once per process.
pub fn install(corpus: Corpus) {
    let mut index: HashMap<PassageRef, Vec<u32>> = HashMap::new();
    for (number, link) in corpus.links.iter().enumerate() {
        index.entry(link.a).or_default().push(number as u32);
        index.entry(link.b).or_default().push(number as u32);
    }
    // A second install would render pages from two corpora: it is a bug in the caller.
    assert!(CORPUS.set(corpus).is_ok(), "the corpus is installed once");
    let _ = LINKS_OF.set(index);
}

/// The corpus. It is static data, never state: nothing in the app changes it.
pub fn corpus() -> &'static Corpus {
    CORPUS
        .get()
        .expect("render::Site::new installs the corpus before any page is rendered")
}

/// The links touching a passage, as indices into `corpus().links`, strongest first.
pub fn links_of(passage: PassageRef) -> &'static [u32] {
    LINKS_OF
        .get()
        .and_then(|index| index.get(&passage))
        .map_or(&[], Vec::as_slice)
}
