"""Data package: the named SPARQL queries (*.rq with typed headers), the build rules and the SHACL components."""
