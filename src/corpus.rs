//! The loaded corpus: cleaned articles plus the actor index, and the loading entry point.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use crate::actors::{self, ActorIndex, Mention};
use crate::article::Article;
use crate::clean;
use crate::load::{self, Limits, LoadError, budget::Finished};
use crate::problem::Problem;

/// Everything the reader and the CLI work on.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The articles, in load order (files sorted by path).
    pub articles: Vec<Article>,
    /// Actors of all articles and who mentions whom.
    pub actors: ActorIndex,
}

/// Where the articles of a session come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The sample articles built into the binary.
    Bundled,
    /// Files and folders named by the user.
    Paths(Vec<PathBuf>),
}

impl Origin {
    /// The command line's meaning: no paths reads the bundled samples.
    pub fn from_args(paths: &[PathBuf]) -> Origin {
        if paths.is_empty() {
            Origin::Bundled
        } else {
            Origin::Paths(paths.to_vec())
        }
    }
}

/// Progress of a load, reported after each file.
#[derive(Debug, Clone)]
pub struct LoadProgress {
    pub done: usize,
    pub total: usize,
}

/// A finished load: the corpus and what went wrong on the way.
#[derive(Debug, Clone, Default)]
pub struct LoadOutcome {
    pub corpus: Corpus,
    pub problems: Vec<Problem>,
}

/// What is read for actors around the body: the dateline (`Nairobi, Kenya (Associated
/// Press)`) and the standfirst, which go in front as the page shows them, and a title written
/// as a sentence, which goes after them.
fn leads(a: &Article) -> (Vec<String>, Option<String>) {
    let dek = a.subtitle.as_deref().filter(|s| !s.trim().is_empty());
    // The agency as the dateline wrote it ("AP"), so its spelling is one the text has.
    let dateline = a
        .place
        .as_deref()
        .map(|place| match a.agency.as_ref().or(a.source.as_ref()) {
            Some(agency) => format!("{place} ({agency})"),
            None => place.to_string(),
        });
    let front: Vec<String> = dateline
        .into_iter()
        .chain(dek.map(str::to_string))
        .collect();
    // The title is read last, so its short forms ("Villa beat City") join the full names
    // the body gives; one that only repeats the opening sentence adds nothing.
    let title = a.title.trim();
    let repeated = a
        .paragraphs
        .first()
        .is_some_and(|p| p.trim_start().starts_with(title));
    (front, actors::title_to_read(title).filter(|_| !repeated))
}

/// Puts the [`leads`] around the paragraphs; returns how many went in front and whether the
/// title went at the end.
fn insert_leads(a: &mut Article) -> (usize, bool) {
    let (front, read) = leads(a);
    let n = front.len();
    let tail = read.is_some();
    a.paragraphs.extend(read);
    a.paragraphs.splice(0..0, front);
    (n, tail)
}

/// The text actors are found in: the paragraphs with the dateline, standfirst and title
/// around them, as the corpus reads them (for training and evaluating on the same input).
pub fn actor_text(a: &Article) -> Vec<String> {
    let (mut text, read) = leads(a);
    text.extend(a.paragraphs.iter().cloned());
    text.extend(read);
    text
}

impl Corpus {
    /// Builds a corpus from cleaned articles: finds actors and indexes them.
    pub fn from_articles(mut articles: Vec<Article>) -> Self {
        // A standfirst is read with the body, so its actors count for the article (`@name`
        // finds a report that names someone only there); so is a title (whose "Maurice
        // Cheeks" tells who the body's "Cheeks" is), and an agency dateline, whose
        // place and agency the cleaner took off the first paragraph (`NAIROBI (AP) -`).
        // They go in front for the reading and come out again; their mentions stay in the
        // index but not in the article, whose mentions point into `paragraphs`.
        let leads: Vec<(usize, bool)> = articles.iter_mut().map(insert_leads).collect();
        let paragraphs: Vec<&[String]> = articles.iter().map(|a| a.paragraphs.as_slice()).collect();
        let extraction = actors::extract(&paragraphs);
        let index = ActorIndex::build(&extraction);
        for ((article, mentions), (lead, tail)) in
            articles.iter_mut().zip(extraction.mentions).zip(leads)
        {
            if tail {
                article.paragraphs.pop();
            }
            article.paragraphs.drain(..lead);
            let body = lead..lead + article.paragraphs.len();
            article.mentions = mentions
                .into_iter()
                .filter(|m| body.contains(&m.paragraph))
                .map(|m| Mention {
                    paragraph: m.paragraph - lead,
                    ..m
                })
                .collect();
        }
        Corpus {
            articles,
            actors: index,
        }
    }

