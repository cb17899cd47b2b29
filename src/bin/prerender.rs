//! `prerender`: the build step that makes the site. Trunk runs it after building the wasm
//! (a post-build hook, `scripts/prerender.sh`):
//!
//! ```text
//! prerender STAGING-DIR [PUBLIC-URL]        corpus from $READER_SEEDS, else seeds/
//! ```
//!
//! It validates and annotates the corpus (a problem fails the build with `file:line`), then
//! writes into STAGING-DIR every route the app answers as `<route>/index.html`, rendered by
//! the app's own components, `404.html`, each document's glossary cards
//! (`doc/<slug>/glossary.bin`), and the boot script that starts the wasm.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use std::{env, fs, thread};

use corpus::cards::CardIndex;
use corpus::paths;
use source_reader::render::{PageTemplate, install_corpus, render_body};

fn main() -> ExitCode {
    let mut args = env::args().skip(1);
    let (Some(staging), public_url) = (args.next(), args.next()) else {
        eprintln!(
            "usage: prerender STAGING-DIR [PUBLIC-URL]   (corpus from $READER_SEEDS, else seeds/)"
        );
        return ExitCode::from(2);
    };
    match run(
        Path::new(&staging),
        &public_url.unwrap_or_else(|| "/".into()),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(staging: &Path, public_url: &str) -> Result<(), String> {
    let started = Instant::now();
    let seeds = env::var("READER_SEEDS").unwrap_or_else(|_| "seeds".into());
    let output = corpus::pipeline::build(Path::new(&seeds), &seeds).map_err(|errors| {
        let mut message = format!("The corpus in {seeds}/ has {} problem(s):", errors.len());
        for error in &errors {
            message.push_str(&format!("\nerror: {error}"));
        }
        message
    })?;
    let corpus = output.corpus;
    let built = started.elapsed();

    let base = paths::base_from_public_url(public_url);
    let trunk_index = staging.join("index.html");
    let trunk_html = fs::read_to_string(&trunk_index)
        .map_err(|error| format!("{}: {error}", trunk_index.display()))?;
    let template = PageTemplate::from_trunk(&trunk_html, &base)
        .map_err(|error| format!("{}: {error}", trunk_index.display()))?;
    write(
        &staging.join(&template.boot_file),
        template.boot_script.as_bytes(),
    )?;

    // Data the islands fetch: each document's glossary cards.
    let mut data_bytes = 0;
    let card_index = CardIndex::new(&corpus);
    for (index, document) in corpus.documents.iter().enumerate() {
        let cards = card_index.for_document(index as u16).encode();
        data_bytes += cards.len();
        write(
            &route_file(staging, &paths::glossary_cards(&document.slug)),
            &cards,
        )?;
    }

    let routes = paths::all(&corpus);
    install_corpus(corpus);
    let html_bytes = render_all(staging, &base, &template, &routes)?;
    // One page for every address the site does not have (static hosts serve it).
    let (body, title) = render_body(&base, "/404.html");
    write(
        &staging.join("404.html"),
        template.page(&title, &body).as_bytes(),
    )?;

    println!(
        "prerender: {} pages ({:.1} MB of HTML) and {:.1} MB of glossary cards in {:.1} s (corpus {:.1} s)",
        routes.len() + 1,
        html_bytes as f64 / 1e6,
        data_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        built.as_secs_f64()
    );
    Ok(())
}

/// Renders and writes every route, on as many threads as the machine has cores (each page
/// is rendered on its own, from the shared read-only corpus). Returns the bytes written.
fn render_all(
    staging: &Path,
    base: &str,
    template: &PageTemplate,
    routes: &[String],
) -> Result<usize, String> {
    let next = AtomicUsize::new(0);
    let threads = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(routes.len().max(1));
    thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> Result<usize, String> {
                    let mut bytes = 0;
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(route) = routes.get(index) else {
                            return Ok(bytes);
                        };
                        let (body, title) = render_body(base, route);
                        let page = template.page(&title, &body);
                        bytes += page.len();
                        write(&route_file(staging, route), page.as_bytes())?;
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .map_err(|_| "a render thread panicked".to_string())?
            })
            .sum()
    })
}

/// The file in `staging` for a site path: a page's path is a folder (`/doc/x/`), whose
/// `index.html` it is; any other path is a file.
fn route_file(staging: &Path, path: &str) -> PathBuf {
    let relative = path.trim_start_matches('/');
    if relative.is_empty() || relative.ends_with('/') {
        staging.join(relative).join("index.html")
    } else {
        staging.join(relative)
    }
}

fn write(file: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(folder) = file.parent() {
        fs::create_dir_all(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
    }
    fs::write(file, bytes).map_err(|error| format!("{}: {error}", file.display()))
}
