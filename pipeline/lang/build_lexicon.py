"""Build `pt/lexicon.tsv.gz`, the spelling lexicon, from wordfreq and the hunspell dictionaries.

Not run at install or at run time: the built table is committed (about 1.5 MB) so that the
pipeline needs neither hunspell nor wordfreq. Rebuild with `make lexicon`, which installs
Debian's hunspell-pt-br, hunspell-pt-pt and hunspell-tools (for `unmunch`) and wordfreq.

Why both sources (measured, see MEASURED.md and README):
- wordfreq gives frequencies, but its Portuguese list holds frequent misspellings
  (`participaçao`, `municipios`). Keeping only the words that a hunspell dictionary
  (pt-BR or pt-PT) accepts removes them.
- hunspell alone over-generates (the pt-BR affixes expand to 80 million forms, and accept
  `superientende` through `superientender`), and has no frequencies. Its dictionary entries
  (stems, about 350 thousand) are added with frequency 0 so that rare correct words such as
  `socioassistencial` are known.
- The pt-PT dictionary tags each entry with its category; forms that only a verb entry
  generates are marked `V`, so that context can reject a finite verb after an article
  (`a superintende` -> `a superintendente`).

Output, one line per word: `word<TAB>zipf*100<TAB>tag<TAB>folded form` (the folded form only
where it differs from the word; stored so that loading needs no folding). Tags: `V` a finite verb form only,
`N` a name (the dictionaries only have it with a capital), `X` a frequent word that no
dictionary has (known, never offered as a correction), empty for the rest. Licence of the
result: CC BY-SA 4.0 (wordfreq data), with the hunspell word lists (LGPL-3 / MPL / GPL) used to
select and tag words; see pt/LEXICON-LICENSE.
"""

from __future__ import annotations

import argparse
import gzip
import re
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from ..spelling import fold

HUNSPELL = Path("/usr/share/hunspell")
OUT = Path(__file__).parent / "pt" / "lexicon.tsv.gz"
# Zipf floor: below it wordfreq's list is mostly noise from its web sources.
MIN_ZIPF = 1.0
# Zipf floor for frequent words that no dictionary accepts (about once in 3 million words).
MIN_ZIPF_EXTRA = 2.5


