"""A dateline written at the start of a story's body is the story's, not its first sentence's."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kg.extract.pipeline import load_nlp
from kg.ingest.build import extract_articles
from kg.sources.articles import article_from_record, parse_txt
from kg.sources.html import article_from_html
from kg.sources.text import split_dateline

TRAVEL = ("Finance Minister Peter Novak will travel to Japan next week for talks with Japanese "
          "officials on the debt, a ministry spokesman said.")


@pytest.mark.parametrize("line", [
    "VALORIA CITY, March 5 -",
    "NOVA LIPA, MARCH 5 -",
    "New Harbor, Sept. 12 -",
    "PORT ELLA, Calif., Jan 4 (Reuters) -",
    "KESTREL (AP) \u2014",
    "OSTRAVA/LIPNIK AIRPORT, April 9 -",
])
def test_datelines_split_off(line: str) -> None:
    assert split_dateline(f"{line} {TRAVEL}") == (line, TRAVEL)


@pytest.mark.parametrize("text", [
    "U.S. - Japan talks resumed on Monday.",
    "NEW TALKS, Some 12 - nobody came.",
    "Peter Novak - the minister - met Paul Keller.",
    "Peter Novak met Paul Keller in Valoria City on March 5.",
    # a name with a bracket and a dash opens ordinary sentences
    "The Valorian Monetary Fund (VMF) - the lender of last resort - said it would help.",
    "Senator Anna Moravec (R-Val.) - who met Paul Keller - said so.",
    "Nordland Motors Corp (NMC) - the carmaker - met the union.",
    # a day needs its comma and a month
    "Valoria May 5 - the ministry said it would talk.",
    "Group Mar 3 - x met y.",
])
def test_other_openings_kept(text: str) -> None:
    assert split_dateline(text) == (None, text)


@pytest.mark.parametrize("line", [
    "VALORIA CITY, March 6 -",
    "VALORIA CITY, March 6 (Reuters) -",
    "Valoria City, MARCH 6 \u2014",
    "VALORIA CITY, Marc 6 -",  # misspelt: a month is known by its first three letters
])
def test_every_reader_drops_it_and_dates_by_it(line: str) -> None:
    body = f"{line} {TRAVEL}"
    day = date(1987, 3, 5)
    txt = parse_txt(f"Debt talks\n\n{body}\n", "t", published=day)
    rec = article_from_record({"id": "r", "title": "Debt talks", "text": body,
                               "published": "1987-03-05"}, "r")
    page = article_from_html(f"<html><head><title>Debt talks</title></head><body><article>"
                             f"<p>{body}</p></article></body></html>", "h", published=day)
    for a in (txt, rec, page):
        assert a.text == TRAVEL
        assert a.published == date(1987, 3, 6)  # the dateline's day, a day after the stamp


@pytest.mark.parametrize("text", [TRAVEL, f"VALORIA CITY (Reuters) - {TRAVEL}"])
def test_a_record_dateline_field_dates_the_story(text: str) -> None:
    # the field dates it; a dateline the body opens with as well is taken off all the same
    rec = article_from_record({"id": "r", "title": "T", "text": text,
                               "dateline": "VALORIA CITY, March 6 -",
                               "published": "1987-03-05"}, "r")
    assert rec.text == TRAVEL and rec.published == date(1987, 3, 6)


def test_the_dateline_place_is_no_party_and_no_subject() -> None:
    a = parse_txt(f"Debt talks\n\nBRASOV, MARCH 5 - {TRAVEL}\n", "t",
                  published=date(1987, 3, 5))
    x = next(iter(extract_articles([a], load_nlp())))
    parties = {x.entity(k).label for m in x.meetings for k in m.participants}
    assert parties == {"Peter Novak", "Japan"}
    assert all("BRASOV" not in t.subject.text for t in x.triples)


def test_kg_read_output_builds_the_same_article() -> None:
    # `kg read ... > a.jsonl; kg build a.jsonl` must keep what the first reading found
    from kg.sources.inputs import article_json

    first = parse_txt(f"Debt talks\n\nVALORIA CITY, March 6 (Reuters) - {TRAVEL}\n", "t",
                      published=date(1987, 3, 5))
    again = article_from_record(json.loads(article_json(first)), "t")
    assert first.dateline == "Valoria City"
    assert (again.text, again.published, again.dateline) == (
        first.text, first.published, first.dateline)
    assert again.content_hash == first.content_hash


def test_an_article_without_a_dateline_prints_none() -> None:
    from kg.sources.inputs import article_json

    assert "dateline" not in json.loads(article_json(parse_txt(f"T\n\n{TRAVEL}\n", "t")))
