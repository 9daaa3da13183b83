"""Asking the store: queries and validation, the stage after the store.

- ``runner``: SPARQL from ``queries/*.rq`` by name, a ``.rq`` file or inline text, its
  parameters bound as values (``run_query``, ``stream_query``, ``list_queries``);
- ``render``: an answer as a table, CSV, TSV or JSON, written row by row as it comes;
- ``shacl``: every document's graph checked against ``ontology/shapes.ttl``.

Exports and the viewer ask the store too, each in a package of its own (``kg.exporters``,
``kg.viewer``). The stage is not called ``kg.query``: a subpackage of that name would become
the attribute ``kg.query`` once imported and hide the function ``kg.query()``.
"""
