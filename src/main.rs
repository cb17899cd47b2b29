//! Entry point of the browser app (run by wasm-bindgen's start when the wasm loads).

fn main() {
    #[cfg(feature = "hydrate")]
    source_reader::hydrate();
}
