//! The command line: the reader by default, and `list`, `show`, `entities` for scripts.

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use crate::corpus::{Corpus, LoadOutcome, Origin};
use crate::load::Limits;
use crate::sanitize;

const AFTER_HELP: &str = "\
Examples:
  dossier                      read the bundled sample articles
  dossier ~/news/iraq          read every article under a folder
  dossier list --json a.jsonl  the articles as a JSON array
  dossier stories              the reports grouped by event
  dossier show 004_67bd2be4dfef0818 --width 72
  curl -s URL | dossier list -  read articles from standard input (not from a terminal)";

/// A terminal reader for following a news story across many reports.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, after_help = AFTER_HELP, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Files or folders of articles (.txt, .md, .html, .json, .jsonl); none: the bundled seeds.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub limits: LimitArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What one input file may cost (every subcommand and the reader take these).
#[derive(Debug, Clone, Copy, Args)]
pub struct LimitArgs {
    /// Skip files bigger than this many megabytes (standard input too).
    #[arg(long, global = true, value_name = "MB", default_value_t = 64,
          value_parser = clap::value_parser!(u64).range(1..=1 << 20))]
    pub max_file_size: u64,
    /// Skip a file still being read and cleaned after this many seconds (plus 1/4 s per MB).
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 2,
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub file_timeout: u64,
}

impl LimitArgs {
    /// The library's limits these options ask for.
    pub fn limits(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_size << 20,
            file_budget: Duration::from_secs(self.file_timeout),
            ..Limits::default()
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// One line per article: date, source, title.
    #[command(
        after_help = "Examples:\n  dossier list\n  dossier list ~/news --json | jq '.[].title'\n  dossier list -f '@lunde after:2024-08-01'"
    )]
    List {
        /// Files or folders of articles; none: the bundled seeds.
        paths: Vec<PathBuf>,
        /// Print a JSON array of articles (without paragraphs).
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filter: FilterArg,
    },
    /// One cleaned article: title, meta line, paragraphs, references.
    #[command(
        after_help = "Examples:\n  dossier show 002_b8d1cead073e2557\n  dossier show feed-3 feed.jsonl --json"
    )]
    Show {
        /// The article id as `dossier list` prints it, or a unique prefix of it.
        id: OsString,
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
    #[command(
        after_help = "Examples:\n  dossier entities\n  dossier entities ~/news --json\n  dossier entities -f 'source:reuters'"
    )]
    Entities {
        /// Files or folders of articles; none: the bundled seeds.
        paths: Vec<PathBuf>,
        /// Print a JSON array of {name, kind, aliases, mentions, articles}.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filter: FilterArg,
    },
}

/// The reader's filter, for scripts.
#[derive(Debug, Clone, Args)]
pub struct FilterArg {
    /// Only the articles this filter keeps, written as in the reader's `/` line:
    /// `@actor`, `source:`, `date:`, `after:`, `before:`, `-word`, "phrases", words.
    #[arg(long, short = 'f', value_name = "FILTER", allow_hyphen_values = true)]
    pub filter: Option<String>,
}

/// Parses the command line and runs it; the process exit code.
pub fn main() -> ExitCode {
    install_safe_panic_message();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return argument_error(&e),
    };
    let limits = cli.limits.limits();
    let result = match cli.command {
        None => read(&cli.paths, &limits),
        Some(Command::List {
            paths,
            json,
            filter,
        }) => list(&paths, &limits, json, filter.filter.as_deref()),
        Some(Command::Show {
            id,
            paths,
            json,
            width,
        }) => show(&id, &paths, &limits, json, width as usize),
        Some(Command::Entities {
            paths,
            json,
            filter,
        }) => entities(&paths, &limits, json, filter.filter.as_deref()),
        Some(Command::Stories { paths, json }) => stories(&paths, &limits, json),
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

/// Prints a command-line error: clap echoes the offending argument, so what it says goes
/// through the sanitiser (help and version, which echo nothing, print as clap prints them).
fn argument_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let text = e.render().to_string();
    eprint!("{}", sanitize::multi_line(&text));
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// Panic messages can quote input (an id, a path): they go through the sanitiser too.
fn install_safe_panic_message() {
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "dossier: internal error: {}",
            sanitize::one_line(&info.to_string())
        );
        let trace = std::backtrace::Backtrace::capture();
        if trace.status() == std::backtrace::BacktraceStatus::Captured {
            eprintln!("{trace}");
        }
    }));
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
fn read(paths: &[PathBuf], limits: &Limits) -> anyhow::Result<()> {
    // Bad paths fail before the screen is taken over, with the CLI's exit code.
    crate::load::check_paths(paths)?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return list(paths, limits, false, None);
    }
    crate::tui::run(Origin::from_args(paths), *limits)
}

