"""--jobs 2 (forked workers) builds exactly what one process builds, in input order, and a
bulk load into a new store builds exactly what per-article transactions build."""

from __future__ import annotations

import json

import pytest

from kg.ingest.build import build
from kg.store import open_store

ARTICLES = [
    {"id": f"j{n}", "title": f"T{n}", "published": "2024-03-04", "text": text}
    for n, text in enumerate([
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing "
        "on Monday. Blinken will meet President Xi Jinping on Tuesday.",
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.",
        "Shares in Acme Corp rose after the company reported higher profits.",
        "Prime Minister Rishi Sunak met Ukrainian President Volodymyr Zelensky in Kyiv.",
        "The central bank held rates, governor Andrew Bailey said in London.",
    ])
]


@pytest.mark.model
def test_two_workers_build_the_same_graphs(tmp_path, nlp):
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    quads = []
    for jobs, bulk in ((1, False), (2, False), (1, None), (2, None)):
        with open_store(tmp_path / f"s{jobs}{bulk}") as s:
            summary = build([str(src)], s, jobs=jobs, batch_size=2, bulk=bulk,
                            keep_extractions=True)
            assert summary.built == tuple(a["id"] for a in ARTICLES)
            assert summary.bulk is (bulk is None)
            assert [x.article.id for x in summary.extractions] == list(summary.built)
            assert summary.meetings == 4
            quads.append(set(s.quads()))
    assert all(q == quads[0] for q in quads[1:])


@pytest.mark.model
def test_bulk_is_only_for_a_new_store(tmp_path, nlp):
    from kg.errors import StoreError

    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES[:2]), encoding="utf-8")
    with open_store(tmp_path / "s") as s:
        assert build([str(src)], s).bulk
        # Rebuilding into the filled store: per-article transactions, same result.
        before = set(s.quads())
        again = build([str(src)], s, force=True)
        assert not again.bulk and again.built == ("j0", "j1")
        assert set(s.quads()) == before
        with pytest.raises(StoreError, match="empty"):
            build([str(src)], s, force=True, bulk=True)
    assert not build([str(src)], open_store("memory:")).bulk


@pytest.mark.model
def test_ctrl_c_in_a_bulk_build_stores_nothing_and_says_so(tmp_path, nlp, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.ingest import build as stage

    real = stage.prepare_articles

    def interrupted(*args, **kwargs):
        for n, p in enumerate(real(*args, **kwargs)):
            if n == 1:
                raise KeyboardInterrupt
            yield p

    monkeypatch.setattr(stage, "prepare_articles", interrupted)
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES[:3]), encoding="utf-8")
    r = CliRunner().invoke(cli, ["build", str(src), "--store", str(tmp_path / "s")])
    assert r.exit_code == 130
    assert "kg: error: interrupted: nothing was stored" in r.output
    assert "Traceback" not in r.output
    with open_store(tmp_path / "s", writable=False) as s:
        assert s.is_empty()
    # Article by article (--no-bulk), the finished article stays.
    r = CliRunner().invoke(cli, ["build", str(src), "--store", str(tmp_path / "s"), "--no-bulk"])
    assert r.exit_code == 130 and "kg: error: interrupted\n" in r.output
    with open_store(tmp_path / "s", writable=False) as s:
        assert list(s.article_hashes()) == ["j0"]
