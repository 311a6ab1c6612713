"""spaCy components that find the entities rules find best: places, money, states, dates, organisations.

Importing this package registers the factories (`ptpipe_names`, which cleans a statistical
model's names; `ptpipe_rules`, which runs the rule sets all, and
`ptpipe_places`, `ptpipe_money`, `ptpipe_states`, `ptpipe_dates`, `ptpipe_orgs` one by one); they are also
declared as `spacy_factories` entry points, so a saved pipeline that uses them loads with plain
`spacy.load`.
"""

from spacy.tokens import Span

# What a rule knows about the span it found (a money value, a UF code, date parts).
if not Span.has_extension("ptpipe_attrs"):
    Span.set_extension("ptpipe_attrs", default=None)

from . import dates, money, names, orgs, places, states

# What `annotate.load` adds: all rule sets in one component, so `doc.ents` is set once per
# document (five components setting it in turn cost about 5 ms a document). The same order of
# precedence as the five run one after the other: on ties, the later rule set wins.
# `ptpipe_names` first: it cleans the statistical model's names before the rules add theirs.
RULE_COMPONENTS: tuple[str, ...] = ("ptpipe_names", "ptpipe_rules")
SEPARATE_COMPONENTS: tuple[str, ...] = ("ptpipe_places", "ptpipe_money", "ptpipe_dates", "ptpipe_states", "ptpipe_orgs")

__all__ = ["RULE_COMPONENTS", "SEPARATE_COMPONENTS", "dates", "money", "names", "orgs", "places", "states"]
