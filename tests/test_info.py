"""kg info: the model that built a store, its counts and size, as text and JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner
from fixtures import extraction

from kg.cli import cli
from kg.info import info_text, store_info
from kg.rdf.mapping import to_rdf
from kg.store import open_store


def test_counts_on_both_engines(fixture_store):
    i = store_info(fixture_store)
    x = extraction()
    assert (i.articles, i.meetings) == (1, len(x.meetings))
    assert i.statements == len(x.triples)
    assert i.entities == len({e.key for e in x.entities})
    assert i.quads == len(fixture_store)


def test_model_is_read_back_from_the_article_graphs(tmp_path):
    with open_store(tmp_path / "s") as s:
        s.replace_article(to_rdf(extraction("a"), "en_core_web_sm 3.8.0"))
        s.replace_article(to_rdf(extraction("b"), "en_core_web_sm 3.8.0"))
        s.replace_article(to_rdf(extraction("c"), "en_core_web_trf 3.8.0"))
        i = store_info(s)
    assert i.models == (("en_core_web_sm 3.8.0", 2), ("en_core_web_trf 3.8.0", 1))
    assert i.size_bytes and i.size_bytes > 0
    assert "en_core_web_sm 3.8.0 (2 articles)" in info_text(i)


def test_cli_json_and_text(tmp_path):
    with open_store(tmp_path / "s") as s:
        s.replace_article(to_rdf(extraction(), "m 1"))
    r = CliRunner().invoke(cli, ["info", "--store", str(tmp_path / "s"), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["articles"] == 1 and d["models"] == [{"model": "m 1", "articles": 1}]
    assert d["size_bytes"] > 0 and d["quads"] > 0
    r = CliRunner().invoke(cli, ["info", "--store", str(tmp_path / "s")])
    assert r.exit_code == 0 and "articles:   1" in r.output


def test_empty_memory_store(tmp_path):
    r = CliRunner().invoke(cli, ["info", "--store", "memory:"])
    assert r.exit_code == 0, r.output
    assert "none (empty store)" in r.output and "in memory" in r.output


def test_missing_store_is_one_clean_line(tmp_path):
    r = CliRunner().invoke(cli, ["info", "--store", str(tmp_path / "none")])
    assert r.exit_code == 1 and r.output.startswith("kg: error: no store at")
