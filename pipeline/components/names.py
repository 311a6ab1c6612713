"""`ptpipe_names`: the statistical model's PER/ORG/LOC, cleaned with evidence before the rules run.

The model guesses a name for many capitalised words it has not seen. This layer keeps what it
found unless the text says otherwise:

1. **Spans stay inside a line** and never start or end on punctuation (`Renato Lessa\\nIuperj`
   is cut to `Renato Lessa`; `"Brasil` to `Brasil`). A person's name loses the capitalised
   common words around it (`Técnico Pepe`, `PÚBLICO Isabel Cruz`).
2. **Capitalised common words are not names.** A one-word entity is dropped when Portuguese
   writers usually write that word in lower case inside a sentence (`case.tsv.gz`, counted on
   raw-pt: `Controle` 1 %, `Saúde` 9 %), or when they write it either way and this document
   gives a reason: the word also appears in lower case here, it opens a sentence, or it sits on
   a heading line. Frequency alone is no evidence: `Brasil`, `China`, `Lula`, `Senado` and `PT`
   are frequent words that writers capitalise (> 90 %), and they stay. A word of a person's name
   found elsewhere in the document (`Costa` after `Ana Costa`) stays too, and so does a word that
   Wikipedia's links name often enough (`Fluminense`, `Internacional`: clubs; point 3).
   A longer entity that starts with such a word and holds a lower-case content word
   (`Cofinanciamento federal`) is a phrase, not a name.
3. **Gazetteers correct the label**: a whole entity that is a country, continent or capital is
   LOC, a party or a body is ORG (`lang/pt/names.py`); failing those, a name that Wikipedia's
   links type one way in at least 4 of 5 of at least 3 links (`Quebec`, `Hollywood` LOC) takes
   that label. Where the model tagged nothing, a whole run of capitalised words that a gazetteer
   knows is taken (`PSDB`, `Congresso Nacional`), but never a piece of a longer name (`Ana` of
   `Santa Ana`, `Brasil` of `Banco do Brasil`), nor a word that is also a first name (`Israel`)
   or mostly written in lower case.
4. **One name, one reading per document.** The model reads each occurrence on its own and misses
   some: a name it found once is also taken where the same words recur untagged, and the
   surname of a person it found (`Gibson` after `Mel Gibson`) where it recurs alone. A word of a
   person's name that the model tagged ORG or LOC on its own elsewhere is that person (`Fishel`
   after `Peter Fishel`), and a LOC led by a common first name is a person where no preposition
   of place comes before it (`Natasha`, but `em Natal`).
5. **The words around say a person.** An untagged name led by a common first name after a speech
   verb or a role (`disse Teodor Malescanu`, `o professor de Direito Previdenciário Fábio
   Zambite`), or before an age (`, 58,`), is a person. Without such a cue a first name and a
   capitalised word are not enough (`Norma Operacional Básica`).
"""

from __future__ import annotations

from collections import Counter

from spacy.attrs import IS_ALPHA, IS_LOWER, LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..lang.pt.names import SETTLEMENT_WORDS, capital_share, first_name_people, known_label, wiki_label
from ..lang.pt.orgs import CONNECTORS
from ..lang.pt.roles import OFFICE_ADJECTIVES, ROLE_HEADS, SPEECH_VERBS
from ._spans import doc_text


class _Words:
    """A document's words as lists, read once: building a spaCy `Token` per word on each pass
    over the document was most of this layer's time."""

    __slots__ = ("capitalised", "is_lower", "lowers", "texts")

    def __init__(self, doc: Doc):
        strings = doc.vocab.strings
        # one list per attribute (four lists), not one list per word
        orth, lower, alpha, self.is_lower = doc.to_array([ORTH, LOWER, IS_ALPHA, IS_LOWER]).T.tolist()
        self.texts = [strings[o] for o in orth]
        self.lowers = [strings[w] for w in lower]
        self.capitalised = [t[:1].isupper() and (a or "-" in t) for t, a in zip(self.texts, alpha, strict=True)]

    def lower_words(self) -> set[str]:
        """The words written in lower case somewhere in the document."""
        return {lower for lower, is_lower in zip(self.lowers, self.is_lower, strict=True) if is_lower}


