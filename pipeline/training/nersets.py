"""Gold NER sets as raw text with character spans: what training converts and what
`benchmarks/ner.py` scores the whole pipeline on.

Every reader returns `GoldDoc`s: the text a user would have (not tokens joined by spaces where
the original can be rebuilt) and gold `(start, end, label)` spans in PER/ORG/LOC, so that one
scorer serves every set and every system (bare model, whole pipeline) on exact character spans.

Label conventions, decided once for all sets (models/README.md says why):

| source label | ours |
|---|---|
| UNER `PER`, HAREM/Paramopama `PESSOA`, TCU `PESSOA`, UlyssesNER `PESSOAindividual` | PER |
| UNER `ORG`, `ORGANIZACAO`, TCU `ORG` (companies) and `PUB` (public bodies), Ulysses `ORG*` | ORG |
| UNER `LOC`, `LOCAL`, TCU `LOC`, Ulysses `LOCALconcreto` | LOC |
| everything else (TEMPO, VALOR, UNER's OTH, which never occurs) | dropped |
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

LABELS: dict[str, str] = {
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "PESSOA": "PER",
    "ORGANIZACAO": "ORG",
    "LOCAL": "LOC",
    "PUB": "ORG",
    "PESSOAindividual": "PER",
    "ORGgovernamental": "ORG",
    "ORGnaogovernamental": "ORG",
    "ORGpartido": "ORG",
    "LOCALconcreto": "LOC",
}

# Where ptpipe's own labels count as LOC when it is scored against PER/ORG/LOC gold.
PIPELINE_AS_LOC = frozenset({"LOC", "STATE", "MUNICIPALITY", "CITY", "COUNTRY"})


@dataclass
class GoldDoc:
    """One text and its gold spans (character offsets into `text`, end exclusive)."""

    id: str
    text: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)


# --- UNER (IOB2 over UD syntactic words) + UD CoNLL-U (surface tokens and spacing) ---------


@dataclass
class _UDSentence:
    sent_id: str
    tokens: list[tuple[str, bool, list[int]]]  # (surface form, space after, word ids)


def _ud_sentences(path: Path) -> Iterator[_UDSentence]:
    sent_id, tokens, covered_until = "", [], 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif not line:
                if tokens:
                    yield _UDSentence(sent_id, tokens)
                sent_id, tokens, covered_until = "", [], 0
            elif not line.startswith("#"):
                cols = line.split("\t")
                space = "SpaceAfter=No" not in cols[9]
                if "-" in cols[0]:
                    first, last = (int(x) for x in cols[0].split("-"))
                    tokens.append((cols[1], space, list(range(first, last + 1))))
                    covered_until = last
                elif "." not in cols[0] and int(cols[0]) > covered_until:
                    tokens.append((cols[1], space, [int(cols[0])]))
    if tokens:
        yield _UDSentence(sent_id, tokens)


def read_iob2_words(path: Path) -> list[list[tuple[str, str]]]:
    """UNER files: sentences of (word, tag), from `ID FORM TAG ...` lines (comments skipped)."""
    sentences, current = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if current:
                    sentences.append(current)
                current = []
            elif not line.startswith("#"):
                cols = line.split("\t")
                current.append((cols[1], cols[2]))
    if current:
        sentences.append(current)
    return sentences


def _token_tags(words: list[tuple[str, str]], ud: _UDSentence) -> list[str]:
    """Tags of surface tokens: a contraction (`do` = `de` + `o`) takes its first tagged word's
    tag; an `I-` that follows nothing of its type becomes `B-` (9 spans in all of Bosque cut a
    contraction; see SOURCES.md)."""
    out: list[str] = []
    for _, _, ids in ud.tokens:
        tags = [words[i - 1][1] for i in ids if i - 1 < len(words)]
        tag = next((t for t in tags if t != "O"), "O")
        if tag.startswith("I-") and (not out or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
    return out


def _spans_from_tags(offsets: list[tuple[int, int]], tags: list[str]) -> list[tuple[int, int, str]]:
    """Character spans from IOB2 or IO tags: a `B-` starts a mention, a run of one type goes on."""
    spans: list[tuple[int, int, str]] = []
    current: list | None = None
    for (start, end), tag in zip(offsets, tags, strict=True):
        prefix = tag[:2] if tag[:2] in ("B-", "I-") else ""
        kind = LABELS.get(tag[len(prefix) :])
        if kind is not None and current is not None and current[2] == kind and prefix != "B-":
            current[1] = end
            continue
        if current is not None:
            spans.append(tuple(current))
        current = [start, end, kind] if kind is not None else None
    if current is not None:
        spans.append(tuple(current))
    return spans


def _layout(tokens: list[tuple[str, bool]]) -> tuple[str, list[tuple[int, int]]]:
    """Text and token offsets from (form, space after) pairs."""
    parts, offsets, pos = [], [], 0
    for form, space in tokens:
        offsets.append((pos, pos + len(form)))
        parts.append(form + (" " if space else ""))
        pos += len(form) + (1 if space else 0)
    return "".join(parts).rstrip(), offsets


def uner_bosque(uner: Path, conllu: Path, *, removed: Path | None = None) -> list[GoldDoc]:
    """UNER Portuguese-Bosque on the original Bosque text: one GoldDoc per sentence.

    `removed` lists UD sentence ids absent from UNER's filtered train (SOURCES.md)."""
    skip = set()
    if removed is not None:
        skip = {line.split("\t")[0] for line in removed.read_text(encoding="utf-8").splitlines()[1:] if line}
    ud = [s for s in _ud_sentences(conllu) if s.sent_id not in skip]
    words = read_iob2_words(uner)
    if len(ud) != len(words):
        raise ValueError(f"{uner.name}: {len(words)} sentences, {conllu.name}: {len(ud)}")
    out = []
    for sent, sent_words in zip(ud, words, strict=True):
        text, offsets = _layout([(form, space) for form, space, _ in sent.tokens])
        out.append(GoldDoc(sent.sent_id, text, _spans_from_tags(offsets, _token_tags(sent_words, sent))))
    return out


