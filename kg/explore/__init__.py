"""Using a graph: SPARQL queries and their presets (`query`, `query_workers`, `sparql_policy`), the
interactive HTML view (`html`, `pyvis_view`) and the parts of a graph small enough to draw
(`neighbourhood`)."""
