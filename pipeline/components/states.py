"""STATE: the 27 Brazilian federative units, by name or by UF code used as a code.

Names match with or without accents and in any case that a writer uses (`Bahia`, `BAHIA`,
`Sao Paulo`), except `Pará`, which must keep its accent and capital to be told apart from the
preposition `para`. A UF code counts only where it is used as one: `Belo Horizonte (MG)`,
`Montes Claros/MG`, `Palmas - TO`, `governo de SP`; codes that are not also ordinary words
(`MG`, `BA`, `RS`) count anywhere outside all-capitals lines.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lang.pt.states import AMBIGUOUS_CODES, CITY_NAMESAKES, NEEDS_CAPITAL_AND_ACCENT, STATES
from ..textutil import fold
from ._spans import Match, set_entities

BY_UF: dict[str, dict] = {
    uf: {"uf": uf, "name": name, "ibge_code": code, "region": region} for uf, name, code, region in STATES
}


_FOLDED_NAMES: dict[str, str] = {fold(name): uf for uf, name, _, _ in STATES}
_FOLDED_NAMES["minas"] = "MG"  # `governo de Minas`


def _name_pattern() -> regex.Pattern:
    names = sorted(_FOLDED_NAMES, key=len, reverse=True)
    # accents optional: each vowel or c matches its accented forms too
    classes = {"a": "[aáàâã]", "e": "[eéê]", "i": "[ií]", "o": "[oóôõ]", "u": "[uúü]", "c": "[cç]"}
    alts = ["".join(classes.get(ch, regex.escape(ch)) for ch in name).replace(r"\ ", r"\s+") for name in names]
    return regex.compile(rf"(?i)(?<![\p{{L}}\-])(?:{'|'.join(alts)})(?![\p{{L}}\-])")


NAME = _name_pattern()
# A code stands alone, or after a hyphen glued to a place name (`Recife-PE`).
CODE = regex.compile(r"(?:(?<![\p{L}\d\-.])|(?<=\p{Lu}\p{Ll}+-))(?P<uf>" + "|".join(BY_UF) + r")(?![\p{L}\d]|-\d)")
# Words before a name or a code that make it a state (`estado de`, `governo de`).
_STATE_CUE = regex.compile(r"(?i)\b(?:estado|estados|governo|governador|governadora|território)\s+(?:d[eoa]s?\s+)?$")
_CITY_CUE = regex.compile(
    r"(?i)\b(?:cidade|município|municipio|prefeitura|capital|prefeito|prefeita|bairro)\s+(?:d[eoa]\s+|em\s+)?$"
)
# A capitalised word right before a state's name that makes it part of another name (`Divino
# Espírito Santo`, `Hospital Santa Catarina`); prepositions and state cues do not.
_INSIDE_NAME = regex.compile(
    r"(?<![\p{L}])(?!(?:Em|No|Na|Do|Da|De|Ao|Para|Pelo|Pela|E|O|A|Estado|Governo|Sul|Norte)\s)\p{Lu}\p{Ll}+\s+$"
)
# `SÃO PAULO, 5 de abril de 2024 --`: a dateline at the top names the city
_DATELINE = regex.compile(r",\s+\d{1,2}\s+de\s+\p{L}+")
_NOT_STATE_BEFORE = regex.compile(r"(?i)\b(?:rio|bacia|vale|ilha)\s+(?:d[oa]\s+)?$")
# A code right after a place name: `Montes Claros/MG`, `Belo Horizonte (MG)`, `Palmas - TO`, `Curitiba, PR`
_CODE_AFTER_PLACE = regex.compile(r"\p{Lu}\p{Ll}[\p{L}'\-]*(?:\s*\(|\s*/\s*|\s+[-–—]\s+|,\s+|(?<=\p{Ll})-)$")


def find_states(text: str) -> list[Match]:
    """State mentions, with `uf`, `ibge_code`, `region` and `ambiguous` for SP/RJ readings."""
    out = [m for m in (_name_match(text, m) for m in NAME.finditer(text)) if m]
    taken = [(m.start, m.end) for m in out]
    for m in CODE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if _is_code(text, m):
            out.append(Match(m.start(), m.end(), "STATE", _attrs(m.group("uf"))))
    return sorted(out, key=lambda x: x.start)


def _attrs(uf: str, **extra) -> dict:
    info = BY_UF[uf]
    return {"uf": uf, "ibge_code": info["ibge_code"], "region": info["region"], "name": info["name"], **extra}


# Compiled once: `regex.search(pattern, ...)` looks the pattern up in a cache at every call, about
# ten times the cost of the search itself on these short strings.
_SPACES = regex.compile(r"\s+")
_CAPITAL_NEXT = regex.compile(r"\s+\p{Lu}")
_CITY_CODE_AFTER = regex.compile(r"\s*(?:\(|/|[-–]\s)\s*(?:SP|RJ)\b")
_ACRONYM_SLASH = regex.compile(r"\p{Lu}{2,}/$")
_WORDS_AT_END = regex.compile(r"[\p{L}' ]+$")
_LETTERS = regex.compile(r"\p{L}+")


def _name_match(text: str, m: regex.Match) -> Match | None:
    surface = m.group()
    uf = _FOLDED_NAMES[fold(_SPACES.sub(" ", surface))]
    if not surface[0].isupper():
        return None
    before = text[max(0, m.start() - 30) : m.start()]
    # `Para`/`PARA` without accent is the preposition, unless a state cue says otherwise
    cued_para = surface == "Para" and _STATE_CUE.search(before)
    if uf in NEEDS_CAPITAL_AND_ACCENT and fold(surface) == surface.lower() and not cued_para:
        return None
    if _INSIDE_NAME.search(before) and not _STATE_CUE.search(before):
        return None  # `Divino Espírito Santo`, `Hospital Santa Catarina`: part of another name
    if uf == "MG" and _CAPITAL_NEXT.match(text, m.end()) and fold(surface) == "minas":
        return None  # `Minas Novas` is a town
    if _NOT_STATE_BEFORE.search(before):
        return None  # `rio Amazonas`, `bacia do Paraná`
    if uf in CITY_NAMESAKES:
        after = text[m.end() : m.end() + 6]
        dateline = _DATELINE.match(text, m.end()) and text[: m.start()].strip() == ""
        if _CITY_CUE.search(before) or _CITY_CODE_AFTER.match(after) or dateline:
            return Match(m.start(), m.end(), "LOC", {"kind": "city", "uf": uf})
        if not _STATE_CUE.search(before):
            return Match(m.start(), m.end(), "STATE", _attrs(uf, ambiguous=True))
    return Match(m.start(), m.end(), "STATE", _attrs(uf))


def _is_code(text: str, m: regex.Match) -> bool:
    uf = m.group("uf")
    before = text[max(0, m.start() - 40) : m.start()]
    after = text[m.end() : m.end() + 2]
    if before.endswith("(") and not after.startswith(")"):
        return False
    if before.endswith("(") and _spelled_before(before[:-1], uf):
        return False  # `Termo de Outorga (TO)`: an acronym defined, not a state
    if _ACRONYM_SLASH.search(before):
        return False  # the UF part of a body's acronym: `CEAS/RS`
    if before.endswith("-") and not before[:-1].endswith(" "):
        # `Recife-PE` is a city and its state; `Emater-MG`, `Seed-PR` are bodies' names
        word = _WORDS_AT_END.search(before[:-1])
        return bool(word) and _is_municipality(word.group().strip())
    if _CODE_AFTER_PLACE.search(before) or _STATE_CUE.search(before):
        return True
    return not (uf in AMBIGUOUS_CODES or _in_capitals_line(text, m.start()))


def _is_municipality(words: str) -> bool:
    """Is the end of `words` the name of a municipality (`Teresina`, `Montes Claros`)?"""
    from ..lang.pt.places import municipalities

    parts = words.split()
    return any(" ".join(parts[i:]) in municipalities() for i in range(len(parts)))


def _spelled_before(before: str, uf: str) -> bool:
    """Do the capitalised words just before spell the code (`Termo de Outorga` -> TO)?"""
    words = [w for w in _LETTERS.findall(before)[-4:] if w[0].isupper()]
    if fold(" ".join(words[-2:])) == fold(BY_UF[uf]["name"]).replace(" de ", " "):
        return False  # `São Paulo (SP)`, `Rio de Janeiro (RJ)`: the place, then its code
    return len(words) >= 2 and "".join(w[0] for w in words[-2:]) == uf


def _in_capitals_line(text: str, pos: int) -> bool:
    """In an all-capitals line (a shouted title) two letters are words, not codes."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end != -1 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) / len(letters) > 0.8


@Language.factory("ptpipe_states", assigns=["doc.ents"])
def make_states(nlp: Language, name: str):
    return states_component


def states_component(doc: Doc) -> Doc:
    return set_entities(doc, find_states(doc.text))
