"""Join the two trained pipelines into the one that ships in models/pt_ptpipe.

The Bosque pipeline (tok2vec, morphologizer, trainable_lemmatizer, parser) is the base; the
NER component comes from its own run (UNER Bosque, Paramopama, First HAREM, noticias-ner-tcu) with
its own internal tok2vec, so the two halves keep exactly the weights they were selected with (a NER
trained with a tok2vec component of its own, as `ner-pretrain.cfg` needs for `spacy pretrain`, gets
a copy of it inside, so the shipped NER has the same shape either way). Where the NER was trained
with static vectors (floret), its vectors table comes along.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import spacy

from .. import __version__

META = {
    "name": "ptpipe",
    "version": __version__,
    "description": (
        "Portuguese pipeline of the ptpipe project: UPOS and morphological features, lemmas and "
        "dependencies trained on UD Portuguese-Bosque; PER/ORG/LOC entities trained on "
        "UNER Bosque, Paramopama, First HAREM and noticias-ner-tcu. Trained from scratch."
    ),
    "author": "ptpipe contributors",
    "url": "https://github.com/ptpipe/ptpipe",
    "license": "CC BY-SA 4.0",
    "sources": [
        {
            "name": "UD Portuguese-Bosque 2.16",
            "url": "https://github.com/UniversalDependencies/UD_Portuguese-Bosque",
            "license": "CC BY-SA 4.0",
            "author": "Rademaker et al. 2017 (Floresta Sintá(c)tica / Linguateca)",
        },
        {
            "name": "Universal NER v1, Portuguese-Bosque",
            "url": "https://github.com/UniversalNER/UNER_Portuguese-Bosque",
            "license": "CC BY-SA 4.0",
            "author": "Mayhew et al. 2024 (NAACL)",
        },
        {
            "name": "noticias-ner-tcu (TCU SecexSaude news NER corpus)",
            "url": "https://github.com/SecexSaudeTCU/noticias_ner",
            "license": "none stated; news texts are third-party content, used for training only",
            "author": "SecexSaude/TCU, 2020",
        },
        {
            "name": "Paramopama (revised WikiNER-pt)",
            "url": "https://github.com/davidsbatista/NER-datasets",
            "license": "none stated; derived from WikiNER (CC BY); research use",
            "author": "Mendonça Júnior et al. 2015; Nothman et al. 2013",
        },
        {
            "name": "First HAREM golden collection (selective)",
            "url": "https://www.linguateca.pt/HAREM/",
            "license": "none explicit; distributed freely for research by Linguateca",
            "author": "Santos et al. 2006",
        },
    ],
}


NOTICE = """pt_ptpipe: a Portuguese spaCy pipeline of the ptpipe project.

Licence: Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0),
https://creativecommons.org/licenses/by-sa/4.0/legalcode. The tagger, lemmatizer and parser are
trained on UD Portuguese-Bosque (CC BY-SA 4.0), so the model is distributed under the same
licence. The code of ptpipe itself is MIT-licensed; this licence covers the model files only.

Training data and attribution (see meta.json "sources" and models/README.md):
- UD Portuguese-Bosque 2.16, Rademaker et al. 2017, Linguateca / Floresta Sintá(c)tica.
- Paramopama, Mendonça Júnior et al. 2015, derived from WikiNER (Nothman et al. 2013, CC BY).
- First HAREM golden collection, Santos et al. 2006 (LREC), Linguateca.
- Universal NER v1 Portuguese-Bosque, Mayhew et al. 2024 (NAACL), CC BY-SA 4.0.
- noticias-ner-tcu, SecexSaude/TCU 2020 (no licence stated; training only, no text shipped).
"""


def assemble(tagparse: Path, ner: Path, out: Path) -> Path:
    """tagparse + ner -> `out`, a pipeline folder loadable with `spacy.load(out)`."""
    nlp = spacy.load(tagparse)
    if "ner" in nlp.pipe_names:  # a shipped pipeline as the base: its NER is the one replaced
        nlp.remove_pipe("ner")
    ner_nlp = spacy.load(ner)
    if "ner_tok2vec" in ner_nlp.pipe_names:  # ner-pretrain.cfg: a tok2vec component the NER listens to
        ner_nlp.replace_listeners("ner_tok2vec", "ner", ["model.tok2vec"])  # a copy inside the NER
    if ner_nlp.vocab.vectors.shape[0]:  # floret vectors the NER reads as a static input
        nlp.vocab.vectors = ner_nlp.vocab.vectors
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.meta.update(META)
    nlp.meta["spacy_version"] = f">={spacy.about.__version__.rsplit('.', 1)[0]}.0,<3.9.0"
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    (out / "LICENSE").write_text(NOTICE, encoding="utf-8")
    return out
