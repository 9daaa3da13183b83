"""Everything that touches spaCy: loading pipelines, kg's rule components, extraction input."""