NAME_LABELS = frozenset({"PER", "ORG", "LOC", "PESSOA", "ORGANIZACAO", "LOCAL", "PERSON", "GPE", "MISC"})
_PERSON = frozenset({"PER", "PESSOA", "PERSON"})
# Capitalised inside a sentence less often than this: a common word, whatever the document says.
COMMON_SHARE = 0.2
# Less often than this: a common word when the document gives a reason (see the module doc).
EITHER_SHARE = 0.5
# A heading: a short line without final punctuation.
HEADING_MAX_WORDS = 10
SAINTS = frozenset({"São", "Santa", "Santo", "S.", "Sta.", "Sto.", "SÃO", "SANTA", "SANTO"})
_EDGE_PUNCT = frozenset("\"'“”‘’«»()[]{}.,;:!?-–—/|*•")


@Language.factory("ptpipe_names", assigns=["doc.ents"])
def make_names(nlp: Language, name: str):
    return names_component


def names_component(doc: Doc) -> Doc:
    person_words = {t.text for e in doc.ents if e.label_ in _PERSON and len(e) > 1 for t in e if t.text[:1].isupper()}
    view = _Words(doc)
    lower_words: set[str] | None = None  # built on first need: most documents never need it
    kept = []
    for span in doc.ents:
        if span._.ptpipe_attrs is not None or span.label_ not in NAME_LABELS:
            kept.append(span)
            continue
        span = trimmed(span)
        if span is not None and span.label_ not in _PERSON:
            span = _bylined_person(span) or span
        if span is not None and span.label_ in _PERSON:
            span = _person_core(span)
        if span is None:
            continue
        known = known_label(span.text)
        linked = wiki_label(span.text) if known is None else None  # Wikipedia's links: evidence of a name
        if known is None and span.text not in person_words and linked is None:
            if lower_words is None:
                lower_words = view.lower_words()
            if common_phrase(span, lower_words):
                continue
        if known is None and span.label_ in _PERSON and len(span) > 1 and span[0].text in SAINTS:
            known = "LOC"  # `São Martinho`, `Santa Rita`: a saint's name is a place's, not a person's
        if known is None and len(span) == 1 and span.label_ not in _PERSON and span.text in person_words:
            known = "PER"  # `Fishel` after `Peter Fishel`: the same person, whatever the model guessed here
        if known is None and span.label_ in ("LOC", "LOCAL") and _first_name_led(span):
            known = "PER"
        if known is None and _after_settlement_word(span):
            known = "LOC"
        if known is None:
            known = linked
        if known is not None and known != span.label_:
            span = Span(doc, span.start, span.end, label=known)
        kept.append(span)
    kept += repeated(doc, kept, view)
    kept += known_names(doc, kept, view)
    doc.ents = kept + cued_people(doc, kept, view)
    return doc


# A place's name led by a first name this common is a person's (`Natasha`, `Lou Reed`)...
PERSON_FIRST_NAME_PEOPLE = 5000
# ...unless a preposition of place comes before it (`em Natal`, `para Vitória`).
_LOCATIVE = frozenset({"em", "no", "na", "nos", "nas", "para", "pelo", "pela", "até"})


def _first_name_led(span: Span) -> bool:
    """A model's LOC that is a person's name: its first word is a common Brazilian first name
    and no preposition of place comes before it (measured on UNER Bosque dev: +0.2 F)."""
    first = span[0]
    if first.text in SAINTS or first_name_people(first.text) < PERSON_FIRST_NAME_PEOPLE:
        return False
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is None or before.lower_ not in _LOCATIVE


