"""The pipeline's own commands: openie, and the model group (path, info)."""

from __future__ import annotations

import json

import click

from kg.cli.common import KgGroup, main, model_option, open_output
from kg.cli.render import render_model_info


@main.command()
@click.argument("file", metavar="FILE")
@model_option
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="File to write (default: stdout).",
)
def openie(file: str, model: str | None, output: str | None) -> None:
    """Extract relations from FILE, one sentence per line (- reads stdin).

    Writes CaRB's tab-separated format, one extraction per line: sentence, confidence,
    predicate, subject, then the other arguments; the graph is not touched.

    Example:

        echo "NATO expanded its mission in Iraq ." | kg openie -
    """
    from kg import api
    from kg.sources import read_lines

    sentences = read_lines(file)
    extracted = api.openie(sentences, model=model)
    if output is None:
        for sentence, extractions in extracted:
            for extraction in extractions:
                click.echo(extraction.row(sentence))
        return
    with open_output(output, "w") as out:
        for sentence, extractions in extracted:
            for extraction in extractions:
                out.write(extraction.row(sentence) + "\n")


@main.group(cls=KgGroup)
def model() -> None:
    """The spaCy pipeline kg reads news with."""


@model.command("path")
@model_option
def model_path(model: str | None) -> None:
    """Print the folder of the pipeline (the shipped one by default).

    Example:

        python -c "import spacy; spacy.load('$(kg model path)')"
    """
    from kg.nlp import pipeline

    click.echo(str(pipeline.info(model)["path"]))


@model.command("info")
@model_option
@click.option("--json", "as_json", is_flag=True, help="Print the description as JSON.")
def model_info(model: str | None, as_json: bool) -> None:
    """Describe a pipeline: components, labels, accuracy, speed, training data, licences.

    Example:

        kg model info
    """
    from kg.nlp import pipeline

    described = pipeline.info(model)
    click.echo(json.dumps(described, indent=2) if as_json else render_model_info(described))
