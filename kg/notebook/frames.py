"""pandas views for notebooks: meetings, triples, entities and query results as DataFrames.

pandas is imported only when a frame is made, so ``import kg.notebook.frames`` stays light.

>>> from kg.sample import sample_extraction, sample_store
>>> df = meetings_frame(sample_store())
>>> df.loc[0, ["participants", "status", "place", "time"]].tolist()
[('Steve Witkoff', 'Vladimir Putin'), 'planned', 'Moscow', 'Tuesday']
>>> triples_frame([sample_extraction()]).loc[0, ["subject", "relation", "object"]].tolist()
['President Vladimir Putin', 'is expected to meet with', 'Steve Witkoff']
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from kg.model import Extraction
from kg.query.files import internal_query
from kg.query.results import QueryResult
from kg.store import Store

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MEETING_COLUMNS",
    "TRIPLE_COLUMNS",
    "meetings_frame",
    "triples_frame",
    "entities_frame",
    "result_frame",
    "records_frame",
]

MEETING_COLUMNS = ("participants", "status", "place", "time", "date", "trigger", "confidence",
                   "article", "sentence_index", "sentence")
TRIPLE_COLUMNS = ("article", "sentence_index", "subject", "relation", "object", "extra",
                  "confidence", "negated", "modality", "attribution", "sentence")


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


def _text(v: Any) -> str | None:
    return None if v is None else str(v)


def meetings_frame(store: Store) -> pd.DataFrame:
    """One row per meeting in ``store``: sorted participant labels, status, place, time,
    date, trigger, confidence and the sentence it was read from."""
    sparql = internal_query("meetings-table")
    meetings: dict[str, dict[str, Any]] = {}
    for d in store.query(sparql).dicts():
        m = meetings.setdefault(str(d["m"]), {"participants": set()})
        m["participants"].add(str(d["participant"]))
        m.update(status=str(d["status"]), place=_text(d.get("place")),
                 time=_text(d.get("time")), date=_text(d.get("date")),
                 trigger=_text(d.get("trigger")),
                 confidence=float(str(d["confidence"])) if "confidence" in d else None,
                 article=str(d["article"]), sentence_index=int(str(d["si"])),
                 sentence=str(d["sentence"]))
    rows = sorted(meetings.values(), key=lambda m: (m["article"], m["sentence_index"],
                                                     sorted(m["participants"])))
    for m in rows:
        m["participants"] = tuple(sorted(m["participants"]))
    return _frame(rows, MEETING_COLUMNS)


def triples_frame(extractions: Iterable[Extraction]) -> pd.DataFrame:
    """One row per open-IE triple, in article and sentence order, with its sentence."""
    rows = []
    for x in extractions:
        for t in x.triples:
            rows.append({
                "article": x.article.id, "sentence_index": t.provenance.sentence_index,
                "subject": t.subject.text, "relation": t.relation,
                "object": t.object.text if t.object else None,
                "extra": tuple(a.text for a in t.extra), "confidence": t.confidence,
                "negated": t.negated, "modality": t.modality, "attribution": t.attribution,
                "sentence": t.provenance.sentence,
            })
    return _frame(rows, TRIPLE_COLUMNS)


def entities_frame(extractions: Iterable[Extraction]) -> pd.DataFrame:
    """One row per entity per article: label, type, titles, aliases and number of mentions.

    >>> from kg.sample import sample_extraction
    >>> entities_frame([sample_extraction()]).loc[0, ["label", "type"]].tolist()
    ['Vladimir Putin', 'person']
    """
    rows = [{"article": x.article.id, "label": e.label, "type": e.type.value,
             "titles": e.titles, "aliases": e.aliases, "mentions": len(e.mentions)}
            for x in extractions for e in x.entities]
    return _frame(rows, ("article", "label", "type", "titles", "aliases", "mentions"))


def result_frame(result: QueryResult) -> pd.DataFrame:
    """A SELECT result as a DataFrame of strings (unbound cells are None).

    >>> from rdflib import Literal
    >>> result_frame(QueryResult("SELECT", ("a", "b"), ((Literal("x"), None),))).iloc[0].tolist()
    ['x', None]
    """
    rows = [[_text(v) for v in row] for row in result.rows]
    import pandas as pd

    return pd.DataFrame(rows, columns=list(result.vars))


def records_frame(records: Iterable[Any]) -> pd.DataFrame:
    """Frozen dataclass records (e.g. from :mod:`kg.network.analytics`) as a DataFrame, one per row.

    >>> from kg.model import Mention
    >>> records_frame([Mention("Putin", 0, 5, 0)]).columns.tolist()
    ['text', 'start', 'end', 'sentence_index', 'kind']
    """
    recs = list(records)
    import pandas as pd

    if not recs:
        return pd.DataFrame()
    return pd.DataFrame([{f.name: getattr(r, f.name) for f in dataclasses.fields(r)}
                         for r in recs])
