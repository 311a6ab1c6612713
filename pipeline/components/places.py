"""LOC from tables: Brazilian municipalities (IBGE) and road codes (`BR-364`, `ERS-130`).

The statistical model reads many municipality names as people (`Augustinópolis`, `Penedo`)
and roads as anything. A municipality name is taken as a place:

- when it is a whole run of capitalised words (`em Palmeira dos Índios`, not the `Braga` of
  `Marcos Vinícius Andrade Braga`, nor `Montes Claros` inside `Prefeitura de Montes Claros`);
- and, when it is one word that is also a common word (`Vitória`, `Valente`, `Palmas`), only
  after a place cue (`em`, `no município de`) or before a UF code (`Valente (BA)`).

State names that are also cities (`São Paulo`, `Rio de Janeiro`) are the states component's.
Attributes: `kind` (`municipality` or `road`), `uf` and `ibge_code` where the name is one
municipality or a UF code next to it says which; otherwise `ufs` lists the candidates.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lang.pt.places import FIELD_HEADS, PLACE_CUES, municipalities
from ..lang.pt.states import STATES
from ..textutil import fold
from ._spans import Match, doc_text, set_entities

# Runs of capitalised words, joined by the small words of place names (`Palmeira dos Índios`).
# (joined by spaces, never across a line break)
_RUN = regex.compile(r"(?<![\p{L}\-])\p{Lu}[\p{L}'’\-]*(?:[^\S\n]+(?:(?:d[aeo]s?|e|d')[^\S\n]+)?\p{Lu}[\p{L}'’\-]*)*")
_TAIL = regex.compile(r"\s(?:d[aeo]s?|em)\s+(?=\p{Lu})")
_UF_AFTER = regex.compile(r"\s*(?:\(|/|-|–|,)\s*(?P<uf>[A-Z]{2})(?![\p{L}])")
_CUE_BEFORE = regex.compile(r"(?i)(?:^|[\s(])(?:" + "|".join(map(regex.escape, PLACE_CUES)) + r")\s+$")
_FIELD_DE = regex.compile(
    r"(?i)(?<![\p{L}])(?:" + "|".join(map(regex.escape, FIELD_HEADS)) + r")"
    r"(?:\s+(?:municipal|estadual|nacional|federal|municipais|estaduais|nacionais|federais))?\s+de\s+$"
)
# Federal and state roads: BR-364, MG-120, ERS-130, AMG-1010, TO-010, SP-330
ROAD = regex.compile(r"(?<![\p{L}\d\-])(?:BR|[A-Z]{2,3})-\d{2,4}(?![\d\-])")
_UFS = {uf for uf, *_ in STATES}
# Regions and biomes: always (`Amazônia`, `Semiárido`, `Zona da Mata`), or the five regions and
# the Northeast's inland zones after an article or `região` (`o Norte e o Nordeste`, `Região Sul`,
# `cidades do Sertão`, not the town of Sertão, RS), with `de Minas`, a state's name and the like
# (`Norte de Minas`, `Agreste de Pernambuco`: the whole phrase, as the gold sets have it); never
# after a capitalised word and `do` (`Coreia do Sul`, `Irlanda do Norte`, `Mato Grosso do Sul`,
# `Rio Grande do Norte`: the name is the whole phrase).
_STATE_NAMES_RX = "|".join(sorted((regex.escape(name) for _, name, *_ in STATES), key=len, reverse=True))
REGION = regex.compile(
    r"(?P<name>Amazônia(?:\s+Legal)?|Semiárido|Pantanal|Zona\s+da\s+Mata|Sertão\s+(?:nordestino|baiano|do\s+\p{Lu}\p{L}+)"
    r"|(?<=\b(?:[Rr]egião|[Rr]egiões|[oO]|[nNdDaA]o|pelo|e)\s+)(?<!\p{Lu}[\p{L}\-]*\s+d[oa]\s+)"
    r"(?:Norte|Nordeste|Centro-Oeste|Sudeste|Sul|Sertão|Agreste|Seridó|Recôncavo)"
    r"(?:\s+(?:de\s+Minas|do\s+Brasil|do\s+país|fluminense|goiano|mineiro|paulista|baiano"
    r"|d[eoa]\s+(?P<state>" + _STATE_NAMES_RX + r")))?)"
    r"(?![\p{L}\-])"
    r"(?![^\S\n]+\p{Lu})"  # `Sudeste Asiático`, `Norte Shopping`: part of another name (on the same line)
)
COMMON_ZIPF = 3.0  # a one-word name more common than this as a word needs a cue


def find_places(text: str) -> Iterator[Match]:
    yield from _roads(text)
    yield from _regions(text)
    for run in _RUN.finditer(text):
        # `Penedo e Palmeira dos Índios`: a run joined by `e` is tried whole, then part by part;
        # one place in a coordination vouches for the others (`entre Augustinópolis e Sampaio`)
        parts = _parts(text, run)
        found = [_municipality(text, start, end, listed=False) for start, end in parts]
        if len(parts) > 1 and any(found):
            found = [
                f or _municipality(text, start, end, listed=True) for f, (start, end) in zip(found, parts, strict=True)
            ]
        yield from (f for f in found if f is not None)


_STATE_UF = {name: uf for uf, name, *_ in STATES}


def _regions(text: str) -> Iterator[Match]:
    for m in REGION.finditer(text):
        attrs = {"kind": "region"}
        if m.group("state"):
            attrs["uf"] = _STATE_UF[m.group("state")]  # `Agreste de Pernambuco`, `Norte do Piauí`: in that state
        yield Match(m.start("name"), m.end("name"), "LOC", attrs)


def _parts(text: str, run: regex.Match) -> list[tuple[int, int]]:
    if municipalities().get(run.group()):
        return [run.span()]
    if _UF_AFTER.match(text, run.end()):
        # `Secretaria de Educação de Cuiabá/MT`: the UF code names the place at the run's end
        for tail in _TAIL.finditer(run.group()):
            if municipalities().get(run.group()[tail.end() :]):
                return [(run.start() + tail.end(), run.end())]
    if " e " not in run.group():
        return [run.span()]
    out, start = [], run.start()
    for sep in regex.finditer(r"\s+e\s+", run.group()):
        out.append((start, run.start() + sep.start()))
        start = run.start() + sep.end()
    out.append((start, run.end()))
    return out


def _roads(text: str) -> Iterator[Match]:
    for m in ROAD.finditer(text):
        prefix = m.group().split("-")[0]
        if prefix == "BR" or prefix in _UFS or prefix[1:] in _UFS:
            yield Match(m.start(), m.end(), "LOC", {"kind": "road"})


def model_places(doc: Doc) -> Iterator[Match]:
    """The statistical model's LOC spans that name a municipality, with its attributes: the model
    has read the context (`Caruaru vai receber`), where the table alone needs a cue for a name
    that is also a frequent word."""
    for span in doc.ents:
        if span.label_ != "LOC" or span._.ptpipe_attrs is not None or fold(span.text) in _STATE_NAMES:
            continue
        places = municipalities().get(span.text)
        # doc_text: `doc.text` joins every token anew at each call (it was most of this stage's time)
        if places and not _saint_with_article(doc_text(doc), span.start_char, span.text):
            yield Match(span.start_char, span.end_char, "LOC", _attributes(places))


# A town named after a saint takes no masculine article (`em São João`, `de Santa Cruz`, but `à
# Santa Filomena`); with one, the name is the saint's feast or a club (`No São João, o Governo`,
# `o Santa Cruz venceu`).
_SAINTS = ("São ", "Santa ", "Santo ")
_ARTICLE_BEFORE = regex.compile(r"(?i)(?<![\p{L}])(?:o|no|do|ao|pelo)\s+$")


def _saint_with_article(text: str, start: int, name: str) -> bool:
    return name.startswith(_SAINTS) and _ARTICLE_BEFORE.search(text, max(0, start - 6), start) is not None


def _attributes(places: list) -> dict:
    attrs: dict = {"kind": "municipality"}
    if len(places) == 1:
        attrs.update(uf=places[0][0], ibge_code=places[0][1])
    else:
        attrs["ufs"] = sorted({p[0] for p in places})
    return attrs


def _municipality(text: str, start: int, end: int, *, listed: bool) -> Match | None:
    name = text[start:end]
    places = municipalities().get(name)
    if not places or fold(name) in _STATE_NAMES or _saint_with_article(text, start, name):
        return None
    uf_after = _UF_AFTER.match(text, end)
    uf = uf_after.group("uf") if uf_after and uf_after.group("uf") in _UFS else None
    cue = _CUE_BEFORE.search(text, max(0, start - 30), start) is not None
    if cue and _FIELD_DE.search(text, max(0, start - 40), start):
        cue = False  # `secretário municipal de Saúde`: a field, not the municipality of Saúde (BA)
    if " " not in name and _common_word(name) and not (cue or uf or listed):
        return None
    chosen = [p for p in places if p[0] == uf] if uf else list(places)
    attrs = _attributes(chosen) if len(chosen) == 1 else _attributes(places)
    return Match(start, end, "LOC", attrs)


@cache
def _common_word(name: str) -> bool:
    from ..spelling import default_lexicon  # the spelling lexicon knows how common a word is

    return default_lexicon().zipf.get(name.lower(), 0.0) >= COMMON_ZIPF


_STATE_NAMES = {fold(name) for _, name, _, _ in STATES}


@Language.factory("ptpipe_places", assigns=["doc.ents"])
def make_places(nlp: Language, name: str):
    return places_component


def places_component(doc: Doc) -> Doc:
    return set_entities(doc, find_places(doc.text))
