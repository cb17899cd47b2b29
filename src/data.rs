//! The embedded corpus, decoded once on first use and shared for the life of the page.

use corpus::model::{Corpus, PassageRef};
use std::collections::HashMap;
use std::sync::OnceLock;

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The corpus. It is static data, never state: nothing in the app changes it.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        // The bytes were written by this build's own build script from the same model, so a
        // failure here is a broken build, not bad user data.
        Corpus::decode(CORPUS_BYTES)
            .expect("the embedded corpus matches the model it was encoded from")
    })
}

/// The links touching a passage, as indices into `corpus().links`, strongest first. The
/// build stores links once, as pairs; this lookup by either end is made once, on first use.
pub fn links_of(passage: PassageRef) -> &'static [u32] {
    static INDEX: OnceLock<HashMap<PassageRef, Vec<u32>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: HashMap<PassageRef, Vec<u32>> = HashMap::new();
        for (number, link) in corpus().links.iter().enumerate() {
            index.entry(link.a).or_default().push(number as u32);
            index.entry(link.b).or_default().push(number as u32);
        }
        index
    });
    index.get(&passage).map_or(&[], Vec::as_slice)
}
