//! `corpus-tool`: the build pipeline from the command line.
//!
//! - `corpus-tool check [SEEDS]`: validate the seeds and print a summary (exit 1 on errors).
//! - `corpus-tool routes [SEEDS]`: print every path the app answers, one per line.
//! - `corpus-tool links [SEEDS]`: print the link report.
//! - `corpus-tool blocks [SEEDS]`: print every block's role, anchor and opening words, to check
//!   what the parser and the catalog rules made of each line.
//! - `corpus-tool bench-links [SEEDS]`: time link detection alone (best of three runs) and
//!   print its work counts, for scripts/bench-links.sh.

use corpus::model::BlockKind;
use corpus::pipeline::{self, BuildOutput};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let seeds = PathBuf::from(args.next().unwrap_or_else(|| "seeds".into()));
    let output = match pipeline::build(&seeds, &seeds.display().to_string()) {
        Ok(output) => output,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            eprintln!("{} problem(s) in the seed data", errors.len());
            return ExitCode::FAILURE;
        }
    };
    match command.as_str() {
        "check" => print_summary(&output),
        "routes" => {
            for path in corpus::paths::all(&output.corpus) {
                println!("{path}");
            }
        }
        "blocks" => print_blocks(&output),
        "links" => print!("{}", output.links.render(&output.corpus)),
        "bench-links" => bench_links(&output),
        _ => {
            eprintln!("usage: corpus-tool check|routes|links|blocks|bench-links [SEEDS-FOLDER]");
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

fn print_summary(output: &BuildOutput) {
    let corpus = &output.corpus;
    println!(
        "{:<36} {:>6} {:>7} {:>6} {:>6}",
        "document", "words", "blocks", "quotes", "terms"
    );
    for document in &corpus.documents {
        let count = |kind: BlockKind| document.blocks.iter().filter(|b| b.kind == kind).count();
        let terms: usize = document
            .blocks
            .iter()
            .flat_map(|b| &b.runs)
            .filter(|r| r.term.is_some())
            .count();
        println!(
            "{:<36} {:>6} {:>7} {:>6} {:>6}",
            document.slug,
            document.word_count,
            document.blocks.len(),
            count(BlockKind::Quotation),
            terms
        );
    }
    println!("glossary entries: {}", corpus.glossary.len());
    println!("links: {}", corpus.links.len());
    println!("encoded corpus: {} bytes", corpus.encode().len());
}

fn print_blocks(output: &BuildOutput) {
    for document in &output.corpus.documents {
        println!("== {} ({})", document.slug, document.file_name);
        for block in &document.blocks {
            let text: String = document.text(block).chars().take(60).collect();
            let cited = block.runs.iter().filter(|r| r.citation).count();
            println!(
                "{:<12} {:<40} {}{}",
                format!("{:?}", block.kind),
                block.anchor,
                text,
                if cited > 0 { "  [cites]" } else { "" }
            );
        }
    }
}

fn bench_links(output: &BuildOutput) {
    let corpus = &output.corpus;
    let mut best = f64::INFINITY;
    let mut report = None;
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let found = corpus::linking::detect(corpus, &[]);
        best = best.min(start.elapsed().as_secs_f64());
        report = Some(found);
    }
    let Some(report) = report else { return };
    let s = report.stats;
    let words: u32 = corpus.documents.iter().map(|d| d.word_count).sum();
    println!(
        "documents {} words {} blocks {} features {} common {} posting-visits {} candidates {} links {} detection-ms {:.1}",
        corpus.documents.len(),
        words,
        s.blocks,
        s.features,
        s.common_features,
        s.posting_visits,
        s.candidate_pairs,
        report.accepted.len(),
        best * 1000.0
    );
}
