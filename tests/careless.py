"""What a careless user or an attacker hands kg.

Shared by test_query (the library) and test_cli (the command line): text a spreadsheet would
run as a formula.
"""

from __future__ import annotations

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
