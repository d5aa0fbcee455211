//! The HTML cleaner on arbitrary pages: no panic, and nothing unsafe left in any field.
#![no_main]

use dossier::load::{Format, RawDoc};
use dossier::sanitize::is_forbidden;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = dossier::load::decode(data) else {
        return;
    };
    for format in [Format::Html, Format::Text] {
        let doc = RawDoc::new("f", "f.html", format, decoded.text.clone());
        if let (Some(article), _) = dossier::clean::clean(doc) {
            let fields = [&article.title]
                .into_iter()
                .chain(&article.paragraphs)
                .chain(&article.links);
            for text in fields {
                assert!(!text.chars().any(is_forbidden), "{text:?}");
            }
        }
    }
});
