"""Plain-text and JSON Lines views of an :class:`~kg.model.Extraction`, for ``kg extract``.

>>> from kg.model import Article, Extraction
>>> extraction_text(Extraction(Article("a", "Title", "x"))).splitlines()[0]
'# a: Title'
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from enum import Enum
from typing import Any

from kg.model import Extraction

__all__ = ["extraction_text", "extraction_jsonl", "to_jsonable"]


def to_jsonable(obj: Any) -> Any:
    """A dataclass tree as JSON-ready values (enums by value, dates as ISO strings)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, list | tuple):
        return [to_jsonable(v) for v in obj]
    return obj


def extraction_jsonl(x: Extraction) -> str:
    """One JSON object for the whole extraction (article text left out)."""
    d = to_jsonable(x)
    d["article"].pop("text", None)
    return json.dumps(d, ensure_ascii=False)


def extraction_text(x: Extraction) -> str:
    """A readable listing: entities, meetings, then triples with their sentence index."""
    labels = {e.key: e.label for e in x.entities}
    out = [f"# {x.article.id}: {x.article.title}", "", "## entities"]
    for e in x.entities:
        extra = f" (also: {', '.join(e.aliases)})" if e.aliases else ""
        titles = f" [{', '.join(e.titles)}]" if e.titles else ""
        out.append(f"- {e.label} — {e.type.value}{titles}{extra}")
    out += ["", "## meetings"]
    for m in x.meetings:
        who = " & ".join(labels.get(p, p) for p in m.participants)
        where = f" in {m.place}" if m.place else ""
        when = f" {m.time}" if m.time else ""
        out.append(f"- {who}: {m.status.value}{where}{when}  [s{m.provenance.sentence_index}]")
    out += ["", "## triples"]
    for t in x.triples:
        obj = f"; {t.object.text}" if t.object else ""
        rest = "".join(f"; {a.text}" for a in t.extra)
        out.append(f"- ({t.subject.text}; {t.relation}{obj}{rest}) "
                   f"{t.confidence:.2f} [s{t.provenance.sentence_index}]")
    return "\n".join(out) + "\n"