    /// The sample articles built into the binary (`seeds/`), cleaned and indexed.
    pub fn bundled() -> LoadOutcome {
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for doc in load::bundled() {
            let (article, found) = clean::clean(doc);
            articles.extend(article);
            problems.extend(found);
        }
        Self::finish(articles, problems)
    }

    /// Loads the articles under `paths` (files and folders); none gives an empty corpus.
    pub fn load(
        paths: &[PathBuf],
        progress: &mut dyn FnMut(LoadProgress),
    ) -> Result<LoadOutcome, LoadError> {
        Self::load_with(paths, &Limits::default(), progress)
    }

    /// Loads the articles under `paths` within `limits`: files over the size cap or over their
    /// time budget are reported and skipped; `-` reads standard input.
    pub fn load_with(
        paths: &[PathBuf],
        limits: &Limits,
        progress: &mut dyn FnMut(LoadProgress),
    ) -> Result<LoadOutcome, LoadError> {
        let (files, mut problems) = load::collect_files(paths)?;
        let total = files.len();
        let files: Arc<[PathBuf]> = files.into();
        // Standard input is read before the clock starts: a slow pipe is not a slow file.
        let stdin = files
            .iter()
            .any(|f| load::is_stdin(f))
            .then(|| Arc::new(load::read_stdin(limits)));
        let mut slots: Vec<Option<(Vec<Article>, Vec<Problem>)>> = vec![None; total];
        let mut done = 0;
        let limits_copy = *limits;
        let jobs = Arc::clone(&files);
        let budget = |i: usize| {
            let size = std::fs::metadata(&files[i]).map_or(0, |m| m.len());
            limits.budget_for(size)
        };
        load::budget::run(
            total,
            loader_threads(),
            &budget,
            move |i, alive| read_and_clean(&jobs[i], &limits_copy, stdin.as_deref(), alive),
            &mut |i, finished| {
                slots[i] = Some(match finished {
                    Finished::Done(found) => found,
                    Finished::OverBudget(limit) => (
                        Vec::new(),
                        vec![Problem::skipped(
                            &files[i],
                            format!(
                                "no progress within its {:.1} s budget; skipped (a pathological file?)",
                                limit.as_secs_f64()
                            ),
                        )],
                    ),
                    Finished::Panicked(payload) => std::panic::resume_unwind(payload),
                });
                done += 1;
                progress(LoadProgress { done, total });
            },
        );
        let mut articles = Vec::new();
        for (found_articles, found_problems) in slots.into_iter().flatten() {
            articles.extend(found_articles);
            problems.extend(found_problems);
        }
        Ok(Self::finish(articles, problems))
    }

    /// Loads what `origin` names: the bundled samples or the given paths.
    pub fn open(
        origin: &Origin,
        progress: &mut dyn FnMut(LoadProgress),
    ) -> Result<LoadOutcome, LoadError> {
        Self::open_with(origin, &Limits::default(), progress)
    }

    /// Loads what `origin` names within `limits` (the bundled samples need none).
    pub fn open_with(
        origin: &Origin,
        limits: &Limits,
        progress: &mut dyn FnMut(LoadProgress),
    ) -> Result<LoadOutcome, LoadError> {
        match origin {
            Origin::Bundled => Ok(Self::bundled()),
            Origin::Paths(paths) => Self::load_with(paths, limits, progress),
        }
    }

    fn finish(mut articles: Vec<Article>, mut problems: Vec<Problem>) -> LoadOutcome {
        problems.extend(dedupe_ids(&mut articles));
        LoadOutcome {
            corpus: Corpus::from_articles(articles),
            problems,
        }
    }

    /// The article with this id, or the only one whose id starts with it.
    pub fn find(&self, id: &str) -> Result<usize, FindError> {
        if let Some(i) = self.articles.iter().position(|a| a.id == id) {
            return Ok(i);
        }
        let matches: Vec<usize> = (0..self.articles.len())
            .filter(|&i| self.articles[i].id.starts_with(id))
            .collect();
        match matches.as_slice() {
            [i] => Ok(*i),
            [] => Err(FindError::NotFound(id.to_string())),
            many => Err(FindError::Ambiguous(
                id.to_string(),
                many.iter().map(|&i| self.articles[i].id.clone()).collect(),
            )),
        }
    }

