"""Stage 4, extract: spaCy entities -> one entity per thing per document, offsets in the original.

Mentions found in the clean text are mapped back through the normalisation alignment, so that
`text[start:end] == mention["text"]` holds in the ORIGINAL text. Mentions of the same thing are
grouped (Bahia three times is one STATE; `AMAMS` and its long form are one ORG; `José Nilson`
after `José Nilson Bispo de Sá` is the same person), people get their roles (`roles.py`), and
amounts and dates become values.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

import regex
from spacy.tokens import Doc, Span

from .components._spans import doc_text
from .components.dates import attributes
from .lang.pt.orgs import ACRONYMS, CONNECTORS
from .lang.pt.places import municipalities
from .lang.pt.states import DEMONYMS
from .normalise import Normalised
from .roles import roles
from .textutil import fold

# Labels of other models mapped to ours (HAREM and LeNER-Br names, OntoNotes names).
LABEL_MAP: dict[str, str] = {
    "PESSOA": "PER",
    "PERSON": "PER",
    "ORGANIZACAO": "ORG",
    "LOCAL": "LOC",
    "GPE": "LOC",
    "TEMPO": "DATE",
    "VALOR": "VALUE",
}


def entities(doc: Doc, norm: Normalised, *, published: dt.date | None = None) -> list[dict]:
    """The record's `entities` for an annotated document."""
    groups: dict[tuple, dict] = {}
    model_label = _majority_labels(doc)
    for span in doc.ents:
        label = LABEL_MAP.get(span.label_, span.label_)
        if span._.ptpipe_attrs is None:
            label = model_label.get(fold(span.text), label)
        mention = _mention(span, norm)
        if mention is None:
            continue
        attrs = dict(span._.ptpipe_attrs or {})
        key, canonical, attributes = _BUILDERS.get(label, _plain)(span, attrs, published)
        if label == "PER":
            attributes = {"roles": roles(span)}
        group = groups.setdefault(
            (label, *key), {"label": label, "canonical": canonical, "attributes": attributes, "mentions": []}
        )
        _merge_attributes(group, canonical, attributes)
        group["mentions"].append(mention)
    out = _link_people(_link_long_forms(list(groups.values())))
    _add_demonyms(out, doc_text(doc))  # the text the rules read just before, not joined anew
    _place_by_context(out)
    for ent in out:
        ent["mentions"] = sorted(
            {(m["start"], m["end"]): m for m in ent["mentions"]}.values(), key=lambda m: m["start"]
        )
    return sorted(out, key=lambda e: (e["mentions"][0]["start"], e["label"]))


def _majority_labels(doc: Doc) -> dict[str, str]:
    """One label per name in a document: where the model labels the same words PER once and LOC
    twice (`Benedito Bentes`), the most frequent label wins (the first on a tie)."""
    votes: dict[str, Counter] = {}
    for span in doc.ents:
        if span._.ptpipe_attrs is None:
            votes.setdefault(fold(span.text), Counter())[LABEL_MAP.get(span.label_, span.label_)] += 1
    return {name: counts.most_common(1)[0][0] for name, counts in votes.items() if len(counts) > 1}


