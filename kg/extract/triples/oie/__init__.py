"""Rule-based Open IE over spaCy dependency parses, one module per construction family.

>>> from kg.extract.triples.oie import extract_sentence, RawExtraction
>>> callable(extract_sentence)
True
"""

from kg.extract.triples.oie.extractor import FAMILIES, extract_sentence
from kg.extract.triples.oie.records import RawExtraction, phrase_text, relation_text

__all__ = ["FAMILIES", "extract_sentence", "RawExtraction", "phrase_text", "relation_text"]
