"""The RDF side: the vocabulary, IRIs minted in one place, the mapping to RDF, N-Quads."""
