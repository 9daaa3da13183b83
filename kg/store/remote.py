"""A remote graph store: any SPARQL 1.1 endpoint, through the SPARQL 1.1 Protocol and the
Graph Store Protocol (plain ``urllib``, no extra dependency).

Like ``kg.store.embedded.Store``, it implements ``kg.store.protocol.GraphStore``. Queries
must see the union of all graphs as their default graph: GraphDB, Virtuoso and Neptune do so
out of the box; ``SparqlStore.oxigraph`` asks Oxigraph for it per query; configure Fuseki with
``tdb2:unionDefaultGraph true``.
Parameters are bound with a VALUES block (kg.store.sparqltext), since the protocol has no
substitution.

Writes take one request per batch: new documents go in as one N-Quads POST to the Graph Store
endpoint (one transaction on Oxigraph); a batch that replaces documents is one SPARQL update
(drop the old graphs, INSERT DATA the new ones).

``SparqlStore.from_url`` derives the three URLs from the one a user gives (``--store
http://...``): an Oxigraph server's root (or its ``/query``), a Fuseki dataset
(``http://host:3030/ds``), a GraphDB repository (``.../repositories/NAME``). Credentials come
from the environment only (``KG_STORE_TOKEN`` for a bearer token, else ``KG_STORE_USER`` and
``KG_STORE_PASSWORD``), never from the URL, which shows in process lists and logs. A request
that cannot connect, or that a server answers 502, 503 or 504, is tried again after 0.5, 1 and
2 seconds; a batch is one request, so trying it again writes it once.
"""

from __future__ import annotations

import base64
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from kg.errors import KgError, QueryError, StoreError
from kg.store.counts import collect_stats
from kg.store.embedded import FIND_DOCUMENT_QUERY, replaceable_sources
from kg.store.oxterms import from_ox
from kg.store.protocol import GraphStore, MappedDocument, Quad, StoreStats, WriteSummary
from kg.store.results import QueryResult
from kg.store.sparqltext import inject_rows, inject_values, replace_update
from kg.terms import PREFIXES

__all__ = ["RETRY_DELAYS", "SparqlStore", "credentials", "is_endpoint"]

_PROLOGUE = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
# Seconds to wait before each new try of a request that could not connect.
RETRY_DELAYS = (0.5, 1.0, 2.0)
_RETRIED_STATUS = (502, 503, 504)
_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_NQUADS = "application/n-quads"


