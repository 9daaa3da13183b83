"""python -m kg.cli: the command line, as the kg script runs it."""

from kg.cli import main

main()
