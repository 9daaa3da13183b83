"""Mint kg's IRIs: deterministic, readable, percent-safe (ASCII only).

<base>document/<doc-id>                  also the name of the document's graph
<base>graph/meta                         document metadata
<base>entity/<type>/<slug>               one per entity across all documents
<base>sentence/<doc-id>/<n>
<base>event/<doc-id>/<event-id>
<base>quantity/<doc-id>/<event-id>-<n>
<base>quote/<doc-id>/<quote-id>
<base>role/<doc-id>/r<n>
<base>mention/<doc-id>/<start>-<end>
<base>referent/<slug>                    an anchored referent, one across all documents
<base>referent/<doc-id>/<slug>           any other, within its document
<base>quantity/<doc-id>/referent-<slug>  the quantity that counts a referent
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from urllib.parse import quote, urlsplit

from rdflib import URIRef

from kg.errors import KgError

__all__ = [
    "DEFAULT_BASE",
    "check_base",
    "check_iri",
    "document_iri",
    "entity_iri",
    "meta_graph_iri",
    "slugify",
]

DEFAULT_BASE = "https://w3id.org/kg/"

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[\W_]+")
_MAX_SLUG = 80


def check_base(base: str) -> str:
    """``base`` as an absolute IRI ending in "/" or "#"; raises KgError otherwise."""
    parts = urlsplit(base)
    if (
        not parts.scheme
        or not (parts.netloc or parts.scheme == "urn")
        or any(c in base for c in ' <>"{}|\\^`')
    ):
        raise KgError(
            f"--base {base!r} is not an absolute IRI; use one like https://example.org/kg/"
        )
    return base if base.endswith(("/", "#")) else base + "/"


def check_iri(iri: str) -> str | None:
    """Why ``iri`` is no absolute IRI the store can hold, in a few words; None if it is one."""
    import pyoxigraph as ox

    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        reason = str(exc) or "not an IRI"
        return reason[:1].lower() + reason[1:]
    return None


# A document's id is in every IRI minted for it, and keys recur across documents: each is
# encoded once.
@functools.lru_cache(maxsize=1 << 14)
def segment(text: str) -> str:
    """``text`` percent-encoded as one IRI path segment (ids from the extractor)."""
    return quote(text, safe="-._~")


@functools.lru_cache(maxsize=1 << 14)
def slugify(text: str, *, sep: str = "-") -> str:
    """A readable, ASCII, percent-safe slug: "Al—Kadhimi" → al-kadhimi, "U.S." → u-s.

    Accents fold to ASCII; text in other scripts keeps its letters, percent-encoded. Long
    slugs are cut at a character boundary and end in a hash of the whole text, so they stay
    distinct.
    """
    text = unicodedata.normalize("NFC", text).strip().lower()
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if bare.isascii():
        units = list(_NON_ALNUM.sub(sep, bare).strip(sep))
    else:  # one unit per character, so a cut never splits a character's %XX escapes
        units = [quote(c, safe=sep) for c in _NON_WORD.sub(sep, text).strip(sep)]
    slug = "".join(units)
    if not slug:
        return "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    if len(slug) > _MAX_SLUG:
        kept, size = [], 0
        for unit in units:
            if size + len(unit) > _MAX_SLUG - 11:
                break
            kept.append(unit)
            size += len(unit)
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
        slug = "".join(kept).rstrip(sep) + sep + digest
    return slug


def type_segment(type_name: str) -> str:
    """NamedEvent → named-event."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", type_name).lower()


def document_iri(base: str, doc_id: str) -> URIRef:
    return URIRef(f"{base}document/{segment(doc_id)}")


def meta_graph_iri(base: str) -> URIRef:
    return URIRef(f"{base}graph/meta")


def entity_iri(base: str, type_name: str, key: str, *, doc_id: str | None = None) -> URIRef:
    """One IRI per type and key across documents, or within ``doc_id`` where one is given."""
    within = f"{segment(doc_id)}/" if doc_id is not None else ""
    return URIRef(f"{base}entity/{type_segment(type_name)}/{within}{slugify(key)}")


def sentence_iri(base: str, doc_id: str, index: int) -> URIRef:
    return URIRef(f"{base}sentence/{segment(doc_id)}/{index}")


def event_iri(base: str, doc_id: str, event_id: str) -> URIRef:
    return URIRef(f"{base}event/{segment(doc_id)}/{segment(event_id)}")


def quantity_iri(base: str, doc_id: str, event_id: str, n: int) -> URIRef:
    return URIRef(f"{base}quantity/{segment(doc_id)}/{segment(event_id)}-{n}")


def quote_iri(base: str, doc_id: str, quote_id: str) -> URIRef:
    return URIRef(f"{base}quote/{segment(doc_id)}/{segment(quote_id)}")


def role_iri(base: str, doc_id: str, n: int) -> URIRef:
    return URIRef(f"{base}role/{segment(doc_id)}/r{n}")


def containment_iri(base: str, doc_id: str, n: int) -> URIRef:
    return URIRef(f"{base}containment/{segment(doc_id)}/c{n}")


def mention_iri(base: str, doc_id: str, start: int, end: int, n: int = 1) -> URIRef:
    suffix = "" if n == 1 else f"-{n}"
    return URIRef(f"{base}mention/{segment(doc_id)}/{start}-{end}{suffix}")


def referent_iri(base: str, doc_id: str, key: str, *, scope: str) -> URIRef:
    """One IRI per key across documents for a "global" referent, else within ``doc_id``."""
    if scope == "global":
        return URIRef(f"{base}referent/{slugify(key)}")
    return URIRef(f"{base}referent/{segment(doc_id)}/{slugify(key)}")


def referent_quantity_iri(base: str, doc_id: str, key: str) -> URIRef:
    return URIRef(f"{base}quantity/{segment(doc_id)}/referent-{slugify(key)}")