def _after_settlement_word(span: Span) -> bool:
    """`comunidade de Varzinha`, `povoado Malhada`: a settlement's word in lower case, and `de`/`do`/
    `da` or nothing, right before the name."""
    k = span.start - 1
    if k >= 0 and span.doc[k].lower_ in _NAME_JOINERS:
        k -= 1
    return k >= 0 and span.doc[k].text in SETTLEMENT_WORDS


def known_names(doc: Doc, ents: list[Span], view: _Words) -> list[Span]:
    """Names the gazetteers know that the model left untagged: a whole run of capitalised words
    (`PSDB`, `Congresso Nacional`, `Coreia do Sul`), never a piece of a longer one (`Santa Ana`,
    `Banco do Brasil`), never a word that is also a first name (`Israel`, `Geórgia`) or that
    writers mostly write in lower case."""
    taken = _taken(len(doc), ents)
    out = []
    for start, end in _capitalised_runs(view, taken):
        text = doc[start:end].text
        label = known_label(text)
        if label is None or (end - start == 1 and not _standalone(doc[start])):
            continue
        out.append(Span(doc, start, end, label=label))
    return out


_CUE_MAX_WORDS = 4


def cued_people(doc: Doc, ents: list[Span], view: _Words) -> list[Span]:
    """People the model left untagged where the words around say a person: the end of a run of
    capitalised words, 2 to 4 words led by a common first name (census) and ending in a word
    writers capitalise, after a speech verb (`Explica Américo Ramalho`) or a role's head and its
    field (`o professor de Direito Previdenciário Fábio Zambite`), or before `, 58,` (an age)."""
    taken = _taken(len(doc), ents)
    out = []
    for run_start, end in _capitalised_runs(view, taken):
        if end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:
            continue  # part of a longer name the model tagged
        for start in range(max(run_start, end - _CUE_MAX_WORDS), end - 1):
            first = view.texts[start]
            if not first[:1].isupper() or first.isupper() or first_name_people(first) < FIRST_NAME_PEOPLE:
                continue
            if _surname(view.texts[end - 1]) and (_cued(doc, run_start, start) or _aged(doc, end)):
                out.append(Span(doc, start, end, label="PER"))
            break
    return out


def _cued(doc: Doc, run_start: int, start: int) -> bool:
    """A speech verb just before `start`, or a role's head before the run (its field between)."""
    if start > 0 and doc[start - 1].lower_ in SPEECH_VERBS:
        return True
    for k in range(run_start - 1, max(-1, run_start - 4), -1):
        word = doc[k].lower_
        if word in ROLE_HEADS:
            return True
        if word not in _NAME_JOINERS and word not in OFFICE_ADJECTIVES:
            return False
    return False


