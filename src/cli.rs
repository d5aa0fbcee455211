//! The command line: the reader by default, and `list`, `show`, `entities` for scripts.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;

use crate::corpus::{Corpus, LoadOutcome, Origin};
use crate::sanitize;

const AFTER_HELP: &str = "\
Examples:
  dossier                      read the bundled sample articles
  dossier ~/news/iraq          read every article under a folder
  dossier list --json a.jsonl  the articles as a JSON array
  dossier stories              the reports grouped by event
  dossier show 004_67bd2be4dfef0818 --width 72";

/// A terminal reader for following a news story across many reports.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, after_help = AFTER_HELP, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Files or folders of articles (.txt, .md, .html, .json, .jsonl); none: the bundled seeds.
    pub paths: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per article: date, source, title.
    #[command(
        after_help = "Examples:\n  dossier list\n  dossier list ~/news --json | jq '.[].title'"
    )]
    List {
        /// Files or folders of articles; none: the bundled seeds.
        paths: Vec<PathBuf>,
        /// Print a JSON array of articles (without paragraphs).
        #[arg(long)]
        json: bool,
    },
    /// One cleaned article: title, meta line, paragraphs, references.
    #[command(
        after_help = "Examples:\n  dossier show 002_b8d1cead073e2557\n  dossier show feed-3 feed.jsonl --json"
    )]
    Show {
        /// The article id as `dossier list` prints it, or a unique prefix of it.
        id: String,
        /// Files or folders of articles; none: the bundled seeds.
        paths: Vec<PathBuf>,
        /// Print the article as JSON, with actor mentions.
        #[arg(long)]
        json: bool,
        /// Wrap text at this many columns.
        #[arg(long, default_value_t = 80, value_parser = clap::value_parser!(u16).range(20..))]
        width: u16,
    },
    /// The stories (events) of the corpus: reports of one event grouped, largest first.
    #[command(after_help = "Examples:\n  dossier stories\n  dossier stories ~/news --json")]
    Stories {
        /// Files or folders of articles; none: the bundled seeds.
        paths: Vec<PathBuf>,
        /// Print a JSON array of {id, label, articles, sources, first, last, actors}.
        #[arg(long)]
        json: bool,
    },
    /// The actors of the corpus, by number of articles then mentions.
    #[command(after_help = "Examples:\n  dossier entities\n  dossier entities ~/news --json")]
    Entities {
        /// Files or folders of articles; none: the bundled seeds.
        paths: Vec<PathBuf>,
        /// Print a JSON array of {name, kind, aliases, mentions, articles}.
        #[arg(long)]
        json: bool,
    },
}

/// Parses the command line and runs it; the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => read(&cli.paths),
        Some(Command::List { paths, json }) => list(&paths, json),
        Some(Command::Show {
            id,
            paths,
            json,
            width,
        }) => show(&id, &paths, json, width as usize),
        Some(Command::Entities { paths, json }) => entities(&paths, json),
        Some(Command::Stories { paths, json }) => stories(&paths, json),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // The reader of our output went away (`dossier list | head`): not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let code = if e.downcast_ref::<crate::load::LoadError>().is_some() {
                2
            } else {
                1
            };
            eprintln!("dossier: {}", sanitize::one_line(&format!("{e:#}")));
            ExitCode::from(code)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// The reader on a terminal; piped, the article list (what a script wants from `dossier`).
fn read(paths: &[PathBuf]) -> anyhow::Result<()> {
    // Bad paths fail before the screen is taken over, with the CLI's exit code.
    crate::load::check_paths(paths)?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return list(paths, false);
    }
    crate::tui::run(Origin::from_args(paths))
}

/// Loads the corpus, printing one stderr line per problem.
pub fn load_reporting(paths: &[PathBuf]) -> anyhow::Result<Corpus> {
    let LoadOutcome { corpus, problems } = Corpus::open(&Origin::from_args(paths), &mut |_| {})?;
    let mut err = std::io::stderr().lock();
    for p in &problems {
        let _ = writeln!(err, "dossier: {p}");
    }
    if corpus.articles.is_empty() {
        let _ = writeln!(
            err,
            "dossier: no articles found (reads .txt .md .html .htm .json .jsonl)"
        );
    }
    Ok(corpus)
}

fn print_json<T: Serialize>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

/// `dossier list`.
pub fn list(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let corpus = load_reporting(paths)?;
    if json {
        let stories = crate::stories::group(&corpus);
        let rows: Vec<_> = (0..corpus.articles.len())
            .map(|i| crate::report::ListEntry::new(&corpus, &stories, i))
            .collect();
        return print_json(&rows);
    }
    let mut out = std::io::stdout().lock();
    out.write_all(crate::report::list_text(&corpus).as_bytes())?;
    Ok(())
}

/// `dossier show`.
pub fn show(id: &str, paths: &[PathBuf], json: bool, width: usize) -> anyhow::Result<()> {
    let corpus = load_reporting(paths)?;
    let i = corpus.find(id)?;
    if json {
        return print_json(&crate::report::ShowEntry::new(&corpus, i));
    }
    let mut out = std::io::stdout().lock();
    out.write_all(crate::report::show_text(&corpus, i, width).as_bytes())?;
    Ok(())
}

/// `dossier entities`.
pub fn entities(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let corpus = load_reporting(paths)?;
    let rows = crate::report::entity_rows(&corpus);
    if json {
        return print_json(&rows);
    }
    let mut out = std::io::stdout().lock();
    out.write_all(crate::report::entities_text(&rows).as_bytes())?;
    Ok(())
}

/// `dossier stories`.
pub fn stories(paths: &[PathBuf], json: bool) -> anyhow::Result<()> {
    let corpus = load_reporting(paths)?;
    let stories = crate::stories::group(&corpus);
    if json {
        return print_json(&crate::report::story_entries(&corpus, &stories));
    }
    let mut out = std::io::stdout().lock();
    out.write_all(crate::report::stories_text(&corpus, &stories).as_bytes())?;
    Ok(())
}
