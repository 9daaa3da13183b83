"""spaCy callbacks the training configs name (passed to `spacy train` with --code)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.pipeline import EditTreeLemmatizer
from spacy.util import registry


@registry.callbacks("kg.restore_lemmatizer_labels.v1")
def restore_lemmatizer_labels() -> Callable[[Language], Language]:
    """Rebuild a loaded trainable lemmatizer's tree→label map before training goes on.

    spaCy 3.8's EditTreeLemmatizer.from_disk restores its labels but not that map, and its
    loss then treats every gold lemma as label 0: continued training would unlearn lemmas.
    """

    def restore(nlp: Language) -> Language:
        # nlp.components, not nlp.pipeline: spaCy runs this with resumed components disabled
        for _, pipe in nlp.components:
            if isinstance(pipe, EditTreeLemmatizer) and not pipe.tree2label:
                pipe.tree2label.update({tree: label for label, tree in enumerate(pipe.labels)})
        return nlp

    return restore
