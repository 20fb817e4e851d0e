"""perhepolku knowledge graph: build, validate, reason, store and query."""
