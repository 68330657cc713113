"""Notebook helpers: a progress bar, corpus slices, pandas views of the store."""
