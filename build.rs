//! Build step: validates and annotates the corpus in `seeds/` and embeds it in the app as a
//! compact binary. A problem in the data fails the build with `file:line: message`.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    // READER_SEEDS builds another corpus folder (e.g. a generated one for benchmarks).
    println!("cargo:rerun-if-env-changed=READER_SEEDS");
    let seeds = env::var("READER_SEEDS").unwrap_or_else(|_| "seeds".into());
    // A directory here means: rerun when anything in it changes.
    println!("cargo:rerun-if-changed={seeds}");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    match corpus::pipeline::build(Path::new(&seeds), &seeds) {
        Ok(output) => {
            fs::write(out.join("corpus.bin"), output.corpus.encode()).expect("OUT_DIR is writable");
        }
        Err(errors) => {
            eprintln!("The corpus in {seeds}/ has {} problem(s):", errors.len());
            for error in &errors {
                eprintln!("error: {error}");
            }
            process::exit(1);
        }
    }
}