# UD splits these contractions into two words; PUD's UD text is not staged, so its sentences are
# rebuilt by joining them again (`de a transição` -> `da transição`), as a newspaper writes them.
_CONTRACTIONS = {
    (p, a): c
    for p, forms in {
        "de": {
            "o": "do",
            "a": "da",
            "os": "dos",
            "as": "das",
            "ele": "dele",
            "ela": "dela",
            "eles": "deles",
            "elas": "delas",
            "este": "deste",
            "esta": "desta",
            "estes": "destes",
            "estas": "destas",
            "esse": "desse",
            "essa": "dessa",
            "esses": "desses",
            "essas": "dessas",
            "aquele": "daquele",
            "aquela": "daquela",
            "aqueles": "daqueles",
            "aquelas": "daquelas",
            "isso": "disso",
            "isto": "disto",
            "aquilo": "daquilo",
            "aqui": "daqui",
            "onde": "donde",
        },
        "em": {
            "o": "no",
            "a": "na",
            "os": "nos",
            "as": "nas",
            "ele": "nele",
            "ela": "nela",
            "eles": "neles",
            "elas": "nelas",
            "este": "neste",
            "esta": "nesta",
            "estes": "nestes",
            "estas": "nestas",
            "esse": "nesse",
            "essa": "nessa",
            "esses": "nesses",
            "essas": "nessas",
            "aquele": "naquele",
            "aquela": "naquela",
            "aqueles": "naqueles",
            "aquelas": "naquelas",
            "isso": "nisso",
            "isto": "nisto",
            "aquilo": "naquilo",
        },
        "a": {
            "o": "ao",
            "a": "à",
            "os": "aos",
            "as": "às",
            "aquele": "àquele",
            "aquela": "àquela",
            "aqueles": "àqueles",
            "aquelas": "àquelas",
            "aquilo": "àquilo",
        },
        "por": {"o": "pelo", "a": "pela", "os": "pelos", "as": "pelas"},
    }.items()
    for a, c in forms.items()
}
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%»”")
_NO_SPACE_AFTER = frozenset("([{«“$")


def _contract(first: str, second: str) -> str | None:
    joined = _CONTRACTIONS.get((first.lower(), second.lower()))
    if joined is None:
        return None
    return joined.capitalize() if first[0].isupper() else joined