    /// Canonical names of the actors of an article, most mentioned first.
    pub fn actor_names(&self, article: usize) -> Vec<&str> {
        let mut counts = self.actors.actors_of(article).to_vec();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
            .iter()
            .map(|&(id, _)| self.actors.actors()[id].name.as_str())
            .collect()
    }
}

/// Ids an ambiguous prefix lists before it says how many more there are.
const SHOWN_IDS: usize = 8;

/// Why `Corpus::find` found no single article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindError {
    NotFound(String),
    Ambiguous(String, Vec<String>),
}

impl fmt::Display for FindError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FindError::NotFound(id) => write!(f, "no article with id {id:?} (see `dossier list`)"),
            // A prefix of every id would list them all: a few say what is meant.
            FindError::Ambiguous(id, ids) if ids.len() > SHOWN_IDS => write!(
                f,
                "{id:?} matches {} articles: {}, ... (a longer prefix picks one)",
                ids.len(),
                ids[..SHOWN_IDS].join(", ")
            ),
            FindError::Ambiguous(id, ids) => {
                write!(f, "{id:?} matches several articles: {}", ids.join(", "))
            }
        }
    }
}

impl std::error::Error for FindError {}

/// Makes ids unique (`id~2`, `id~3`...) when files in different folders share a stem, in
/// linear time, with one message per shared id (not one per file: a folder of saved pages
/// can hold thousands of `index.html`).
fn dedupe_ids(articles: &mut [Article]) -> Vec<Problem> {
    let mut taken: std::collections::HashSet<String> =
        articles.iter().map(|a| a.id.clone()).collect();
    // Per id: how many articles had it, the next suffix to try, and the first renamed path.
    let mut seen: HashMap<String, (usize, usize, String)> = HashMap::new();
    let mut order = Vec::new();
    for a in articles.iter_mut() {
        let entry = seen.entry(a.id.clone()).or_insert_with(|| {
            order.push(a.id.clone());
            (0, 2, String::new())
        });
        entry.0 += 1;
        if entry.0 == 1 {
            continue;
        }
        // Suffixes only go up, so each id's suffixes are tried once: linear overall.
        let new = loop {
            let candidate = format!("{}~{}", a.id, entry.1);
            entry.1 += 1;
            if taken.insert(candidate.clone()) {
                break candidate;
            }
        };
        if entry.2.is_empty() {
            entry.2 = a.path.clone();
        }
        a.id = new;
    }
    order
        .into_iter()
        .filter_map(|id| {
            let (count, _, path) = seen.remove(&id)?;
            (count > 1).then(|| {
                Problem::warning(
                    path,
                    format!("id {id} is shared by {count} articles; the others are {id}~2 and on"),
                )
            })
        })
        .collect()
}

/// Worker threads for reading and cleaning: one per core, and at least four, because the
/// budget is wall-clock time: a few pathological files overrunning side by side should not
/// hold every good file up.
fn loader_threads() -> usize {
    std::thread::available_parallelism().map_or(4, |n| usize::from(n).max(4))
}