def unmunch(dic: Path, aff: Path) -> Iterator[str]:
    """Every form a hunspell dictionary generates, one word at a time."""
    with subprocess.Popen(["unmunch", str(dic), str(aff)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
        for raw in proc.stdout:
            yield raw.decode("utf-8", "replace").split("\t", 1)[0].strip()


def stems(dic: Path) -> Iterator[tuple[str, str]]:
    """(word, morphological description) of each dictionary entry."""
    with dic.open(encoding="utf-8", errors="replace") as fh:
        next(fh)  # the entry count
        for line in fh:
            entry, _, morph = line.rstrip("\n").partition("\t")
            word = entry.split("/", 1)[0].strip()
            if word:
                yield word.lower(), morph


# Tenses of finite verb forms in the pt-PT affix descriptions (`T=`); the gerund (g), the
# participle (ppa) and the infinitive (inf) can follow an article and are left out.
FINITE_TENSES = {"p", "pc", "pi", "pp", "pmp", "pic", "f", "fc", "c", "i", "ip"}


Rule = tuple[str, str, re.Pattern]


def suffix_rules(aff: Path) -> tuple[dict[str, list[Rule]], dict[str, list[Rule]]]:
    """Per flag, the suffix rules (strip, add, condition) that make finite verb forms, and those
    that derive nouns or adjectives (`orçar` -> `orçamento`)."""
    finite: dict[str, list[Rule]] = {}
    nominal: dict[str, list[Rule]] = {}
    for line in aff.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 6 or parts[0] != "SFX" or "-" in parts[3]:
            continue
        flag, strip, add, cond, desc = parts[1], parts[2], parts[3], parts[4], " ".join(parts[5:])
        tense = re.search(r"(?:^|[+,])T=([a-z_]+)", desc)
        if tense and tense.group(1) in FINITE_TENSES:
            table = finite
        elif re.search(r"CAT=(?:nc|adj|a_nc)", desc):
            table = nominal
        else:
            continue
        strip = "" if strip == "0" else strip
        add = "" if add == "0" else add.split("/", 1)[0]
        table.setdefault(flag, []).append((strip, add, re.compile(f"(?:{cond})$")))
    return finite, nominal


def _apply(stem: str, flags: str, rules: dict[str, list[Rule]]) -> Iterator[str]:
    for flag in flags:
        for strip, add, cond in rules.get(flag, ()):
            if cond.search(stem) and stem.endswith(strip):
                yield (stem[: len(stem) - len(strip)] + add).lower()


def verb_only_forms() -> set[str]:
    """Finite verb forms of the pt-PT verb entries that are not also a noun or an adjective."""
    dic, aff = HUNSPELL / "pt_PT.dic", HUNSPELL / "pt_PT.aff"
    finite_rules, nominal_rules = suffix_rules(aff)
    finite: set[str] = set()
    derived: set[str] = set()  # nouns and adjectives the verb entries derive (orçamento)
    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        entry, _, morph = line.partition("\t")
        if "CAT=v" not in morph:
            continue
        stem, _, flags = entry.partition("/")
        finite.update(_apply(stem, flags, finite_rules))
        derived.update(_apply(stem, flags, nominal_rules))
    with tempfile.TemporaryDirectory() as tmp:
        others = Path(tmp) / "others.dic"
        lines = [line for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]]
        lines = [line for line in lines if "CAT=v" not in line]
        others.write_text(f"{len(lines)}\n" + "\n".join(lines) + "\n", encoding="utf-8")
        nominal = {form.lower() for form in unmunch(others, aff)}
    return finite - nominal - derived


def build(out: Path = OUT) -> dict[str, int]:
    import wordfreq  # only needed here

    freq = {w: wordfreq.zipf_frequency(w, "pt", "large") for w in wordfreq.get_frequency_dict("pt", "large")}
    wanted = {w for w, z in freq.items() if z >= MIN_ZIPF and w.replace("-", "").isalpha()}
    lower_seen: set[str] = set()  # accepted in lower case: a common word
    capital_seen: set[str] = set()  # accepted only with a capital: a name
    for lang in ("pt_BR", "pt_PT"):
        for form in unmunch(HUNSPELL / f"{lang}.dic", HUNSPELL / f"{lang}.aff"):
            lower = form.lower()
            if lower in wanted:
                (lower_seen if form == lower else capital_seen).add(lower)
    accepted = lower_seen | capital_seen
    # hyphenated words (clitics, compounds) are accepted when every part is
    accepted |= {w for w in wanted if "-" in w and all(p in accepted for p in w.split("-") if p)}
    words = {w: round(freq[w] * 100) for w in accepted}
    tags = {w: "N" for w in capital_seen - lower_seen}
    for lang in ("pt_BR", "pt_PT"):
        for word, _ in stems(HUNSPELL / f"{lang}.dic"):
            if word.replace("-", "").isalpha() and word not in words:
                words[word] = 0
    # Frequent words no dictionary has (loans such as `online`, spellings from before the 1990
    # agreement such as `projecto` and `idéia`) are known, so never changed, but never offered
    # as corrections. Not those that have fewer diacritics or letters than a more frequent word
    # of the same folded form: those are the misspellings (`municipios`, `participaçao`) that
    # the intersection with the dictionaries is there to drop.
    twin: dict[str, tuple[int, str]] = {}
    for w, z in words.items():
        key = fold(w)
        if z > twin.get(key, (-1, ""))[0]:
            twin[key] = (z, w)
    for w in wanted - accepted:
        z = round(freq[w] * 100)
        if freq[w] < MIN_ZIPF_EXTRA or "-" in w:
            continue
        twin_z, twin_w = twin.get(fold(w), (-1, ""))
        if twin_z < z or (_marks(w) >= _marks(twin_w) and len(w) >= len(twin_w)):
            words[w] = z
            tags[w] = "X"
    for w in verb_only_forms():
        if w in words and w not in tags:
            tags[w] = "V"
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for word in sorted(words):
            key = fold(word)
            fh.write(f"{word}\t{words[word]}\t{tags.get(word, '')}\t{'' if key == word else key}\n")
    counts = {"words": len(words), "with_frequency": len(accepted)}
    counts.update({tag: sum(t == tag for t in tags.values()) for tag in "VNX"})
    return counts


def _marks(word: str) -> int:
    """Number of letters with a diacritic."""
    return sum(len(unicodedata.normalize("NFD", ch)) > 1 for ch in word)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    print(build(args.out))


if __name__ == "__main__":
    main()
