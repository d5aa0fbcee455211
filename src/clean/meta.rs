//! Article metadata found in the text itself: a leading `date` line, datelines, date formats.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate};
use regex::Regex;

use super::rules::RULES;

/// What a leading `date ...` marker said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateMark {
    Valid(NaiveDate),
    /// The marker held something that is not a real date (the text is kept for the warning).
    Invalid(String),
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\A\s*date\s*:?\s+(\d{4}-\d{1,2}-\d{1,2})\b[ \t]*").expect("static regex")
});

/// Takes a leading `date YYYY-MM-DD` (possibly sharing its line with the first sentence).
pub fn take_date_line(text: &str) -> (Option<DateMark>, &str) {
    match DATE_LINE.captures(text) {
        Some(c) => {
            let raw = &c[1];
            let mark = match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
                Ok(d) => DateMark::Valid(d),
                Err(_) => DateMark::Invalid(raw.to_string()),
            };
            let rest_at = c.get(0).map_or(0, |m| m.end());
            (Some(mark), &text[rest_at..])
        }
        None => (None, text),
    }
}

/// Parses the date formats feeds and pages use; `None` if it is not a real date.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    // ISO dates with a time or zone in any form: the date part decides.
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|\b)").expect("static regex")
    });
    // ISO 8601's basic form (`20180619T055000+0900`) and East Asian dates (`2018年6月19日`).
    static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\d{4})(\d{2})(\d{2})T\d{2}|^(\d{4})年(\d{1,2})月(\d{1,2})日")
            .expect("static regex")
    });
    if let Some(c) = ISO.captures(s).or_else(|| COMPACT.captures(s)) {
        let mut nums = c
            .iter()
            .skip(1)
            .flatten()
            .map(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = (nums.next()??, nums.next()??, nums.next()??);
        return NaiveDate::from_ymd_opt(y as i32, m, d);
    }
    let cleaned = s.replace(',', " ").replace("  ", " ");
    let cleaned = cleaned.trim();
    const WORD_MONTH: &[&str] = &[
        "%d %B %Y",
        "%B %d %Y",
        "%d %b %Y",
        "%b %d %Y",
        "%A %d %B %Y",
        "%A %B %d %Y",
    ];
    const FIGURES: &[&str] = &[
        "%d.%m.%Y", "%d/%m/%Y",
        // American order, only where the day-first reading is impossible ("12/20/2016").
        "%m/%d/%Y",
    ];
    // A year of two digits is no year of the Christian era ("12/20/16" is not 0016).
    let read = |s: &str, formats: &[&str]| {
        formats
            .iter()
            .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
            .filter(|d| d.year() >= 1800)
    };
    // A time of day after the date: "December 22, 2016, 2:47 PM", "05/29/2007 09:49:00".
    // Figures alone then count only in the one order that makes a date ("05/03/2007 09:49"
    // is May or March as the site pleases).
    static TIME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(.*?\b(?:19|20)\d{2})\s+(?i:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?i:[ap]\.?m\.?)?\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2})?$",
        )
        .expect("static regex")
    });
    read(cleaned, WORD_MONTH)
        .or_else(|| read(cleaned, FIGURES))
        .or_else(|| words_date(cleaned))
        .or_else(|| {
            let date = TIME_TAIL.captures(cleaned)?.get(1)?.as_str();
            read(date, WORD_MONTH)
                .or_else(|| words_date(date))
                .or_else(
                    || match (read(date, &["%d/%m/%Y"]), read(date, &["%m/%d/%Y"])) {
                        (Some(d), None) | (None, Some(d)) => Some(d),
                        _ => None,
                    },
                )
        })
}

/// A date with its month in words of any language: "27 juin 2019", "Sa 13. Juli 2019",
/// "27 de junio de 2019", "1er mai 2019" (a weekday may lead), "czerwca 5 2019".
fn words_date(s: &str) -> Option<NaiveDate> {
    static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\p{L}+\.?,?\s+)?(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:del?\s+)?(\d{4})$")
            .expect("static regex")
    });
    static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\p{L}+\.?,?\s+)?(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
            .expect("static regex")
    });
    let (day, month, year, day_first) = if let Some(c) = DAY_FIRST.captures(s) {
        (c.get(1)?, c.get(2)?, c.get(3)?, true)
    } else {
        let c = MONTH_FIRST.captures(s)?;
        (c.get(2)?, c.get(1)?, c.get(3)?, false)
    };
    // A shortened name that is an English word counts after the day and in lower case, as
    // Italian and Portuguese write it ("3 gen 2020"), never capitalised ("iPhone 11 Pro 2019").
    let written = month.as_str();
    let lower = written.to_lowercase();
    let month = any_month(&lower, day_first && written == lower)?;
    let year: i32 = year.as_str().parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day.as_str().parse().ok()?).filter(|_| year >= 1800)
}

