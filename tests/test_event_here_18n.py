"""A wire story's "here" is the place its dateline names: the article keeps that place
(``schema:locationCreated``), and a meeting event placed "here" is given it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from test_events import MON, add, article, events

from kg.model import Article
from kg.rdf.mapping import rdf_triples
from kg.sources.articles import article_from_record, parse_txt
from kg.sources.text import dateline_place
from kg.store import open_store


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = open_store("memory:" if request.param == "memory" else tmp_path / "store")
    yield s
    s.close()


@pytest.mark.parametrize(("line", "place"), [
    ("VIENNA, March 3 -", "Vienna"),
    ("SAN MARCO, Valoria, April 5 -", "San Marco"),
    ("KNOLL-ON-SEA, June 2 (Reuters) -", "Knoll-on-Sea"),
    ("PORTO DE VALE, June 2 -", "Porto de Vale"),
    ("OSLO (Reuters) -", "Oslo"),
    ("Lisbon, May 9 -", "Lisbon"),
    ("March 3 -", None),
    ("", None),
])
def test_the_place_a_dateline_names(line, place):
    assert dateline_place(line) == place


def test_an_article_keeps_its_datelines_place():
    rec = {"id": "w1", "title": "Talks", "text": "Peter Novak met Paul Keller here.",
           "published": "1987-03-03", "dateline": "VIENNA, March 3 -"}
    assert article_from_record(rec, "f:1").dateline == "Vienna"
    opened = {"id": "w2", "title": "Talks",
              "text": "OSLO, May 2 (Reuters) - Peter Novak met Paul Keller here."}
    assert article_from_record(opened, "f:2").dateline == "Oslo"
    assert parse_txt("Talks\nOSLO, May 2 - Anna Moravec met Paul Keller here.\n",
                     "t1").dateline == "Oslo"
    assert article_from_record({"id": "w3", "text": "Anna Moravec met Paul Keller."},
                               "f:3").dateline is None


def test_a_dateline_changes_the_hash_only_when_there_is_one():
    plain = Article("k1", "Talks", "Anna Moravec met Paul Keller here.", date(1987, 3, 3))
    assert replace(plain, dateline=None).content_hash == plain.content_hash
    assert replace(plain, dateline="Vienna").content_hash != plain.content_hash
    # the hash of an article with no dateline is the one stores built before already hold
    assert plain.content_hash == (
        "50a108472063093276537aba0330f445027e20feec247735e32c07f775c4b095")


def test_the_dateline_is_written_to_the_store():
    x = article("d-1", MON, (("hana", "olaf"), "happened", "Monday", None))
    x = replace(x, article=replace(x.article, dateline="Vienna"))
    assert any(str(p) == "https://schema.org/locationCreated" and str(o) == "Vienna"
               for _, p, o in rdf_triples(x))


def _here(aid: str, published: date, dateline: str | None):
    x = article(aid, published, (("hana", "olaf"), "happened", "Monday", None))
    x = replace(x, meetings=(replace(x.meetings[0], place="here"),))
    return replace(x, article=replace(x.article, dateline=dateline))


def test_an_event_placed_here_gets_the_datelines_place(store):
    add(store, _here("h-1", MON, "Vienna"))
    (row,) = events(store)
    assert row[5] == "Vienna"


def test_without_a_dateline_here_stays_as_written(store):
    add(store, _here("h-2", MON, None))
    (row,) = events(store)
    assert row[5] == "here"
