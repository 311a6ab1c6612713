"""Training workflow for the project's own spaCy pipeline, `models/pt_ptpipe` (issue 3).

Steps, each a module with one entry point and all run by `make model` (see models/README.md):

1. `corpora.convert`: the open corpora in ../shared/corpora -> spaCy DocBin files in build/.
2. `spacy train` with `configs/tagparse.cfg` (UD Bosque: morphologizer, lemmatizer, parser)
   and `configs/ner.cfg` (Paramopama + First HAREM: PER, ORG, LOC), two independent runs.
3. `assemble.assemble`: the two trained pipelines -> one package folder with meta and licences.
4. `evaluate.evaluate`: held-out scores and speed -> metrics.json beside the model.
"""
