"""Month and weekday names for dates (with and without accents)."""

MONTHS: dict[str, int] = {
    "janeiro": 1,
    "jan": 1,
    "fevereiro": 2,
    "fev": 2,
    "março": 3,
    "marco": 3,
    "mar": 3,
    "abril": 4,
    "abr": 4,
    "maio": 5,
    "mai": 5,
    "junho": 6,
    "jun": 6,
    "julho": 7,
    "jul": 7,
    "agosto": 8,
    "ago": 8,
    "setembro": 9,
    "set": 9,
    "outubro": 10,
    "out": 10,
    "novembro": 11,
    "nov": 11,
    "dezembro": 12,
    "dez": 12,
}
# Only full names are matched in running text: `mar`, `set`, `out` are ordinary words.
MONTHS_IN_TEXT: tuple[str, ...] = tuple(k for k in MONTHS if len(k) > 3)

# Python's weekday(): Monday is 0.
WEEKDAYS: dict[str, int] = {
    "segunda-feira": 0,
    "segunda": 0,
    "terça-feira": 1,
    "terca-feira": 1,
    "terça": 1,
    "quarta-feira": 2,
    "quarta": 2,
    "quinta-feira": 3,
    "quinta": 3,
    "sexta-feira": 4,
    "sexta": 4,
    "sábado": 5,
    "sabado": 5,
    "domingo": 6,
}
# Words before a weekday that anchor it to the week of publication.
THIS_WEEK: frozenset[str] = frozenset(
    {"nesta", "neste", "desta", "deste", "nessa", "nesse", "dessa", "desse", "esta", "este"}
)
NEXT: frozenset[str] = frozenset({"próxima", "proxima", "próximo", "proximo"})
LAST: frozenset[str] = frozenset({"última", "ultima", "último", "ultimo", "passada", "passado"})
