"""The knowledge graph: `build` makes a build folder offline, `store` opens and queries it, `navigation` answers families.

Layers (docs/architecture.md): graph.build → graph.store ← graph.navigation; the flat modules
vocab, paths, errors and parsing are shared by all three. api/ and search_index/ import the
names each sub-package's __init__ exports.
"""