/// One file to its clean articles and its problems; each document is cleaned as soon as it
/// is read, so a collection never holds all its raw records at once, and each cleaned record
/// renews the file's time budget (`alive`).
fn read_and_clean(
    path: &Path,
    limits: &Limits,
    stdin: Option<&Result<Vec<u8>, load::Refusal>>,
    alive: &dyn Fn(),
) -> (Vec<Article>, Vec<Problem>) {
    let mut articles = Vec::new();
    let mut cleaning = Vec::new();
    let mut emit = |doc| {
        let (article, found) = clean::clean(doc);
        articles.extend(article);
        cleaning.extend(found);
        alive();
    };
    let mut problems = match stdin {
        Some(read) if load::is_stdin(path) => load::stdin_docs(read, &mut emit),
        _ => load::read_file(path, limits, &mut emit),
    };
    problems.extend(cleaning);
    (articles, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str) -> Article {
        Article {
            id: id.into(),
            path: format!("{id}.txt"),
            ..Article::default()
        }
    }

    #[test]
    fn duplicate_ids_get_a_suffix_and_a_warning() {
        let mut articles = vec![article("a"), article("b"), article("a"), article("a")];
        let problems = dedupe_ids(&mut articles);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "a~2", "a~3"]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].reason.contains("shared by 3 articles"));
    }

    #[test]
    fn suffixes_never_collide_with_real_ids() {
        let mut articles = vec![article("a"), article("a~2"), article("a")];
        dedupe_ids(&mut articles);
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "a~2", "a~3"]);
    }

    #[test]
    fn twenty_thousand_files_with_one_stem_dedupe_fast() {
        let mut articles: Vec<Article> = (0..20_000).map(|_| article("index")).collect();
        let start = std::time::Instant::now();
        let problems = dedupe_ids(&mut articles);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(articles[19_999].id, "index~20000");
    }

    #[test]
    fn find_by_exact_id_or_unique_prefix() {
        let corpus = Corpus {
            articles: vec![article("001_x"), article("002_y"), article("002_z")],
            ..Corpus::default()
        };
        assert_eq!(corpus.find("001"), Ok(0));
        assert_eq!(corpus.find("002_z"), Ok(2));
        assert!(matches!(corpus.find("002"), Err(FindError::Ambiguous(_, ids)) if ids.len() == 2));
        assert!(matches!(corpus.find("9"), Err(FindError::NotFound(_))));
    }

    #[test]
    fn an_ambiguous_prefix_of_many_ids_names_a_few() {
        let ids: Vec<String> = (0..200).map(|i| format!("feed-{i}")).collect();
        let message = FindError::Ambiguous("feed-".into(), ids).to_string();
        assert!(message.starts_with("\"feed-\" matches 200 articles: feed-0, feed-1,"));
        assert!(!message.contains("feed-8,"), "{message}");
        assert!(message.len() < 140, "{message}");
    }

    /// The article kept its one body paragraph, and every mention points into it.
    fn assert_one_paragraph_body(a: &Article) {
        assert_eq!(a.paragraphs.len(), 1);
        assert!(
            a.mentions
                .iter()
                .all(|m| m.paragraph == 0 && m.end <= a.paragraphs[0].len())
        );
    }

    #[test]
    fn a_name_only_in_the_standfirst_still_finds_the_article() {
        let corpus = Corpus::from_articles(vec![Article {
            id: "dek".into(),
            title: "Harbour strike enters its second week".into(),
            subtitle: Some("Union leader Kari Lunde said the dockers would not back down.".into()),
            paragraphs: vec!["The strike at the container terminal continued on Monday.".into()],
            ..Article::default()
        }]);
        let lunde = corpus
            .actors
            .actors()
            .iter()
            .position(|a| a.name.contains("Lunde"))
            .expect("the standfirst's person is an actor");
        assert_eq!(corpus.actors.articles_of(lunde), [0]);
        // Mentions still point into the body, which is unchanged.
        assert_one_paragraph_body(&corpus.articles[0]);
    }

    #[test]
    fn an_agency_dateline_names_its_place_and_agency() {
        let corpus = Corpus::from_articles(vec![Article {
            id: "wire".into(),
            title: "Dockers walk out".into(),
            source: Some("Associated Press".into()),
            place: Some("Nairobi, Kenya".into()),
            subtitle: Some("Union leader Kari Lunde said the dockers would not back down.".into()),
            paragraphs: vec!["The strike at the container terminal began on Monday.".into()],
            ..Article::default()
        }]);
        let names: Vec<&str> = corpus
            .actors
            .actors()
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        for want in ["Nairobi", "Kenya", "Associated Press", "Kari Lunde"] {
            assert!(names.contains(&want), "{want} in {names:?}");
        }
        // Neither lead stays in the body, and mentions point into what does.
        assert_one_paragraph_body(&corpus.articles[0]);
    }

    #[test]
    fn a_dateline_agency_keeps_the_spelling_the_text_has() {
        let corpus = Corpus::from_articles(vec![Article {
            id: "wire".into(),
            title: "Dockers walk out".into(),
            source: Some("Associated Press".into()),
            agency: Some("AP".into()),
            place: Some("Nairobi, Kenya".into()),
            paragraphs: vec!["The strike at the container terminal began on Monday.".into()],
            ..Article::default()
        }]);
        let ap = corpus
            .actors
            .actors()
            .iter()
            .find(|a| a.name == "Associated Press");
        assert!(ap.is_some_and(|a| a.aliases.iter().any(|s| s == "AP")));
    }
}
