"""Build orchestration without the model: incremental skips, replacement, inputs, progress.

``load_nlp`` and ``_extract`` are swapped for a blank pipeline and an extractor that
returns the article with no facts, so these tests check what ``build`` does with articles
(hashes, stores, inputs), not what spaCy finds in them.
"""

from __future__ import annotations

import gzip
import importlib
import json

import pytest
import spacy
from click.testing import CliRunner

from kg.cli import cli
from kg.ingest.build import BuildProgress, build, count_articles
from kg.model import Extraction
from kg.store import open_store

TEXTS = {
    "r1": "The minister met the ambassador in Paris on Monday to discuss trade.",
    "r2": "Shares rose sharply after the company said profits would grow this year.",
    "r3": "The central bank kept its interest rate unchanged, the governor said.",
}


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    calls: list[str] = []

    def fake_extract(articles, nlp, batch_size):
        for a in articles:
            calls.append(a.id)
            yield Extraction(a), 0

    # kg/__init__ re-exports build(), which shadows the submodule as an attribute of kg.
    mod = importlib.import_module("kg.ingest.build")
    monkeypatch.setattr(mod, "load_nlp", lambda model=None: spacy.blank("en"))
    monkeypatch.setattr(mod, "_extract", fake_extract)
    return calls


def _jsonl(texts: dict[str, str]) -> str:
    return "".join(json.dumps({"id": k, "title": k.upper(), "text": v}) + "\n"
                   for k, v in texts.items())


def _write(path, texts, gz=False):
    data = _jsonl(texts).encode()
    path.write_bytes(gzip.compress(data) if gz else data)
    return str(path)


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_rerun_skips_unchanged_and_replaces_changed(tmp_path, no_model, kind):
    src = _write(tmp_path / "a.jsonl", TEXTS)
    spec = "memory:" if kind == "memory" else tmp_path / "s"
    with open_store(spec) as store:
        first = build([src], store, lang="any")
        assert sorted(first.built) == ["r1", "r2", "r3"]
        size, old_hash = len(store), store.article_hashes()["r2"]
        no_model.clear()
        again = build([src], store, lang="any")
        assert again.built == () and sorted(again.unchanged) == ["r1", "r2", "r3"]
        assert no_model == []  # unchanged articles never reach the pipeline
        assert len(store) == size
        changed = dict(TEXTS, r2=TEXTS["r2"] + " Analysts were surprised.")
        third = build([_write(tmp_path / "b.jsonl", changed)], store, lang="any")
        assert third.built == ("r2",) and sorted(third.unchanged) == ["r1", "r3"]
        assert store.article_hashes()["r2"] != old_hash and len(store.article_hashes()) == 3
        assert len(store) == size  # replaced, not added
        forced = build([src], store, force=True, lang="any")
        assert sorted(forced.built) == ["r1", "r2", "r3"] and len(store) == size


def test_jsonl_gz_input(tmp_path):
    src = _write(tmp_path / "a.jsonl.gz", TEXTS, gz=True)
    with open_store("memory:") as store:
        s = build([src], store, lang="any")
    assert sorted(s.built) == ["r1", "r2", "r3"] and s.ok


def test_directory_input_mixes_txt_and_jsonl(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    _write(d / "a.jsonl", {"r1": TEXTS["r1"]})
    (d / "b.txt").write_text("A title\n\n" + TEXTS["r2"] + "\n", encoding="utf-8")
    with open_store("memory:") as store:
        s = build([str(d)], store, lang="any")
    assert sorted(s.built) == ["b", "r1"]


def test_stdin_input_through_the_cli(tmp_path):
    store = tmp_path / "s"
    r = CliRunner().invoke(cli, ["build", "-", "--store", str(store), "--lang", "any"],
                           input=_jsonl(TEXTS))
    assert r.exit_code == 0, r.output
    assert "built 3 articles (0 unchanged)" in r.output
    r = CliRunner().invoke(cli, ["build", "-", "--store", str(store), "--lang", "any"],
                           input=_jsonl(TEXTS))
    assert "built 0 articles (3 unchanged)" in r.output


def test_memory_store_through_the_cli(tmp_path):
    src = _write(tmp_path / "a.jsonl", TEXTS)
    r = CliRunner().invoke(cli, ["build", src, "--store", "memory:", "--lang", "any"])
    assert r.exit_code == 0, r.output
    assert "built 3 articles" in r.output
    assert not (tmp_path / "memory:").exists()


def test_count_articles_counts_json_lines_and_files(tmp_path):
    _write(tmp_path / "a.jsonl.gz", TEXTS, gz=True)
    (tmp_path / "b.txt").write_text("T\n\nText.\n", encoding="utf-8")
    assert count_articles([str(tmp_path)]) == 4
    assert count_articles(["-"]) is None


def test_progress_reports_total_and_skipped(tmp_path):
    src = _write(tmp_path / "a.jsonl", TEXTS)
    seen: list[BuildProgress] = []
    with open_store("memory:") as store:
        build([src], store, lang="any")
        build([_write(tmp_path / "b.jsonl", dict(TEXTS, r3="Changed text about rates."))],
              store, lang="any", progress=seen.append)
    assert [(p.done, p.total, p.skipped) for p in seen] == [(1, 3, 2)]


def test_duplicate_ids_in_one_input_are_built_once(tmp_path):
    src = tmp_path / "dup.jsonl"
    src.write_text(_jsonl(TEXTS) + _jsonl({"r1": TEXTS["r1"]}), encoding="utf-8")
    with open_store("memory:") as store:
        s = build([str(src)], store, lang="any")
        assert len(store.article_hashes()) == 3
    assert sorted(s.built) == ["r1", "r2", "r3"] and len(s.problems) == 1
