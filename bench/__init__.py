"""perhepolku benchmarks: `make bench` (python -m bench) measures named queries, navigation and search."""
