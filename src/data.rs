//! The embedded corpus, decoded once on first use and shared for the life of the page.

use corpus::model::Corpus;
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
