"""Client status (child-protection clientship) and criteria the service itself assesses."""

from __future__ import annotations

from graph.navigation.criteria.model import Criterion, Verdict, text


def client_status(crit: Criterion) -> Verdict:
    """A pp:ClientStatusCriterion: met when the source says no child-protection client status is needed."""
    if crit.clientship_required is False:
        return Verdict(
            "client_status",
            "met",
            text(
                "lastensuojelun asiakkuutta ei tarvita",
                "klientskap inom barnskyddet behövs inte",
                "no child-protection client status is needed",
            ),
            crit,
        )
    return Verdict(
        "client_status",
        "missing",
        text(
            "onko perhe lastensuojelun asiakas",
            "om familjen är klient inom barnskyddet",
            "whether the family is a child-protection client",
        ),
        crit,
    )


def assessed(crit: Criterion) -> Verdict:
    """A pp:AssessedCriterion: the service judges it when the family applies; it never blocks."""
    return Verdict(
        "assessed",
        "assessed",
        text(
            "palvelu arvioi tämän, kun perhe hakee",
            "tjänsten bedömer detta när familjen ansöker",
            "assessed by the service when the family applies",
        ),
        crit,
    )
