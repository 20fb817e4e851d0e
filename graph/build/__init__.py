"""The offline build pipeline: load, check quotes, validate (SHACL), reason, materialise, precompute, write, switch.

Only the CLI and the benchmarks call it; a server never does (it opens finished builds).
"""

from graph.build.generate import generate
from graph.build.pipeline import BuildStep, build, build_graph
from graph.build.precompute import PRECOMPUTED, precompute
from graph.build.validate import ValidationReport, validate

__all__ = ["PRECOMPUTED", "BuildStep", "ValidationReport", "build", "build_graph", "generate", "precompute", "validate"]
