"""Reproducible training of kg's shipped English pipeline (``python -m kg.train``)."""
