"""Stores: replacing an article never duplicates, Oxigraph persists, the write lock holds."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fixtures import extraction

from kg.errors import StoreError, StoreLockedError
from kg.rdf.mapping import to_rdf
from kg.store import open_store


def test_reingest_does_not_duplicate(fixture_store):
    before = len(fixture_store)
    fixture_store.replace_article(to_rdf(extraction()))
    assert len(fixture_store) == before


def test_changed_article_replaces_its_graph(fixture_store):
    x = extraction()
    fixture_store.replace_article(to_rdf(replace(x, meetings=x.meetings[:1])))
    rows = fixture_store.query("SELECT ?m WHERE { ?m a kg:Meeting }").rows
    assert len(rows) == 1


def test_two_articles_live_side_by_side(fixture_store):
    fixture_store.replace_article(to_rdf(extraction("fx-2")))
    assert set(fixture_store.article_hashes()) == {"fx-1", "fx-2"}
    rows = fixture_store.query("SELECT ?m WHERE { ?m a kg:Meeting }").rows
    assert len(rows) == 4


def test_oxigraph_store_persists_across_opens(tmp_path):
    with open_store(tmp_path / "s") as s:
        s.replace_article(to_rdf(extraction()))
        n = len(s)
    with open_store(tmp_path / "s", writable=False) as s:
        assert len(s) == n
        assert list(s.article_hashes()) == ["fx-1"]


def test_second_writer_is_refused_with_pid(tmp_path):
    with open_store(tmp_path / "s"):
        with pytest.raises(StoreLockedError, match=r"locked by PID \d+"):
            open_store(tmp_path / "s")


def test_reading_a_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "nothing", writable=False)


def test_export_trig_reparses_to_same_quads(fixture_store):
    from rdflib import Dataset

    data = fixture_store.export("trig")
    ds = Dataset()
    ds.parse(data=data, format="trig")
    assert sum(1 for _ in ds.quads((None, None, None, None))) == len(fixture_store)


def test_closing_twice_is_harmless(tmp_path):
    s = open_store(tmp_path / "s")
    s.close()
    s.close()
    with open_store(tmp_path / "s"):  # the lock was released once, and only once
        pass


def test_every_backend_answers_the_protocol_callers_use(tmp_path):
    """Callers (build, cli, serve) ask the store, never its class: emptiness, bulk, sharing."""
    from kg.errors import StoreError
    from kg.model import Article, Extraction
    from kg.rdf.mapping import to_rdf

    graph = to_rdf(Extraction(Article("a1", "T", "Text.")))
    with open_store("memory:") as mem, open_store(tmp_path / "st") as disk:
        assert mem.is_empty() and disk.is_empty()
        assert not mem.can_bulk_load() and disk.can_bulk_load()
        assert not mem.shared_by_processes and disk.shared_by_processes
        with pytest.raises(StoreError, match="bulk loading needs a new, empty Oxigraph store"):
            mem.bulk_load(iter([b""]))
        mem.replace_article(graph)
        disk.replace_article(graph)
        assert not mem.is_empty() and not disk.is_empty()
        assert not disk.can_bulk_load()  # no longer new
