"""Issue 2's acceptance on the seed: exactly three meetings, through the saved SPARQL query."""

from __future__ import annotations

import pytest

from kg.ingest.build import build
from kg.query.library import load_query, run_query
from kg.store import open_store

pytestmark = pytest.mark.model

EXPECTED = {
    (frozenset({"Vladimir Putin", "Steve Witkoff"}), "planned", "Moscow", "Tuesday"),
    (frozenset({"Volodymyr Zelensky", "Emmanuel Macron"}), "happened", "Paris", "Monday"),
}


@pytest.fixture(scope="module")
def rows(seed_path, tmp_path_factory):
    with open_store(tmp_path_factory.mktemp("s") / "store") as store:
        summary = build([str(seed_path)], store)
        assert summary.ok and summary.built == (seed_path.stem,)
        return run_query(store, load_query("who-met-whom")).dicts()


def test_exactly_three_meetings(rows):
    assert len(rows) == 3


def test_named_meetings(rows):
    got = {(frozenset({str(r["participant1"]), str(r["participant2"])}), str(r["status"]),
            str(r.get("place", "")), str(r.get("time", ""))) for r in rows}
    assert EXPECTED <= got


def test_delegations_meeting(rows):
    other = [r for r in rows if str(r["participant1"]) not in ("Steve Witkoff", "Emmanuel Macron")]
    assert len(other) == 1
    r = other[0]
    names = f"{r['participant1']} {r['participant2']}"
    assert "American" in names or "United States" in names
    assert "Ukrain" in names
    assert str(r["status"]) == "happened" and str(r["place"]) == "Miami"
    assert "met in Miami" in str(r["sentence"])


def test_delegations_are_tied_to_their_countries(seed_path, tmp_path):
    with open_store(tmp_path / "s") as store:
        build([str(seed_path)], store)
        r = store.query("""
            SELECT ?label ?country WHERE {
              ?m a kg:Meeting ; schema:attendee ?g .
              ?g a kg:Group ; rdfs:label ?label ; kg:country/rdfs:label ?country }""")
    assert {str(c) for c in r.values("country")} == {"United States", "Ukraine"}
