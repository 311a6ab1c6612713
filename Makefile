# Two commands for a fresh clone (see README): `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT ?= out

.PHONY: install browser run test lint clean lexicon accents gazetteers case-table docfreq model model-corpora model-vectors model-train model-assemble model-pretrain model-ner model-eval ner-eval wikinames

# A virtual environment with the package (editable) and the test tools, rebuilt when
# pyproject.toml changes. Everything comes from the package index; nothing at run time.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python -c "from pipeline import spelling; spelling.default_lexicon(); spelling.hunspell_dictionary()"
	touch $(STAMP)

install: $(STAMP)

# The main job: every release in corpus/ -> out/corpus.jsonl, then a schema check of the output.
run: install
	$(BIN)/ptpipe run corpus/releases -o $(OUT)/corpus.jsonl
	$(BIN)/ptpipe validate $(OUT)/corpus.jsonl

test: install browser
	$(BIN)/ruff check pipeline tests benchmarks
	$(BIN)/python -m pytest -q

# Debian's Chromium, for the HTML report's browser test (tests/test_report.py). Installed when
# absent and we are root; elsewhere the test skips (and fails under CI=true).
browser:
	@command -v chromium >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || { \
		echo "make: installing Debian's chromium for the report test"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 \
		|| { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; } \
		|| echo "make: could not install chromium; the browser test will skip"; }

lint: install
	$(BIN)/ruff check pipeline tests benchmarks
	$(BIN)/ruff format --check pipeline tests benchmarks

# --- the spelling lexicon (issue 4; see pipeline/lang/build_lexicon.py) ----------------------
# Not part of `make run`/`make test`: the built table is committed. Needs Debian's hunspell
# dictionaries and unmunch (root, apt) and wordfreq; about a minute.
lexicon: install
	command -v unmunch >/dev/null && test -f /usr/share/hunspell/pt_BR.dic && test -f /usr/share/hunspell/pt_PT.dic \
		|| apt-get install -y -q hunspell-pt-br hunspell-pt-pt hunspell-tools
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[lexicon]'
	$(BIN)/python -m pipeline.lang.build_lexicon
	cp /usr/share/hunspell/pt_PT.aff /usr/share/hunspell/pt_PT.dic pipeline/lang/pt/hunspell/

# --- lost accents in context (issue 17; see pipeline/lang/build_accents.py) -----------------
# Not part of `make run`/`make test`: the model (weights only) is committed. Reads the train
# splits in ../shared/corpora and raw-pt; about 7 minutes on 2 busy cores.
accents: install
	$(BIN)/python -m pipeline.lang.build_accents

# --- name evidence (issue 16; see pipeline/lang/pt/names.py) -------------------------------
# Not part of `make run`/`make test`: the tables are committed.
gazetteers: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[gazetteers]'
	$(BIN)/python -m pipeline.lang.build_gazetteers

# Wikipedia's link types per name (WikiANN pt), the name layer's last gazetteer (committed).
wikinames: install
	$(BIN)/python -m pipeline.lang.build_wikinames --corpora $(CORPORA)

case-table: install
	$(BIN)/python -m pipeline.lang.build_case --corpora $(CORPORA)

# Keyphrases' background document frequencies (issue 22; committed, about 40 s to rebuild).
docfreq: install
	$(BIN)/python -m pipeline.lang.build_docfreq --corpora $(CORPORA)

# --- the project's own spaCy model (issues 3 and 16; see models/README.md) -------------------
# Not part of `make run`/`make test`: vectors about 15 minutes, then the two halves at once, one
# core each, about an hour. Override TRAIN_ARGS to shorten a run, e.g.
# make model TRAIN_ARGS="--training.max_steps 200"
CORPORA ?= ../shared/corpora
MODEL_BUILD ?= build
MODEL_OUT ?= models/pt_ptpipe
TRAIN_ARGS ?=
TRAIN_ENV := OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
SPACY_TRAIN := $(TRAIN_ENV) $(BIN)/python -m spacy train

# The shipped NER (issue 16; models/README.md says which variants were tried and what each scored):
# floret vectors, the NER's tok2vec pretrained on raw text (`model-pretrain`), the NER trained
# from it (ner-pretrain.cfg), then a second stage on the gold sets (ner-finetune.cfg).
# `make model-ner NER_CFG=pipeline/training/configs/ner-vectors.cfg PRETRAINED=` is the NER
# shipped before (no pretraining; `FINETUNE=` skips the second stage).
NER_CFG ?= pipeline/training/configs/ner-pretrain.cfg
PRETRAINED ?= $(MODEL_BUILD)/pretrain/model0.bin
FINETUNE ?= gold-train
CONVERT_ARGS ?=
NER_TRAIN := $(SPACY_TRAIN) $(NER_CFG) --output $(MODEL_BUILD)/ner \
	--paths.train $(MODEL_BUILD)/corpora/ner-train.spacy --paths.dev $(MODEL_BUILD)/corpora/ner-dev.spacy \
	--paths.vectors $(MODEL_BUILD)/vectors $(if $(PRETRAINED),--paths.init_tok2vec $(PRETRAINED)) $(TRAIN_ARGS)

