"""Stage 3, annotate: the spaCy pipeline (tokens, sentences, POS, lemmas, NER) plus the rules.

`load()` returns one spaCy `Language` that a user can also call directly: the chosen model
with the package's rules added after its NER as one component, `ptpipe_rules` (which runs
the rule sets also registered one by one: `ptpipe_places`, `ptpipe_money`, `ptpipe_dates`,
`ptpipe_states`, `ptpipe_orgs`), so that rules and model share `doc.ents`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from .components import RULE_COMPONENTS, SEPARATE_COMPONENTS

# Where the project's own trained pipeline lives once it is packaged (see models/README.md).
MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
DEFAULT_MODEL_NAME = "pt_ptpipe"
BLANK = "blank"


class ModelNotFound(Exception):
    """The `--model` given is neither an installed spaCy package nor a pipeline folder."""


def default_model() -> str:
    """The project's packaged model when it is there; else a blank Portuguese pipeline."""
    shipped = MODELS_DIR / DEFAULT_MODEL_NAME
    return str(shipped) if (shipped / "config.cfg").exists() else BLANK


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    """The spaCy pipeline for `model` (a package name, a path, `blank`, or None for the default)."""
    name = model or default_model()
    if name == BLANK:
        nlp = spacy.blank("pt")
        nlp.add_pipe("sentencizer")
    else:
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelNotFound(
                f"cannot load spaCy model {name!r}: not an installed package nor a pipeline folder"
            ) from exc
        if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names and "sentencizer" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
    for component in RULE_COMPONENTS:
        if component not in nlp.pipe_names and not set(SEPARATE_COMPONENTS) & set(nlp.pipe_names):
            nlp.add_pipe(component)
    _split_acronym_periods(nlp)
    nlp.meta.setdefault("ptpipe_model", name)
    return nlp


# spaCy splits a sentence's final period after two capitals (`FNDE.`) or a lower-case letter
# (`Caixa.`), not after a lower-case letter and a capital: `do MinC.`, `do PCdoB.` kept it, and the
# organisation's mention with it.
_ACRONYM_PERIOD = r"(?<=[a-z][A-Z])\.$"


def _split_acronym_periods(nlp: Language) -> None:
    search = nlp.tokenizer.suffix_search
    if search is not None and _ACRONYM_PERIOD not in search.__self__.pattern:
        nlp.tokenizer.suffix_search = re.compile(f"{search.__self__.pattern}|{_ACRONYM_PERIOD}").search


def model_info(nlp: Language) -> tuple[str, str | None]:
    """(name, version) of the pipeline, for the record's `pipeline` field."""
    meta = nlp.meta
    name = meta.get("ptpipe_model") or f"{meta.get('lang', 'pt')}_{meta.get('name', 'pipeline')}"
    if name == BLANK:
        return "blank:pt", spacy.__version__
    return f"{meta.get('lang', 'pt')}_{meta.get('name', '')}", meta.get("version")
