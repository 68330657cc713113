"""Evaluation of extractions against public benchmarks (CaRB for Open IE)."""

from kg.eval.carb import CarbExtraction, CarbScore, read_gold, read_tabbed, score

__all__ = ["CarbExtraction", "CarbScore", "read_gold", "read_tabbed", "score"]