/// Month names of the world's official languages (Unicode CLDR; see assets/dates/generate.py).
/// Each name's month, and whether it is read only after the day and in lower case (a
/// shortened name that is an English word: "7 out 2019" but not "Surface Pro 7 2019").
static WORLD_MONTHS: LazyLock<HashMap<&'static str, (u32, bool)>> = LazyLock::new(|| {
    include_str!("../../assets/dates/months.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let name = cols.next()?;
            let number = cols.next()?.trim().parse().ok()?;
            Some((name, (number, cols.next() == Some("day"))))
        })
        .collect()
});

/// Weekday names of the world's official languages (Unicode CLDR; see assets/dates/generate.py).
static WORLD_WEEKDAYS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../assets/dates/weekdays.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// A weekday named in any language, in lower case ("lundi", "Donnerstag"), or in English
/// shortened ("thurs").
pub(crate) fn any_weekday(w: &str) -> bool {
    weekday(w) || WORLD_WEEKDAYS.contains(w)
}

/// The number of a month named in any language, in lower case (English may be shortened);
/// `lower_after_day` when the text wrote it in lower case after the day.
fn any_month(w: &str, lower_after_day: bool) -> Option<u32> {
    month_number(w).or_else(|| {
        let &(number, day_only) = WORLD_MONTHS.get(w)?;
        (lower_after_day || !day_only).then_some(number)
    })
}

/// A line that only dates the article: `Published 2024-03-05`, `March 5, 2024`, or a
/// byline ending in its date (`By Jane Roe, Metro Gazette — 2024-03-05`).
static DATE_PARAGRAPH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\A(?:(?:first published|published|posted|updated|date)\s*:?\s*(?:on\s+)?|(by\s.{2,80}?)\s*[—–|-]\s*)?([\w ,./-]{6,40}?)\.?\z",
    )
    .expect("static regex")
});

/// The date a short paragraph gives the article, and what is left of the paragraph (a
/// byline before the date), if the paragraph is only a date line.
pub fn date_paragraph(paragraph: &str) -> Option<(NaiveDate, Option<String>)> {
    if paragraph.len() > 160 {
        return None;
    }
    let c = DATE_PARAGRAPH.captures(paragraph.trim())?;
    // The date must be all of it: `2024-03-05 Ferry timetable update` is a headline.
    static ISO_ONLY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$").expect("static regex"));
    let raw = c[2].trim();
    let iso_like = raw.len() > 4
        && raw.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && matches!(raw.as_bytes()[4], b'-' | b'/' | b'.');
    if iso_like && !ISO_ONLY.is_match(raw) {
        return None;
    }
    let date = parse_date(raw)?;
    Some((date, c.get(1).map(|b| b.as_str().trim().to_string())))
}

/// The date a blog's post line gives at the end of a short paragraph ("On behalf of Roe & Co.
/// posted in Accidents on Friday, September 20,2013."), and the words before it. A weekday
/// is required: "The bill was published on March 5, 2024." is news, not a stamp.
pub fn posted_date(paragraph: &str) -> Option<(NaiveDate, String)> {
    static POSTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:^|\s)(?:posted|published|updated)\b[^.!?]{0,80}?\bon\s+([a-z]{3,9}\.?,?\s+[\w ,./]{6,30}?)\.?\s*\z")
            .expect("static regex")
    });
    if paragraph.len() > 160 {
        return None;
    }
    let c = POSTED.captures(paragraph.trim())?;
    let stamp = c.get(1)?;
    let first = stamp.as_str().split([' ', ',', '.']).next()?.to_lowercase();
    if !weekday(&first) {
        return None;
    }
    let date = stamp_date(stamp.as_str())?;
    let start = c.get(0)?.start();
    let before = paragraph.trim()[..start].trim();
    // What comes before is a byline ("By ...", "On behalf of ..."), or nothing: "The guidance
    // was last updated on Monday, March 4, 2024." is a sentence of the story.
    let lower = before.to_lowercase();
    let byline =
        before.is_empty() || lower.starts_with("by ") || lower.starts_with("on behalf of ");
    byline.then(|| (date, before.to_string()))
}

/// A stamp line that opens with the place it was filed from, and may end with the agency
/// (`Washington D. C., Jul 13,2009 / 02:00 pm (CNA)`): its date.
pub fn placed_stamp(paragraph: &str) -> Option<NaiveDate> {
    let line = paragraph.trim();
    if line.len() > 90 {
        return None;
    }
    // The agency in brackets at the end.
    let line = match line.strip_suffix(')').and_then(|l| l.rsplit_once('(')) {
        Some((head, agency))
            if agency.len() <= 20 && agency.chars().all(|c| c.is_alphanumeric() || c == ' ') =>
        {
            head.trim_end()
        }
        _ => line,
    };
    let (place, stamp) = line.split_once(", ")?;
    let words: Vec<&str> = place.split_whitespace().collect();
    let placed = (1..=4).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !words
            .iter()
            .any(|w| month_or_day(&w.trim_end_matches('.').to_lowercase()));
    (placed && is_timestamp(stamp))
        .then(|| stamp_date(stamp))
        .flatten()
}

