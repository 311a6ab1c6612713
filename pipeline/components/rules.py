"""`ptpipe_rules`: money, dates, states and organisations in one pass over `doc.ents`.

Order matters only on ties of equal length, where the later rule set wins: organisations
(`MS` in `Ministério da Saúde (MS)`) over states, states over dates, everything over places.
"""

from __future__ import annotations

from itertools import chain

from spacy.language import Language
from spacy.tokens import Doc

from ._spans import Match, doc_text, set_entities
from .dates import find_dates, read_tenses
from .money import find_amounts
from .orgs import find_orgs
from .places import find_places, model_places
from .states import find_states


def find_all(text: str, *, tense_from_text: bool = True):
    """Every rule match in `text`, rule set by rule set (`tense_from_text`: see `find_dates`)."""
    yield from find_places(text)
    yield from (Match(a.start, a.end, "MONEY", a.attrs()) for a in find_amounts(text))
    yield from find_dates(text, tense_from_text=tense_from_text)
    yield from find_states(text)
    yield from find_orgs(text)


@Language.factory("ptpipe_rules", assigns=["doc.ents"])
def make_rules(nlp: Language, name: str):
    return rules_component


def rules_component(doc: Doc) -> Doc:
    # a parsed Doc gives dates the tense of their verb (`realizou na sexta-feira`); a
    # `spacy.blank` one has no parse, and the dates read the tense from the words instead
    parsed = doc.has_annotation("MORPH") and doc.has_annotation("DEP")
    text = doc_text(doc)  # Doc.text joins every token anew at each call; the name layer read it already
    found = read_tenses(doc, find_all(text, tense_from_text=not parsed), text)
    return set_entities(doc, chain(found, model_places(doc)))
