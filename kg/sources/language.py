"""Language detection: an article that is not in the corpus language is skipped with a reason.

The English pipeline turns French or German prose into confident nonsense, so ``kg build``
skips such articles (named in the build summary); ``--lang any`` keeps everything.

>>> language_problem("Le président Macron a rencontré le chancelier Scholz à Paris lundi "
...                  "pour parler de la guerre en Ukraine et de la défense de l'Europe, "
...                  "et les deux dirigeants ont promis de se revoir bientôt.")
'not English (looks like fr, p=1.00; 3% English function words); pass --lang any to keep it'
>>> language_problem("Putin met Witkoff in Moscow on Tuesday.") is None
True
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "ANY",
    "DEFAULT_LANG",
    "MIN_WORDS",
    "MIN_PROBABILITY",
    "MAX_FUNCTION_SHARE",
    "LanguageGuess",
    "guess_language",
    "language_problem",
]

#: ``--lang any`` switches detection off.
ANY = "any"
#: The corpus language the pinned pipeline reads.
DEFAULT_LANG = "en"
#: Shorter texts are never skipped: langid is unreliable on a sentence or two.
MIN_WORDS = 20
#: langid's (normalised) probability needed before an article is called foreign.
MIN_PROBABILITY = 0.9
#: English news prose is ~40% function words; foreign prose scores under 10%. Financial
#: tables ("Shr 45 cts vs 58 cts") fool langid but also score low, so both signals must agree
#: and the detected language's own function words must outnumber the expected one's.
MAX_FUNCTION_SHARE = 0.15
#: Only the start of a long article is classified; the language does not change midway.
SAMPLE_CHARS = 4000

_WORD = re.compile(r"[^\W\d_]+")
_NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
          "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "zh": "Chinese"}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """What langid made of a text, and how much of it reads as ``expected``'s function words."""

    code: str
    probability: float
    words: int
    expected_share: float
    detected_share: float | None  # None when spaCy has no stop-word list for ``code``


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loading the n-gram model takes ~0.3 s, so it happens on first use, not at import.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=128)
def _stop_words(code: str) -> frozenset[str] | None:
    # Loaded from the file alone: importing spacy.lang.<code> runs the package's __init__,
    # which for some languages pulls in tokenisers and took ~0.3 s per new code.
    import spacy.lang

    path = Path(spacy.lang.__file__).parent / code / "stop_words.py"
    if not code.isalpha() or not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"_kg_stop_words_{code}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except ImportError:  # a list that imports from its package
        return None
    return frozenset(w.lower() for w in getattr(module, "STOP_WORDS", ()))


def _share(words: list[str], code: str) -> float | None:
    stops = _stop_words(code)
    if stops is None or not words:
        return None
    return sum(w in stops for w in words) / len(words)


def guess_language(text: str, expected: str = DEFAULT_LANG) -> LanguageGuess:
    """Classify the start of ``text`` with py3langid and count function words.

    >>> g = guess_language("Bundeskanzler Scholz traf am Montag in Berlin den Präsidenten.")
    >>> g.code, g.words
    ('de', 9)
    """
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    code, prob = _identifier().classify(sample)
    return LanguageGuess(str(code), float(prob), len(words), _share(words, expected) or 0.0,
                         _share(words, str(code)))


def language_problem(text: str, expected: str = DEFAULT_LANG) -> str | None:
    """Why ``text`` is not in ``expected`` (a reason for the build summary), or None.

    Short texts and ``expected == "any"`` always pass, and so does a text whose share of
    ``expected``'s function words is normal prose's, without langid (~8 ms an article).

    >>> language_problem("Bundeskanzler Scholz traf Macron.", "any") is None
    True
    """
    if expected == ANY:
        return None
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    share = _share(words, expected)
    if len(words) < MIN_WORDS or (share is not None and share >= MAX_FUNCTION_SHARE):
        return None
    g = guess_language(text, expected)
    if g.code == expected or g.probability < MIN_PROBABILITY:
        return None
    # Both signals must agree: langid calls English tables ("Shr 45 cts vs 58 cts") Occitan
    # or Volapük with p > 0.9, languages with no function-word list to confirm it.
    if g.detected_share is None or g.detected_share <= g.expected_share:
        return None
    name = _NAMES.get(expected, expected)
    return (f"not {name} (looks like {g.code}, p={g.probability:.2f}; "
            f"{g.expected_share:.0%} {name} function words); pass --lang any to keep it")