class SparqlStore:
    """A SPARQL 1.1 endpoint as a kg store.

    ``query_url`` answers queries; ``update_url`` takes updates (None: read-only);
    ``store_url`` is the Graph Store Protocol endpoint for bulk loads (None: loads go as
    SPARQL updates). ``SparqlStore.oxigraph(url)`` fills all three for ``oxigraph serve``.
    """

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        store_url: str | None = None,
        timeout: float | None = 60.0,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url
        self.store_url = store_url
        self.timeout = timeout
        self.headers = dict(headers or {})
        self.read_only = update_url is None

    @classmethod
    def oxigraph(cls, url: str, **options: Any) -> SparqlStore:
        """The endpoints of an Oxigraph server at ``url`` (http://host:port).

        Queries ask for the union default graph (Oxigraph's ``union-default-graph`` URL
        parameter), so any ``oxigraph serve`` or ``serve-read-only`` works, flag or not.
        """
        root = url.rstrip("/")
        return cls(
            f"{root}/query?union-default-graph",
            update_url=f"{root}/update",
            store_url=f"{root}/store",
            **options,
        )

    @classmethod
    def from_url(
        cls, url: str, *, read_only: bool = False, timeout: float | None = 60.0
    ) -> SparqlStore:
        """The endpoint a user names with ``--store URL``, with credentials from the
        environment: Oxigraph (the server's root or ``/query``), GraphDB
        (``/repositories/NAME``) or Fuseki (a dataset, ``http://host:3030/ds``)."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"{url} is not an http(s) URL of a SPARQL endpoint; check --store")
        if parts.username or parts.password:
            raise StoreError(
                "credentials in the store URL would show in process lists and logs; set "
                "KG_STORE_USER and KG_STORE_PASSWORD (or KG_STORE_TOKEN) instead"
            )
        options: dict[str, Any] = {"timeout": timeout, "headers": credentials(os.environ)}
        path = parts.path.rstrip("/")
        root = urllib.parse.urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        if path in ("", "/query"):
            store = cls.oxigraph(root, **options)
        elif "/repositories/" in path:
            endpoint = root + path
            store = cls(
                endpoint,
                update_url=f"{endpoint}/statements",
                store_url=f"{endpoint}/rdf-graphs/service",
                **options,
            )
        else:
            dataset = root + path.removesuffix("/query").removesuffix("/sparql")
            store = cls(
                f"{dataset}/query",
                update_url=f"{dataset}/update",
                store_url=f"{dataset}/data",
                **options,
            )
        if read_only:
            store.update_url, store.store_url, store.read_only = None, None, True
        return store

    def close(self) -> None:
        """Nothing to let go: each request has its own connection."""

    def __enter__(self) -> SparqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------

    def write_documents(self, documents: Iterable[MappedDocument]) -> WriteSummary:
        """Write a batch of documents in one request, replacing earlier versions."""
        update_url = self._writable()
        docs = list(documents)
        stale = self._stale(docs)
        text = "".join(doc.nquads for doc in docs)
        quads = text.count("\n")
        if stale or (quads and not self.store_url):
            body = replace_update(sorted(stale), text).encode("utf-8")
            self._send(update_url, body, "application/sparql-update")
        elif quads and self.store_url:
            self._send(self.store_url, text.encode("utf-8"), _NQUADS)
        return WriteSummary(documents=len(docs), quads=quads, replaced=len(stale))

    def replace_document(self, doc_iri: URIRef, quads: Iterable[Quad]) -> WriteSummary:
        """Write one document (its graph and metadata quads), replacing earlier versions."""
        return self.write_documents([MappedDocument.of(doc_iri, quads)])

    def remove_document(self, id_or_source: str, *, missing_ok: bool = False) -> list[URIRef]:
        """Drop the documents whose IRI, content hash, source or URL is ``id_or_source``."""
        update_url = self._writable()
        found = self.query(FIND_DOCUMENT_QUERY, bindings={"key": Literal(id_or_source)})
        docs = sorted({row[0] for row in found.rows if isinstance(row[0], URIRef)})
        if not docs and not missing_ok:
            raise StoreError(
                f"no document with id, source or URL {id_or_source!r} at {self.query_url}; "
                "list them with the 'documents' query"
            )
        if docs:
            self._send(
                update_url, replace_update(docs).encode("utf-8"), "application/sparql-update"
            )
        return docs

    def _stale(self, docs: list[MappedDocument]) -> set[URIRef]:
        """Documents in the store that ``docs`` replace: the same IRI, or the same source."""
        keys: list[tuple[Identifier]] = []
        for doc in docs:
            keys.append((doc.iri,))
            keys.extend((source,) for source in replaceable_sources(doc))
        if not keys:
            return set()
        query = inject_rows(
            _PROLOGUE
            + "SELECT DISTINCT ?doc WHERE { { ?doc dcterms:source ?key } UNION "
            + "{ ?key kg:contentHash ?hash BIND(?key AS ?doc) } }",
            ("key",),
            keys,
        )
        return {row[0] for row in self._select(query).rows if isinstance(row[0], URIRef)}

    def _writable(self) -> str:
        if self.update_url is None:
            raise StoreError(
                f"the endpoint {self.query_url} was given without an update URL; give one to write"
            )
        return self.update_url

    # -- reading ----------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this content hash (Document.id) is at the endpoint."""
        ask = "ASK { ?doc kg:contentHash ?hash }"
        return bool(self.query(ask, bindings={"hash": Literal(content_hash)}).boolean)

    def query(
        self, sparql: str, *, bindings: Mapping[str, Identifier] | None = None
    ) -> QueryResult:
        """Run a SPARQL query at the endpoint; ``bindings`` go in as a VALUES block."""
        return self._select(inject_values(_PROLOGUE + sparql, dict(bindings or {})))

    def quads(self) -> Iterator[Quad]:
        """Every quad in the named graphs, as rdflib terms."""
        result = self._select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        yield from result.rows  # type: ignore[misc]

    def stats(self) -> StoreStats:
        return collect_stats(self)

    # -- HTTP -------------------------------------------------------------------------------

    def _select(self, sparql: str) -> QueryResult:
        accept = f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9"
        data, content_type = self._send(
            self.query_url, sparql.encode("utf-8"), "application/sparql-query", accept=accept
        )
        if content_type.startswith(_NTRIPLES) or content_type.startswith("text/turtle"):
            triples = ox.parse(
                data,
                format=ox.RdfFormat.N_TRIPLES
                if "n-triples" in content_type
                else ox.RdfFormat.TURTLE,
            )
            rows = tuple(
                (from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in triples
            )
            return QueryResult(
                kind="construct", variables=("subject", "predicate", "object"), rows=rows
            )
        return _parse_json(json.loads(data))

    def _send(
        self, url: str, body: bytes, content_type: str, *, accept: str | None = None
    ) -> tuple[bytes, str]:
        headers = {**self.headers, "Content-Type": content_type}
        if accept:
            headers["Accept"] = accept
        for delay in (*RETRY_DELAYS, None):
            request = urllib.request.Request(url, data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read(), response.headers.get("Content-Type", "")
            except urllib.error.HTTPError as err:
                if err.code not in _RETRIED_STATUS or delay is None:
                    raise _http_error(err, url, content_type) from err
            except TimeoutError as err:
                raise StoreError(
                    f"the SPARQL endpoint {url} gave no answer within {self.timeout or 0:g} s; "
                    "narrow the query or check the server"
                ) from err
            except (urllib.error.URLError, OSError) as err:
                if isinstance(getattr(err, "reason", None), TimeoutError):
                    raise StoreError(
                        f"the SPARQL endpoint {url} gave no answer within {self.timeout or 0:g} s; "
                        "narrow the query or check the server"
                    ) from err
                if delay is None:
                    reason = getattr(err, "reason", err)
                    raise StoreError(
                        f"cannot reach the SPARQL endpoint {url} ({reason}); check the URL and "
                        "that the server is running"
                    ) from err
            time.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover


def credentials(environ: Mapping[str, str]) -> dict[str, str]:
    """The Authorization header the environment asks for: ``KG_STORE_TOKEN`` (bearer), or
    ``KG_STORE_USER`` and ``KG_STORE_PASSWORD`` (basic); none without them."""
    if token := environ.get("KG_STORE_TOKEN"):
        return {"Authorization": f"Bearer {token}"}
    user = environ.get("KG_STORE_USER")
    if user:
        pair = f"{user}:{environ.get('KG_STORE_PASSWORD', '')}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def _http_error(err: urllib.error.HTTPError, url: str, content_type: str) -> KgError:
    """The one line for what an endpoint answered with an error status."""
    detail = err.read().decode("utf-8", "replace").strip().splitlines()
    first = detail[0] if detail else err.reason
    if err.code == 400 and content_type == "application/sparql-query":
        return QueryError(f"invalid SPARQL: {first}; fix the query text")
    if err.code == 401:
        return StoreError(
            f"the SPARQL endpoint {url} asks for credentials (401); set KG_STORE_USER and "
            "KG_STORE_PASSWORD, or KG_STORE_TOKEN"
        )
    if err.code == 403:
        return StoreError(
            f"the SPARQL endpoint {url} refused this request (403); the credentials in "
            "KG_STORE_USER/KG_STORE_TOKEN lack the right to it"
        )
    if err.code == 404:
        return StoreError(
            f"no SPARQL endpoint at {url} (404); give --store an Oxigraph server's root, a "
            "Fuseki dataset or a GraphDB repository"
        )
    if err.code >= 500:
        return StoreError(
            f"the SPARQL endpoint {url} failed ({err.code}: {first}); try again later or see "
            "the server's log"
        )
    return StoreError(f"{url} answered {err.code}: {first}")


def is_endpoint(where: object) -> bool:
    """Whether a ``store`` argument is a URL (http or https), not a folder."""
    return isinstance(where, str) and where.lower().startswith(("http://", "https://"))


def _parse_json(data: dict[str, Any]) -> QueryResult:
    if "boolean" in data:
        value = bool(data["boolean"])
        return QueryResult(kind="ask", variables=("ask",), rows=((Literal(value),),), boolean=value)
    variables = tuple(data["head"].get("vars", ()))
    rows = tuple(
        tuple(_term(binding[var]) if var in binding else None for var in variables)
        for binding in data["results"]["bindings"]
    )
    return QueryResult(kind="select", variables=variables, rows=rows)


def _term(binding: dict[str, str]) -> Identifier:
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            return Literal(value, lang=binding["xml:lang"])
        datatype = binding.get("datatype")
        if datatype is None or datatype == str(XSD.string):
            return Literal(value)
        return Literal(value, datatype=URIRef(datatype))
    raise QueryError(f"the endpoint returned a {kind} term, which kg does not handle")


if TYPE_CHECKING:
    # mypy proves here what tests/test_store_protocol.py checks at run time.
    _IMPLEMENTS: type[GraphStore] = SparqlStore
