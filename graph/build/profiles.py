"""Second validation profiles: an official application profile's own SHACL shapes, run over a built graph.

The project's shapes (ontology/shapes.ttl) are what a build refuses to violate. A profile is a
standard the graph claims to follow, checked from outside with that standard's shapes, vendored
unchanged in ontology/profiles/. Where the sources give no value for something a profile requires
(a competent authority no source names), the graph stays silent and the violation is listed, with
its reason, in the profile's explanations file; a violation not listed there, or an explanation
that no longer matches a violation, fails `perhepolku validate --profile` and the tests.
"""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import vocab
from graph.build.shacl import ShaclEngine, Violation
from graph.errors import BuildError
from graph.paths import ONTOLOGY_DIR, DataDirs

PROFILES_DIR = ONTOLOGY_DIR / "profiles"


@dataclass(frozen=True)
class Profile:
    """A standard's shapes and the explanations of the violations the sources leave open."""

    name: str
    title: str
    version: str
    shapes: Path
    explained: Path
    url: str


PROFILES = {
    "cpsv-ap": Profile(
        "cpsv-ap",
        "Core Public Service Vocabulary Application Profile (CPSV-AP)",
        "3.2.0",
        PROFILES_DIR / "cpsv-ap-SHACL-3.2.0.ttl",
        PROFILES_DIR / "cpsv-ap-explained.toml",
        "https://semiceu.github.io/CPSV-AP/releases/3.2.0/",
    )
}


@dataclass(frozen=True)
class Explanation:
    """Why one violation stays: the focus node, the path, the constraint component and the reason."""

    focus: str
    path: str
    component: str
    reason: str

    def matches(self, v: Violation) -> bool:
        return (v.focus, v.path or "", v.component) == (self.focus, self.path, self.component)


