"""kg's command line: each command parses its options, makes one library call, renders.

The commands live in modules by kind; importing them adds them to ``main``."""

from __future__ import annotations

import sys

from kg.cli import building, exporting, models, querying, serving  # noqa: F401
from kg.cli.common import main

__all__ = ["main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
