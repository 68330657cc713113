"""The offline HTML map: selecting what to show, the layout, rendering with the bundled viewer."""
