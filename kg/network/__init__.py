"""The graph as NetworkX: the projection from the store, analytics, file exports."""