@dataclass
class ProfileReport:
    """Every violation of a profile's shapes, split into explained and unexplained, and stale explanations."""

    profile: Profile
    violations: list[Violation]
    explained: list[tuple[Violation, Explanation]] = field(default_factory=list)
    unexplained: list[Violation] = field(default_factory=list)
    stale: list[Explanation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """True when every violation is explained and every explanation is still needed."""
        return not self.unexplained and not self.stale

    def dump(self) -> dict[str, Any]:
        return {
            "profile": self.profile.name,
            "version": self.profile.version,
            "conforms": self.conforms,
            "violations": len(self.violations),
            "explained": [{"violation": str(v), "reason": e.reason} for v, e in self.explained],
            "unexplained": [str(v) for v in self.unexplained],
            "stale": [f"{e.focus} {e.path} [{e.component}]" for e in self.stale],
        }

    def summary(self) -> dict[str, int]:
        return {
            "violations": len(self.violations),
            "explained": len(self.explained),
            "unexplained": len(self.unexplained),
        }

    def text(self) -> str:
        p = self.profile
        lines = [f"{p.title} {p.version}: {len(self.violations)} violations, {len(self.explained)} explained"]
        lines += [f"  NOT EXPLAINED: {v}" for v in self.unexplained]
        lines += [f"  NO LONGER NEEDED: explanation of {e.focus} {e.path} [{e.component}]" for e in self.stale]
        lines.append("CONFORMS (every remaining violation explained)" if self.conforms else "DOES NOT CONFORM")
        return "\n".join(lines)


def profile(name: str) -> Profile:
    try:
        return PROFILES[name]
    except KeyError:
        raise BuildError(f"unknown profile {name!r}; known: {', '.join(sorted(PROFILES))}") from None


def _full(term: str) -> str:
    """Explanations may name nodes relative to the project's id base (service/neuvola)."""
    return term if "://" in term else vocab.ID + term


def load_explanations(p: Profile) -> list[Explanation]:
    if not p.explained.exists():
        return []
    data = tomllib.loads(p.explained.read_text(encoding="utf-8"))
    return [
        Explanation(_full(e["focus"]), e["path"], e["component"], " ".join(e["reason"].split()))
        for e in data.get("explained", [])
    ]


def check_profile(store: ox.Store, name: str, *, explanations: bool = True) -> ProfileReport:
    """Validate the store's named graphs against the profile's shapes; sort violations by their explanations.

    `explanations=False` (a generated or imported graph, which the explanations are not written
    for) treats every violation as unexplained and none as stale.
    """
    p = profile(name)
    report = ProfileReport(p, ShaclEngine(p.shapes).validate(store))
    known = load_explanations(p) if explanations else []
    for v in report.violations:
        match = next((e for e in known if e.matches(v)), None)
        if match is None:
            report.unexplained.append(v)
        else:
            report.explained.append((v, match))
    used = {id(e) for _, e in report.explained}
    report.stale = [e for e in known if id(e) not in used]
    return report


def _short(iri: str) -> str:
    for prefix, ns in vocab.PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri.removeprefix(vocab.ID)


def markdown(report: ProfileReport) -> str:
    """docs/conformance.md: what the profile's shapes find in the graph and why each remaining violation stays."""
    p = report.profile
    kinds: dict[tuple[str, str], int] = {}
    for v in report.violations:
        kinds[(v.path or "", v.component)] = kinds.get((v.path or "", v.component), 0) + 1
    lines = [
        f"# Conformance: {p.title} {p.version}",
        "",
        "Generated by `perhepolku validate --profile cpsv-ap --format markdown` from the seed graph's build",
        f"and `ontology/profiles/{p.explained.name}`; `tests/graph/test_profiles.py` fails when this file",
        "is not current. The shapes are the profile's own SHACL file, vendored unchanged in",
        f"`ontology/profiles/{p.shapes.name}` ({p.url}, CC-BY 4.0, © European Union; see",
        "[ontology/profiles/README.md](../ontology/profiles/README.md)).",
        "",
        f"**{len(report.violations)} violations, {len(report.explained)} explained, "
        f"{len(report.unexplained)} not explained.**",
        "",
        "| property | constraint | violations |",
        "|---|---|---|",
    ]
    lines += [f"| `{_short(path)}` | {component} | {n} |" for (path, component), n in sorted(kinds.items())]
    lines += ["", "## Each remaining violation and why it stays", "", "| focus | property | reason |", "|---|---|---|"]
    lines += [f"| `{_short(v.focus)}` | `{_short(v.path or '')}` | {e.reason} |" for v, e in report.explained]
    if report.unexplained:
        lines += ["", "## Not explained (a defect: fix the data or explain it)", ""]
        lines += [f"- {v}" for v in report.unexplained]
    return "\n".join(lines) + "\n"


def validate_profile(data_dir: DataDirs, name: str, reasoner: str = "auto") -> ProfileReport:
    """Build the graph in memory (checks, reasoning, rules) and check it against the profile:
    the domain function behind `perhepolku validate --profile`. Explanations apply to the curated data."""
    from graph.build.pipeline import build_graph  # the pipeline itself runs every profile on each build

    store = build_graph(data_dir, reasoner=reasoner).store
    return check_profile(store, name)


# Above this size a build records the profile as not run: at 6,400 generated services (1M quads) the
# CPSV-AP shapes take about 15 s on top of the project's own (about 50 s), for a graph whose
# conformance tests/graph/test_profiles.py shows at small size; `perhepolku validate --profile` runs at any size.
PROFILE_MAX_QUADS = 250_000


def run_all(store: ox.Store, progress: Callable[[str], None]) -> dict[str, dict[str, Any]]:
    """Every profile over a built store, for the build manifest (a record, not a gate: the tests are the gate)."""
    out: dict[str, dict[str, Any]] = {}
    if len(store) > PROFILE_MAX_QUADS:
        progress(
            f"  profiles not run: {len(store)} quads > {PROFILE_MAX_QUADS} (perhepolku validate --profile runs them)"
        )
        return {name: {"skipped": f"graph of {len(store)} quads"} for name in PROFILES}
    for name in PROFILES:
        started = time.perf_counter()
        report = check_profile(store, name)
        out[name] = report.summary() | {"seconds": round(time.perf_counter() - started, 2)}
        progress(f"  profile {name}: {report.text().splitlines()[0].split(': ', 1)[1]}")
    return out
