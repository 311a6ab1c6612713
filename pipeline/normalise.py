"""Stage 2, normalise: original text -> clean text, with an alignment and a list of changes.

The stage is a chain of small steps. Each step looks at the current text and proposes edits;
`Alignment` applies them and remembers where every character came from. Steps only fix what
is plainly wrong (mojibake, decomposed accents, invisible characters, doubled spaces, a space
before a comma, misspelt words); names, acronyms, numbers, amounts, URLs and e-mail addresses
are never touched. Spelling correction lives in its own module (`spelling.py`); every step can
be switched off by leaving its name out of `steps`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import regex

from . import spelling as _spelling
from .alignment import Alignment, Correction, Edit

Step = Callable[[str], list[Edit]]

# Invisible or look-alike characters: dropped or replaced by their plain form.
_INVISIBLE = {
    "\u200b": "",  # zero width space
    "\u200c": "",  # zero width non-joiner
    "\u200d": "",  # zero width joiner
    "\u2060": "",  # word joiner
    "\ufeff": "",  # byte order mark inside the text
    "\u00ad": "",  # soft hyphen
    # direction marks and overrides: they change how text is shown, never what it says
    **dict.fromkeys("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", ""),
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\u3000": " ",  # ideographic space
}
# Any one of them: a regex scan finds them faster than a look at every character in Python.
_INVISIBLE_CHAR = regex.compile("[" + "".join(map(regex.escape, _INVISIBLE)) + "]")
# Control characters other than tab and newline carry nothing a reader can see.
_CONTROL = regex.compile(r"[\p{Cc}--[\t\n\r]]+", flags=regex.V1)
_NON_NFC_CLUSTER = regex.compile(r"\X")

_CRLF = regex.compile(r"\r\n?")
_SPACE_RUN = regex.compile(r"[ \t]{2,}|\t")
_LINE_EDGE_SPACE = regex.compile(r"(?m)^[ \t]+|[ \t]+$")
_BLANK_LINES = regex.compile(r"\n(?:[ \t]*\n){2,}")

# A space before closing punctuation, only after a letter or a closing bracket/quote, so that
# list markers, times and amounts are left alone. Not before a colon: PT-PT/FR habits differ.
# A run of commas counts as one (`a ,, b`: the doubled-comma edit of the same pass makes it one).
_SPACE_BEFORE_PUNCT = regex.compile(r"(?<=[\p{L}\p{N}\)\]\"”»])[ \t]+(?=(?:[,;]+|[!?]+|\.(?!\.))(?:\s|$))")
# Comma or semicolon glued to the next word between two letters (`municípios,estados`).
_MISSING_SPACE_AFTER = regex.compile(r"(?<=\p{L}{2})([,;])(?=\p{L}{2})")
_DOUBLED_COMMA = regex.compile(r"([,;])\1+")
_GLUED_WORDS = regex.compile(r"\p{L}{2}([,;])\1+\p{L}{2}")


# Mojibake: UTF-8 bytes read as CP1252 or Latin-1 (`AssistÃªncia`, `Ã§Ã£o`). A run starts
# with the character a UTF-8 lead byte becomes and goes on with those of continuation bytes.
_CP1252_HIGH = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ"
_MOJIBAKE = regex.compile(
    "(?:[\u00c2-\u00df][\u00a0-\u00bf" + _CP1252_HIGH + "]|[\u00e0-\u00ef][\u00a0-\u00bf" + _CP1252_HIGH + "]{2})+"
)


def mojibake(text: str) -> list[Edit]:
    """Runs of UTF-8 read as CP1252 decoded again: `AssistÃªncia` -> `Assistência`."""
    edits = []
    for match in _MOJIBAKE.finditer(text):
        fixed = _redecode(match.group())
        if fixed is not None:
            edits.append(Edit(match.start(), match.end(), fixed, "mojibake", 0.99))
    return edits


def _redecode(run: str) -> str | None:
    raw = bytearray()
    for ch in run:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            raw.append(ord(ch))  # the five bytes CP1252 leaves undefined pass through Latin-1
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return fixed if fixed != run else None


def invisible(text: str) -> list[Edit]:
    """Invisible and control characters dropped, odd spaces made plain (before NFC, which they can block)."""
    if text.isprintable():  # Python deems every one of them unprintable, and all control characters
        return []
    edits = [Edit(m.start(), m.end(), _INVISIBLE[m.group()], "unicode") for m in _INVISIBLE_CHAR.finditer(text)]
    edits += [Edit(m.start(), m.end(), "", "unicode") for m in _CONTROL.finditer(text)]
    return _disjoint(edits)


def unicode_form(text: str) -> list[Edit]:
    """NFC composition: `a` + combining acute -> `á`."""
    if unicodedata.is_normalized("NFC", text):
        return []
    edits = []
    for match in _NON_NFC_CLUSTER.finditer(text):
        cluster = match.group()
        nfc = unicodedata.normalize("NFC", cluster)
        if nfc != cluster:
            edits.append(Edit(match.start(), match.end(), nfc, "unicode"))
    return edits


def line_breaks(text: str) -> list[Edit]:
    """Windows and old Mac line breaks to `\\n` (first, so that the other steps see lines)."""
    if "\r" not in text:
        return []
    return [Edit(m.start(), m.end(), "\n", "whitespace") for m in _CRLF.finditer(text)]


def whitespace(text: str) -> list[Edit]:
    """Runs of spaces to one, no spaces at line edges, at most one blank line."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return []  # one line (line breaks and tabs are unprintable), no double space, no space at its ends
    edits = [Edit(m.start(), m.end(), "", "whitespace") for m in _LINE_EDGE_SPACE.finditer(text)]
    edits += [Edit(m.start(), m.end(), " ", "whitespace") for m in _SPACE_RUN.finditer(text)]
    edits += [Edit(m.start(), m.end(), "\n\n", "whitespace") for m in _BLANK_LINES.finditer(text)]
    return _disjoint(edits)