/// A stamp line that ends in the dateline's place (`TNN Nov 12,2011,05.51AM IST MUMBAI:`,
/// the agency first as Indian papers write it): its date and the place with its colon.
pub fn stamp_then_place(paragraph: &str) -> Option<(NaiveDate, String)> {
    let line = paragraph.trim().strip_suffix(':')?;
    if line.len() > 100 {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    // The place: the capitalised words at the end that are no zone ("IST").
    let place_words = words
        .iter()
        .rev()
        .take_while(|w| {
            w.chars().any(char::is_alphabetic)
                && w.chars().all(|c| c.is_uppercase() || ".'-".contains(c))
                && !STAMP_WORDS.contains(&w.to_lowercase().as_str())
        })
        .take(4)
        .count();
    if place_words == 0 || place_words == words.len() {
        return None;
    }
    let (mut stamp, place) = words.split_at(words.len() - place_words);
    // An agency in capitals may come first (`TNN | Nov 12, 2011`).
    if let Some((first, rest)) = stamp.split_first()
        && (2..=6).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_uppercase())
        && !month_or_day(&first.to_lowercase())
    {
        stamp = rest.strip_prefix(&["|"][..]).unwrap_or(rest);
    }
    let stamp = stamp.join(" ");
    if !is_timestamp(&stamp) {
        return None;
    }
    Some((stamp_date(&stamp)?, format!("{}:", place.join(" "))))
}

/// Words of a timestamp besides the date itself ("Last updated at 12:42 GMT").
const STAMP_WORDS: &[&str] = &[
    "at",
    "on",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "bst",
    "cet",
    "est",
    "edt",
    "pst",
    "pdt",
    "ist",
    "last",
    "updated",
    "update",
    "published",
    "posted",
    "modified",
    "date",
    "time",
    "hrs",
    "et",
    "ct",
    "pt",
    "hkt",
    "cst",
    "cest",
    "aest",
    "uk",
    "st",
    "nd",
    "rd",
    "th",
    "cdt",
    "mdt",
    "mst",
];

/// Time zones of the United States, whose dates are written month first.
const US_ZONES: &[&str] = &[
    "est", "edt", "et", "cst", "cdt", "ct", "mst", "mdt", "pst", "pdt", "pt",
];

/// A line that is only a timestamp (`Friday, November 11,2011`, `8 / 2 / 13 at 1:30 PM`,
/// `16 September 2013 Last updated at 12:42 GMT`): no headline, whatever field held it.
pub fn is_timestamp(line: &str) -> bool {
    if line.len() > 80 || !line.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if date_paragraph(line).is_some_and(|(_, byline)| byline.is_none()) {
        return true;
    }
    let numbers = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .count();
    // Three numbers at least: a day, a month or year, a time ("1:30" is two).
    stamp_words_only(line) && numbers >= 3
}

/// The date a timestamp line gives (`SEPTEMBER 16,2013 11:12AM`, `14:25 Sun Sep 15 2013`,
/// `Last updated 13:26 14 / 09 / 2013`): its first date with a month name, day and year, or
/// a numeric day and month whose order the numbers settle (`8 / 2 / 2013` is left alone).
pub fn stamp_date(line: &str) -> Option<NaiveDate> {
    // A press release's stamp: "FOR IMMEDIATE RELEASE July 13,2009".
    let line = strip_prefix_ci(line.trim_start(), "for immediate release").map_or(line, |rest| {
        rest.trim_start_matches([' ', ':', '-', '–', '—'])
    });
    // A short line of stamp words needs no time ("on Apr 12 2007").
    let stamp = is_timestamp(line) || (line.len() <= 40 && stamp_words_only(line));
    if !stamp {
        return None;
    }
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:(?:^|[^\d:.])(\d{1,2})(?:st|nd|rd|th)?\s+)?\b([a-z]{3,9})\.?\s*(?:\b(\d{1,2})(?:st|nd|rd|th)?\b)?\s*,?\s*\b(\d{4})\b")
            .expect("static regex")
    });
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b").expect("static regex")
    });
    let num =
        |c: &regex::Captures<'_>, k: usize| c.get(k).and_then(|m| m.as_str().parse::<u32>().ok());
    let named = NAMED.captures_iter(line).find_map(|c| {
        let month = month_number(&c[2].to_lowercase())?;
        let day = num(&c, 3).or_else(|| num(&c, 1))?;
        NaiveDate::from_ymd_opt(num(&c, 4)? as i32, month, day)
    });
    named.or_else(|| {
        let c = NUMERIC.captures(line)?;
        let (a, b, y) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)? as i32);
        // A US time zone on the line settles the order: month first ("8:13 AM PDT 8 / 2 / 2013").
        let us = line
            .split(|c: char| !c.is_alphabetic())
            .any(|w| US_ZONES.contains(&w.to_lowercase().as_str()));
        match (a > 12, b > 12) {
            (true, false) => NaiveDate::from_ymd_opt(y, b, a),
            (false, true) => NaiveDate::from_ymd_opt(y, a, b),
            _ if a == b || us => NaiveDate::from_ymd_opt(y, a, b),
            _ => None,
        }
    })
}