def _mention(span: Span, norm: Normalised) -> dict | None:
    start, end = norm.to_original(span.start_char, span.end_char)
    original = norm.original
    # a span that ends on a changed stretch may cover its whitespace: trim it
    while start < end and original[start].isspace():
        start += 1
    while end > start and original[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    return {"start": start, "end": end, "text": original[start:end]}


Builder = Callable[[Span, dict, "dt.date | None"], tuple[tuple, str, dict]]


def _money(span: Span, attrs: dict, published) -> tuple[tuple, str, dict]:
    key = (attrs.get("currency"), attrs.get("value"), attrs.get("min"), attrs.get("max"))
    return key, span.text, {k: v for k, v in attrs.items() if v is not None or k == "value"}


def _state(span: Span, attrs: dict, published) -> tuple[tuple, str, dict]:
    if "uf" not in attrs:  # a model's STATE label without our attributes
        return _plain(span, attrs, published)
    out = {"uf": attrs["uf"], "ibge_code": attrs["ibge_code"], "region": attrs["region"]}
    if attrs.get("ambiguous"):
        out["ambiguous"] = True
    return (attrs["uf"],), attrs["name"], out


def _date(span: Span, attrs: dict, published) -> tuple[tuple, str, dict]:
    """`value` at its `grain`; an interval has `start` and `end` (`value` null) and is named by
    them (`2024-07-13/2024-07-15`, ISO 8601's notation); a date that bounds an open interval
    (`até 30 de junho`) keeps its value and says which end it is."""
    found = attributes(attrs, published) if attrs else {"value": None, "grain": None}
    value = found["value"]
    if value is None and (found.get("start") or found.get("end")):
        name = f"{found.get('start') or '..'}/{found.get('end') or '..'}"
        return ("interval", name), name, found
    return (value or fold(span.text),), value or span.text, found


def _org(span: Span, attrs: dict, published) -> tuple[tuple, str, dict]:
    acronym = attrs.get("acronym")
    if not acronym:
        return _plain(span, attrs, published)
    # the table's spelling first (documents write `área` for `Área`), then the document's own
    written_out = span.text if span.text != acronym else None
    canonical = ACRONYMS.get(acronym) or attrs.get("long_form") or written_out or acronym
    return (acronym,), canonical, {"acronym": acronym}


def _plain(span: Span, attrs: dict, published) -> tuple[tuple, str, dict]:
    # what a rule knew stays (`São Paulo` as a city: kind and uf); a model's span has nothing
    return (fold(" ".join(span.text.split())),), " ".join(span.text.split()), dict(attrs)


_ACRONYM_LABELS = frozenset({"ORG", "PROGRAM"})
_BUILDERS: dict[str, Builder] = {"MONEY": _money, "STATE": _state, "DATE": _date, "ORG": _org, "PROGRAM": _org}


def _merge_attributes(group: dict, canonical: str, attributes: dict) -> None:
    """A later mention may know more (the long form of an acronym, an ambiguity)."""
    if group["label"] in _ACRONYM_LABELS and group["canonical"] == group["attributes"].get("acronym") != canonical:
        group["canonical"] = canonical
    for key, value in attributes.items():
        if isinstance(value, list):  # roles: every mention may add one
            known = group["attributes"].setdefault(key, [])
            known.extend(v for v in value if v not in known)
        else:
            group["attributes"].setdefault(key, value)


def _demonym_forms() -> dict[str, str]:
    """Every inflected demonym (`baiano`, `baiana`, `baianos`, `baianas`) -> UF."""
    out = {}
    for word, uf in DEMONYMS.items():
        forms = {word, word + "s"}
        if word.endswith("o"):
            forms |= {word[:-1] + "a", word[:-1] + "as"}
        if word.endswith("ar"):
            forms.add(word + "es")
        out.update(dict.fromkeys((fold(f) for f in forms), uf))
    return out


_DEMONYM_FORMS = _demonym_forms()
# Only words with a demonym's ending are looked up (`baiano`, `cearense`, `mineira`, `paulista`,
# `capixaba`, `potiguar`, `gaúcho`): one pass of this instead of folding every word.
_WORDS = regex.compile(
    r"(?i)(?<![\p{L}-])\p{L}+(?:-\p{L}+)*(?:an[oa]s?|enses?|eir[oa]s?|istas?|abas?|uar(?:es)?|ch[oa]s?)(?![\p{L}-])"
)


def _add_demonyms(ents: list[dict], text: str) -> None:
    """`região norte-mineira`, `o povo baiano`: evidence for a state, in its STATE entity's
    `demonyms` attribute (where the state is mentioned at all), never a mention."""
    found: dict[str, list[str]] = {}
    for m in _WORDS.finditer(text):
        uf = _DEMONYM_FORMS.get(fold(m.group()))
        if uf and m.group() not in found.setdefault(uf, []):
            found[uf].append(m.group())
    for ent in ents:
        if ent["label"] == "STATE" and ent["attributes"].get("uf") in found:
            ent["attributes"]["demonyms"] = found[ent["attributes"]["uf"]]


def _place_by_context(ents: list[dict]) -> None:
    """A municipality that several states have (`Parnamirim`: PE and RN) is taken to be the one in
    the state that the document names, where exactly one of its states is named (as a state, or by
    a municipality only one state has); `uf_from_context` says so. Otherwise `ufs` stays alone."""
    named = {e["attributes"].get("uf") for e in ents if e["label"] in ("STATE", "LOC")} - {None}
    for ent in ents:
        attrs = ent["attributes"]
        if ent["label"] != "LOC" or "uf" in attrs or attrs.get("kind") != "municipality" or not attrs.get("ufs"):
            continue
        candidates = [uf for uf in attrs["ufs"] if uf in named]
        codes = [code for uf, code in municipalities().get(ent["canonical"], ()) if uf in candidates]
        if len(candidates) == 1 and len(codes) == 1:
            attrs.update(uf=candidates[0], ibge_code=codes[0], uf_from_context=True)


def _name_key(name: str) -> str:
    """A body's name without accents, case or small words: `Confederação Nacional dos
    Municípios` and `Confederação Nacional de Municípios` are one name."""
    return " ".join(w for w in fold(name).split() if w not in CONNECTORS)


def _link_long_forms(ents: list[dict]) -> list[dict]:
    """An ORG written out in full joins the acronym group whose long form it is."""
    by_long = {
        _name_key(e["canonical"]): e for e in ents if e["label"] in _ACRONYM_LABELS and "acronym" in e["attributes"]
    }
    out = []
    for ent in ents:
        linkable = ent["label"] in _ACRONYM_LABELS and "acronym" not in ent["attributes"]
        target = by_long.get(_name_key(ent["canonical"])) if linkable else None
        if target is not None and target is not ent:
            target["mentions"].extend(ent["mentions"])
        else:
            out.append(ent)
    return out


def _link_people(ents: list[dict]) -> list[dict]:
    """`José Nilson` is `José Nilson Bispo de Sá` when the shorter name's words start the longer one;
    `Gibson` is `Mel Gibson` when it is the longer name's last word."""
    people = sorted((e for e in ents if e["label"] == "PER"), key=lambda e: -len(e["canonical"]))
    merged: set[int] = set()
    for i, short in enumerate(people):
        words = fold(short["canonical"]).split()
        for longer in people[:i]:
            if id(longer) in merged:
                continue
            long_words = fold(longer["canonical"]).split()
            same_start = long_words[: len(words)] == words
            surname = len(words) == 1 and long_words[-1] == words[0]  # `Gibson` after `Mel Gibson`
            if len(words) < len(long_words) and (same_start or surname):
                longer["mentions"].extend(short["mentions"])
                _merge_attributes(longer, longer["canonical"], short["attributes"])
                merged.add(id(short))
                break
    return [e for e in ents if id(e) not in merged]
