"""What kg's commands share: the command group, its error handling, and the common options."""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from typing import TYPE_CHECKING, Any

import click

from kg import __version__
from kg.cli.render import as_plain
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.exporters.network import NetworkOptions


class KgGroup(click.Group):
    """Turns kg's own errors into one line on stderr and exit code 1, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KgError as exc:
            raise click.ClickException(str(exc)) from exc
        except BrokenPipeError:  # "kg export | head": the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)  # as a shell reports a command ended by SIGPIPE
        except OSError as exc:  # an output file or folder that cannot be written
            where = f" {exc.filename}" if exc.filename else ""
            reason = exc.strerror or str(exc)
            raise click.ClickException(f"cannot write{where}: {reason}") from exc


@click.group(cls=KgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """Build a knowledge graph from English news, query it with SPARQL, export it."""


model_option = click.option(
    "--model",
    "model",
    default=None,
    metavar="NAME_OR_PATH",
    help="spaCy pipeline: an installed package (en_core_web_sm) or a folder. "
    "Default: kg's shipped pipeline.",
)


store_option = click.option(
    "--store",
    "store",
    default=None,
    metavar="DIR|URL",
    help="The graph store: a folder, or a SPARQL endpoint's URL (http://host:7878). "
    "Default: $KG_STORE, else ./kg-store.",
)


json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print the result as JSON (--format json too)."
)
json_format_option = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: the same as --json.",
)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(as_plain(value), indent=2, ensure_ascii=False))


raw_cells_option = click.option(
    "--raw-cells",
    is_flag=True,
    help="CSV/TSV: write cells exactly as they are. By default text a spreadsheet would "
    "take for a formula (=, +, -, @ first) gets an apostrophe before it.",
)


def open_output(path: str, mode: str) -> Any:
    """``path`` opened for writing, atomically (replaced only once complete)."""
    try:
        encoding = None if "b" in mode else "utf-8"
        return click.open_file(path, mode, encoding=encoding, atomic=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise click.ClickException(
            f"cannot write {path}: {reason}; pass -o a writable file"
        ) from exc


class Flushing:
    """Text written to ``out``, flushed when a tenth of a second has passed since the last
    flush: rows show as they come, without a system call for each."""

    def __init__(self, out: Any):
        self._out = out
        self._flushed = time.monotonic()

    def write(self, text: str) -> None:
        self._out.write(text)
        now = time.monotonic()
        if now - self._flushed > 0.1:
            self._out.flush()
            self._flushed = now

    def flush(self) -> None:
        self._out.flush()
        self._flushed = time.monotonic()


def network_options(command: Any) -> Any:
    """The projection options of the network exports and the viewer, handed to ``command``
    as one ``network`` argument, a NetworkOptions."""

    @functools.wraps(command)
    def with_network(**kwargs: Any) -> Any:
        chosen = {name: kwargs.pop(name) for name in NETWORK_OPTIONS}
        return command(network=to_network_options(**chosen), **kwargs)

    decorated: Any = with_network
    for option in reversed(
        [
            click.option(
                "--projection",
                type=click.Choice(["relations", "cooccurrence"]),
                default="relations",
                show_default=True,
                help="Network: edges are relations, or sentences two entities share.",
            ),
            click.option("--events", is_flag=True, help="Network: events as nodes too."),
            click.option(
                "--min-mentions",
                type=click.IntRange(min=0),
                default=0,
                metavar="N",
                help="Network: entities named N+ times.",
            ),
            click.option(
                "--types", default="", metavar="LIST", help="Network: e.g. person,organization."
            ),
            click.option(
                "--predicates", default="", metavar="LIST", help="Network: e.g. announce,kill."
            ),
            click.option(
                "--max-nodes",
                type=click.IntRange(min=1),
                default=None,
                metavar="N",
                help="Network: N most connected.",
            ),
            click.option(
                "--min-degree",
                type=click.IntRange(min=0),
                default=0,
                metavar="N",
                help="Network: then nodes with N+ edges (1 drops isolated ones).",
            ),
        ]
    ):
        decorated = option(decorated)
    return decorated


NETWORK_OPTIONS = (
    "projection",
    "events",
    "min_mentions",
    "types",
    "predicates",
    "max_nodes",
    "min_degree",
)


def to_network_options(
    projection: str,
    events: bool,
    min_mentions: int,
    types: str,
    predicates: str,
    max_nodes: int | None,
    min_degree: int,
) -> NetworkOptions:
    from kg.exporters.network import NetworkOptions

    return NetworkOptions(
        projection=projection,
        events=events,
        min_mentions=min_mentions,
        types=tuple(t for t in types.split(",") if t),
        predicates=tuple(p for p in predicates.split(",") if p),
        max_nodes=max_nodes,
        min_degree=min_degree,
    )
