"""HSDS identifiers, the profile URI and the language choice of the perhepolku HSDS documents."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from urllib.parse import quote

from graph import vocab

VERSION = "3.0"
PROFILE = vocab.BASE + "hsds/profile/1.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def hsds_id(iri: str, local: str | None = None) -> str:
    """The HSDS id of a resource: its own identifier when that is a UUID (imported HSDS data keeps its
    ids), else a name-based UUID (version 5) of its IRI, the same in every build."""
    if local and _UUID.match(local):
        return local
    return str(uuid.uuid5(uuid.NAMESPACE_URL, iri))


def joint_id(*iris: str) -> str:
    """A name-based UUID for a resource HSDS has and the graph does not (a service at a location, a phone)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, " ".join(iris)))


def as_uri(iri: str) -> str:
    """An IRI as a URI (non-ASCII characters percent-encoded), since HSDS fields are of format `uri`."""
    return quote(iri, safe=":/?#[]@!$&'()*+,;=%~")


def pick(texts: Mapping[str, str | None], lang: str) -> str | None:
    """The text in `lang`, else in the first of Finnish, Swedish and English that has one."""
    for code in (lang, *vocab.LANGS):
        if texts.get(code):
            return texts[code]
    return None


def language_code(iri: str) -> str | None:
    """ISO 639-1 code of an EU language-authority IRI (FIN -> fi), for the interface languages."""
    for code, authority in vocab.LANGUAGE_CODES.items():
        if iri == vocab.LANGUAGE + authority:
            return code
    return None
