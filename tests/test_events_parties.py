"""Meeting events of three or more people (one event with every participant, one row per event,
one map edge per pair of it) and event IRIs that do not depend on the order articles came in."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import permutations

import pytest
from click.testing import CliRunner
from rdflib import Literal
from test_events import MON, PREVIEW, add, article

from kg.cli import cli
from kg.events import Report, cluster_reports, update_events
from kg.events.merge import merge_pair_events
from kg.ingest.derivation import remove_articles
from kg.ingest.summary_graph import refresh_summary
from kg.model import DateSpan
from kg.query.library import load_query, run_query
from kg.rdf.iri import event_iri, events_graph_iri, graph_iri
from kg.rdf.mapping import to_rdf
from kg.store import open_store

# One meeting of Hana, Olaf and Ines in Oslo, reported by three articles naming two or three
# of them; and a meeting of Hana and Olaf alone months later.
TRIO_PLAN = article("t-plan", MON, (("hana", "olaf", "ines"), "planned", "Wednesday", "oslo"))
TRIO_PAIR = article("t-pair", date(2026, 3, 12), (("olaf", "hana"), "happened", "Wednesday",
                                                   None))
TRIO_HELD = article("t-held", date(2026, 3, 13), (("ines", "hana", "olaf"), "happened",
                                                  "on Wednesday", "oslo"))
AUTUMN = article("t-autumn", date(2026, 10, 2), (("hana", "olaf"), "happened", "Thursday",
                                                 "lima"))
ALL = (TRIO_PLAN, TRIO_PAIR, TRIO_HELD, AUTUMN)

HANA, INES, OLAF = (f"https://w3id.org/kg-news/id/person/{n}"
                    for n in ("hana-sato", "ines-moreau", "olaf-brandt"))


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = open_store("memory:" if request.param == "memory" else tmp_path / "store")
    yield s
    s.close()


def rows(store, name=None):
    if name:  # a name is resolved through the summary graph, which kg build keeps up to date
        refresh_summary(store)
    params = {"name": Literal(name)} if name else {}
    r = run_query(store, load_query("meeting-events"), params)
    return [(str(d["event"]), str(d["participants"]), str(d["participant1"]),
             str(d["participant2"]), str(d["reports"]), str(d["status"])) for d in r.dicts()]


def test_a_meeting_of_three_reported_by_three_articles_is_one_event(store):
    u = add(store, *ALL)
    assert (u.created, u.updated, u.removed) == (2, 0, 0)
    trio = event_iri(f"https://w3id.org/kg-news/id/meeting/{TRIO_PLAN.article.id}/0-1")
    assert rows(store) == [
        (str(trio), "Hana Sato; Ines Moreau; Olaf Brandt", "Hana Sato", "Ines Moreau", "3",
         "happened"),
        (str(event_iri("https://w3id.org/kg-news/id/meeting/t-autumn/0-1")),
         "Hana Sato; Olaf Brandt", "Hana Sato", "Olaf Brandt", "1", "happened")]
    # The third participant finds the event by name, though the row names the first two.
    assert [r[0] for r in rows(store, "Brandt")] == [str(trio), rows(store)[1][0]]
    assert [r[0] for r in rows(store, "Ines Moreau")] == [str(trio)]
    # The two-person report joined the meeting of three: no pair event is left for it.
    graphs = {str(g) for g, in store.query(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e a <https://w3id.org/kg-news/vocab#MeetingEvent> }}"
    ).rows}
    assert graphs == {str(events_graph_iri(HANA, INES, OLAF)), str(events_graph_iri(HANA, OLAF))}
    timeline = run_query(store, load_query("meetings-timeline"))
    assert [(str(d["start"]), str(d["participants"])) for d in timeline.dicts()] == [
        ("2026-03-11", "Hana Sato; Ines Moreau; Olaf Brandt"),
        ("2026-10-01", "Hana Sato; Olaf Brandt")]


def test_the_map_draws_one_edge_per_pair_of_a_meeting_of_three(store):
    from kg.network.graph import to_networkx

    add(store, *ALL)
    edges = [(a, b, d) for a, b, d in to_networkx(store).edges(data=True)
             if d["kind"] == "meeting"]
    trio = [(a, b) for a, b, d in edges if d["participants"] == 3]
    assert sorted(trio) == [(HANA, INES), (HANA, OLAF), (INES, OLAF)]
    assert {d["weight"] for *_, d in edges if d["participants"] == 3} == {3}
    assert len({d["meeting"] for *_, d in edges if d["participants"] == 3}) == 1
    # Hana and Olaf: the meeting of three, and their own meeting in the autumn.
    assert sorted(str(d["start"]) for a, b, d in edges if (a, b) == (HANA, OLAF)) == [
        "2026-03-11", "2026-10-01"]


def test_a_third_participant_moves_the_pair_event_and_removing_it_moves_it_back(store):
    assert add(store, TRIO_PAIR).created == 1
    pair_graph = str(events_graph_iri(HANA, OLAF))
    trio_graph = str(events_graph_iri(HANA, INES, OLAF))
    u = add(store, TRIO_HELD)  # names all three: the pair's event becomes theirs
    assert (u.created, u.updated, u.removed) == (0, 1, 0)
    assert [r[1:] for r in rows(store)] == [
        ("Hana Sato; Ines Moreau; Olaf Brandt", "Hana Sato", "Ines Moreau", "2", "happened")]
    assert not list(store.graph_triples(pair_graph))
    u = remove_articles(store, ["t-held"])
    assert (u.created, u.updated, u.removed) == (0, 1, 0)
    assert [r[1] for r in rows(store)] == ["Hana Sato; Olaf Brandt"]
    assert not list(store.graph_triples(trio_graph))


def test_event_iris_and_graphs_do_not_depend_on_the_order_articles_came_in(store):
    fresh = open_store("memory:")
    for x in (*ALL, PREVIEW):
        fresh.replace_article(to_rdf(x))
    update_events(fresh)
    want = _derived(fresh)
    # PREVIEW (Hana and Olaf, Oslo, that Wednesday) joins the meeting of three, and names it.
    assert {t[1] for t in want if "/id/event/" in t[1]} == {
        str(event_iri("https://w3id.org/kg-news/id/meeting/a-preview/0-1")),
        str(event_iri("https://w3id.org/kg-news/id/meeting/t-autumn/0-1"))}
    for order in list(permutations((*ALL, PREVIEW)))[::37]:
        s = open_store("memory:")
        for x in order:  # one article at a time, as `kg build` of a daily feed would
            add(s, x)
        assert _derived(s) == want, [x.article.id for x in order]
        again = update_events(s)
        assert (again.created, again.updated, again.removed) == (0, 0, 0)
    # On disk too, and after an article is replaced and put back.
    add(store, *ALL, PREVIEW)
    store.replace_article(to_rdf(article("t-pair", date(2026, 3, 12),
                                         (("ines", "olaf"), "planned", None, None))))
    update_events(store, [str(graph_iri("t-pair"))])
    add(store, TRIO_PAIR)
    assert _derived(store) == want


def _derived(store) -> set[tuple[str, str, str, str]]:
    q = ("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } "
         "FILTER STRSTARTS(STR(?g), 'https://w3id.org/kg-news/id/events/') }")
    return {tuple(str(v) for v in row) for row in store.query(q).rows}


def test_cli_meeting_of_three_is_one_row(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text("Talks\n\nAngela Merkel met Emmanuel Macron and Mario Draghi "
                               "in Paris on Monday.\n")
    (d / "two.txt").write_text("Again\n\nAngela Merkel met Emmanuel Macron in Paris on "
                               "Monday, officials said.\n")
    path = str(tmp_path / "store")
    runner = CliRunner()
    r = runner.invoke(cli, ["build", str(d), "--store", path, "--published", "2026-03-11"])
    assert r.exit_code == 0, r.output
    assert "meeting events: 1 created, 0 updated" in r.output
    r = runner.invoke(cli, ["query", "meeting-events", "--store", path, "--format", "csv",
                            "--param", "name=Draghi"])
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 2
    assert "Angela Merkel; Emmanuel Macron; Mario Draghi" in lines[1]
    assert "2026-03-09" in lines[1] and ",2," in lines[1]


def test_a_bare_surname_in_a_meeting_with_its_full_name_is_that_person(store):
    # "Sato" fits Hana and Kenji Sato, who both meet Olaf, so linking and the partner rule
    # leave it apart; in the one meeting where Hana Sato is, it is her.
    kenji = article("t-kenji", date(2026, 5, 4), (("kenji", "olaf"), "happened", "Monday", None))
    short = article("t-short", date(2026, 3, 12), (("sato", "olaf", "ines"), "happened",
                                                   "Wednesday", "oslo"))
    add(store, kenji, TRIO_HELD, short)
    got = [r[1:5] for r in rows(store)]
    assert got == [("Hana Sato; Ines Moreau; Olaf Brandt", "Hana Sato", "Ines Moreau", "2"),
                   ("Kenji Sato; Olaf Brandt", "Kenji Sato", "Olaf Brandt", "1")]


def _report(name: str, pub: date, status: str, day: date | None, parties: int) -> Report:
    span = DateSpan(day, day, "day") if day else DateSpan(None, pub, "bound")
    return Report(name, f"art-{name}", pub, 0, status, span, None, parties)


def _merged(by_pair: dict[tuple[str, ...], tuple[Report, ...]]) -> list:
    reports = {r.iri: r for rs in by_pair.values() for r in rs}
    found = merge_pair_events({p: cluster_reports(rs) for p, rs in by_pair.items()}, reports)
    return sorted((m.participants, sorted(m.event.reports)) for m in found)


@pytest.mark.parametrize(("later", "apart"), [(date(2026, 4, 27), True),
                                              (date(2026, 4, 11), False)])
def test_an_undated_report_joins_two_meetings_only_when_their_days_agree(later, apart):
    # Novak, Keller and Moravec meet on 8 April; Novak, Keller and Dvorak on a later day; a
    # report with no day of its own ("the three have met twice") names the first three. Pair by
    # pair it falls in the nearest meeting: Novak-Keller's later one, Novak-Moravec's first one.
    first = _report("first", date(2026, 4, 7), "planned", date(2026, 4, 8), 3)
    second = _report("second", later, "happened", later, 3)
    told = _report("told", later + timedelta(days=1), "happened", None, 3)
    by_pair = {("keller", "novak"): (first, second, told), ("moravec", "novak"): (first, told),
               ("keller", "moravec"): (first, told), ("dvorak", "novak"): (second,),
               ("dvorak", "keller"): (second,)}
    if apart:  # weeks apart: two meetings, the report in the one most of its pairs put it in
        assert _merged(by_pair) == [
            (("dvorak", "keller", "novak"), ["second"]),
            (("keller", "moravec", "novak"), ["first", "told"])]
    else:  # days apart: one meeting of all four, as before
        assert _merged(by_pair) == [
            (("dvorak", "keller", "moravec", "novak"), ["first", "second", "told"])]
