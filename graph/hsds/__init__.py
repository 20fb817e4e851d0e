"""Open Referral HSDS 3.0: the perhepolku profile's documents, the API's domain functions, the tabular export."""

from graph.hsds.directory import (
    Filters,
    list_organizations,
    list_service_at_locations,
    list_services,
    list_taxonomies,
    list_taxonomy_terms,
    organization,
    root,
    service,
    service_at_location,
    stream_services,
    taxonomy,
    taxonomy_term,
)
from graph.hsds.ids import PROFILE, VERSION
from graph.hsds.tabular import export_csv

__all__ = [
    "PROFILE",
    "VERSION",
    "Filters",
    "export_csv",
    "list_organizations",
    "list_service_at_locations",
    "list_services",
    "list_taxonomies",
    "list_taxonomy_terms",
    "organization",
    "root",
    "service",
    "service_at_location",
    "stream_services",
    "taxonomy",
    "taxonomy_term",
]
