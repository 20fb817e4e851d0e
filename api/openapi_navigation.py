"""OpenAPI paths of eligibility screening, pathways and gaps."""

from __future__ import annotations

from api.openapi import JSON, json_ok, path_param, problems, query_param, ref
from graph.vocab import LANGS

_SITUATION = {"type": "array", "items": {"type": "string", "maxLength": 80}, "maxItems": 20}
_SERVICES = {"type": "array", "items": {"type": "string", "maxLength": 80}, "maxItems": 20}
_TEXT = {"type": "object", "required": list(LANGS), "properties": {lang: {"type": "string"} for lang in LANGS}}
_QUESTION = {
    "type": "object",
    "required": ["field", "question", "eligible_if", "ineligible_if"],
    "properties": {
        "criterion": {"type": "string"},
        "field": {"type": "string", "description": "the profile field the answer goes in"},
        "question": _TEXT,
        "eligible_if": {"type": "array", "items": {"type": "string"}, "description": "answers that meet it"},
        "ineligible_if": {"type": "array", "items": {"type": "string"}, "description": "answers that fail it"},
    },
}
_NEXT = {
    "type": "object",
    "required": ["field", "question", "services", "decides"],
    "properties": {
        "field": {"type": "string"},
        "question": _TEXT,
        "eligible_if": {"type": "array", "items": {"type": "string"}},
        "services": {
            "type": "array",
            "items": {"type": "string"},
            "description": "the listed unknown services among those it decides",
        },
        "decides": {
            "type": "integer",
            "minimum": 1,
            "description": "unknown services the answer decides, all of them (whatever `limit` lists)",
        },
    },
}
_ALTERNATIVE = {
    "type": "object",
    "required": ["id", "labels", "why"],
    "properties": {
        "id": {"type": "string"},
        "labels": {"type": "object"},
        "why": {
            "type": "object",
            "required": ["kind"],
            "properties": {
                "kind": {
                    "type": "string",
                    "enum": ["addresses-excluded-situation", "linked", "addresses-family-situation"],
                },
                "situation": {"type": "string"},
                "from": {"type": "string"},
                "link": {"type": "string"},
                "sources": {"type": "array", "items": {"type": "object"}},
            },
        },
    },
}
_PROFILE_PARAMS = [
    query_param("municipality", {"type": "string", "maxLength": 64}, "municipality name or three-digit code"),
    query_param("pregnancy_week", {"type": "integer", "minimum": 1, "maximum": 42}, "current pregnancy week"),
    query_param(
        "child_age_months", {"type": "integer", "minimum": 0, "maximum": 240}, "age of the youngest child in months"
    ),
    query_param("situation", _SITUATION, "situation concept ids (see /api/v1/concepts?scheme=situation)", explode=True),
    query_param("not_acute", _SITUATION, "situations the family says are not in their acute phase", explode=True),
    query_param("previous_service", _SERVICES, "services the family has used (a prerequisite)", explode=True),
    query_param("current_service", _SERVICES, "services the family takes part in now", explode=True),
    query_param("language", {"type": "string", "enum": list(LANGS)}, "the family's language"),
    query_param("anonymous", {"type": "boolean"}, "the family wants to stay anonymous"),
    query_param("self_referral", {"type": "boolean"}, "the family wants to contact the service itself"),
]
_LIMIT = query_param(
    "limit",
    {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50},
    "services listed per list at most (totals counts them all)",
)
_ENTRY = {
    "type": "object",
    "required": ["id", "labels"],
    "properties": {
        "id": {"type": "string"},
        "labels": ref("Labels"),
        "historical_only": {"type": "boolean", "description": "the service rests only on historical sources"},
    },
}
_REASON = {
    "type": "object",
    "required": ["status", "detail", "sources"],
    "properties": {
        "criterion": {"type": ["string", "null"]},
        "type": {"type": ["string", "null"]},
        "kind": {"type": "string"},
        "status": {"type": "string"},
        "detail": {"type": "string"},
        "text": {
            "type": "object",
            "required": list(LANGS),
            "properties": {lang: {"type": "string"} for lang in LANGS},
        },
        "sources": {"type": "array", "items": ref("Source")},
        "claim": {
            "type": ["string", "null"],
            "enum": ["stated", "interpreted", None],
            "description": "the second reading: the quote says it (stated) or supports it only with a reading",
        },
        "readings": {"type": "array", "items": {"type": "string"}, "description": "the readings written down"},
        "question": _QUESTION,
    },
}

