"""ORG: organisations found by their acronyms and by the words their names start with.

- `Long Form (SIGLA)` and `SIGLA - Long Form`: the long form is the run of words before the
  parenthesis (or after the dash) whose initials spell the acronym; both become ORG mentions
  linked by the `acronym` attribute.
- Programmes, funds and taxes of the table (`FPM`, `PNAE`, `ICMS`) are labelled PROGRAM.
- An acronym on its own is an ORG when the document defines it or the acronym table
  (`lang/pt/acronyms.tsv`) knows it; the table gives its canonical name.
- `Prefeitura de Montes Claros`, `Secretaria de Estado de Saúde`: a known head word followed
  by capitalised words and connectors.
A statistical NER, where the model has one, finds the rest; on overlaps the longer span wins.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lang.pt.names import capital_share, first_name_people
from ..lang.pt.orgs import ACRONYM_KINDS, ACRONYMS, CONNECTORS, ORG_HEADS, PROGRAM_KINDS
from ..textutil import fold
from ._spans import Match, set_entities

_ACRONYM = r"(?:\p{Lu}[\p{Lu}\p{Ll}\d]*\p{Lu}[\p{Lu}\p{Ll}\d]*|\p{Lu}\p{Ll}+)"
_PAREN = regex.compile(rf"\((?P<acr>{_ACRONYM})\)")
_DASH = regex.compile(r"(?<![\p{L}\d])(?P<acr>\p{Lu}{2,}[\p{Lu}\d]*)\s+[-–—]\s+(?=\p{Lu})")
_WORD = regex.compile(r"[\p{L}][\p{L}\-']*")
# A currency's letters are no name word (`pelo Ministério das Cidades R$ 8 milhões`, `US$`).
# An abbreviation inside a name (`Hospital Prisional S. João de Deus`, `Escola Pe. Anchieta`) keeps
# its dot when another capitalised word follows.
_CAP_WORD = r"(?:\p{Lu}\p{Ll}{0,2}\.(?=[^\S\n]+\p{Lu})|\p{Lu}[\p{L}\-']*(?![\p{L}$.])|\p{Lu}[\p{L}\-']*(?=\.)|\d+ª?)"
# `em`/`no`/`na` join a body to where it is (`Instituto Curie em Paris`), not to its own name.
_CONN = "|".join(sorted(CONNECTORS - {"em", "no", "na", "nos", "nas"}, key=len, reverse=True))
# Words of one name are joined by spaces, never by a line break (a heading is not part of the
# name on the next line).
_SP = r"[^\S\n]+"
_HEADS = "|".join(regex.escape(h).replace(r"\ ", _SP) for h in sorted(ORG_HEADS, key=len, reverse=True))
# At most two small words between capitalised ones (`Integração e do Desenvolvimento`), and
# never `e o`/`e a`, which joins two names (`Universidade do Minho e o Mercado Municipal`).
# Nor `e` before another body's head word (`Confederação Nacional dos Municípios e Associação
# Mineira de Municípios` is two bodies), nor `e` before an acronym (`Tribunal Regional Eleitoral e
# PMs do Batalhão de Choque`).
# Nor `ao`/`à`/`para` before a head word: the money goes from one body to another (`pelo Ministério
# da Saúde ao Fundo Municipal de Saúde`), where a name's own `ao` is followed by no body
# (`Fundação de Amparo à Pesquisa`).
_NOT_JOINED = (
    rf"(?!e\s+(?:o|a|os|as)\s)(?!(?:e|a|à|às|ao|aos|para)\s+(?:{_HEADS})(?![\p{{L}}]))"
    rf"(?!e\s+\p{{Lu}}{{2,}}s?(?![\p{{L}}]))"
)
_JOIN = rf"(?:{_NOT_JOINED}(?:{_CONN}){_SP}){{0,2}}"
HEADED_NAME = regex.compile(rf"(?<![\p{{L}}])(?:{_HEADS})(?:{_SP}{_JOIN}{_CAP_WORD})+")
# A company by its legal form: capitalised words before `S.A.`, `S/A`, `Ltda.` or `EIRELI`
# (`Luz Norte Distribuidora S.A.`, `Construtora Serra Branca Ltda.`), the form included; a club
# the same way (`Murici Futebol Clube`).
COMPANY_NAME = regex.compile(
    rf"(?<![\p{{L}}\-])(?!(?:A|O|As|Os|À|Ao|Aos|Da|Do|Das|Dos|Na|No|Em|E|Pela|Pelo|Com|Para){_SP})"
    rf"\p{{Lu}}[\p{{L}}&\-']*(?:{_SP}(?:(?:d[aeo]s?|e|&){_SP})?\p{{Lu}}[\p{{L}}&\-']*){{0,5}}"
    rf"{_SP}(?:S\.A\.|S\.A(?![\p{{L}}])|S/A|Ltda\.?|EIRELI|Eireli|(?:Futebol|Esporte|Atlético){_SP}Clube(?![\p{{L}}]))"
)
# Every match of COMPANY_NAME holds one of these.
_LEGAL_FORMS = ("S.A", "S/A", "Ltda", "EIRELI", "Eireli", "Clube")
_MAX_WORDS = 14


def _letters(acronym: str) -> str:
    return "".join(c for c in acronym if c.isupper()).lower()


def _initials_match(words: list[str], acronym: str) -> bool:
    """Does the run of words spell the acronym?

    `AMAMS` (several capitals): the initials of the content words, allowing one extra word.
    `Sudene`, `Consisal` (one capital, syllables): prefixes of content words in order, the
    first and last words used, others skippable (`Consórcio Intermunicipal do Sisal`).
    """
    content = [fold(w) for w in words if w.lower() not in CONNECTORS]
    if not content:
        return False
    if sum(c.isupper() for c in acronym) > 1:
        initials = "".join(w[0] for w in content)
        letters = fold(_letters(acronym))
        if initials[0] != letters[0]:
            return False
        it = iter(initials)
        return initials == letters or (all(ch in it for ch in letters) and len(initials) <= len(letters) + 1)
    if _spelled_by_prefixes(fold(acronym), content):
        return True
    if len(content) > 2 and content[0].lower() in _HEAD_WORDS and _spelled_by_prefixes(fold(acronym), content[1:]):
        return True  # `Companhia de Saneamento do Paraná (Sanepar)`: the head word is no syllable
    # `Cooperativa dos Cajucultores de Picos (Coopcaju)`: the town a body is from is no part of
    # its syllables
    place = _place_tail(words)
    return place is not None and _spelled_by_prefixes(
        fold(acronym), [fold(w) for w in words[:place] if w.lower() not in CONNECTORS]
    )


_PLACE_OF = frozenset({"de", "do", "da", "dos", "das"})
_HEAD_WORDS = frozenset(fold(h).lower() for h in ORG_HEADS if " " not in h)


def _place_tail(words: list[str]) -> int | None:
    """Where a last `de Picos`, `do Alto Sertão` begins (one to three capitalised words after
    `de`), when at least two words come before it; else None."""
    for j in range(len(words) - 2, max(1, len(words) - 5), -1):
        if words[j].lower() in _PLACE_OF:
            tail = words[j + 1 :]
            return j if all(w[0].isupper() for w in tail) else None
    return None


def _spelled_by_prefixes(acronym: str, words: list[str]) -> bool:
    def spell(a: int, w: int) -> bool:
        word = words[w]
        for k in range(1, min(len(word), len(acronym) - a) + 1):
            if word[:k] != acronym[a : a + k]:
                break
            if a + k == len(acronym):
                if w == len(words) - 1:
                    return True
                continue
            if any(spell(a + k, nxt) for nxt in range(w + 1, len(words))):
                return True
        return False

    return spell(0, 0)


# punctuation a long form does not cross (compiled once: `regex.search(pattern, ...)` looks its
# pattern up in a cache at every call, and these run for every word before an acronym)
_STOP_BEFORE = regex.compile(r"[.;:!?()\[\]]")
_STOP_AFTER = regex.compile(r"[.;:!?()\[\],]")


def _long_form_before(text: str, end: int, acronym: str) -> tuple[int, int] | None:
    """The span of the words just before `end` whose initials spell `acronym`."""
    window_start = max(text.rfind("\n", 0, end) + 1, end - 200)
    words = list(_WORD.finditer(text, window_start, end))
    if not words or text[words[-1].end() : end].strip():
        return None
    best = None
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _MAX_WORDS), -1):
        first = words[i].group()
        if first.lower() in CONNECTORS or not first[0].isupper():
            continue
        gap = text[words[i].end() : words[-1].start()]
        if _STOP_BEFORE.search(gap):
            break
        if _initials_match([w.group() for w in words[i:]], acronym):
            best = (words[i].start(), words[-1].end())
    return best


def _long_form_after(text: str, start: int, acronym: str) -> tuple[int, int] | None:
    """The span of the words from `start` whose initials spell `acronym`."""
    line_end = text.find("\n", start)
    words = list(_WORD.finditer(text, start, line_end if line_end != -1 else len(text)))
    for j in range(min(len(words), _MAX_WORDS), 0, -1):
        last = words[j - 1].group()
        if last.lower() in CONNECTORS or not last[0].isupper():
            continue
        gap = text[start : words[j - 1].start()]
        if _STOP_AFTER.search(gap):
            continue
        if _initials_match([w.group() for w in words[:j]], acronym):
            return words[0].start(), words[j - 1].end()
    return None


# A word that may hold a known acronym: every key starts with a capital (ACRONYMS, and the
# acronyms defined in brackets or before a dash), so words in lower case are skipped by the regex
# engine, not by a Python loop.
_TOKEN = regex.compile(r"(?<![\p{L}\d\-])\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)*")


_DASH_DIGIT = regex.compile(r"-\d")


def _known_acronyms(text: str, known: dict[str, str]):
    """Spans of known acronyms, a word at a time: the whole hyphenated word (`TCE-MG`) or its
    longest known start (`Emater` in `Emater-MG`), never before `-digit` (`BR-251`)."""
    for m in _TOKEN.finditer(text):
        parts = m.group().split("-")
        for n in range(len(parts), 0, -1):
            candidate = "-".join(parts[:n])
            if candidate in known:
                end = m.start() + len(candidate)
                if not _DASH_DIGIT.match(text, end):
                    yield m.start(), end
                break


def find_orgs(text: str) -> list[Match]:
    """ORG mentions: acronym pairs, known or defined acronyms, and names with a head word."""
    out: list[Match] = []
    defined: dict[str, str] = {}
    for m in _PAREN.finditer(text):
        acr = m.group("acr")
        span = _long_form_before(text, m.start(), acr)
        if span is None:
            continue
        long_form = text[span[0] : span[1]]
        defined.setdefault(acr, long_form)
        out.append(Match(span[0], span[1], _label(acr), {"acronym": acr}))
    for m in _DASH.finditer(text):
        acr = m.group("acr")
        span = _long_form_after(text, m.end(), acr)
        if span is None:
            continue
        defined.setdefault(acr, text[span[0] : span[1]])
        out.append(Match(span[0], span[1], _label(acr), {"acronym": acr}))
    known = {**ACRONYMS, **defined}
    if known:
        for start, end in _known_acronyms(text, known):
            acr = text[start:end]
            attrs = {"acronym": acr}
            if acr in defined:
                attrs["long_form"] = defined[acr]
            if acr in ACRONYMS:
                attrs["canonical"] = ACRONYMS[acr]
            out.append(Match(start, end, _label(acr), attrs))
    taken = [(m.start, m.end) for m in out]
    # the legal form is rare, and the pattern tries every capitalised word: look for the form first
    forms = any(form in text for form in _LEGAL_FORMS)
    for m in COMPANY_NAME.finditer(text) if forms else ():
        if not any(s < m.end() and m.start() < e for s, e in taken):
            out.append(Match(m.start(), m.end(), "ORG", {}))
            taken.append((m.start(), m.end()))
    for m in HEADED_NAME.finditer(text):
        start, end = m.start(), _trim_connectors(text, m.start(), _cut_before_person(text, m.start(), m.end()))
        if not any(s < end and start < e for s, e in taken):
            out.append(Match(start, end, "ORG", {}))
    return _disjoint(out)


def _label(acronym: str) -> str:
    """ORG for bodies; PROGRAM for programmes, funds and taxes the acronym table knows (FPM, PNAE)."""
    return "PROGRAM" if ACRONYM_KINDS.get(acronym) in PROGRAM_KINDS else "ORG"


_AND_NAME = regex.compile(r"\s+e\s+(\p{Lu}\p{Ll}+)")
# A first name borne by at least this many Brazilians after `e` starts a person, not more of the
# body's name (`Polícia Civil e Ary Chagas de Aguiar`), unless writers mostly write it in lower
# case (`e Cultura`).
PERSON_AFTER_AND = 5000


def _cut_before_person(text: str, start: int, end: int) -> int:
    for m in _AND_NAME.finditer(text, start, end):
        word = m.group(1)
        share = capital_share(word)
        if first_name_people(word) >= PERSON_AFTER_AND and (share is None or share >= 0.5):
            return m.start()
    return end


def _trim_connectors(text: str, start: int, end: int) -> int:
    words = list(_WORD.finditer(text, start, end))
    while words and words[-1].group().lower() in CONNECTORS:
        words.pop()
    return words[-1].end() if words else end


def _disjoint(matches: list[Match]) -> list[Match]:
    """Longest first; drop matches overlapping an already kept one."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(k.start < m.end and m.start < k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


@Language.factory("ptpipe_orgs", assigns=["doc.ents"])
def make_orgs(nlp: Language, name: str):
    return orgs_component


def orgs_component(doc: Doc) -> Doc:
    return set_entities(doc, find_orgs(doc.text))