model: model-train
	$(MAKE) model-assemble model-eval

model-corpora: install
	$(BIN)/python -m pipeline.training convert --corpora $(CORPORA) --out $(MODEL_BUILD)/corpora $(CONVERT_ARGS)

model-vectors: install
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[training]'
	$(BIN)/python -m pipeline.training vectors --corpora $(CORPORA) --out $(MODEL_BUILD)/vectors --threads 1

# Both halves from scratch, one core each.
model-train: model-corpora model-vectors $(PRETRAINED)
	$(SPACY_TRAIN) pipeline/training/configs/tagparse.cfg --output $(MODEL_BUILD)/tagparse \
		--paths.train $(MODEL_BUILD)/corpora/bosque-train.spacy --paths.dev $(MODEL_BUILD)/corpora/bosque-dev.spacy \
		$(TRAIN_ARGS) > $(MODEL_BUILD)/tagparse.log 2>&1 & \
	$(NER_TRAIN) > $(MODEL_BUILD)/ner.log 2>&1 & \
	wait
	tail -n 4 $(MODEL_BUILD)/tagparse.log $(MODEL_BUILD)/ner.log

model-assemble: install
	$(BIN)/python -m pipeline.training assemble --tagparse $(MODEL_BUILD)/tagparse/model-best \
		--ner $(MODEL_BUILD)/ner/model-best --out $(MODEL_OUT)

# `spacy pretrain` of the NER's tok2vec on raw-pt and the NER training texts: one epoch (about
# 8.8M words) is about an hour on one idle core; the weights are saved every 500 batches and after
# the epoch ($(PRETRAINED)). Resume a stopped run with PRETRAIN_ARGS="--resume-path FILE --epoch-resume N".
PRETRAIN_ARGS ?=
model-pretrain: model-vectors
	$(BIN)/python -m pipeline.training rawtext --corpora $(CORPORA) --out $(MODEL_BUILD)/raw-pt.jsonl
	$(TRAIN_ENV) $(BIN)/python -m spacy pretrain $(NER_CFG) $(MODEL_BUILD)/pretrain \
		--paths.raw_text $(MODEL_BUILD)/raw-pt.jsonl --paths.vectors $(MODEL_BUILD)/vectors \
		--pretraining.max_epochs 1 $(PRETRAIN_ARGS)

$(MODEL_BUILD)/pretrain/model0.bin:
	$(MAKE) model-pretrain

# Only the NER half (issue 16): retrained, then joined to the shipped tagger/parser, whose NER it
# replaces. Needs $(PRETRAINED) (`make model-pretrain`) unless PRETRAINED is empty.
model-ner: model-corpora model-vectors $(PRETRAINED)
	$(NER_TRAIN) > $(MODEL_BUILD)/ner.log 2>&1
	$(BIN)/python -m pipeline.training assemble --tagparse $(MODEL_OUT) --ner $(MODEL_BUILD)/ner/model-best \
		--out $(MODEL_BUILD)/pt_ptpipe
ifneq ($(FINETUNE),)
	$(SPACY_TRAIN) pipeline/training/configs/ner-finetune.cfg --output $(MODEL_BUILD)/ner-ft \
		--paths.source $(MODEL_BUILD)/pt_ptpipe --paths.train $(MODEL_BUILD)/corpora/$(FINETUNE).spacy \
		--paths.dev $(MODEL_BUILD)/corpora/ner-dev.spacy --paths.vectors $(MODEL_BUILD)/vectors \
		> $(MODEL_BUILD)/ner-ft.log 2>&1
	$(BIN)/python -m pipeline.training assemble --tagparse $(MODEL_OUT) --ner $(MODEL_BUILD)/ner-ft/model-best \
		--out $(MODEL_BUILD)/pt_ptpipe
endif
	rm -rf $(MODEL_OUT) && mv $(MODEL_BUILD)/pt_ptpipe $(MODEL_OUT)
	$(MAKE) model-eval

model-eval: install
	$(BIN)/python -m pipeline.training evaluate --model $(MODEL_OUT) --data $(MODEL_BUILD)/corpora

# Names as users get them: the whole pipeline and the bare model on every held-out set (benchmarks/ner.py).
ner-eval: install
	$(BIN)/python -m benchmarks.ner --corpora $(CORPORA) --json $(MODEL_BUILD)/ner-eval.json

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .ruff_cache *.egg-info
