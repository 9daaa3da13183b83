"""Everything that touches spaCy: loading pipelines, running them over documents (in a parser
process of their own where a core is free), kg's rule components, extraction input."""
