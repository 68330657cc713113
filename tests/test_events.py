"""Meeting events: clustering reports across articles, reconciled status, the derived graphs
updated incrementally, and the saved queries over them, on both engines."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from rdflib import Literal

from kg.cli import cli
from kg.events import Report, cluster_reports, reconcile_status, update_events
from kg.events.derive import resolve_by_partner
from kg.extract.timeplace.when import resolve_span
from kg.ingest.derivation import remove_articles
from kg.ingest.summary_graph import refresh_summary
from kg.model import (
    Article,
    DateSpan,
    Entity,
    EntityType,
    Extraction,
    Meeting,
    MeetingStatus,
    Provenance,
)
from kg.query.library import load_query, run_query
from kg.rdf.iri import graph_iri
from kg.rdf.mapping import to_rdf
from kg.store import open_store

PEOPLE = {
    "hana": Entity("person:hana sato", "Hana Sato", EntityType.PERSON),
    "olaf": Entity("person:olaf brandt", "Olaf Brandt", EntityType.PERSON),
    "ines": Entity("person:ines moreau", "Ines Moreau", EntityType.PERSON),
    "sato": Entity("person:sato", "Sato", EntityType.PERSON),
    "kenji": Entity("person:kenji sato", "Kenji Sato", EntityType.PERSON),
    "valoria": Entity("country:valoria", "Valoria", EntityType.COUNTRY),
    "nordland": Entity("country:nordland", "Nordland", EntityType.COUNTRY),
    "ostmark": Entity("country:ostmark", "Ostmark", EntityType.COUNTRY),
}
PLACES = {"oslo": Entity("place:oslo", "Oslo", EntityType.PLACE),
          "lima": Entity("place:lima", "Lima", EntityType.PLACE)}


def article(aid: str, published: date, *meetings: tuple) -> Extraction:
    """An article whose sentences each report one meeting: (who, status, time, place)."""
    sents, found, ents = [], [], {}
    for i, (who, status, time, place) in enumerate(meetings):
        text = f"Sentence {i} about {' and '.join(who)}."
        start = sum(len(s) + 1 for s in sents)
        sents.append(text)
        p = Provenance(aid, i, start, start + len(text), text)
        st = MeetingStatus(status)
        keys = tuple(PEOPLE[w].key for w in who)
        ents.update({PEOPLE[w].key: PEOPLE[w] for w in who})
        if place:
            ents[PLACES[place].key] = PLACES[place]
        found.append(Meeting(keys, st, p, "met", place=PLACES[place].label if place else None,
                             place_entity=PLACES[place].key if place else None, time=time,
                             span=resolve_span(time, published, status)))
    text = " ".join(sents)
    return Extraction(Article(aid, f"Article {aid}", text, published), tuple(ents.values()),
                      (), tuple(found), tuple(m.provenance for m in found))


@pytest.fixture(params=["memory", "oxigraph"])
def store(request, tmp_path):
    s = open_store("memory:" if request.param == "memory" else tmp_path / "store")
    yield s
    s.close()


def add(store, *xs):
    for x in xs:
        store.replace_article(to_rdf(x))
    return update_events(store, [str(graph_iri(x.article.id)) for x in xs])


def events(store, name=None):
    if name:  # a name is resolved through the summary graph, which kg build keeps up to date
        refresh_summary(store)
    params = {"name": Literal(name)} if name else {}
    r = run_query(store, load_query("meeting-events"), params)
    return [tuple(None if d.get(c) is None else str(d[c]) for c in (
        "participant1", "participant2", "start", "end", "precision", "place", "status",
        "reports", "first_reported", "last_reported")) for d in r.dicts()]


MON, FRI = date(2026, 3, 9), date(2026, 3, 13)
ANNOUNCE = article("a-announce", date(2026, 3, 2), (("hana", "olaf"), "planned", "next week", None))
PREVIEW = article("a-preview", MON, (("hana", "olaf"), "planned", "Wednesday", "oslo"))
HELD = article("a-held", FRI, (("olaf", "hana"), "happened", "on Wednesday", None))
LATER = article("a-later", date(2026, 9, 20), (("hana", "olaf"), "happened", "Friday", "lima"))


# -- clustering, without a store ---------------------------------------------------------------

def rep(n, pub, status, start, end, place=None, precision="day"):
    return Report(f"r{n}", f"a{n}", pub, 0, status, DateSpan(start, end, precision), place)


def test_reports_of_one_meeting_become_one_event_whatever_the_order():
    reps = [rep(1, date(2026, 3, 2), "planned", date(2026, 3, 8), date(2026, 3, 14), None, "week"),
            rep(2, MON, "planned", date(2026, 3, 11), date(2026, 3, 11)),
            rep(3, FRI, "happened", date(2026, 3, 11), date(2026, 3, 11)),
            rep(4, date(2026, 3, 14), "happened", None, date(2026, 3, 14), None, "bound")]
    for order in (reps, reps[::-1]):
        (ev,) = cluster_reports(order)
        assert ev.reports == ("r1", "r2", "r3", "r4")
        assert (ev.span.start, ev.span.end, ev.span.precision) == (
            date(2026, 3, 11), date(2026, 3, 11), "day")
        assert ev.status == "happened"
        assert (ev.first_reported, ev.last_reported) == (date(2026, 3, 2), date(2026, 3, 14))


def test_a_held_report_published_before_the_meeting_does_not_make_it_held():
    reps = [rep(1, MON, "planned", date(2026, 3, 11), date(2026, 3, 11)),
            rep(2, MON, "happened", date(2026, 3, 11), date(2026, 3, 11)),  # said on the 9th
            rep(3, date(2026, 3, 10), "planned", date(2026, 3, 11), date(2026, 3, 11))]
    (ev,) = cluster_reports(reps)
    assert ev.status == "planned"
    later = [*reps, rep(4, date(2026, 3, 12), "happened", None, date(2026, 3, 12), None, "bound")]
    assert cluster_reports(later)[0].status == "happened"


def test_two_meetings_of_one_pair_stay_apart():
    reps = [rep(1, MON, "happened", MON, MON),
            rep(2, date(2026, 9, 20), "happened", date(2026, 9, 18), date(2026, 9, 18)),
            # undated: joins the meeting just before its publication, not the older one
            rep(3, date(2026, 9, 21), "happened", None, date(2026, 9, 21), None, "bound")]
    evs = cluster_reports(reps)
    assert [e.reports for e in evs] == [("r1",), ("r2", "r3")]


def test_different_places_split_overlapping_dates():
    reps = [rep(1, MON, "happened", MON, MON, "place/oslo"),
            rep(2, MON, "happened", MON, MON, "place/lima"),
            rep(3, MON, "happened", MON, MON)]
    evs = cluster_reports(reps)
    assert sorted(len(e.reports) for e in evs) == [1, 2]


def test_an_undated_report_far_from_any_event_is_its_own_event():
    reps = [rep(1, MON, "happened", MON, MON),
            rep(2, date(2026, 8, 1), "happened", None, date(2026, 8, 1), None, "bound")]
    evs = {e.reports: e.span for e in cluster_reports(reps)}
    assert set(evs) == {("r1",), ("r2",)}
    # Dated by the recency window: the week up to its publication, labelled as such.
    assert (evs[("r2",)].start, evs[("r2",)].end, evs[("r2",)].precision) == (
        date(2026, 7, 25), date(2026, 8, 1), "window")


def test_conflicting_dated_reports_keep_the_most_supported_days_and_cover_near_ones():
    # Two reports say the 11th, one the 12th (an arrival and the talks, a dateline): the
    # event covers both days rather than pick one; a day four days off is not covered.
    reps = [rep(1, MON, "planned", date(2026, 3, 11), date(2026, 3, 11)),
            rep(2, MON, "planned", date(2026, 3, 11), date(2026, 3, 11)),
            rep(3, MON, "planned", date(2026, 3, 12), date(2026, 3, 12)),
            rep(4, MON, "planned", date(2026, 3, 1), date(2026, 3, 31), None, "month")]
    (ev,) = cluster_reports(reps)
    assert (ev.span.start, ev.span.end) == (date(2026, 3, 11), date(2026, 3, 12))
    reps[2] = rep(3, MON, "planned", date(2026, 3, 15), date(2026, 3, 15))
    spans = {(e.span.start, e.span.end) for e in cluster_reports(reps)}
    assert (date(2026, 3, 11), date(2026, 3, 11)) in spans


def test_a_dated_report_must_fit_the_agreed_days_not_the_hull_a_vague_report_widened():
    # A talk on the 4th; a report of "talks" in the week around it widens the hull back to
    # the 28th; a meeting "in February" touches only that far edge: another meeting.
    reps = [rep(1, date(2026, 3, 3), "planned", date(2026, 3, 4), date(2026, 3, 4)),
            rep(2, date(2026, 3, 6), "happened", date(2026, 2, 28), date(2026, 3, 6), None,
                "week"),
            rep(3, date(2026, 4, 1), "happened", date(2026, 2, 1), date(2026, 2, 28), None,
                "month")]
    evs = cluster_reports(reps)
    assert [e.reports for e in evs] == [("r3",), ("r1", "r2")]
    # A report with no time of its own still joins within the hull.
    undated = rep(4, date(2026, 3, 5), "happened", None, date(2026, 3, 5), None, "bound")
    assert ("r1", "r4", "r2") in [e.reports for e in cluster_reports([*reps, undated])]


def test_two_countries_own_talks_join_a_larger_meeting_only_on_days_both_tell():
    # Valoria and Nordland's own talks, planned for the 4th; a meeting of five, held, told
    # with no day on the 9th. The window would join them; for two countries it does not.
    own = rep(1, date(2026, 3, 3), "planned", date(2026, 3, 4), date(2026, 3, 4))
    five = Report("r2", "a2", date(2026, 3, 9), 0, "happened",
                  DateSpan(None, date(2026, 3, 9), "bound"), None, 5)
    assert [e.reports for e in cluster_reports([own, five])] == [("r1", "r2")]
    assert sorted(e.reports for e in cluster_reports([own, five], tables=True)) == [
        ("r1",), ("r2",)]
    # A report of the two alone with no day of its own stays out of the larger meeting too,
    # and joins a report of the two alone.
    talks = rep(3, date(2026, 3, 10), "happened", None, date(2026, 3, 10), None, "bound")
    evs = cluster_reports([five, talks], tables=True)
    assert sorted(e.reports for e in evs) == [("r2",), ("r3",)]
    assert ("r1", "r3") in [e.reports for e in cluster_reports([own, five, talks], tables=True)]
    # Both telling the same day: one meeting, whatever the sizes.
    told = Report("r4", "a4", date(2026, 3, 5), 0, "happened",
                  DateSpan(date(2026, 3, 4), date(2026, 3, 4), "day"), None, 3)
    assert [e.reports for e in cluster_reports([own, told], tables=True)] == [("r1", "r4")]


@pytest.mark.parametrize(("said", "status"), [
    ([(1, "planned"), (2, "planned")], "planned"),
    ([(1, "planned"), (5, "happened"), (6, "planned")], "happened"),
    ([(1, "planned"), (3, "negated")], "negated"),
    ([(1, "negated"), (3, "planned")], "planned"),
    ([(1, "happened"), (1, "negated")], "disputed"),
    ([(1, "planned"), (1, "negated"), (2, "negated")], "negated"),
    ([(1, "happened"), (4, "negated")], "disputed"),
])
def test_reconciled_status(said, status):
    assert reconcile_status([(date(2026, 3, day), s) for day, s in said]) == status


def test_short_name_resolved_by_the_partner_it_meets():
    labels = {"s": "Sato", "hs": "Hana Sato", "ks": "Kenji Sato", "o": "Olaf Brandt",
              "i": "Ines Moreau"}
    canon = resolve_by_partner([("o", "s"), ("hs", "o"), ("i", "ks"), ("i", "s")], labels)
    assert canon[("o", "s")] == ("hs", "o")  # only Hana Sato meets Olaf elsewhere
    assert canon[("i", "s")] == ("i", "ks")
    assert canon[("hs", "o")] == ("hs", "o")


# -- in the store ---------------------------------------------------------------------------

def test_one_event_from_three_articles(store):
    u = add(store, ANNOUNCE, PREVIEW, HELD)
    assert (u.created, u.updated, u.removed) == (1, 0, 0)
    assert events(store) == [("Hana Sato", "Olaf Brandt", "2026-03-11", "2026-03-11", "day",
                              "Oslo", "happened", "3", "2026-03-02", "2026-03-13")]


def test_who_met_whom_keeps_one_row_per_report(store):
    add(store, ANNOUNCE, PREVIEW, HELD)
    r = run_query(store, load_query("who-met-whom"))
    assert sorted(r.values("article")) == ["a-announce", "a-held", "a-preview"]


def test_incremental_join_update_and_remove(store):
    assert add(store, PREVIEW).created == 1
    u = add(store, HELD)  # joins the event: updated, not created
    assert (u.created, u.updated, u.removed) == (0, 1, 0)
    assert events(store)[0][6:8] == ("happened", "2")
    u = add(store, LATER)  # another meeting of the pair, in Lima
    assert (u.created, u.updated, u.removed) == (1, 0, 0)
    assert [e[2] for e in events(store)] == ["2026-03-11", "2026-09-18"]
    # The held report is replaced by an article without the meeting: back to planned.
    store.replace_article(to_rdf(article("a-held", FRI, (("ines", "olaf"), "happened", None,
                                                         None))))
    u = update_events(store, [str(graph_iri("a-held"))])
    assert (u.created, u.updated, u.removed) == (1, 1, 0)
    assert events(store, "Hana Sato")[0][6:8] == ("planned", "1")
    u = remove_articles(store, ["a-preview"])
    assert (u.created, u.updated, u.removed) == (0, 0, 1)
    assert [e[2] for e in events(store, "Hana Sato")] == ["2026-09-18"]
    assert remove_articles(store, ["a-later", "a-held"]).removed == 2
    assert events(store) == []


def test_incremental_equals_rebuild(store, tmp_path):
    for x in (LATER, HELD, ANNOUNCE, PREVIEW):
        add(store, x)
    fresh = open_store("memory:")
    for x in (ANNOUNCE, PREVIEW, HELD, LATER):
        fresh.replace_article(to_rdf(x))
    update_events(fresh)
    assert events(store) == events(fresh)
    again = update_events(store)  # a full pass finds nothing to change
    assert (again.created, again.updated, again.removed) == (0, 0, 0)


def test_unchanged_pairs_are_not_rewritten(store):
    add(store, PREVIEW, article("a-other", MON, (("ines", "olaf"), "happened", "Monday", None)))
    u = add(store, HELD)
    assert u.pairs == 1


def test_countries_own_talks_stay_out_of_a_larger_meeting_but_people_join(store):
    trio = ("valoria", "nordland", "ostmark")
    add(store, article("a-own", date(2026, 3, 3), (("valoria", "nordland"), "planned",
                                                    "tomorrow", None)),
        article("a-trio", date(2026, 3, 9), (trio, "happened", None, None)))
    rows = events(store)
    assert sorted((r[0], r[1], r[7]) for r in rows) == [
        ("Nordland", "Ostmark", "1"), ("Nordland", "Valoria", "1")]
    # The same reports of three people and two of them: one meeting, as before.
    people = ("hana", "olaf", "ines")
    fresh = open_store("memory:")
    add(fresh, article("b-own", date(2026, 3, 3), (("hana", "olaf"), "planned", "tomorrow",
                                                    None)),
        article("b-trio", date(2026, 3, 9), (people, "happened", None, None)))
    assert [r[7] for r in events(fresh)] == ["2"]


def test_short_name_joins_the_full_name_event(store):
    short = article("a-short", FRI, (("sato", "olaf"), "happened", "Wednesday", None))
    add(store, PREVIEW, short, article("a-kenji", MON, (("kenji", "ines"), "planned", None, None)))
    rows = events(store, "Olaf Brandt")
    assert [(r[0], r[1], r[7]) for r in rows] == [("Hana Sato", "Olaf Brandt", "2")]


def test_meeting_events_param_filters_by_any_name(store):
    add(store, PREVIEW, article("a-other", MON, (("ines", "olaf"), "happened", "Monday", None)))
    assert len(events(store)) == 2
    assert [r[0] for r in events(store, "sato")] == ["Hana Sato"]
    assert [r[0] for r in events(store, "Ines Moreau")] == ["Ines Moreau"]
    assert events(store, "Nobody") == []


def test_meetings_timeline_orders_events_by_date(store):
    add(store, LATER, PREVIEW, article("a-other", MON, (("ines", "olaf"), "happened", "Monday",
                                                        None)),
        article("a-undated", MON, (("ines", "hana"), "happened", None, None)))
    r = run_query(store, load_query("meetings-timeline"))
    got = [(d["participant1"].toPython(), str(d.get("start")), str(d["end"]))
           for d in r.dicts()]
    # The undated held report's event is dated to the week up to its publication (a window).
    assert got == [("Hana Sato", "2026-03-02", "2026-03-09"), ("Ines Moreau", "2026-03-09",
                                                        "2026-03-09"),
                   ("Hana Sato", "2026-03-11", "2026-03-11"),
                   ("Hana Sato", "2026-09-18", "2026-09-18")]


def test_event_graphs_are_apart_from_article_graphs(store):
    add(store, PREVIEW)
    assert set(store.article_hashes()) == {"a-preview"}
    store.replace_article(to_rdf(PREVIEW))  # the article graph alone does not touch events
    assert len(events(store)) == 1


def test_map_projection_draws_one_edge_per_event(store):
    from kg.network.graph import to_networkx

    for x in (ANNOUNCE, PREVIEW, HELD):
        store.replace_article(to_rdf(x))
    before = [d for *_, d in to_networkx(store).edges(data=True) if d["kind"] == "meeting"]
    assert len(before) == 3 and all("weight" not in d for d in before)  # no events derived yet
    update_events(store)
    (edge,) = [d for *_, d in to_networkx(store).edges(data=True) if d["kind"] == "meeting"]
    assert (edge["weight"], str(edge["start"]), str(edge["end"]), edge["status"]) == (
        3, "2026-03-11", "2026-03-11", "happened")
    assert edge["article"] == "a-announce"  # the earliest report is its provenance
    from kg.map.view import dated

    g = to_networkx(store)
    assert dated(g, date(2026, 3, 11), date(2026, 3, 11)).number_of_edges() == 1
    assert dated(g, date(2026, 3, 1), date(2026, 3, 8)).number_of_edges() == 0


def test_map_edge_of_an_event_no_report_dates_keeps_the_publication_day(store):
    # The recency window widens the time filter's interval, but the day the edge shows is the
    # one the reports bound it by, not the window's presumed far end.
    from kg.network.graph import to_networkx

    add(store, article("a-undated-held", FRI, (("hana", "olaf"), "happened", None, None)),
        article("a-undated-plan", MON, (("ines", "olaf"), "planned", None, None)))
    edges = {d["status"]: d for *_, d in to_networkx(store).edges(data=True)
             if d["kind"] == "meeting"}
    held, plan = edges["happened"], edges["planned"]
    assert (str(held["date"]), str(held["start"]), str(held["end"]), held["precision"]) == (
        "2026-03-13", "2026-03-06", "2026-03-13", "window")
    assert (str(plan["date"]), str(plan["start"]), str(plan["end"])) == (
        "2026-03-09", "2026-03-09", "2026-04-13")


# -- command line ---------------------------------------------------------------------------

def test_cli_build_reports_events_and_remove_updates_them(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text("Talks\n\nAngela Merkel met Emmanuel Macron in Paris on Monday.\n")
    (d / "two.txt").write_text("More\n\nAngela Merkel held talks with Emmanuel Macron on "
                               "Monday in Paris.\n")
    store = str(tmp_path / "store")
    runner = CliRunner()
    r = runner.invoke(cli, ["build", str(d), "--store", store, "--published", "2026-03-11"])
    assert r.exit_code == 0, r.output
    assert "meeting events: 1 created, 0 updated" in r.output
    r = runner.invoke(cli, ["query", "meeting-events", "--store", store, "--format", "csv",
                            "--param", "name=Merkel"])
    assert r.exit_code == 0, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 2 and "2026-03-09" in lines[1] and ",2," in lines[1]
    r = runner.invoke(cli, ["remove", "nosuch", "--store", store])
    assert r.exit_code == 1 and "no stored article 'nosuch'" in r.output
    r = runner.invoke(cli, ["remove", "one", "--store", store])
    assert r.exit_code == 0 and "0 created, 1 updated, 0 removed" in r.output


def test_reports_bounding_the_meeting_from_both_sides_the_wrong_way_round_keep_one_bound():
    # Planned after Oct 28 but held before Oct 27: chained by overlapping windows into one
    # event, their bounds cross; the event keeps the held report's upper bound (and the
    # recency window before it).
    reports = [
        Report("r0", "a0", date(1987, 10, 28), 0, "planned", DateSpan(date(1987, 10, 28), None, "bound")),
        Report("r1", "a1", date(1987, 11, 9), 0, "happened", DateSpan(None, date(1987, 11, 9), "bound")),
        Report("r2", "a2", date(1987, 10, 16), 0, "planned", None),
        Report("r3", "a3", date(1987, 10, 27), 0, "happened", DateSpan(None, date(1987, 10, 27), "bound")),
    ]
    events = cluster_reports(reports)
    assert sum(len(e.reports) for e in events) == 4
    for e in events:
        assert e.span.start is None or e.span.end is None or e.span.start <= e.span.end
    assert any(e.span.end == date(1987, 10, 27) and e.span.precision == "window"
               for e in events)


def test_cli_remove_refreshes_the_summary_graph(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "one.txt").write_text("Talks\n\nAngela Merkel met Emmanuel Macron in Paris on Monday.\n")
    (d / "two.txt").write_text("Visit\n\nPedro Sanchez met Mark Rutte in Madrid on Monday.\n")
    store = str(tmp_path / "store")
    runner = CliRunner()
    r = runner.invoke(cli, ["build", str(d), "--store", store, "--published", "2026-03-11"])
    assert r.exit_code == 0, r.output

    def connected():
        r = runner.invoke(cli, ["query", "most-connected", "--store", store, "--format", "csv"])
        assert r.exit_code == 0, r.output
        return r.output

    assert "Pedro Sanchez" in connected() and "Angela Merkel" in connected()
    assert runner.invoke(cli, ["remove", "two", "--store", store]).exit_code == 0
    assert "Pedro Sanchez" not in connected() and "Angela Merkel" in connected()
