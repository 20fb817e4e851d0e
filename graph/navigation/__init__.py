"""The navigation domain over an opened build: services, concepts, profiles, eligibility, claims, pathways, gaps."""

from graph.navigation.claims import claims, claims_markdown
from graph.navigation.concepts import list_concepts
from graph.navigation.coverage import STAGES, coverage_matrix
from graph.navigation.eligibility import DEFAULT_LIMIT, screen
from graph.navigation.gaps import gap_report
from graph.navigation.pathways import pathway, pathway_graph
from graph.navigation.profile import BOUNDS, FIELDS, Profile, parse_profile
from graph.navigation.questions import acuteness_situations
from graph.navigation.render import dot, mermaid, svg
from graph.navigation.reports import stored_report
from graph.navigation.services import get_service, list_services
from graph.navigation.sources import get_source, list_sources

__all__ = [
    "BOUNDS",
    "DEFAULT_LIMIT",
    "FIELDS",
    "STAGES",
    "Profile",
    "acuteness_situations",
    "claims",
    "claims_markdown",
    "coverage_matrix",
    "dot",
    "gap_report",
    "get_service",
    "get_source",
    "list_concepts",
    "list_services",
    "list_sources",
    "mermaid",
    "parse_profile",
    "pathway",
    "pathway_graph",
    "screen",
    "stored_report",
    "svg",
]
