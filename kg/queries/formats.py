"""The names of the formats a query's answer is written in (``kg.queries.render``), apart
from the writers, so that the command line offers them without loading RDF libraries."""

from __future__ import annotations

__all__ = ["RESULT_FORMATS", "SPARQL_FORMATS"]

# The W3C SPARQL 1.1 result formats (``kg.queries.sparqlresults``).
SPARQL_FORMATS = ("sparql-json", "sparql-xml")
RESULT_FORMATS = ("table", "csv", "tsv", "json", "jsonl", *SPARQL_FORMATS)
