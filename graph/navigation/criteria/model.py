"""The typed screening data: criteria, per-service facts and the verdict every criterion kind returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph import vocab

Text = dict[str, str]  # fi / sv / en


def text(fi: str, sv: str, en: str) -> Text:
    """A verdict text in the three interface languages."""
    return dict(zip(vocab.LANGS, (fi, sv, en), strict=True))


@dataclass(frozen=True)
class Source:
    """One quote of a source document that backs a criterion, with the document's kind, status and date."""

    document: str
    quote: str
    source: str | None = None  # the source's id (graph.navigation.sources)
    title: str | None = None
    kind: str | None = None
    status: str | None = None  # undated, historical (source 004, 2008), design-assumption
    date: str | None = None

    def dump(self) -> dict[str, str | None]:
        return {
            "source": self.source,
            "title": self.title,
            "document": self.document,
            "quote": self.quote,
            "kind": self.kind,
            "status": self.status,
            "date": self.date,
        }


@dataclass(frozen=True)
class Claim:
    """Whether the second reading found a statement stated or interpreted, and the readings written down."""

    status: str | None = None  # stated, interpreted, or None where no reading covers it
    readings: tuple[str, ...] = ()

    @classmethod
    def of(cls, found: dict[str, Any]) -> Claim:
        return cls(found["claim"], tuple(found["readings"]))


@dataclass
class Criterion:
    """One criterion or exclusion a service is screened on, with its machine-readable bounds."""

    id: str
    kind: str  # the class's local name: FamilyStageCriterion, Exclusion, ...
    iri: str
    service: str  # the service screened
    holder: str  # the service that holds it (a service it is part of, for assessed criteria)
    descriptions: dict[str, str | None]
    situations: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    accepts_expecting: bool | None = None
    min_pregnancy_week: int | None = None
    accepts_child: bool | None = None
    child_under_months: int | None = None
    municipality: str | None = None
    clientship_required: bool | None = None
    previous_services: list[str] = field(default_factory=list)  # a prerequisite: any one used before
    current_services: list[str] = field(default_factory=list)  # or any one taken part in at the same time
    claim: Claim = field(default_factory=Claim)

    @classmethod
    def from_requirement(cls, req: dict[str, Any], claim: Claim | None = None) -> Criterion:
        """From one grouped row of requirements.rq (graph.navigation.services.group_requirements)."""
        return cls(
            id=req["id"],
            kind=req["type"],
            iri=req["iri"],
            claim=claim or Claim(),
            service=req["service"],
            holder=req["holder"],
            descriptions=req["labels"],
            situations=list(req["situations"]),
            sources=[
                Source(
                    s["document"],
                    s["quote"],
                    s.get("source"),
                    s.get("title"),
                    s.get("kind"),
                    s.get("status"),
                    s.get("date"),
                )
                for s in req["sources"]
            ],
            accepts_expecting=req.get("acceptsExpecting"),
            min_pregnancy_week=req.get("minPregnancyWeek"),
            accepts_child=req.get("acceptsFamiliesWithChild"),
            child_under_months=req.get("childAgeUnderMonths"),
            municipality=req.get("municipality"),
            clientship_required=req.get("clientshipRequired"),
            previous_services=list(req.get("previous", [])),
            current_services=list(req.get("current", [])),
        )


@dataclass(frozen=True)
class Place:
    """A municipality a service is for (residence criterion) or provided in (area served)."""

    municipality: str  # IRI
    code: str | None
    requirement: str | None = None


@dataclass
class Facts:
    """What the screening needs to know of one service besides its criteria (screening-facts.rq)."""

    residence: list[Place] = field(default_factory=list)
    served: list[Place] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)  # language IRIs
    anonymity: list[bool] = field(default_factory=list)
    self_referral: bool = False
    routes: list[str] = field(default_factory=list)
    situations: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Question:
    """What to ask the family to decide an open verdict: the profile field, the question, and which answers
    would meet the criterion (eligible, or assessed) and which would fail it (ineligible)."""

    field: str
    text: Text
    meets: tuple[str, ...] = ()
    fails: tuple[str, ...] = ()

    def dump(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "question": self.text,
            "eligible_if": list(self.meets),
            "ineligible_if": list(self.fails),
        }


@dataclass
class Verdict:
    """The finished verdict on one criterion: status, text in fi/sv/en and the criterion's sources.

    status is met, failed, unknown, missing (the profile lacks it) or assessed (the service judges it).
    """

    kind: str  # stage, area, language, anonymity, self_referral, situation, exclusion, acuteness, client_status,
    # assessed, assessed_condition, prerequisite
    status: str
    text: Text
    criterion: Criterion | None = None
    type: str | None = None  # the criterion's class, or AreaServed for an area the service is provided in
    claim: Claim | None = None  # of the service facts a verdict without a criterion rests on
    question: Question | None = None  # for an open verdict the family's answer would decide

    def dump(self) -> dict[str, Any]:
        crit = self.criterion
        claim = crit.claim if crit else (self.claim or Claim())
        return {
            "criterion": crit.id if crit else ("area" if self.type == "AreaServed" else None),
            "type": crit.kind if crit else self.type,
            "kind": self.kind,
            "status": self.status,
            "detail": self.text["en"],
            "text": self.text,
            "labels": crit.descriptions if crit else None,
            "sources": [s.dump() for s in crit.sources] if crit else [],
            "claim": claim.status,
            "readings": list(claim.readings),
            **({"question": self.question.dump()} if self.question else {}),
        }
