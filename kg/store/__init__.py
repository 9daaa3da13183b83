"""The store stage: where the mapped quads are kept and asked.

- ``protocol``: ``GraphStore``, the one protocol every store implements, and the records that
  cross it (``MappedDocument`` in; ``WriteSummary`` and ``StoreStats`` out);
- ``embedded``: ``Store``, Oxigraph on disk or in memory, kg's default;
- ``remote``: ``SparqlStore``, any SPARQL 1.1 endpoint;
- ``results``: ``QueryResult``, a query's answer as rows of rdflib terms, the same from both,
  and ``QueryRows``, the same arriving row by row;
- ``bounded`` and ``worker``: a query on a store folder answered in a process of its own, so
  that a timeout or Ctrl-C can stop it;
- ``counts``: the numbers of ``kg stats``, through SPARQL;
- ``oxterms`` and ``sparqltext``: rdflib ↔ Oxigraph terms ↔ N-Quads text, and values bound
  into query text.

Import from the modules; this package imports nothing, so taking the protocol or the records
does not load a store.
"""
