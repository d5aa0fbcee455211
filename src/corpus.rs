//! The loaded corpus: cleaned articles plus the actor index, and the loading entry point.

use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::actors::{self, ActorIndex, Mention};
use crate::article::Article;
use crate::clean;
use crate::load::{self, LoadError};
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

impl Corpus {
    /// Builds a corpus from cleaned articles: finds actors and indexes them.
    pub fn from_articles(mut articles: Vec<Article>) -> Self {
        // A standfirst is read with the body, so its actors count for the article (`@name`
        // finds a report that names someone only there). It goes in front for the reading
        // and comes out again; its mentions stay in the index but not in the article, whose
        // mentions point into `paragraphs`.
        let with_dek: Vec<bool> = articles
            .iter_mut()
            .map(
                |a| match a.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
                    Some(dek) => {
                        let dek = dek.to_string();
                        a.paragraphs.insert(0, dek);
                        true
                    }
                    None => false,
                },
            )
            .collect();
        let paragraphs: Vec<&[String]> = articles.iter().map(|a| a.paragraphs.as_slice()).collect();
        let extraction = actors::extract(&paragraphs);
        let index = ActorIndex::build(&extraction);
        for ((article, mentions), dek) in articles.iter_mut().zip(extraction.mentions).zip(with_dek)
        {
            article.mentions = if dek {
                article.paragraphs.remove(0);
                mentions
                    .into_iter()
                    .filter(|m| m.paragraph > 0)
                    .map(|m| Mention {
                        paragraph: m.paragraph - 1,
                        ..m
                    })
                    .collect()
            } else {
                mentions
            };
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
        let mut articles = Vec::new();
        let (files, mut problems) = load::collect_files(paths)?;
        let total = files.len();
        // Files are read and cleaned in parallel, in chunks so progress can be reported.
        for (n, chunk) in files.chunks(LOAD_CHUNK).enumerate() {
            let results: Vec<_> = chunk.par_iter().map(|path| read_and_clean(path)).collect();
            for (found_articles, found_problems) in results {
                articles.extend(found_articles);
                problems.extend(found_problems);
            }
            let done = (n * LOAD_CHUNK + chunk.len()).min(total);
            progress(LoadProgress { done, total });
        }
        Ok(Self::finish(articles, problems))
    }

    /// Loads what `origin` names: the bundled samples or the given paths.
    pub fn open(
        origin: &Origin,
        progress: &mut dyn FnMut(LoadProgress),
    ) -> Result<LoadOutcome, LoadError> {
        match origin {
            Origin::Bundled => Ok(Self::bundled()),
            Origin::Paths(paths) => Self::load(paths, progress),
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
            FindError::Ambiguous(id, ids) => {
                write!(f, "{id:?} matches several articles: {}", ids.join(", "))
            }
        }
    }
}

impl std::error::Error for FindError {}

/// Makes ids unique (`id~2`, `id~3`...) when files in different folders share a stem.
fn dedupe_ids(articles: &mut [Article]) -> Vec<Problem> {
    let mut seen = std::collections::HashSet::new();
    let mut problems = Vec::new();
    for a in articles.iter_mut() {
        if seen.insert(a.id.clone()) {
            continue;
        }
        let mut n = 2;
        while seen.contains(&format!("{}~{n}", a.id)) {
            n += 1;
        }
        let new = format!("{}~{n}", a.id);
        problems.push(Problem::warning(
            &a.path,
            format!("id {} already used; this one is {new}", a.id),
        ));
        seen.insert(new.clone());
        a.id = new;
    }
    problems
}

/// Files handed to the worker threads between two progress reports.
const LOAD_CHUNK: usize = 64;

/// One file to its clean articles and its problems.
fn read_and_clean(path: &Path) -> (Vec<Article>, Vec<Problem>) {
    let (docs, mut problems) = load::read_file(path);
    let mut articles = Vec::with_capacity(docs.len());
    for doc in docs {
        let (article, found) = clean::clean(doc);
        articles.extend(article);
        problems.extend(found);
    }
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
        assert_eq!(problems.len(), 2);
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
        let a = &corpus.articles[0];
        assert_eq!(a.paragraphs.len(), 1);
        assert!(
            a.mentions
                .iter()
                .all(|m| m.paragraph == 0 && m.end <= a.paragraphs[0].len())
        );
    }
}
