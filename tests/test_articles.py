"""Reading articles: titles, boilerplate, wrapped lines, jsonl records and their errors."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest

from kg.errors import InputError
from kg.sources.articles import ArticleProblem, iter_articles, parse_txt
from kg.sources.text import clean_text, decode


def test_seed_title_and_boilerplate(seed_path):
    a = parse_txt(seed_path.read_text(encoding="utf-8"), seed_path.stem)
    assert a.title == "U.S. Envoy Heads to Moscow as Washington Intensifies Push for Ukraine Peace Deal"
    assert a.text.startswith("President Vladimir Putin is expected to meet")
    for junk in ("admin\n", "By admin", "Min Read", "Share This Article"):
        assert junk not in a.text
    assert a.text.endswith("can emerge.")


def test_wrapped_lines_join_and_indented_lines_start_paragraphs():
    body = "The official in charge of\nfarm talks is here.\n    Mr de Zeeuw met\nthe committee.\n"
    assert clean_text(body) == "The official in charge of farm talks is here.\n\nMr de Zeeuw met the committee."


def test_boilerplate_in_the_middle_of_real_text_is_kept_if_it_is_prose():
    body = "Share prices rose sharply in Tokyo today.\n\nBy noon, they had fallen again."
    assert clean_text(body) == body


@pytest.mark.parametrize("data,msg", [
    (b"", "empty"), (b"  \n\t\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"Title\n\ncaf\xe9 au lait", "not valid UTF-8"),
])
def test_bad_txt_inputs_are_problems_not_crashes(tmp_path, data, msg):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    (item,) = list(iter_articles([str(f)]))
    assert isinstance(item, ArticleProblem)
    assert msg in item.reason and item.source == str(f)


def test_utf16_with_bom_reads():
    assert decode("Title\n\nZoë met Ana.".encode("utf-16"), "f") == "Title\n\nZoë met Ana."


def test_jsonl_records_bad_lines_reported_with_numbers(tmp_path):
    f = tmp_path / "c.jsonl.gz"
    lines = [
        json.dumps({"id": "a", "title": "A", "text": "Ann met Bo.", "published": "1987-03-01"}),
        "{not json",
        json.dumps({"id": "b", "title": "B"}),
        json.dumps({"id": "c", "title": "C", "text": "Cy met Di.", "url": "https://x.test/c"}),
    ]
    f.write_bytes(gzip.compress("\n".join(lines).encode()))
    items = list(iter_articles([str(f)], published=date(2000, 1, 1)))
    assert [getattr(i, "id", None) for i in items] == ["a", None, None, "c"]
    assert items[0].published == date(1987, 3, 1)
    assert items[3].published == date(2000, 1, 1) and items[3].url == "https://x.test/c"
    assert items[1].source.endswith(":2") and "malformed JSON" in items[1].reason
    assert items[2].source.endswith(":3") and "'text'" in items[2].reason


def test_directory_expands_sorted(tmp_path):
    for n in ("b", "a"):
        (tmp_path / f"{n}.txt").write_text(f"Title {n}\n\n{n.upper()} met Z.", encoding="utf-8")
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    assert [a.id for a in iter_articles([str(tmp_path)])] == ["a", "b"]


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(iter_articles([str(tmp_path / "nope.txt")]))


@pytest.mark.parametrize(("published", "dateline", "day"), [
    # An evening story from a city ahead of the wire's clock carries the next day ...
    ("2026-04-12T22:30:00", "NORDHAVEN, April 13 -", date(2026, 4, 13)),
    # ... one sent just after midnight the day before, and across a new year.
    ("2026-03-26T00:20:00", "VALORIA CITY, March 25 -", date(2026, 3, 25)),
    ("2026-12-31T23:10:00", "OSTMARK, Jan 1 -", date(2027, 1, 1)),
    # A dateline far from the timestamp, or none, leaves the timestamp's day.
    ("2026-04-12T10:00:00", "NORDHAVEN, June 4 -", date(2026, 4, 12)),
    ("2026-04-13T10:00:00", "NORDHAVEN, April 11 -", date(2026, 4, 13)),
    ("2026-04-12T10:00:00", None, date(2026, 4, 12)),
])
def test_a_wire_dateline_dates_the_story(tmp_path, published, dateline, day):
    rec = {"id": "w1", "title": "T", "text": "Peter Novak met Paul Keller today.",
           "published": published, "dateline": dateline}
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (a,) = list(iter_articles([str(p)]))
    assert a.published == day
