"""The RDF layer: the resolved corpus as a graph (`graph`), written as sorted quads without an
in-memory store (`quads`), in the formats of one table (`rdf_formats`). It knows nothing of NER."""
