//! Writes a synthetic corpus for scale tests: `cargo run --release --example gen_corpus -- DIR N`.
//!
//! Articles are made from varied sentences with people, organisations and places drawn from
//! small lists, dated over two years, a few hundred words each, some with inline HTML.

use std::io::Write;
use std::path::PathBuf;

#[path = "../tests/common/fixture.rs"]
mod fixture;

use fixture::Rng;

const PEOPLE: &[&str] = &[
    "Anna Lindqvist",
    "Siobhan O'Brien",
    "Mehdi Karimi",
    "Jonas Berg",
    "Aoife Murphy",
    "Lars Nilsen",
    "Fatima Haddad",
    "Pierre Dubois",
    "Maria Gonzalez",
    "Kenji Watanabe",
    "Olga Petrova",
    "Ali Hassan",
];
const ORGS: &[&str] = &[
    "Nordic Energy Group",
    "Harbour Workers Union",
    "European Commission",
    "Atlas Capital",
    "Green Party",
    "Coastal Authority",
    "Northwind Analytics",
    "Federation of Farmers",
];
const PLACES: &[&str] = &[
    "Oslo",
    "Dublin",
    "Stockholm",
    "Helsinki",
    "Cork",
    "Bergen",
    "Gothenburg",
    "Galway",
    "Tampere",
];
const SOURCES: &[&str] = &[
    "Nordic Wire",
    "Harbour Times",
    "Daily Ledger",
    "Coast Post",
    "Evening Star",
];
const VERBS: &[&str] = &[
    "criticised",
    "welcomed",
    "questioned",
    "backed",
    "rejected",
    "announced",
];
const OBJECTS: &[&str] = &[
    "the new budget",
    "the harbour plan",
    "the wind farm proposal",
    "the rail strike",
    "the housing reform",
    "the fishing quota",
    "the merger talks",
    "the tax deal",
];

fn sentence(rng: &mut Rng) -> String {
    let (who, org, place, verb, what) = (
        rng.pick(PEOPLE),
        rng.pick(ORGS),
        rng.pick(PLACES),
        rng.pick(VERBS),
        rng.pick(OBJECTS),
    );
    match rng.next_u64() % 4 {
        0 => format!("{who}, a spokesperson for the {org}, {verb} {what} in {place} on Monday."),
        1 => format!("“We will not accept {what},” {who} told reporters in {place}."),
        2 => format!("The {org} {verb} {what}, according to officials in {place}."),
        _ => format!(
            "Critics in <i>{place}</i> said {what} would cost more than planned, {who} said."
        ),
    }
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "corpus".into()));
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    std::fs::create_dir_all(&dir)?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..n {
        let day = rng.next_u64() % 730;
        let date = chrono_like_date(day);
        let path = dir.join(format!("{:06}.txt", i));
        let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
        writeln!(
            f,
            "date {date} {}/ {}",
            rng.pick(SOURCES),
            sentence(&mut rng)
        )?;
        for _ in 0..(3 + rng.next_u64() % 6) {
            writeln!(f)?;
            let para: Vec<String> = (0..(2 + rng.next_u64() % 3))
                .map(|_| sentence(&mut rng))
                .collect();
            writeln!(f, "{}", para.join(" "))?;
        }
    }
    eprintln!("wrote {n} articles to {}", dir.display());
    Ok(())
}

/// `YYYY-MM-DD` for `day` days after 2023-01-01 (months of 28 days keep it simple).
fn chrono_like_date(day: u64) -> String {
    let (year, rest) = (2023 + day / 336, day % 336);
    format!("{year}-{:02}-{:02}", rest / 28 + 1, rest % 28 + 1)
}
