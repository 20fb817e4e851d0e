"""perhepolku search: Finnish-aware multilingual full-text search over the services of the graph."""
