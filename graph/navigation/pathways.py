"""Referral pathways: what follows and precedes a service, and the whole pathway graph in several formats."""

from __future__ import annotations

from collections import OrderedDict, deque
from typing import Any

from graph.navigation.criteria.tables import tables
from graph.navigation.sources import citations
from graph.store.knowledge import KnowledgeGraph, labels


def edges(kg: KnowledgeGraph) -> list[dict[str, Any]]:
    """Every referral link {from, to, kind, sources}, from the pathway-edges query (grouped once per build)."""
    found: list[dict[str, Any]] = kg.memo("pathway-edges", lambda: _edges(kg, kg.select_once("pathway-edges")))
    return found


def _edges(kg: KnowledgeGraph, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: OrderedDict[str, dict[str, Any]] = OrderedDict()
    by_link: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["link"], {"id": row["linkId"], "from": row["from"], "to": row["to"], "kind": row["kind"]})
        by_link.setdefault(row["link"], []).append(row)
    for link, edge in out.items():
        edge["sources"] = citations(kg, by_link[link])
    return list(out.values())


def _adjacency(kg: KnowledgeGraph) -> dict[tuple[str, bool], list[dict[str, Any]]]:
    """Edges by (service, forward?): the links leaving a service, or arriving at it."""

    def make() -> dict[tuple[str, bool], list[dict[str, Any]]]:
        out: dict[tuple[str, bool], list[dict[str, Any]]] = {}
        for edge in edges(kg):
            out.setdefault((edge["from"], True), []).append(edge)
            out.setdefault((edge["to"], False), []).append(edge)
        return out

    adjacency: dict[tuple[str, bool], list[dict[str, Any]]] = kg.memo("pathway-adjacency", make)
    return adjacency


def _walk(
    start: str, adjacency: dict[tuple[str, bool], list[dict[str, Any]]], forward: bool, names: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    """Breadth-first along the links: each reachable service once, at its shortest depth, with the link used."""
    step_to = "to" if forward else "from"
    seen, out, queue = {start}, [], deque([(start, 0)])
    while queue:
        current, depth = queue.popleft()
        for edge in adjacency.get((current, forward), []):
            nxt = edge[step_to]
            if nxt in seen:
                continue
            seen.add(nxt)
            out.append(
                {
                    "id": nxt,
                    "labels": names[nxt],
                    "depth": depth + 1,
                    "via": {
                        "link": edge["id"],
                        "from": edge["from"],
                        "to": edge["to"],
                        "kind": edge["kind"],
                        "sources": edge["sources"],
                    },
                }
            )
            queue.append((nxt, depth + 1))
    return out


def pathway(kg: KnowledgeGraph, service_id: str) -> dict[str, Any]:
    """Services downstream and upstream of one service, nearest first; NotFound for an unknown id."""
    kg.require_service(service_id)
    names = kg.memo("service-labels", lambda: {row["id"]: labels(row) for row in kg.services})
    adjacency = _adjacency(kg)
    return {
        "id": service_id,
        "labels": names[service_id],
        "downstream": _walk(service_id, adjacency, True, names),
        "upstream": _walk(service_id, adjacency, False, names),
    }


def pathway_graph(kg: KnowledgeGraph, municipality: str | None = None) -> dict[str, Any]:
    """The whole pathway graph: the services that take part in a link, and every link.

    With `municipality` (a name or code), only services a family living there can use by area: those
    whose stated area includes it, or that state none (the screening's area rule), and links between them.
    """
    all_edges = edges(kg)
    if municipality is not None:
        away = tables(kg).out_of_area(kg.municipality_iri(municipality))
        all_edges = [e for e in all_edges if e["from"] not in away and e["to"] not in away]
    linked = {e["from"] for e in all_edges} | {e["to"] for e in all_edges}
    nodes = [{"id": row["id"], "labels": labels(row)} for row in kg.services if row["id"] in linked]
    return {"nodes": nodes, "edges": all_edges}


def layers(graph: dict[str, Any]) -> dict[str, int]:
    """Column of each node for drawing: the length of the longest path leading to it (links form a DAG)."""
    column = {n["id"]: 0 for n in graph["nodes"]}
    for _ in range(len(column)):
        changed = False
        for e in graph["edges"]:
            if column[e["to"]] < column[e["from"]] + 1:
                column[e["to"]], changed = column[e["from"]] + 1, True
        if not changed:
            break
    return column