def detokenise(words: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int]], list[str]]:
    """Words joined as running text: contractions rebuilt, no space before closing punctuation.
    Returns the text, each surface token's offsets and its tag."""
    merged: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words) and (c := _contract(words[i][0], words[i + 1][0])):
            tags = [t for t in (words[i][1], words[i + 1][1]) if t != "O"]
            merged.append((c, tags[0] if tags else "O"))
            i += 2
        else:
            merged.append(words[i])
            i += 1
    layout = []
    for k, (form, _) in enumerate(merged):
        nxt = merged[k + 1][0] if k + 1 < len(merged) else ""
        space = bool(nxt) and nxt[0] not in _NO_SPACE_BEFORE and form[-1] not in _NO_SPACE_AFTER
        layout.append((form, space))
    text, offsets = _layout(layout)
    tags = [t for _, t in merged]
    fixed = []
    for k, tag in enumerate(tags):
        if tag.startswith("I-") and (k == 0 or fixed[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        fixed.append(tag)
    return text, offsets, fixed


def iob_file(path: Path, *, name: str | None = None, uner: bool | None = None) -> list[GoldDoc]:
    """Any IOB2/IO token file (UNER `ID FORM TAG` columns, or `token TAG` / `token<TAB>TAG`),
    one GoldDoc per sentence, text rebuilt by `detokenise`."""
    if uner is None:
        uner = path.suffix == ".iob2"
    sentences = read_iob2_words(path) if uner else read_io_sentences(path)
    ids = sentence_ids(path) if uner else []
    if len(ids) != len(sentences):
        ids = [f"{name or path.stem}-{k + 1}" for k in range(len(sentences))]
    out = []
    for sent_id, words in zip(ids, sentences, strict=True):
        text, offsets, tags = detokenise(words)
        out.append(GoldDoc(sent_id, text, _spans_from_tags(offsets, tags)))
    return out


def read_io_sentences(path: Path, limit: int = 0) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) pairs from `token<TAB>TAG` or `token TAG` lines; blank lines
    separate sentences; `limit` keeps the first ones."""
    sentences, current = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                    if limit and len(sentences) >= limit:
                        break
                continue
            # Paramopama separates with a tab, LeNER-Br with a space
            token, _, tag = line.rpartition("\t" if "\t" in line else " ")
            if token.startswith("pt:"):  # WikiANN prefixes every token with its language
                token = token[3:]
            current.append((token, tag.strip() or "O"))
    if current and not (limit and len(sentences) >= limit):
        sentences.append(current)
    return sentences


# --- HAREM JSON and doccano JSONL (character offsets already) -------------------------------


def harem_json(path: Path) -> list[GoldDoc]:
    """First HAREM JSON (`doc_text` + `entities` with offsets), one GoldDoc per document; spans
    stripped of spaces (a few end on one)."""
    out = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        text = record["doc_text"]
        ents = record["entities"]
        spans = [_stripped(text, e["start_offset"], e["end_offset"], LABELS.get(e["label"])) for e in ents]
        out.append(GoldDoc(str(record["doc_id"]), text, sorted(s for s in spans if s)))
    return out


def doccano_jsonl(path: Path) -> list[GoldDoc]:
    """doccano exports (`text`, `labels: [[start, end, LABEL]]`)."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text, spans = record["text"], []
            for start, end, label in record["labels"]:
                if label in LABELS and (span := _stripped(text, start, end, LABELS[label])):
                    spans.append(span)
            out.append(GoldDoc(str(record["id"]), text, sorted(spans)))
    return out


def _stripped(text: str, start: int, end: int, label: str | None) -> tuple[int, int, str] | None:
    """A gold span without the spaces some annotation tools leave at its ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, label) if start < end and label else None


def sentence_ids(path: Path) -> list[str]:
    """The `# sent_id = …` of each sentence of a UNER file, in order."""
    with path.open(encoding="utf-8") as fh:
        return [line.split("=", 1)[1].strip() for line in fh if line.startswith("# sent_id")]


def by_document(golds: list[GoldDoc], doc_of=lambda sent_id: sent_id.rsplit("-", 1)[0]) -> list[GoldDoc]:
    """Consecutive sentences of one source document joined into one text, one sentence a line,
    so that a system sees the document context a user's text has (`CF756-1`, `CF756-2` -> `CF756`)."""
    out: list[GoldDoc] = []
    for gold in golds:
        key = doc_of(gold.id)
        if out and out[-1].id == key:
            last = out[-1]
            shift = len(last.text) + 1
            last.text += "\n" + gold.text
            last.spans += [(s + shift, e + shift, lab) for s, e, lab in gold.spans]
        else:
            out.append(GoldDoc(key, gold.text, list(gold.spans)))
    return out


def load(path: Path) -> list[GoldDoc]:
    """A gold set by its file's form: `.json` HAREM, `.jsonl` doccano, anything else IOB."""
    if path.suffix == ".json":
        return harem_json(path)
    if path.suffix == ".jsonl":
        return doccano_jsonl(path)
    return iob_file(path)
