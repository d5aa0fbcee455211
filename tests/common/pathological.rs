//! Pathological inputs shared by `tests/hostile_html.rs` and `examples/hostile_scaling.rs`,
//! so the scaling figures time exactly what the tests bound.

/// A page holding `n` distinct links after one sentence.
pub fn links_page(n: usize) -> String {
    let links: String = (0..n)
        .map(|i| format!("<a href=\"https://x.example/{i}\">link {i}</a> "))
        .collect();
    format!("<html><body><p>The council met on Monday.</p>{links}</body></html>")
}

/// About `bytes` of "A met B on Monday." sentences over six names, eight to a paragraph.
pub fn names_text(bytes: usize) -> String {
    let names = [
        "John Smith",
        "Acme Corp",
        "Mary Jones",
        "Paris",
        "Olaf Scholz",
        "Berlin",
    ];
    let mut text = String::new();
    let mut n = 0u64;
    while text.len() < bytes {
        for _ in 0..8 {
            n = n
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let a = names[(n >> 33) as usize % names.len()];
            let b = names[(n >> 40) as usize % names.len()];
            text.push_str(&format!("{a} met {b} on Monday. "));
        }
        text.push_str("\n\n");
    }
    text
}

/// About `bytes` of one paragraph naming people who never repeat, comma after comma (the
/// signatories of a letter): one paragraph, tens of thousands of candidates.
pub fn name_roll(bytes: usize) -> String {
    let mut text = String::from("Signatories\n\nThe letter was signed by ");
    let mut n = 0u64;
    let name = |n: &mut u64| {
        *n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let (mut x, mut w) = (*n >> 24, String::new());
        for i in 0..7 {
            let c = if i % 2 == 0 {
                b"bcdfglmnprstv"[(x % 13) as usize]
            } else {
                b"aeiou"[(x % 5) as usize]
            };
            w.push(if i == 0 { c.to_ascii_uppercase() } else { c } as char);
            x /= 13;
        }
        w
    };
    while text.len() < bytes {
        let (given, family) = (name(&mut n), name(&mut n));
        text.push_str(&format!("{given} {family}, "));
    }
    text.push_str("and others.\n");
    text
}
