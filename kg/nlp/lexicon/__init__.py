"""kg's lexicon: every word set, label set and word table the NLP and extraction rules use.

Each set is defined once, here, under a name that says what it holds; where two rules need
different members of one idea, the two sets have two names (``PLACE_LABELS``, ``AREA_LABELS``).
No spaCy here: plain strings, so any stage can import them. A new word list goes in the module
that holds its kind:

- ``labels``: entity labels, parts of speech, Penn Treebank tags;
- ``deps``: dependency relations, and the cuts that bound a phrase;
- ``verbs``, ``nouns``, ``words`` (function words), ``marks`` (punctuation);
- ``time``, ``numbers``, ``titles``, ``names``;
- ``forms``: ``words()`` for long lists and ``inflect()``, so inflected forms are derived.
"""