def _aged(doc: Doc, end: int) -> bool:
    """`, 58,` after the name: an age (not `, 1.210,` of an address)."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text != ",":
        return False
    age = doc[end + 1].text
    return age.isdigit() and len(age) <= 3


def _standalone(token) -> bool:
    """A one-word known name that needs no context: an acronym of three letters or more (or
    `PT`), or a word that writers capitalise and that is no common first name."""
    if token.is_upper:
        return len(token.text) >= 3 or token.text == "PT"
    share = capital_share(token.text)
    return (share is None or share >= EITHER_SHARE) and first_name_people(token.text) < FIRST_NAME_PEOPLE


# A word borne as a first name by this many Brazilians is not taken alone as a place.
FIRST_NAME_PEOPLE = 1000


def _taken(length: int, ents: list[Span]) -> bytearray:
    """1 for every token inside one of `ents`."""
    taken = bytearray(length)
    for span in ents:
        taken[span.start : span.end] = b"\x01" * len(span)
    return taken


def _capitalised_runs(view: _Words, taken: bytearray):
    """(start, end) of each maximal run of untagged capitalised words, with `de`/`da`/`do`…
    allowed between two of them (`Coreia do Sul`, `Palácio do Planalto`); `e` ends a run
    (`PSDB e PT`), and so does a tagged word (`Moscovo` of `Câmara de Moscovo` where the model
    took `Câmara` alone)."""
    capitalised, lowers = view.capitalised, view.lowers
    i, n = 0, len(capitalised)
    while i < n:
        if not capitalised[i] or taken[i]:
            i += 1
            continue
        end = i + 1
        while end < n:
            if capitalised[end] and not taken[end]:
                end += 1
            elif lowers[end] in _NAME_JOINERS and end + 1 < n and capitalised[end + 1] and not taken[end + 1]:
                end += 2
            else:
                break
        yield i, end
        i = end


_NAME_JOINERS = frozenset({"de", "da", "do", "das", "dos"})


def repeated(doc: Doc, ents: list[Span], view: _Words) -> list[Span]:
    """Untagged recurrences of the model's names, and people's surnames alone (point 4)."""
    votes: dict[tuple[str, ...], Counter] = {}
    for span in ents:
        if span._.ptpipe_attrs is not None or span.label_ not in NAME_LABELS or not span.text[:1].isupper():
            continue
        words = tuple(t.text for t in span)
        if len(words) > 1 or _acronym(span[0]) or (capital_share(words[0]) or 1.0) >= EITHER_SHARE:
            votes.setdefault(words, Counter())[span.label_] += 1
        if span.label_ in _PERSON and len(span) > 1 and _surname(span[-1].text):
            votes.setdefault((span[-1].text,), Counter())[span.label_] += 1
    # the label the model gave these words most often (the first on a tie): a copy must not
    # outvote the model's own readings in extract's one-label-per-name step
    wanted = {words: counts.most_common(1)[0][0] for words, counts in votes.items()}
    if not wanted:
        return []
    taken = _taken(len(doc), ents)
    firsts = {words[0] for words in wanted}
    longest_first = sorted(wanted.items(), key=lambda item: -len(item[0]))  # once, not per token
    out = []
    texts = view.texts
    for i, text in enumerate(texts):
        if text not in firsts or taken[i]:
            continue
        for name, label in longest_first:
            end = i + len(name)
            if end <= len(texts) and not any(taken[i:end]) and tuple(texts[i:end]) == name:
                if not _whole_name(doc, i, end):
                    continue
                out.append(Span(doc, i, end, label=label))
                taken[i:end] = b"\x01" * len(name)
                break
    return out


def _surname(word: str) -> bool:
    """A last word of a person's name that can stand alone for them (`Gibson`, not `Sá` of `de Sá`
    nor `Costa` of a word writers mostly write in lower case)."""
    return word[:1].isupper() and word.lower() not in CONNECTORS and (capital_share(word) or 1.0) >= EITHER_SHARE


def _whole_name(doc: Doc, start: int, end: int) -> bool:
    """Not a piece of a longer capitalised name (`Gibson` in `Gibson Guitars`)."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return not (
        (before is not None and before.text[:1].isupper() and not before.is_sent_start and before.is_alpha)
        or (after is not None and after.text[:1].isupper() and after.is_alpha)
    )


def trimmed(span: Span) -> Span | None:
    """The span cut at its first line break and stripped of punctuation at both ends, and of
    small words at its end (`Congresso da`)."""
    start, end = span.start, span.end
    for token in span:
        if "\n" in token.text or (token.i > start and "\n" in span.doc[token.i - 1].whitespace_):
            end = token.i
            break
    doc = span.doc
    while start < end and (doc[start].is_space or all(c in _EDGE_PUNCT for c in doc[start].text)):
        start += 1
    while end > start and (
        doc[end - 1].is_space or all(c in _EDGE_PUNCT for c in doc[end - 1].text) or doc[end - 1].lower_ in CONNECTORS
    ):
        end -= 1
    if start >= end:
        return None
    if (start, end) == (span.start, span.end):
        return span
    return Span(doc, start, end, label=span.label_)


