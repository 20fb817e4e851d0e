"""Data package: the OWL vocabulary, concept schemes, alignments and SHACL shapes (Turtle), read by graph.build."""