/// Loads the corpus, printing one stderr line per problem.
pub fn load_reporting(paths: &[PathBuf], limits: &Limits) -> anyhow::Result<Corpus> {
    // `-` on a terminal fails here, before anything waits for typing.
    crate::load::check_paths(paths)?;
    let LoadOutcome { corpus, problems } =
        Corpus::open_with(&Origin::from_args(paths), limits, &mut |_| {})?;
    let mut err = std::io::stderr().lock();
    for p in &problems {
        let _ = writeln!(err, "dossier: {p}");
    }
    // Standard input is read whatever its name: the list of file types means nothing there.
    let stdin_only = !paths.is_empty() && paths.iter().all(|p| p.as_os_str() == "-");
    if corpus.articles.is_empty() && stdin_only {
        let _ = writeln!(err, "dossier: standard input held no article");
    } else if corpus.articles.is_empty() {
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

/// The articles a `--filter` keeps (all without one), ascending.
fn selected(corpus: &Corpus, filter: Option<&str>) -> anyhow::Result<Vec<usize>> {
    let Some(line) = filter else {
        return Ok((0..corpus.articles.len()).collect());
    };
    crate::query::select(corpus, line)
        .map_err(|errors| {
            let reasons: Vec<String> = errors
                .iter()
                .map(|e| {
                    let term = line.get(e.span.clone()).unwrap_or("");
                    format!("`{}`: {}", sanitize::one_line(term), e.reason)
                })
                .collect();
            anyhow::anyhow!("the filter has terms it cannot use: {}", reasons.join("; "))
        })
        .inspect(|kept| {
            if kept.is_empty() && !corpus.articles.is_empty() {
                let _ = writeln!(std::io::stderr(), "dossier: no article matches the filter");
            }
        })
}

/// `dossier list`.
pub fn list(
    paths: &[PathBuf],
    limits: &Limits,
    json: bool,
    filter: Option<&str>,
) -> anyhow::Result<()> {
    let corpus = load_reporting(paths, limits)?;
    let only = selected(&corpus, filter)?;
    if json {
        let stories = crate::stories::group(&corpus);
        let rows: Vec<_> = only
            .iter()
            .map(|&i| crate::report::ListEntry::new(&corpus, &stories, i))
            .collect();
        return print_json(&rows);
    }
    let mut out = std::io::stdout().lock();
    out.write_all(crate::report::list_text(&corpus, &only).as_bytes())?;
    Ok(())
}

/// `dossier show`.
pub fn show(
    id: &OsString,
    paths: &[PathBuf],
    limits: &Limits,
    json: bool,
    width: usize,
) -> anyhow::Result<()> {
    let corpus = load_reporting(paths, limits)?;
    // Read the way file names become ids, so a hostile name typed back finds its article.
    let i = corpus.find(&crate::load::id_for(id))?;
    if json {
        return print_json(&crate::report::ShowEntry::new(&corpus, i));
    }
    let mut out = std::io::stdout().lock();
    out.write_all(crate::report::show_text(&corpus, i, width).as_bytes())?;
    Ok(())
}

/// `dossier entities`.
pub fn entities(
    paths: &[PathBuf],
    limits: &Limits,
    json: bool,
    filter: Option<&str>,
) -> anyhow::Result<()> {
    let corpus = load_reporting(paths, limits)?;
    let only = selected(&corpus, filter)?;
    let rows = crate::report::entity_rows(&corpus, &only);
    if json {
        return print_json(&rows);
    }
    let mut out = std::io::stdout().lock();
    out.write_all(crate::report::entities_text(&rows).as_bytes())?;
    Ok(())
}

/// `dossier stories`.
pub fn stories(paths: &[PathBuf], limits: &Limits, json: bool) -> anyhow::Result<()> {
    let corpus = load_reporting(paths, limits)?;
    let stories = crate::stories::group(&corpus);
    if json {
        return print_json(&crate::report::story_entries(&corpus, &stories));
    }
    let mut out = std::io::stdout().lock();
    out.write_all(crate::report::stories_text(&corpus, &stories).as_bytes())?;
    Ok(())
}
