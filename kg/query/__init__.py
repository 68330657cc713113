"""SPARQL queries: the saved and internal .rq files, loading and running them, the guard."""
