"""Domain exceptions of perhepolku; the CLI prints them, the HTTP edge maps them to problem+json."""

from __future__ import annotations


class PerhepolkuError(Exception):
    """Base of every error perhepolku raises on purpose."""

    prefix = "Error"
    status = 400
    title = "Bad request"

    def __init__(self, detail: str, *, field: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field

    def __str__(self) -> str:
        return f"{self.prefix}: {self.detail}"


class NotFound(PerhepolkuError):
    """A service, concept or query of that id does not exist."""

    prefix = "Not found"
    status = 404
    title = "Not found"


class InvalidParameter(PerhepolkuError):
    """A request or command parameter failed validation."""

    prefix = "Invalid parameter"
    status = 400
    title = "Invalid parameter"


class QueryError(PerhepolkuError):
    """A SPARQL query is malformed or not allowed."""

    prefix = "Query error"
    status = 400
    title = "Invalid SPARQL query"


class QueryRefused(QueryError):
    """A request that would change the graph or reach out of the server (update, SERVICE)."""

    prefix = "Refused"
    status = 403
    title = "Forbidden"


class NotAcceptable(PerhepolkuError):
    """No representation the client accepts can be produced."""

    prefix = "Not acceptable"
    status = 406
    title = "Not acceptable"


class QueryTimeout(PerhepolkuError):
    """A query ran past its time limit or result cap."""

    prefix = "Query limit"
    status = 503
    title = "Query limit reached"


class PayloadTooLarge(PerhepolkuError):
    """A query or body longer than the configured cap."""

    prefix = "Too large"
    status = 413
    title = "Content too large"


class UnsupportedMediaType(PerhepolkuError):
    """A request body in a media type the endpoint does not take."""

    prefix = "Unsupported media type"
    status = 415
    title = "Unsupported media type"


class BuildError(PerhepolkuError):
    """The graph could not be built (violations, inconsistency, missing input)."""

    prefix = "Build failed"
    status = 500
    title = "Build failed"


class ArtefactError(PerhepolkuError):
    """Built artefacts are missing or corrupt."""

    prefix = "Artefact error"
    status = 503
    title = "Service unavailable"


class RateLimited(PerhepolkuError):
    """A client has spent its query-time budget; `retry_after` seconds until it may query again."""

    prefix = "Rate limited"
    status = 429
    title = "Too many requests"

    def __init__(self, detail: str, *, retry_after: int, field: str | None = None) -> None:
        super().__init__(detail, field=field)
        self.retry_after = retry_after
