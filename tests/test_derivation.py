"""A writer that dies between storing articles and deriving from them is caught up by the next.

The crash is simulated in-process: ``link_and_derive`` raises as a kill -9 would stop it, after
the articles are committed. The next plain build finds every article unchanged, and must still
derive links, meeting events and the summary (before, it returned early and they stayed
missing for good).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reliability_corpus import store_graphs

import kg.ingest.build as build_module
from kg.ingest.build import build
from kg.ingest.derivation import derivation_pending, remove_articles
from kg.rdf.iri import derivation_graph_iri
from kg.store import open_store

ARTICLES = {
    "alpha.txt": "Harbour talks\n\nMayor Ilse Brandt met Governor Tomas Okafor in Rotterdam on "
                 "Monday. Brandt said the talks went well.\n",
    "beta.txt": "Second round\n\nGovernor Tomas Okafor will meet Mayor Ilse Brandt again in Lagos "
                "next week. Okafor also met the port authority's chief, Dana Kowalczyk.\n",
}


class Killed(BaseException):
    """Stands for the writer's process ending (not an error a build could catch)."""


def _corpus(tmp_path: Path) -> Path:
    d = tmp_path / "articles"
    d.mkdir()
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _die_before_deriving(*_: object, **__: object) -> None:
    raise Killed


@pytest.mark.parametrize("bulk", [True, False], ids=["bulk", "transactions"])
def test_next_build_derives_what_a_killed_build_left(tmp_path: Path, bulk: bool,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path)
    clean = tmp_path / "clean"
    with open_store(clean) as s:
        build([str(corpus)], s, bulk=bulk)
    expected = store_graphs(clean)
    derived = {g for g in expected if "/id/graph/" not in g}
    assert derived, "the clean build derives events and a summary"

    store = tmp_path / "killed"
    with monkeypatch.context() as m:
        m.setattr(build_module, "link_and_derive", _die_before_deriving)
        with pytest.raises(Killed), open_store(store) as s:
            build([str(corpus)], s, bulk=bulk)
    with open_store(store) as s:
        assert derivation_pending(s)
    left = store_graphs(store)
    assert not derived & set(left), "the dead writer derived nothing"

    with open_store(store) as s:
        summary = build([str(corpus)], s)
    assert summary.built == () and len(summary.unchanged) == 2
    assert store_graphs(store) == expected  # the marker is gone, events and summary are there
    assert str(derivation_graph_iri()) not in store_graphs(store)


def test_a_build_with_nothing_to_do_writes_nothing(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    store = tmp_path / "store"
    with open_store(store) as s:
        build([str(corpus)], s)
    before = store_graphs(store)
    with open_store(store) as s:
        assert s.publish() is None
        build([str(corpus)], s)
        assert not derivation_pending(s)
        assert s.publish() is None  # no marker written and removed: no new snapshot
    assert store_graphs(store) == before


def test_removal_after_a_killed_build_catches_up_too(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path)
    clean = tmp_path / "clean"
    with open_store(clean) as s:
        build([str(corpus / "alpha.txt")], s)
    expected = store_graphs(clean)

    store = tmp_path / "killed"
    with monkeypatch.context() as m:
        m.setattr(build_module, "link_and_derive", _die_before_deriving)
        with pytest.raises(Killed), open_store(store) as s:
            build([str(corpus)], s, bulk=False)
    with open_store(store) as s:
        remove_articles(s, ["beta"])
        assert not derivation_pending(s)
    assert store_graphs(store) == expected
