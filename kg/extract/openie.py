"""Open IE on sentence-per-line input (no segmentation) and writers for CaRB, TSV and JSONL.

Each input line is one pre-tokenised sentence: its whitespace tokens become the tokens
of one Doc, so the parse covers exactly the line ("Pittsburgh 's" stays two tokens).

>>> carb_line(SentenceTriple("Ann met Bob .", 0.5, "met", ("Ann", "Bob"), "verb"))
'Ann met Bob .\\t0.5\\tmet\\tAnn\\tBob'
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TextIO

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import InputError
from kg.extract.triples.oie import extract_sentence, phrase_text, relation_text
from kg.extract.triples.oie.records import SOURCE_WORDS

__all__ = [
    "SentenceTriple",
    "SentenceResult",
    "FORMATS",
    "parse_sentences",
    "extract_sentences",
    "read_sentence_file",
    "carb_line",
    "write_triples",
    "extract_sentence_file",
]

log = logging.getLogger(__name__)

FORMATS = ("carb", "tsv", "jsonl")
# Only the statistical annotators: the kg_* components work on articles, not lines.
_ANNOTATORS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@dataclass(frozen=True, slots=True)
class SentenceTriple:
    """One extraction from one input line, as plain text slots."""

    sentence: str
    confidence: float
    relation: str
    args: tuple[str, ...]  # arg1 (subject), arg2, arg3, ...
    construction: str
    predicate: str = ""
    negated: bool = False
    modality: str | None = None
    attribution: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class SentenceResult:
    """The extractions of a whole input, and how many lines were skipped as unusable."""

    triples: tuple[SentenceTriple, ...]
    sentences: int
    skipped: int


#: Penn Treebank escapes the English pipeline never saw in training, and what it saw instead.
#: The parser reads the plain form; the output keeps the input's own tokens.
PTB_TOKENS = {
    "``": "\u201c",
    "''": "\u201d",
    "`": "'",
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}


def _for_parser(word: str) -> str:
    r"""``word`` as the parser should see it.

    >>> [_for_parser(w) for w in ["Hi", "-LRB-", "3\\/4"]]
    ['Hi', '(', '3/4']
    >>> _for_parser("``") == "\u201c"
    True
    """
    return PTB_TOKENS.get(word, word.replace("\\/", "/"))


def parse_sentences(nlp: Language, lines: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """One parsed Doc per line, tokens = the line's whitespace tokens, one sentence each."""

    def docs() -> Iterator[Doc]:
        for line in lines:
            words = line.split()
            parsed = [_for_parser(w) for w in words]
            doc = Doc(nlp.vocab, words=parsed)
            if parsed != words:
                doc.user_data[SOURCE_WORDS] = words
            if len(doc):
                doc[0].is_sent_start = True
            for t in doc[1:]:
                t.is_sent_start = False
            yield doc

    procs = [(n, p) for n, p in nlp.pipeline if n in _ANNOTATORS]
    stream: Iterable[Doc] = docs()
    for _, proc in procs:
        stream = (
            proc.pipe(stream, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, stream)
        )
    yield from stream


def _to_triples(doc: Doc, n: int, weights: dict[str, float] | None) -> list[SentenceTriple]:
    text = phrase_text(doc, tuple(range(len(doc))))
    out = []
    for r in extract_sentence(doc[:], weights):
        out.append(
            SentenceTriple(
                sentence=text,
                confidence=r.confidence,
                relation=relation_text(doc, r.relation),
                args=(phrase_text(doc, r.subject), *(phrase_text(doc, a) for a in r.args)),
                construction=r.construction,
                predicate=r.predicate,
                negated=r.negated,
                modality=r.modality,
                attribution=phrase_text(doc, r.attribution) if r.attribution else None,
                line=n,
            )
        )
    return out


def extract_sentences(
    nlp: Language, lines: Iterable[str], weights: dict[str, float] | None = None
) -> SentenceResult:
    """Open IE over sentence-per-line input; blank lines are ignored, bad ones skipped."""
    kept = [(n, " ".join(line.split())) for n, line in enumerate(lines, 1) if line.strip()]
    triples: list[SentenceTriple] = []
    skipped = 0
    for (n, _), doc in zip(kept, parse_sentences(nlp, (t for _, t in kept)), strict=True):
        try:
            triples.extend(_to_triples(doc, n, weights))
        except (ValueError, IndexError, RecursionError) as e:
            skipped += 1
            log.warning("skipped line %d: %s", n, e)
    return SentenceResult(tuple(triples), len(kept), skipped)


def read_sentence_file(path: str | Path) -> list[str]:
    """The lines of a UTF-8 sentence file."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read sentences from {path}: {e}") from e


def _clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


def carb_line(t: SentenceTriple) -> str:
    """CaRB's tabbed format: sentence, confidence, relation, arg1, arg2, ..."""
    return "\t".join(
        [_clean(t.sentence), repr(t.confidence), _clean(t.relation), *map(_clean, t.args)]
    )


def write_triples(triples: Iterable[SentenceTriple], out: TextIO, fmt: str = "carb") -> int:
    """Write ``triples`` to ``out`` as ``carb``, ``tsv`` (with a header) or ``jsonl``."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    n = 0
    if fmt == "tsv":
        out.write("line\tconfidence\tsubject\trelation\tobject\tmore\tconstruction\n")
    for t in triples:
        if fmt == "carb":
            out.write(carb_line(t) + "\n")
        elif fmt == "tsv":
            obj = t.args[1] if len(t.args) > 1 else ""
            more = " | ".join(t.args[2:])
            cells = [
                str(t.line),
                f"{t.confidence:.3f}",
                t.args[0],
                t.relation,
                obj,
                more,
                t.construction,
            ]
            out.write("\t".join(map(_clean, cells)) + "\n")
        else:
            out.write(json.dumps(asdict(t), ensure_ascii=False) + "\n")
        n += 1
    return n


def extract_sentence_file(
    path: str | Path, out: TextIO, fmt: str = "carb", model: str | None = None
) -> SentenceResult:
    """Read ``path`` (one sentence a line), run Open IE, write the triples to ``out`` as ``fmt``.

    Everything is read and checked before anything is written, so bad input leaves no
    partial output.
    """
    from kg.extract.pipeline import load_nlp

    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    lines = read_sentence_file(path)
    if not any(line.strip() for line in lines):
        raise InputError(f"{path}: no sentences")
    result = extract_sentences(load_nlp(model), lines)
    write_triples(result.triples, out, fmt)
    if result.skipped:
        log.warning("%d of %d sentences skipped", result.skipped, result.sentences)
    return result
