"""A generated newswire corpus for the distributed tests and benchmark: varied, real-looking."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

__all__ = ["articles", "write_jsonl"]

_PEOPLE = [
    ("Helena Marsh", "foreign minister", "Norway"), ("Tomasz Wilk", "prime minister", "Poland"),
    ("Amara Okafor", "finance minister", "Nigeria"), ("Kenji Sato", "trade minister", "Japan"),
    ("Lucia Ferreira", "president", "Brazil"), ("Omar Haddad", "defence minister", "Jordan"),
    ("Ingrid Dahl", "chancellor", "Austria"), ("Rafael Ortega", "energy minister", "Mexico"),
    ("Mei Lin Zhou", "vice premier", "China"), ("David Kerr", "secretary of state", "Canada"),
    ("Priya Raman", "commerce minister", "India"), ("Yusuf Demir", "economy minister", "Turkey"),
]
_CITIES = ["Geneva", "Vienna", "Brussels", "Nairobi", "Singapore", "Lisbon", "Oslo", "Doha",
           "Jakarta", "Santiago", "Warsaw", "Cairo"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_TOPICS = ["grain exports", "a ceasefire proposal", "tariffs on steel", "energy supplies",
           "a debt restructuring", "fishing rights", "refugee flows", "a new pipeline"]
_COMPANIES = ["Northwind Energy", "Arcadia Shipping", "Helix Mining", "Bluewater Foods",
              "Corvus Steel", "Meridian Bank"]


def _article(rng: random.Random, n: int) -> dict[str, str]:
    a, b, c, d = rng.sample(_PEOPLE, 4)
    city, city2 = rng.sample(_CITIES, 2)
    day, topic, firm = rng.choice(_DAYS), rng.choice(_TOPICS), rng.choice(_COMPANIES)
    pct = rng.randint(2, 19)
    published = date(2025, 1, 6) + timedelta(days=n)
    text = (
        f"{a[0]}, the {a[1]} of {a[2]}, met {b[0]} in {city} on {day} to discuss {topic}. "
        f"The two officials spoke for nearly three hours, aides said. "
        f"{b[0]} told reporters the talks had been frank and useful. "
        f"{c[0]} will travel to {city2} next week to meet {d[0]}, the {d[1]} of {d[2]}. "
        f"Shares in {firm} rose {pct} percent after the announcement. "
        f"{a[0]} did not meet {c[0]}, officials said."
    )
    return {"id": f"wire-{n:03d}", "title": f"{a[0]} and {b[0]} hold talks in {city}",
            "published": published.isoformat(), "text": text}


def articles(n: int, seed: int = 7) -> list[dict[str, str]]:
    """``n`` deterministic articles as JSON-lines records."""
    rng = random.Random(seed)
    return [_article(rng, i) for i in range(n)]


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    """Write :func:`articles` to ``path`` and return it."""
    path.write_text("".join(json.dumps(r) + "\n" for r in articles(n, seed)), encoding="utf-8")
    return path