/// `text` without a leading `prefix`, in any case.
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Every word of the line is a timestamp's (a month or weekday, `on`, `posted`, a zone).
fn stamp_words_only(line: &str) -> bool {
    line.split(|c: char| !(c.is_alphabetic() || c == '.'))
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !w.is_empty())
        .all(|w| STAMP_WORDS.contains(&w.as_str()) || month_or_day(&w))
}

/// The number of an English month name, whole or shortened to three letters or more.
fn month_number(w: &str) -> Option<u32> {
    (w.len() >= 3)
        .then(|| MONTHS.iter().position(|n| n.starts_with(w)))
        .flatten()
        .map(|k| k as u32 + 1)
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// An English month or weekday name, whole or shortened ("sep", "tues"), in lower case.
fn month_or_day(w: &str) -> bool {
    weekday(w) || month_number(w).is_some()
}

/// An English weekday name, whole or shortened to three letters or more ("tue", "thurs"),
/// in lower case.
pub(crate) fn weekday(w: &str) -> bool {
    const DAYS: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    w.len() >= 3 && DAYS.iter().any(|n| n.starts_with(w))
}

static SLASH_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A(\p{Lu}[\p{L}\d&'’.-]*(?: \p{Lu}[\p{L}\d&'’.-]*){0,4})\s?/\s+")
        .expect("static regex")
});
static AGENCY_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\A(\p{Lu}[\p{Lu}\p{L} .,'/-]{1,60}?)\s*\(([\p{L}\d .&/-]{2,40})\)\s*[-–—:]+\s*")
        .expect("static regex")
});

static DASH_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\A(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,5})(?:, (\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2}))? ?([—–]|--|-\s|:\s)\s*",
    )
    .expect("static regex")
});

/// A dateline at the start of the body: who filed the report and from where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The outlet or agency (`Example News/ `, `(Reuters)`); none in `NAIROBI — `.
    pub source: Option<String>,
    /// The place the report was filed from (`NAIROBI, Kenya (AP) -` gives `Nairobi, Kenya`).
    pub place: Option<String>,
    /// Byte length of the dateline, to remove it from the paragraph.
    pub len: usize,
}

/// A dateline opening a paragraph (`Example News/ `, `OSLO (Reuters) - `).
pub fn dateline(paragraph: &str) -> Option<Dateline> {
    // Both forms need their mark near the start; most paragraphs are spared the patterns.
    let head = &paragraph.as_bytes()[..paragraph.len().min(160)];
    let slash = head.contains(&b'/');
    if !slash && !head.contains(&b'(') {
        return dash_dateline(paragraph);
    }
    if let Some(c) = SLASH_DATELINE.captures(paragraph).filter(|_| slash) {
        return Some(Dateline {
            source: Some(c[1].to_string()),
            place: None,
            len: c.get(0)?.end(),
        });
    }
    let Some(c) = AGENCY_DATELINE.captures(paragraph) else {
        return dash_dateline(paragraph);
    };
    let place = place_name(c[1].trim().trim_end_matches(','));
    Some(Dateline {
        source: Some(c[2].trim().to_string()),
        place: (!place.is_empty()).then_some(place),
        len: c.get(0)?.end(),
    })
}

/// `Washington CNN — `, `CNN — `: a known outlet before a dash, after at most a few
/// capitalised words of place.
fn dash_dateline(paragraph: &str) -> Option<Dateline> {
    let c = DASH_DATELINE.captures(paragraph)?;
    let words: Vec<&str> = c[1].split_whitespace().collect();
    // "Why I Left CNN — And What Comes Next" is a headline: a story after a dateline is
    // written in sentence case.
    let rest: Vec<&str> = paragraph[c.get(0)?.end()..].split_whitespace().collect();
    let capitals = rest
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    if rest.len() >= 4 && capitals * 5 >= rest.len() * 3 {
        return None;
    }
    // `LAGOS, Nigeria - `: a place and its country or state.
    let region = c.get(2).map(|m| m.as_str());
    let hyphen = c.get(3).is_some_and(|m| m.as_str().trim() == "-");
    // `MUMBAI: Indian Navy...`, as South Asian and Gulf papers write it: a place in
    // capitals alone, never an outlet or a place with its region.
    let colon = c.get(3).is_some_and(|m| m.as_str().starts_with(':'));
    let capitals = words.iter().all(|w| {
        let letters = w.chars().filter(|c| c.is_alphabetic());
        letters.clone().count() > 1 && letters.clone().all(char::is_uppercase)
    });
    // `WASHINGTON, Reuters - `: the agency after the place.
    if let Some(r) = region.filter(|r| !colon && capitals && RULES.is_outlet(r)) {
        return Some(Dateline {
            source: Some(r.to_string()),
            place: Some(place_name(&words.join(" "))),
            len: c.get(0)?.end(),
        });
    }
    // The outlet is the longest known name ending the words before the dash.
    if let Some(cut) = (0..words.len())
        .find(|&i| RULES.is_outlet(&words[i..].join(" ")))
        .filter(|_| region.is_none() && !colon)
    {
        let place = place_name(&words[..cut].join(" "));
        return Some(Dateline {
            source: Some(words[cut..].join(" ")),
            place: (!place.is_empty()).then_some(place),
            len: c.get(0)?.end(),
        });
    }
    // A place in capitals, alone before a long dash (`NAIROBI — `, `JAKARTA -- `) or with
    // its region in title case before any dash (`LAGOS, Nigeria - `), then a sentence:
    // "Apple — The company said" names a subject, and "U.S. - China talks", "However,
    // Biden — The" or "Smith, Jones - The" open sentences, not datelines.
    let sentence = rest
        .first()
        .is_some_and(|w| w.starts_with(|ch: char| ch.is_uppercase() || ch == '“' || ch == '"'));
    let title_case = |r: &str| {
        r.split(' ').all(|w| {
            let mut letters = w.chars().filter(|c| c.is_alphabetic());
            letters.next().is_some_and(char::is_uppercase) && letters.any(char::is_lowercase)
        })
    };
    let label = RULES
        .kickers
        .contains(&words.join(" ").to_lowercase().replace('’', "'"))
        || (colon && RULES.is_outlet(&words.join(" ")));
    let placed = capitals
        && words.len() <= 3
        && match region {
            Some(r) => title_case(r) && !colon,
            None => !hyphen,
        };
    (placed && sentence && !label).then(|| {
        let mut place = place_name(&words.join(" "));
        if let Some(r) = region {
            place = format!("{place}, {}", place_name(r));
        }
        Dateline {
            source: None,
            place: Some(place),
            len: c.get(0).map_or(0, |m| m.end()),
        }
    })
}