def punctuation(text: str) -> list[Edit]:
    """No space before `, ; . ! ?`; a space after a comma glued between words; `,,` -> `,`."""
    edits = [Edit(m.start(), m.end(), "", "punctuation", 0.98) for m in _SPACE_BEFORE_PUNCT.finditer(text)]
    edits += [
        Edit(m.end(), m.end(), " ", "punctuation", 0.9)
        for m in _MISSING_SPACE_AFTER.finditer(text)
        if not _inside_token_with(text, m.start(), "@/:")
    ]
    edits += [
        Edit(m.start(), m.end(), _single_mark(text, m), "punctuation", 0.98) for m in _DOUBLED_COMMA.finditer(text)
    ]
    return _disjoint(edits)


def _single_mark(text: str, m: regex.Match) -> str:
    """`,,` -> `,`; glued between two words (`AA;;AA`) it also gets the space a single mark
    would get, so that a second pass has nothing left to do."""
    glued = _GLUED_WORDS.fullmatch(text[max(0, m.start() - 2) : m.end() + 2]) is not None
    return m.group(1) + (" " if glued and not _inside_token_with(text, m.start(), "@/:") else "")


def spelling(text: str) -> list[Edit]:
    """Misspelt words corrected from the lexicon and the context (see spelling.py)."""
    return _spelling.spelling(text)


# The steps, in order, by the name used in configuration.
STEPS: dict[str, Step] = {
    "mojibake": mojibake,
    "invisible": invisible,
    "unicode": unicode_form,
    "line_breaks": line_breaks,
    "whitespace": whitespace,
    "punctuation": punctuation,
    "spelling": spelling,
}
DEFAULT_STEPS: tuple[str, ...] = tuple(STEPS)


@dataclass
class Normalised:
    """The clean text with its alignment to the original."""

    original: str
    text: str
    alignment: Alignment

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.alignment.to_original(start, end)

    def corrections(self) -> list[Correction]:
        return self.alignment.corrections()


def normalise(
    text: str, *, steps: Iterable[str] = DEFAULT_STEPS, speller: _spelling.Speller | None = None
) -> Normalised:
    """Run the named steps over `text` (`speller`: a configured `spelling.Speller` for the
    spelling step, for instance with a user's vocabulary).

    >>> normalise("o processo  de organização ,").text
    'o processo de organização,'
    """
    alignment = Alignment(text)
    for name in check_steps(steps):
        step = speller.edits if name == "spelling" and speller is not None else STEPS[name]
        alignment.apply(step(alignment.text))
    return Normalised(text, alignment.text, alignment)


def check_steps(steps: Iterable[str]) -> tuple[str, ...]:
    """The step names as a tuple, in the order given; ValueError for an unknown one."""
    steps = tuple(steps)
    unknown = [name for name in steps if name not in STEPS]
    if unknown:
        raise ValueError(f"unknown normalisation step {unknown[0]!r}; known: {', '.join(STEPS)}")
    return steps


def _disjoint(edits: list[Edit]) -> list[Edit]:
    """Sort edits and drop any that overlaps an earlier one (the first rule wins)."""
    out: list[Edit] = []
    end = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start >= end or (edit.start == edit.end and edit.start > end):
            out.append(edit)
            end = max(end, edit.end)
        elif not out:
            out.append(edit)
    return out


def _inside_token_with(text: str, pos: int, chars: str) -> bool:
    """Is position `pos` inside a whitespace-delimited token containing one of `chars` (a URL, an e-mail)?"""
    left = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    right_candidates = [i for i in (text.find(" ", pos), text.find("\n", pos)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return any(c in text[left:right] for c in chars)
