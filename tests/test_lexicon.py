"""The lexicon: each word or label set defined once, under one meaning; inflection derived."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

import kg
from kg.nlp.lexicon import names, verbs
from kg.nlp.lexicon.forms import inflect, with_curly_apostrophes


def _vocabulary(value: object) -> bool:
    """A word or label set, or a word table: strings (or tuples of them) and plain values."""
    if isinstance(value, set | frozenset | tuple | list):
        return bool(value) and all(
            isinstance(x, str) or (isinstance(x, tuple) and all(isinstance(y, str) for y in x))
            for x in value
        )
    if isinstance(value, dict):
        return (
            bool(value)
            and all(isinstance(k, str | tuple) for k in value)
            and all(v is None or isinstance(v, str | int | float | tuple) for v in value.values())
        )
    return False


def _modules(package: ModuleType) -> list[ModuleType]:
    names = [package.__name__]
    names += [
        info.name
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")
        if not info.name.endswith("__main__")
    ]
    return [importlib.import_module(name) for name in names]


def _constants(module: ModuleType) -> dict[str, object]:
    """The module's own top-level word and label sets (not the names it imports)."""
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name) and target.id != "__all__":
                value = getattr(module, target.id, None)
                if _vocabulary(value):
                    found[target.id] = value
    return found


def _members(value: object) -> object:
    return frozenset(value.items()) if isinstance(value, dict) else frozenset(value)  # type: ignore[arg-type]


def test_no_two_sets_share_a_name_with_different_members():
    by_name: dict[str, dict[object, list[str]]] = defaultdict(lambda: defaultdict(list))
    for module in _modules(kg):
        for name, value in _constants(module).items():
            by_name[name][_members(value)].append(module.__name__)
    clashes = {
        name: sorted(m for modules in values.values() for m in modules)
        for name, values in by_name.items()
        if len(values) > 1
    }
    assert clashes == {}


@pytest.mark.parametrize("package", ["kg.extract", "kg.nlp"])
def test_word_and_label_sets_live_in_the_lexicon(package):
    outside = {
        f"{module.__name__}.{name}"
        for module in _modules(importlib.import_module(package))
        if not module.__name__.startswith("kg.nlp.lexicon")
        for name in _constants(module)
    }
    assert outside == set()


@pytest.mark.parametrize(
    ("lemma", "tag", "form"),
    [
        ("call", "VBN", "called"),
        ("name", "VBN", "named"),
        ("dub", "VBN", "dubbed"),
        ("title", "VBD", "titled"),
        ("plan", "VBD", "planned"),
        ("visit", "VBD", "visited"),
        ("carry", "VBN", "carried"),
        ("play", "VBD", "played"),
        ("say", "VBZ", "says"),
        ("watch", "VBZ", "watches"),
        ("fly", "VBZ", "flies"),
        ("call", "VBP", "call"),
        ("make", "VBG", "making"),
        ("die", "VBG", "dying"),
        ("see", "VBG", "seeing"),
        ("stop", "VBG", "stopping"),
    ],
)
def test_inflect_regular_forms(lemma, tag, form):
    assert inflect(lemma, tag) == form


@pytest.mark.parametrize(
    ("lemma", "tag", "form"),
    [
        ("know", "VBN", "known"),
        ("know", "VBD", "knew"),
        ("be", "VBZ", "is"),
        ("be", "VBP", "are"),
        ("be", "VBD", "was"),
        ("say", "VBD", "said"),
        ("write", "VBN", "written"),
    ],
)
def test_inflect_exceptions(lemma, tag, form):
    assert inflect(lemma, tag) == form


def test_inflect_rejects_a_tag_that_is_not_a_verb_form():
    with pytest.raises(ValueError, match="NN"):
        inflect("call", "NN")


def test_derived_forms_are_the_words_the_rules_read():
    assert set(verbs.NAMING_PARTICIPLES) == {"called", "named", "dubbed", "titled"}
    assert set(verbs.FINITE_BE) == {"was", "were", "is", "are", "'s", "'re", "\u2019s", "\u2019re"}
    assert with_curly_apostrophes(["'s", "'"]) == {"'s", "\u2019s", "'", "\u2019"}
    assert names.ARABIC_ARTICLES == ("al-", "el-", "al ", "el ")
