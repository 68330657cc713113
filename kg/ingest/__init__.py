"""Building a store from articles: extraction in parallel workers or on Dask, linking, loading."""
