"""Bad input to ``kg build``: one clear stderr line naming the file, no traceback, the store
keeps what it had; good-but-odd input (UTF-16, HTML, declared charsets) is read correctly."""

from __future__ import annotations

import codecs
import json
import re

import pytest
from click.testing import CliRunner
from fixtures import extraction

from kg.cli import cli
from kg.rdf.mapping import to_rdf
from kg.sources.articles import ArticleProblem, iter_articles
from kg.store import open_store

GERMAN = ("Bundeskanzler Friedrich Merz traf am Montag in Berlin den französischen Präsidenten "
          "Emmanuel Macron, um über die Lage in der Ukraine und die Zukunft der Europäischen "
          "Union zu sprechen. Die beiden Politiker vereinbarten eine engere Zusammenarbeit bei "
          "der Verteidigung und wollen sich im Januar wieder treffen.\n")
ENGLISH = "Alice Archer met Bob Baker in Paris on Monday to discuss the trade agreement.\n"


def _jsonl(*records: object) -> bytes:
    return b"\n".join(r if isinstance(r, bytes) else json.dumps(r).encode() for r in records)


# name, file content, words the reason must contain
BAD = [
    ("empty.txt", b"", "empty article"),
    ("blank.txt", b"  \n\t\n   \n", "empty article"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    ("latin1.txt", "Title\n\nCafé au lait in Paris.\n".encode("latin-1"), "not valid UTF-8"),
    ("bad-utf16.txt", codecs.BOM_UTF16_LE + b"T\x00\x00\xd8", "not valid UTF-16"),
    ("german.txt", ("Titel\n\n" + GERMAN).encode(), "not English (looks like de"),
    ("nothing.html", b"<html><body><nav><p>Home</p></nav><script>x()</script></body></html>",
     "no article text"),
    ("huge.txt", b"Title\n\n" + b"Bob met Alice. " * 3_500_000, "over the 2,000,000-byte"),
    ("long.txt", b"Title\n\n" + b"Bob met Alice. " * 70_000, "character limit per article"),
    ("surrogate.jsonl", _jsonl(b'{"id": "s", "text": "\\ud800 met Bo in Rome."}'),
     "unpaired UTF-16 surrogate"),
    ("nested.jsonl", _jsonl(b"[" * 100_000), "nested too deeply"),
    ("notext.jsonl", _jsonl({"id": "n", "title": "No text"}), "'text' field"),
    ("longline.jsonl", _jsonl({"id": "l", "text": "Bob met Alice. " * 200_000}),
     "line is over the 2,000,000-byte"),
]


@pytest.fixture
def store(tmp_path):
    """An Oxigraph store that already holds one article, and its N-Quads before the test."""
    path = tmp_path / "store"
    with open_store(path) as s:
        s.replace_article(to_rdf(extraction()))
        before = s.export("nquads")
    return path, before


def _after(path) -> bytes:
    with open_store(path, writable=False) as s:
        return s.export("nquads")


# Language and length are judged at build time, against the loaded pipeline.
READ_TIME = [b for b in BAD if b[0] not in ("german.txt", "long.txt")]


@pytest.mark.parametrize("name,data,reason", READ_TIME, ids=[b[0] for b in READ_TIME])
def test_bad_file_is_a_named_problem_when_read(tmp_path, name, data, reason):
    f = tmp_path / name
    f.write_bytes(data)
    (item,) = iter_articles([str(f)])
    assert isinstance(item, ArticleProblem)
    assert item.source.startswith(str(f)) and reason in item.reason


@pytest.mark.model
@pytest.mark.parametrize("name,data,reason", BAD, ids=[b[0] for b in BAD])
def test_kg_build_on_a_bad_file_exits_1_and_keeps_the_store(tmp_path, store, name, data, reason):
    path, before = store
    f = tmp_path / name
    f.write_bytes(data)
    r = CliRunner().invoke(cli, ["build", str(f), "--store", str(path)])
    assert r.exit_code == 1, r.output
    problems = [ln for ln in r.stderr.splitlines() if ln.startswith("kg: skipped")]
    assert len(problems) == 1 and str(f) in problems[0] and reason in problems[0], r.stderr
    assert "Traceback" not in r.output and isinstance(r.exception, SystemExit)
    assert _after(path) == before


@pytest.mark.model
def test_a_corpus_skips_each_bad_file_by_name_and_builds_the_rest(tmp_path, store):
    path, before = store
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data, _ in BAD[:8]:
        (corpus / name).write_bytes(data)
    (corpus / "good.txt").write_text("Good news\n\n" + ENGLISH, encoding="utf-8")
    (corpus / "mixed.jsonl").write_bytes(_jsonl(
        {"id": "j1", "title": "T", "text": ENGLISH}, b"{broken", {"id": "j3"}))
    r = CliRunner().invoke(cli, ["build", str(corpus), "--store", str(path)])
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("built 2 articles")
    skipped = [ln for ln in r.stderr.splitlines() if ln.startswith("kg: skipped")]
    named = {re.sub(r":\d+$", "", re.match(r"kg: skipped (.+?): ", ln)[1]) for ln in skipped}
    assert named == {str(corpus / n) for n, _, _ in BAD[:8]} | {str(corpus / "mixed.jsonl")}
    assert f"kg: {len(skipped)} input(s) skipped" in r.stderr
    assert any(ln.endswith("mixed.jsonl:2: malformed JSON (Expecting property name enclosed "
                           "in double quotes at column 2)") for ln in skipped)
    with open_store(path, writable=False) as s:
        assert set(s.article_hashes()) == {"fx-1", "good", "j1"}
    assert set(before.splitlines()) <= set(_after(path).splitlines())


@pytest.mark.model
def test_lang_any_keeps_a_foreign_article(tmp_path):
    f = tmp_path / "german.txt"
    f.write_text("Titel\n\n" + GERMAN, encoding="utf-8")
    r = CliRunner().invoke(cli, ["build", str(f), "--store", "memory:", "--lang", "any"])
    assert r.exit_code == 0 and r.stdout.startswith("built 1 articles"), r.output


@pytest.mark.model
def test_missing_path_fails_before_anything_is_built(tmp_path, store, seed_path):
    path, before = store
    r = CliRunner().invoke(cli, ["build", str(seed_path), str(tmp_path / "nope.txt"),
                                 "--store", str(path)])
    assert r.exit_code == 1
    assert r.stderr.strip() == f"kg: error: {tmp_path / 'nope.txt'}: no such file or directory"
    assert _after(path) == before


def test_a_one_line_file_is_read_as_text_not_as_a_title(tmp_path):
    # A paragraph saved to a file has no title line; refusing it as "empty" baffled users.
    f = tmp_path / "para.txt"
    f.write_text("Peter Novak met Paul Keller in Vienna on Monday. They spoke for an hour.\n")
    (a,) = iter_articles([str(f)])
    assert a.title == "" and a.text.startswith("Peter Novak met Paul Keller in Vienna")
    g = tmp_path / "titled.txt"
    g.write_text("Talks in Vienna\n\nPeter Novak met Paul Keller on Monday.\n")
    (b,) = iter_articles([str(g)])
    assert (b.title, b.text) == ("Talks in Vienna", "Peter Novak met Paul Keller on Monday.")


def test_utf16_and_utf8_bom_articles_read_the_same(tmp_path):
    text = "Zoë met Ana\n\nZoë Ruiz met Ana Silva in Bogotá on Monday.\n"
    for enc in ("utf-16", "utf-16-be", "utf-8-sig"):
        f = tmp_path / f"{enc}.txt"
        data = text.encode(enc)
        f.write_bytes(codecs.BOM_UTF16_BE + data if enc == "utf-16-be" else data)
        (a,) = iter_articles([str(f)])
        assert (a.title, a.text) == ("Zoë met Ana", "Zoë Ruiz met Ana Silva in Bogotá on Monday.")


def test_html_declared_charset_is_honoured(tmp_path):
    f = tmp_path / "page.html"
    f.write_bytes('<html><head><meta charset="windows-1252"><title>Café</title></head><body>'
                  '<p>Zoë met Ana in Bogotá on Monday, officials said.</p></body></html>'
                  .encode("cp1252"))
    (a,) = iter_articles([str(f)])
    assert a.title == "Café" and a.text == "Zoë met Ana in Bogotá on Monday, officials said."


PAGE = """<!doctype html><html><head><title>Envoy heads to Moscow | Example News</title>
<meta property="og:title" content="US envoy heads to Moscow">
<meta property="article:published_time" content="2025-11-30T08:00:00Z">
<script>var x = "<p>not text</p>";</script></head>
<body><header><a href="/">Home</a></header>
<div class="cookie-banner"><p>We use cookies to improve your experience on this site.</p></div>
<article><h1>US envoy heads to Moscow</h1>
<p>Steve Witkoff will meet Vladimir Putin in Moscow on Tuesday, the Kremlin said.</p>
<div class="share-tools"><p>Share this story on Twitter and Facebook with friends.</p></div>
<p>Volodymyr Zelensky met Emmanuel Macron in Paris on<br>Monday.</p>
<p><a href="/a">Read more</a> | <a href="/b">Another story about markets falling</a></p>
<figure><figcaption>Putin in 2024, a photo caption.</figcaption></figure></article>
<aside><p>Related: Markets fall sharply on Monday as investors worry.</p></aside>
<footer><p>Copyright 2025 Example News. All rights reserved.</p></footer></body></html>"""


def test_html_page_keeps_the_article_and_drops_the_furniture(tmp_path):
    f = tmp_path / "envoy.html"
    f.write_text(PAGE, encoding="utf-8")
    (a,) = iter_articles([str(f)])
    assert a.title == "US envoy heads to Moscow"
    assert str(a.published) == "2025-11-30"
    assert a.text == ("Steve Witkoff will meet Vladimir Putin in Moscow on Tuesday, the Kremlin "
                      "said.\n\nVolodymyr Zelensky met Emmanuel Macron in Paris on Monday.")


def test_html_without_article_tag_keeps_the_text_and_drops_the_menu(tmp_path):
    f = tmp_path / "plain.html"
    f.write_text("<html><body><div id='menu'><p>Home</p><p>World</p></div><div class='x'>"
                 "<p>Ana met Zoë in Lima on Friday.</p><p>They signed a water treaty.</p></div>"
                 "<div><p>Short.</p></div></body></html>", encoding="utf-8")
    (a,) = iter_articles([str(f)])
    # trafilatura keeps a short closing paragraph that kg's old densest-block rule dropped.
    assert a.text.startswith("Ana met Zoë in Lima on Friday.\n\nThey signed a water treaty.")
    assert "Home" not in a.text and "World" not in a.text


def test_fifo_or_device_reads_are_bounded(tmp_path):
    (item,) = iter_articles(["/dev/zero"])
    assert isinstance(item, ArticleProblem) and "article limit" in item.reason


def test_a_directory_without_article_files_is_a_named_problem(tmp_path):
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    (item,) = iter_articles([str(tmp_path)])
    assert isinstance(item, ArticleProblem) and item.source == str(tmp_path)
    assert "no article files" in item.reason