_STEP = {
    "type": "object",
    "required": ["id", "labels", "depth", "via"],
    "properties": {
        "id": {"type": "string"},
        "labels": ref("Labels"),
        "depth": {"type": "integer", "minimum": 1},
        "via": {
            "type": "object",
            "required": ["link", "from", "to", "kind", "sources"],
            "properties": {
                "link": {"type": "string"},
                "from": {"type": "string"},
                "to": {"type": "string"},
                "kind": {"type": "string"},
                "sources": {"type": "array", "items": ref("Source")},
            },
        },
    },
}

PATHS = {
    "/api/v1/eligibility": {
        "get": {
            "summary": "Screen a family profile: eligible, ineligible (with reasons and alternatives) and unknown services",
            "parameters": _PROFILE_PARAMS + [_LIMIT],
            "responses": {"200": json_ok(ref("Eligibility")), **problems(400)},
        },
        "post": {
            "summary": "The same screening with the profile as a JSON object",
            "parameters": [_LIMIT],
            "requestBody": {"required": True, "content": {JSON: {"schema": ref("Profile")}}},
            "responses": {"200": json_ok(ref("Eligibility")), **problems(400, 413, 415)},
        },
    },
    "/api/v1/services/{id}/pathway": {
        "get": {
            "summary": "Services downstream and upstream of a service along referral links, with depth and the link used",
            "parameters": [path_param("id", "service id, e.g. perhetyo")],
            "responses": {"200": json_ok(ref("Pathway")), **problems(400, 404)},
        }
    },
    "/api/v1/pathways": {
        "get": {
            "summary": "The whole pathway graph as JSON, Mermaid, DOT or SVG",
            "parameters": [
                query_param("format", {"type": "string", "enum": ["json", "mermaid", "dot", "svg"]}, "output format"),
                query_param("lang", {"type": "string", "enum": list(LANGS)}, "label language"),
                query_param(
                    "municipality",
                    {"type": "string", "maxLength": 64},
                    "only services a family living there can use by area (a name or a three-digit code)",
                ),
            ],
            "responses": {
                "200": {
                    "description": "The pathway graph",
                    "content": {
                        JSON: {"schema": ref("PathwayGraph")},
                        "text/vnd.mermaid": {"schema": {"type": "string"}},
                        "text/vnd.graphviz": {"schema": {"type": "string"}},
                        "image/svg+xml": {"schema": {"type": "string"}},
                    },
                },
                **problems(400),
            },
        }
    },
    "/api/v1/gaps": {
        "get": {
            "summary": "What the graph shows uncovered: exclusions without alternative, uncovered windows, language gaps, dead ends, missing data",
            "parameters": [
                query_param(
                    "municipality", {"type": "string", "maxLength": 64}, "narrow coverage to this municipality"
                ),
                query_param("language", {"type": "string", "enum": ["sv", "en"]}, "only this language's gaps"),
            ],
            "responses": {"200": json_ok(ref("GapReport")), **problems(400)},
        }
    },
}
SCHEMAS = {
    "Profile": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "municipality": {"type": "string", "maxLength": 64},
            "pregnancy_week": {"type": "integer", "minimum": 1, "maximum": 42},
            "child_age_months": {"type": "integer", "minimum": 0, "maximum": 240},
            "situation": _SITUATION,
            "not_acute": _SITUATION,
            "previous_service": _SERVICES,
            "current_service": _SERVICES,
            "language": {"type": "string", "enum": list(LANGS)},
            "anonymous": {"type": "boolean"},
            "self_referral": {"type": "boolean"},
            "limit": {
                "type": "integer",
                "minimum": 1,
                "maximum": 1000,
                "description": "services per list (default 50)",
            },
        },
    },
    "Eligibility": {
        "type": "object",
        "required": ["eligible", "ineligible", "unknown", "likely", "next_questions", "totals", "limit"],
        "properties": {
            "profile": {"type": "object"},
            "limit": {"type": "integer"},
            "totals": {
                "type": "object",
                "required": ["eligible", "ineligible", "unknown"],
                "properties": {k: {"type": "integer", "minimum": 0} for k in ("eligible", "ineligible", "unknown")},
            },
            "eligible": {
                "type": "array",
                "items": {
                    "allOf": [
                        _ENTRY,
                        {
                            "type": "object",
                            "required": ["reasons", "access", "subject_to_assessment"],
                            "properties": {
                                "reasons": {"type": "array", "items": _REASON},
                                "subject_to_assessment": {"type": "boolean"},
                            },
                        },
                    ]
                },
            },
            "ineligible": {
                "type": "array",
                "items": {
                    "allOf": [
                        _ENTRY,
                        {
                            "type": "object",
                            "required": ["reasons", "alternatives"],
                            "properties": {
                                "reasons": {"type": "array", "items": _REASON},
                                "alternatives": {"type": "array", "items": _ALTERNATIVE},
                            },
                        },
                    ]
                },
            },
            "unknown": {
                "type": "array",
                "items": {
                    "allOf": [
                        _ENTRY,
                        {
                            "type": "object",
                            "required": ["missing", "ask", "likely"],
                            "properties": {
                                "missing": {"type": "array", "items": {"type": "string"}},
                                "open": {
                                    "type": "array",
                                    "description": "what is open, each once: its kind and its sentence in fi, sv, en",
                                    "items": {
                                        "type": "object",
                                        "required": ["kind", "text"],
                                        "properties": {"kind": {"type": "string"}, "text": _TEXT},
                                    },
                                },
                                "reasons": {"type": "array", "items": _REASON},
                                "ask": {"type": "array", "items": _QUESTION},
                                "likely": {"type": "boolean"},
                            },
                        },
                    ]
                },
            },
            "likely": {
                "type": "array",
                "items": {"type": "string"},
                "description": "unknown services only the sources' silence keeps open",
            },
            "next_questions": {"type": "array", "items": _NEXT},
            "likely_total": {
                "type": "integer",
                "minimum": 0,
                "description": "likely unknown services in all (totals.unknown counts them among the unknown)",
            },
        },
    },
    "Pathway": {
        "type": "object",
        "required": ["id", "downstream", "upstream"],
        "properties": {
            "id": {"type": "string"},
            "downstream": {"type": "array", "items": _STEP},
            "upstream": {"type": "array", "items": _STEP},
        },
    },
    "PathwayGraph": {
        "type": "object",
        "required": ["nodes", "edges"],
        "properties": {
            "nodes": {"type": "array", "items": _ENTRY},
            "edges": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["from", "to", "kind", "sources"],
                    "properties": {
                        "from": {"type": "string"},
                        "to": {"type": "string"},
                        "kind": {"type": "string"},
                        "sources": {"type": "array", "items": ref("Source")},
                    },
                },
            },
        },
    },
    "GapReport": {
        "type": "object",
        "required": ["items"],
        "properties": {
            "counts": {"type": "object"},
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["kind", "title", "detail", "services", "situations", "sources"],
                    "properties": {
                        "kind": {"type": "string"},
                        "title": {"type": "string"},
                        "detail": {"type": "string"},
                        "services": {"type": "array", "items": {"type": "string"}},
                        "situations": {"type": "array", "items": {"type": "string"}},
                        "sources": {"type": "array", "items": ref("Source")},
                        "about": {
                            "type": "object",
                            "description": "the parts title and detail are made of: situation, service, "
                            "pregnancy_weeks, child_age_months, municipality, language, step, missing (docs/api.md)",
                        },
                    },
                },
            },
        },
    },
}
