"""Roles of people: the role phrase next to a person's name, for the PER entity's `roles`.

Two places carry a role in press releases:

- before the name, as an apposition or a title: `o presidente da AMAMS, José Nilson Bispo de
  Sá`, `a superintendente de Assistência Social da Bahia, Leísa Mendes`, `o prefeito João Silva`;
- after the name, between commas or brackets: `Leísa Mendes, superintendente de Assistência
  Social, disse`, `João Silva (prefeito de Penedo)`.

A role phrase starts at a role word (`pipeline/lang/pt/roles.py`, with `vice-`, `ex-`, `sub`
and `o então`/`atual` in front) and runs over the words of its complement (`de Assistência
Social da Bahia`) up to punctuation, another person or a verb. Phrases are read from the
normalised text, so a misspelt role (`superientende`) comes out corrected.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lang.pt.roles import OFFICE_ADJECTIVES, ROLE_HEADS, ROLE_LINKS, ROLE_MODIFIERS
from .spelling import default_lexicon

MAX_WORDS = 12  # a role phrase longer than this is a sentence, not a role
_PREFIXES = ("vice-", "ex-", "sub")
_VERB_TAGS = frozenset({"VERB", "AUX"})
_OPENERS = {",": ",", "(": ")", "–": None, "-": None}


def roles(span: Span) -> list[str]:
    """Role phrases found around a PER span, before and after it, without repeats."""
    found = [r for r in (_before(span), _after(span)) if r]
    return list(dict.fromkeys(found))


def is_role_head(token: Token) -> bool:
    word = token.lower_
    if word in ROLE_HEADS:
        return True
    return any(word.startswith(p) and word[len(p) :] in ROLE_HEADS for p in _PREFIXES)


def _before(span: Span) -> str | None:
    doc = span.doc
    end = span.start
    if end > 0 and doc[end - 1].text == ",":
        end -= 1
    for j in range(end - 1, max(-1, end - 1 - MAX_WORDS), -1):
        token = doc[j]
        if is_role_head(token):
            start = j
            while start > 0 and doc[start - 1].lower_ in ROLE_MODIFIERS:
                start -= 1
            return _phrase(doc[start:end])
        if not _continues(token, before=True):
            return None
    return None


def _after(span: Span) -> str | None:
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].text not in _OPENERS:
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ in {"o", "a"}:
        i += 1
    start = i
    while i < len(doc) and doc[i].lower_ in ROLE_MODIFIERS:
        i += 1
    if i >= len(doc) or not is_role_head(doc[i]):
        return None
    end = i + 1
    while end < len(doc) and end - start < MAX_WORDS and _continues(doc[end], before=False):
        end += 1
    return _phrase(doc[start:end])


def _continues(token: Token, *, before: bool) -> bool:
    """May this word sit inside a role phrase, after its head?

    Before a name the phrase is read leftwards with nothing to end it but the role word, so
    only names, links and a few adjectives of office qualify (`presidente da AMAMS`,
    `secretário municipal de Saúde`); after a name, between commas, any word but a verb does.
    """
    if token.is_punct or token.is_space or token.like_num:
        return False
    if before and token.ent_type_ == "PER":  # read leftwards, a person ends the phrase; after a
        return False  # name the commas bound it, and the model's PER there is a misread body
    if token.pos_ in _VERB_TAGS:
        return False
    word = token.lower_
    if word in ROLE_LINKS or token.text[:1].isupper():
        return True
    if before:
        return word in OFFICE_ADJECTIVES
    # without a tagger (blank model), the lexicon's finite verb forms stop the phrase
    return word not in default_lexicon().verbs and word not in _STOP


# Words that end a role phrase though they are neither verbs nor punctuation.
_STOP = frozenset({"que", "quem", "onde", "como", "quando", "se", "também", "ainda", "já", "não", "com", "sobre", "ao"})


def _phrase(tokens: Span) -> str | None:
    words = [t for t in tokens]
    while words and (words[-1].lower_ in ROLE_LINKS or words[-1].lower_ in {"o", "a", "os", "as"}):
        words.pop()
    if not words:
        return None
    return " ".join(t.text for t in words)