def _person_core(span: Span) -> Span | None:
    """A person's name without the title or byline the model took before it (`Técnico Pepe`,
    `Presidente Scalfaro`, `PÚBLICO Isabel Cruz`); `Tom Robinson` keeps `Tom`. Words after the
    name stay: surnames are often common words (`Paulo Portas`, `Manuel Alegre`)."""
    start = span.start
    while span.end - start > 1 and _title_or_byline(span.doc[start]):
        start += 1
    if start > span.start and span.doc[start].lower_ in CONNECTORS:
        return None  # `Padre de Água Fria`: after a title, `de` names a place or a body, not a person
    return span if start == span.start else Span(span.doc, start, span.end, label=span.label_)


def _bylined_person(span: Span) -> Span | None:
    """`PÚBLICO Isabel Cruz`, `COMPUTADORES Mark Tolliver` read as one ORG: a word in capitals that
    writers otherwise write in lower case (a byline, a heading), then a person's name on the same
    line, led by a first name of >= 1,000 Brazilians: the person."""
    core = _person_core(Span(span.doc, span.start, span.end, label="PER"))
    if core is None or core.start == span.start or not span.doc[span.start].is_upper:
        return None
    if len(core) < 2 or not all(t.is_title for t in core) or first_name_people(core[0].text) < 1000:
        return None
    return core


def _title_or_byline(token) -> bool:
    """`Presidente`, `Técnico` (a role's head word), or a newspaper's byline in capitals
    (`PÚBLICO`) that writers otherwise write in lower case."""
    if token.lower_ in ROLE_HEADS:
        return True
    share = capital_share(token.text)
    return token.is_upper and len(token) >= 3 and share is not None and share < COMMON_SHARE


def common_phrase(span: Span, lower_words: set[str]) -> bool:
    """Is this model entity a capitalised common word or phrase rather than a name?"""
    first = span[0]
    if len(span) == 1 and first.is_lower:  # `estado`: a name is never one lower-case word
        return True
    if _acronym(first):
        return False
    share = capital_share(first.text)
    if share is None:  # a rare or unseen word: the model's guess stands
        return False
    if len(span) == 1:
        if share < COMMON_SHARE:
            return True
        return share < EITHER_SHARE and (first.lower_ in lower_words or first.is_sent_start or _on_heading(span))
    if share >= COMMON_SHARE:
        return False
    # `Cofinanciamento federal`: a common word, then a lower-case word that is not a connector
    return any(t.is_lower and t.is_alpha and t.lower_ not in CONNECTORS for t in span[1:])


# `Doc.text` joins every token anew at each call; the layer asks for it per entity, so the
# document being cleaned keeps its text here (one slot: the Doc itself, compared by identity),
# with what `_acronym` learned of each of its lines (line start -> written in capitals or not).
_CURRENT: dict = {"doc": None, "text": "", "capital_lines": {}}


def _text(doc: Doc) -> str:
    if _CURRENT["doc"] is not doc:
        _CURRENT.update(doc=doc, text=doc_text(doc), capital_lines={})
    return _CURRENT["text"]


def _acronym(token) -> bool:
    """`IRA`, `PT`: all capitals on a line that is not itself written in capitals."""
    if not (token.is_upper and len(token.text) >= 2):
        return False
    text = _text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    lines = _CURRENT["capital_lines"]
    if start not in lines:  # one count per line, not per capitalised word on it
        end = text.find("\n", token.idx)
        line = text[start : end if end != -1 else len(text)]
        lines[start] = sum(map(str.islower, line)) > sum(map(str.isalpha, line)) // 4
    return lines[start]


def _on_heading(span: Span) -> bool:
    text = _text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end != -1 else len(text)].strip()
    return bool(line) and len(line.split()) <= HEADING_MAX_WORDS and line[-1] not in ".!?;:,"
