"""Common nouns by what they name: events, weapons, places, organizations."""

from __future__ import annotations

from kg.nlp.lexicon.forms import words

# Nouns that name events; they become events when the text gives them a time, place or actor.
EVENT_NOUNS = words(
    """attack strike bombing explosion blast raid assault offensive shelling shooting killing
    meeting conference summit talks visit election announcement decision withdrawal
    expansion investigation protest ceasefire agreement deal war invasion"""
)
# Nouns before an attack noun that say what it was made with: "a rocket attack".
WEAPON_NOUNS = words("rocket missile drone mortar bomb artillery car suicide grenade gun air")
# Common nouns that name a place an event happens at: "at a U.S.-led military base in ...".
PLACE_NOUNS = words("""base city town village region country capital headquarters area province camp
    airport embassy compound site border street district neighborhood neighbourhood
    port island state territory zone facility building hospital school market""")
# Nouns an apposition uses to say where a named place lies: "Irbil, the capital of ...".
LOCATING_NOUNS = words(
    """capital city town village region province state district county governorate area
    suburb neighbourhood neighborhood part port hub seat outskirts"""
)
# Nouns that name a kind of organization: "the alliance", "a Shia group called ...".
ORG_NOUNS = words(
    """alliance organization organisation group ministry department government coalition
    militia agency bloc union council company firm party movement army court bank
    committee commission network faction front brigade battalion outfit"""
)
# Nouns too general to be a thing of their own: "the situation", "others", "a lot", "at the
# end of the meeting". Each names no one thing a reader could point at (or only a point of
# another), so an argument headed by one stays text.
GENERIC_NOUNS = words(
    """other thing situation way part lot kind sort type one some number time fact case
    matter issue point something anything everything nothing someone anyone everyone
    stuff bit aspect manner end beginning"""
)
