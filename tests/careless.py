"""What a careless user or an attacker hands kg, and how the tests see what kg left behind.

Shared by test_query (the library) and test_cli (the command line): text a spreadsheet would
run as a formula, a query that never ends, the files of a store folder as they are on disk,
and the processes a process has started.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Cells as an article may hold them, and as a spreadsheet-safe CSV or TSV writes them.
FORMULA_CELLS = {
    '=HYPERLINK("http://example.com/x","click")': '\'=HYPERLINK("http://example.com/x","click")',
    "+1 555 0100": "'+1 555 0100",
    "-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)": "'@SUM(A1:A9)",
    "\t=1+1": "'\t=1+1",
    "\r=1+1": "'\r=1+1",
    "-5": "-5",  # numbers stay numbers
    "+3.5": "+3.5",
    "-1.5e3": "-1.5e3",
    "Jens Stoltenberg": "Jens Stoltenberg",
    "a=b": "a=b",
}


def _sparql_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\t", "\\t").replace("\r", "\\r") + '"'


# A SELECT of formula cells, one column each (v0, v1, ...), from no store content at all.
_COLUMNS = " ".join(f"?v{i}" for i in range(len(FORMULA_CELLS)))
FORMULA_QUERY = (
    f"SELECT {_COLUMNS} WHERE {{ VALUES ({_COLUMNS}) {{ ("
    + " ".join(_sparql_string(cell) for cell in FORMULA_CELLS)
    + ") } }"
)

# Every quad with every other, four times over, and a filter no row passes: no row ever
# comes, and on any store with a few hundred quads the answer takes longer than a test run.
ENDLESS_QUERY = (
    "SELECT ?a WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?s ?w "
    "FILTER(STRLEN(CONCAT(STR(?x), STR(?y), STR(?z), STR(?w))) < 0) }"
)


def store_files(folder: Path) -> dict[str, str]:
    """Every file of a store folder with the SHA-256 of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def child_processes(pid: int) -> list[int]:
    """The processes ``pid`` started and that still run (Linux's /proc)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found
