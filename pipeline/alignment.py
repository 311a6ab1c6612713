"""Alignment between an original text and the text derived from it by edits.

Every normalisation step proposes edits on the current text; `Alignment.apply` carries them
out and keeps, for each character of the derived text, the span of the original it came from.
Any span found later in the derived text can then be mapped back with `to_original`, so that
offsets in the record always point into the original text.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace `text[start:end]` of the current text with `replacement`."""

    start: int
    end: int
    replacement: str
    kind: str
    confidence: float = 1.0


@dataclass
class Correction:
    """A change in original coordinates: `original_text[start:end]` became `replacement`."""

    start: int
    end: int
    kind: str
    confidence: float
    replacement: str = ""

    def to_dict(self, original_text: str) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "original": original_text[self.start : self.end],
            "replacement": self.replacement,
            "kind": self.kind,
            "confidence": round(self.confidence, 4),
        }


class Alignment:
    """The current (derived) text plus a map from each of its characters to the original.

    `_starts[i]`/`_ends[i]` is the original span that derived character `i` stands for: one
    character for an untouched one, the whole replaced span for a replaced one. Both arrays
    are non-decreasing. While nothing has changed the arrays are not built at all (the common
    case for clean text).
    """

    def __init__(self, original: str):
        self.original = original
        self.text = original
        self._starts: array | None = None
        self._ends: array | None = None
        self._changed: bytearray | None = None
        self._corrections: list[Correction] = []

    @property
    def is_identity(self) -> bool:
        return self._starts is None

    def apply(self, edits: list[Edit]) -> None:
        """Apply non-overlapping edits, given in offsets of the current text."""
        if not edits:
            return
        edits = sorted(edits, key=lambda e: (e.start, e.end))
        self._materialise()
        starts, ends, changed = self._starts, self._ends, self._changed
        cur = self.text
        parts: list[str] = []
        new_starts, new_ends, new_changed = array("q"), array("q"), bytearray()
        pos = 0
        for edit in edits:
            if edit.start < pos or edit.end < edit.start or edit.end > len(cur):
                raise ValueError(f"overlapping or out-of-range edit {edit}")
            # untouched stretch before the edit
            parts.append(cur[pos : edit.start])
            new_starts.extend(starts[pos : edit.start])
            new_ends.extend(ends[pos : edit.start])
            new_changed.extend(changed[pos : edit.start])
            o_start, o_end = self._original_span(edit.start, edit.end)
            parts.append(edit.replacement)
            n = len(edit.replacement)
            new_starts.extend([o_start] * n)
            new_ends.extend([o_end] * n)
            new_changed.extend(b"\x01" * n)
            self._add_correction(Correction(o_start, o_end, edit.kind, edit.confidence))
            pos = edit.end
        parts.append(cur[pos:])
        new_starts.extend(starts[pos:])
        new_ends.extend(ends[pos:])
        new_changed.extend(changed[pos:])
        self.text = "".join(parts)
        self._starts, self._ends, self._changed = new_starts, new_ends, new_changed

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the derived text to the smallest original span that covers it."""
        if self._starts is None:
            return start, end
        if end <= start:
            point = self._point(start)
            return point, point
        return self._starts[start], self._ends[end - 1]

    def corrections(self) -> list[Correction]:
        """Every change, in original order, each with the derived text it became."""
        if self._starts is None:
            return []
        for corr in self._corrections:
            corr.replacement = self._replacement(corr)
        return list(self._corrections)

    # internals -------------------------------------------------------------------------

    def _materialise(self) -> None:
        if self._starts is None:
            n = len(self.original)
            self._starts = array("q", range(n))
            self._ends = array("q", range(1, n + 1))
            self._changed = bytearray(n)

    def _point(self, pos: int) -> int:
        """Original position of a boundary in the derived text."""
        if pos < len(self._starts):
            return self._starts[pos]
        return len(self.original)

    def _original_span(self, start: int, end: int) -> tuple[int, int]:
        if end > start:
            return self._starts[start], self._ends[end - 1]
        # an insertion sits between two derived characters
        point = self._ends[start - 1] if start > 0 else 0
        return point, point

    def _add_correction(self, new: Correction) -> None:
        """Keep corrections disjoint: a change that overlaps or touches another merges with it."""
        keep: list[Correction] = []
        for corr in self._corrections:
            if corr.start <= new.end and new.start <= corr.end:
                new = Correction(
                    min(corr.start, new.start),
                    max(corr.end, new.end),
                    corr.kind if corr.kind == new.kind else f"{corr.kind}+{new.kind}",
                    min(corr.confidence, new.confidence),
                )
            else:
                keep.append(corr)
        keep.append(new)
        keep.sort(key=lambda c: (c.start, c.end))
        self._corrections = keep

    def _replacement(self, corr: Correction) -> str:
        # derived characters made by edits and lying inside the correction's original span
        lo = bisect_left(self._starts, corr.start)
        hi = bisect_right(self._starts, corr.end)
        return "".join(self.text[i] for i in range(lo, hi) if self._changed[i] and self._ends[i] <= corr.end)