/// A dateline's place as readers write it: `NAIROBI, Kenya` becomes `Nairobi, Kenya`.
fn place_name(raw: &str) -> String {
    raw.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic());
            if letters.clone().count() > 1 && letters.clone().all(char::is_uppercase) {
                let mut out = String::new();
                let mut prev: Option<char> = None;
                for c in w.chars() {
                    // Each part of `SAN-SEBASTIÁN` or `N'DJAMENA` starts with a capital.
                    if prev.is_none_or(|p| matches!(p, '-' | '\'' | '’' | '/')) {
                        out.push(c);
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    prev = Some(c);
                }
                out
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn leading_date_line_may_share_its_line() {
        let (mark, rest) = take_date_line(" date 2023-03-09 The vote was held.");
        assert_eq!(mark, Some(DateMark::Valid(d(2023, 3, 9))));
        assert_eq!(rest, "The vote was held.");
        let (mark, rest) = take_date_line("Date: 2023-03-09\nBody");
        assert_eq!(mark, Some(DateMark::Valid(d(2023, 3, 9))));
        assert_eq!(rest, "\nBody");
    }

    #[test]
    fn impossible_date_is_reported_not_used() {
        let (mark, rest) = take_date_line("date 9999-99-99 Body");
        assert_eq!(mark, Some(DateMark::Invalid("9999-99-99".into())));
        assert_eq!(rest, "Body");
    }

    #[test]
    fn no_date_line_in_the_middle() {
        assert_eq!(take_date_line("The date 2023-01-01 was set.").0, None);
    }

    #[test]
    fn timestamps_are_not_headlines() {
        for stamp in [
            "Friday, November 11,2011",
            "8 / 2 / 13 at 1:30 PM",
            "16 September 2013 Last updated at 12:42 GMT",
            "Updated 4 / 9 / 2007 6:04 PM",
        ] {
            assert!(is_timestamp(stamp), "{stamp}");
        }
        for headline in [
            "1 dead, 2 hurt in Mich. office shooting",
            "May 4 vote set for 2025 budget",
            "5 Thoughts on Why the Academy Picked Ellen DeGeneres As Oscar Host",
            "Ministers meet on March 3",
            "Release 1.2.3",
        ] {
            assert!(!is_timestamp(headline), "{headline}");
        }
    }

    #[test]
    fn timestamps_give_their_date_when_it_is_plain() {
        for (stamp, date) in [
            ("SEPTEMBER 16,2013 11:12AM", Some(d(2013, 9, 16))),
            ("Sat Nov 12 2011,01:19 hrs", Some(d(2011, 11, 12))),
            ("14:25 Sun Sep 15 2013", Some(d(2013, 9, 15))),
            (
                "POSTED: 1052 GMT (1852 HKT), April 10,2007",
                Some(d(2007, 4, 10)),
            ),
            ("Posted August 2nd, 2013 at 5:19 pm", Some(d(2013, 8, 2))),
            (
                "Published on: Fri, 11 Nov 2011 at 09:56 IST",
                Some(d(2011, 11, 11)),
            ),
            ("8:05am UK, Monday 16 September 2013", Some(d(2013, 9, 16))),
            ("Updated: May 16,2005,6:03 PM ET", Some(d(2005, 5, 16))),
            ("on Apr 12 2007", Some(d(2007, 4, 12))),
            // The first date is when it was posted, the second an update.
            (
                "on July 13,2009 at 10:50 AM, updated July 29,2009 at 12:16 PM",
                Some(d(2009, 7, 13)),
            ),
            ("Last updated 13:26 14 / 09 / 2013", Some(d(2013, 9, 14))),
            ("Updated 09 / 14 / 2013 01:03 PM", Some(d(2013, 9, 14))),
            // A US time zone says the month comes first; without one either order could be.
            ("8:13 AM PDT 8 / 2 / 2013", Some(d(2013, 8, 2))),
            ("Posted: 08 / 02 / 2013 11:10 am EDT", Some(d(2013, 8, 2))),
            ("Updated 4 / 9 / 2007 6:04 PM", None),
            ("FOR IMMEDIATE RELEASE July 13,2009", Some(d(2009, 7, 13))),
            ("Release 1.2.3", None),
            // No year, or words that are no timestamp's.
            ("Updated 9:06 AM", None),
            // The minutes of a time are no day.
            ("Posted at 10:30 June 2013", None),
            ("May 4 vote set for 2025 budget", None),
            ("Marching orders: 12 March 2024", None),
            ("Ministers meet on March 3 2024 in Oslo", None),
        ] {
            assert_eq!(stamp_date(stamp), date, "{stamp}");
        }
    }

    #[test]
    fn feed_date_formats() {
        assert_eq!(parse_date("2024-08-21T10:00:00Z"), Some(d(2024, 8, 21)));
        assert_eq!(parse_date("2024-08-21 10:00"), Some(d(2024, 8, 21)));
        // A zone without its colon is no RFC 3339, yet the date is plain.
        assert_eq!(parse_date("2019-06-17T18:28:00+0200"), Some(d(2019, 6, 17)));
        assert_eq!(
            parse_date("Wed, 21 Aug 2024 10:00:00 +0000"),
            Some(d(2024, 8, 21))
        );
        assert_eq!(parse_date("August 21, 2024"), Some(d(2024, 8, 21)));
        assert_eq!(parse_date("21 Aug 2024"), Some(d(2024, 8, 21)));
        assert_eq!(parse_date("21.08.2024"), Some(d(2024, 8, 21)));
        assert_eq!(parse_date("20180619T055000+0900"), Some(d(2018, 6, 19)));
        assert_eq!(parse_date("2018年6月19日（火）"), Some(d(2018, 6, 19)));
        assert_eq!(
            parse_date("Thursday, December 22, 2016,  2:47 PM"),
            Some(d(2016, 12, 22))
        );
        assert_eq!(parse_date("12/20/2016"), Some(d(2016, 12, 20)));
        assert_eq!(parse_date("May 3, 2021 at 9:15 a.m."), Some(d(2021, 5, 3)));
        assert_eq!(parse_date("May 3, 2021 10:00 EST"), Some(d(2021, 5, 3)));
        // Day first where both readings are possible; figures with a time, a year of two
        // digits and a tail that is no time are no dates.
        assert_eq!(parse_date("03/05/2021"), Some(d(2021, 5, 3)));
        assert_eq!(parse_date("05/03/2007 09:49:00"), None);
        assert_eq!(parse_date("05/29/2007 09:49:00"), Some(d(2007, 5, 29)));
        assert_eq!(parse_date("29/05/2007 09:49"), Some(d(2007, 5, 29)));
        assert_eq!(parse_date("12/20/16"), None);
        assert_eq!(parse_date("May 3, 2021 budget talks"), None);
        assert_eq!(parse_date("May 3, 2021 10:00 draft"), None);
        // Eight digits alone are an id or a count, not a date.
        assert_eq!(parse_date("20180619"), None);
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
    }

    #[test]
    fn months_in_words_of_other_languages() {
        assert_eq!(parse_date("27 juin 2019"), Some(d(2019, 6, 27)));
        assert_eq!(parse_date("lun. 5 août 2019"), Some(d(2019, 8, 5)));
        assert_eq!(parse_date("1er mai 2019"), Some(d(2019, 5, 1)));
        assert_eq!(parse_date("Sa 13. Juli 2019"), Some(d(2019, 7, 13)));
        assert_eq!(parse_date("27 de junio de 2019"), Some(d(2019, 6, 27)));
        assert_eq!(parse_date("1 de diciembre de 2017"), Some(d(2017, 12, 1)));
        assert_eq!(parse_date("5 czerwca 2019"), Some(d(2019, 6, 5)));
        assert_eq!(parse_date("5 июня 2019"), Some(d(2019, 6, 5)));
        assert_eq!(parse_date("14 Haziran 2019 15:49"), Some(d(2019, 6, 14)));
        assert_eq!(
            parse_date("mercredi 11 septembre 2019"),
            Some(d(2019, 9, 11))
        );
        // A word that is no month, and a name languages give to different months
        // ("listopad" is November in Polish, October in Croatian), give no date.
        assert_eq!(parse_date("5 people 2019"), None);
        // Words English writes between a number and a year are no months of other languages.
        for title in [
            "Surface Pro 7 2019",
            "Iron Man 3 2013",
            "Vol. 12, 2019",
            "Top 10 Now 2019",
        ] {
            assert_eq!(parse_date(title), None, "{title}");
        }
        assert_eq!(parse_date("Echo Dot Gen 3 2019"), None);
        // After the day they are Italian's and Portuguese's months; a word may lead.
        assert_eq!(parse_date("7 out 2019"), Some(d(2019, 10, 7)));
        assert_eq!(parse_date("3 gen 2020"), Some(d(2020, 1, 3)));
        assert_eq!(parse_date("Published March 7, 2019"), Some(d(2019, 3, 7)));
        assert!(any_weekday("lundi") && any_weekday("donnerstag") && any_weekday("thurs"));
        assert!(!any_weekday("harbour"));
        assert_eq!(parse_date("5 listopad 2019"), None);
        assert_eq!(parse_date("31 juin 2019"), None);
    }

    #[test]
    fn datelines_give_the_source() {
        let d = dateline("Example News/ The council met.").expect("slash dateline");
        assert_eq!(
            (d.source.as_deref(), d.place, d.len),
            (Some("Example News"), None, 14)
        );
        let d = dateline("Harbour Wire/ Strike at the port ends").expect("space after slash");
        assert_eq!(d.source.as_deref(), Some("Harbour Wire"));
        let d = dateline("OSLO (Reuters) - Norway said").expect("agency dateline");
        assert_eq!(d.source.as_deref(), Some("Reuters"));
        assert_eq!(d.place.as_deref(), Some("Oslo"));
        assert_eq!(&"OSLO (Reuters) - Norway said"[d.len..], "Norway said");
        assert_eq!(dateline("The 24/7 service"), None);
        assert_eq!(dateline("Prices rose 5% in March."), None);
    }

    #[test]
    fn agency_datelines_give_place_and_agency() {
        let d = dateline("NAIROBI (AP) - Kenya's parliament").expect("dateline");
        assert_eq!(
            (d.source.as_deref(), d.place.as_deref()),
            (Some("AP"), Some("Nairobi"))
        );
        let d = dateline("NAIROBI, Kenya (AP) — Kenya's parliament").expect("dateline");
        assert_eq!(d.place.as_deref(), Some("Nairobi, Kenya"));
        let d = dateline("SAN-SEBASTIÁN (AFP) – Basque").expect("dateline");
        assert_eq!(d.place.as_deref(), Some("San-Sebastián"));
    }

    #[test]
    fn a_line_that_only_dates_the_article() {
        let on = |p: &str| date_paragraph(p);
        assert_eq!(on("Published 2024-03-05"), Some((d(2024, 3, 5), None)));
        assert_eq!(on("March 5, 2024"), Some((d(2024, 3, 5), None)));
        assert_eq!(on("Updated: 5 March 2024."), Some((d(2024, 3, 5), None)));
        assert_eq!(
            on("By Jane Roe, Metro Gazette — 2024-03-05"),
            Some((d(2024, 3, 5), Some("By Jane Roe, Metro Gazette".into())))
        );
        assert_eq!(on("The vote is on March 5, 2024."), None);
        assert_eq!(on("2024-03-05 Ferry timetable update"), None);
        assert_eq!(on("By Jane Roe — 2024-03-05 update on the pier"), None);
        assert_eq!(on("Council approves harbour plan"), None);
    }

    #[test]
    fn a_post_line_dates_the_article() {
        assert_eq!(
            posted_date(
                "On behalf of Roe & Co., LLP. posted in Accidents on Friday, September 20,2013."
            ),
            Some((d(2013, 9, 20), "On behalf of Roe & Co., LLP.".into()))
        );
        assert_eq!(
            posted_date("Posted on Wed, 18 Sep 2013"),
            Some((d(2013, 9, 18), String::new()))
        );
        assert_eq!(
            posted_date("The bill was published on March 5, 2024."),
            None
        );
        assert_eq!(
            posted_date(
                "The ministry said its guidance was last updated on Monday, March 4, 2024."
            ),
            None
        );
        assert_eq!(
            posted_date(
                "The rules, updated on Monday, now apply. They expire on Friday, May 3, 2024."
            ),
            None
        );
    }

    #[test]
    fn a_stamp_may_open_with_its_place() {
        assert_eq!(
            placed_stamp("Washington D. C., Jul 13,2009 / 02:00 pm (CNA)"),
            Some(d(2009, 7, 13))
        );
        assert_eq!(
            placed_stamp("LAGOS, March 3, 2024, 09:30 GMT"),
            Some(d(2024, 3, 3))
        );
        assert_eq!(placed_stamp("Oslo, March 3, 2024"), Some(d(2024, 3, 3)));
        assert_eq!(placed_stamp("Oslo, Norway"), None);
        assert_eq!(
            placed_stamp("Ministers met in Oslo, March 3, 2024 at 10:00"),
            None
        );
    }

    #[test]
    fn a_stamp_may_end_in_the_datelines_place() {
        assert_eq!(
            stamp_then_place("TNN Nov 12,2011,05.51AM IST MUMBAI:"),
            Some((d(2011, 11, 12), "MUMBAI:".into()))
        );
        assert_eq!(
            stamp_then_place("Nov 12, 2011, 05.51AM IST NEW DELHI:"),
            Some((d(2011, 11, 12), "NEW DELHI:".into()))
        );
        assert_eq!(
            stamp_then_place("The talks resumed on Nov 12, 2011 in MUMBAI:"),
            None
        );
        assert_eq!(
            stamp_then_place("NOV 12, 2011, 05.51AM IST MUMBAI:"),
            Some((d(2011, 11, 12), "MUMBAI:".into()))
        );
    }

    #[test]
    fn a_known_outlet_before_a_dash_is_a_dateline() {
        let d = dateline("Washington CNN — Justice Samuel Alito is the tip of the spear")
            .expect("dateline");
        assert_eq!(
            (d.source.as_deref(), d.place.as_deref()),
            (Some("CNN"), Some("Washington"))
        );
        assert_eq!(&"Washington CNN — Justice"[d.len..], "Justice");
        let d = dateline("CNN —").expect("outlet alone");
        assert_eq!((d.source.as_deref(), d.place), (Some("CNN"), None));
        // An unknown name before a dash is a sentence's, not a dateline.
        assert_eq!(dateline("Harbour director — a profile"), None);
        assert_eq!(dateline("Why I Left CNN — And What Comes Next"), None);
        assert_eq!(dateline("Analysis — The talks stalled again"), None);
        assert_eq!(dateline("Mercedes — the carmaker — said"), None);
        assert_eq!(dateline("Apple — The company said"), None);
        assert_eq!(dateline("Joe Biden — The president spoke"), None);
        assert_eq!(dateline("LIVE UPDATES — The storm"), None);
    }

    #[test]
    fn a_place_alone_before_a_dash_is_a_dateline() {
        for (text, place, rest) in [
            ("OSLO — The council met", "Oslo", "The council met"),
            (
                "NAIROBI — Kenya's parliament",
                "Nairobi",
                "Kenya's parliament",
            ),
            (
                "JAKARTA -- Indonesia's President",
                "Jakarta",
                "Indonesia's President",
            ),
        ] {
            let d = dateline(text).expect("dateline");
            assert_eq!(
                (d.source, d.place.as_deref()),
                (None, Some(place)),
                "{text}"
            );
            assert_eq!(&text[d.len..], rest);
        }
        for (text, place, rest) in [
            (
                "PORT MORESBY, Papua New Guinea - The ruling party",
                "Port Moresby, Papua New Guinea",
                "The ruling party",
            ),
            (
                "LAGOS, Nigeria — Fuel queues",
                "Lagos, Nigeria",
                "Fuel queues",
            ),
            ("SÃO PAULO – “We", "São Paulo", "“We"),
            ("AUSTIN, Texas -- A judge", "Austin, Texas", "A judge"),
        ] {
            let d = dateline(text).expect("dateline");
            assert_eq!((d.source, d.place.as_deref()), (None, Some(place)));
            assert_eq!(&text[d.len..], rest);
        }
        // Names in title case, or in capitals before a hyphen without a region, open a
        // sentence.
        for text in [
            "Lagos — The city",
            "Lagos, Nigeria — Fuel queues",
            "However, Biden — The president said nothing.",
            "However, Biden — who spoke",
            "Smith, Jones - The two lawyers",
            "Kim Jong Un, North Korea - Leader fired",
            "U.S. - China talks resumed",
            "NATO, EU - The two blocs",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
        let d = dateline("WASHINGTON, Reuters - The Senate voted").expect("agency after place");
        assert_eq!(
            (d.source.as_deref(), d.place.as_deref()),
            (Some("Reuters"), Some("Washington"))
        );
        assert_eq!(dateline("Smith-Jones said"), None);
        assert_eq!(dateline("OSLO-based firms"), None);
        let d = dateline("JAKARTA/SINGAPORE (Reuters) - Grab agreed").expect("two places");
        assert_eq!(d.place.as_deref(), Some("Jakarta/Singapore"));
        assert_eq!(d.source.as_deref(), Some("Reuters"));
    }

    #[test]
    fn a_place_in_capitals_before_a_colon_is_a_dateline() {
        for (text, place, rest) in [
            (
                "MUMBAI: Indian Navy foiled an attack",
                "Mumbai",
                "Indian Navy foiled an attack",
            ),
            (
                "NEW DELHI: The government said",
                "New Delhi",
                "The government said",
            ),
            (
                "DUBAI: “We are ready,” he said",
                "Dubai",
                "“We are ready,” he said",
            ),
        ] {
            let d = dateline(text).expect("dateline");
            assert_eq!(
                (d.source, d.place.as_deref()),
                (None, Some(place)),
                "{text}"
            );
            assert_eq!(&text[d.len..], rest);
        }
        // Labels, names in title case, outlets and times are no places.
        for text in [
            "BREAKING: The council resigned",
            "NEW: \"Tomorrow will be a quieter day,\" says a forecaster",
            "UPDATE: Officials said",
            "EDITOR'S NOTE: This story was corrected",
            "Analysis: The talks failed",
            "Mumbai: an Indian warship",
            "Minister: We will act",
            "CNN: The network said",
            "LAGOS, Nigeria: Fuel queues",
            "At 10:30 the council met",
        ] {
            assert_eq!(dateline(text), None, "{text}");
        }
    }
}
