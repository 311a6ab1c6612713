"""Memory and start-up budgets (issue 21): bounded parse groups, the lexicon cache, lazy loading."""

import gc
import subprocess
import sys

import spacy

from pipeline import batch, cli, emit, runner, spelling
from pipeline.record import Document


def _counting_pipe(nlp, calls):
    real = nlp.pipe

    def pipe(texts, **kw):
        texts = list(texts)
        calls.append(texts)
        return real(texts, **kw)

    return pipe


def test_parse_groups_stay_small_and_come_one_at_a_time(monkeypatch):
    nlp = spacy.blank("pt")
    calls: list[list[str]] = []
    monkeypatch.setattr(nlp, "pipe", _counting_pipe(nlp, calls))
    texts = [f"Texto {i}. " * 400 for i in range(12)]  # about 4,400 characters each
    docs = runner.annotated(nlp, texts)
    first = next(docs)
    assert len(calls) == 1  # the next group waits until this one's Docs are taken
    rest = list(docs)
    assert [d.text for d in [first, *rest]] == texts
    assert all(sum(map(len, group)) <= runner.PIPE_CHARS for group in calls) and len(calls) > 1
    assert all(d.tensor.size == 0 for d in [first, *rest])


def test_a_broken_group_costs_only_its_documents(monkeypatch):
    nlp = spacy.blank("pt")
    real = nlp.pipe

    def pipe(texts, **kw):
        texts = list(texts)
        if any("BOOM" in t for t in texts) and len(texts) > 1:
            raise RuntimeError("a bad group")
        return real(texts, **kw)

    monkeypatch.setattr(nlp, "pipe", pipe)
    texts = ["A Bahia recebeu R$ 5 mil. " * 300, "O Pará. BOOM", "Minas Gerais."]
    records = list(runner.process_many(texts, nlp=nlp, steps=()))
    assert [r["error"] for r in records] == [None, None, None]
    assert [r["text"] for r in records] == texts


def test_the_lexicon_cache_reads_back_the_same_lexicon(tmp_path, monkeypatch):
    monkeypatch.setenv("PTPIPE_CACHE_DIR", str(tmp_path))
    built = spelling.Lexicon.load()
    [cache] = tmp_path.glob("lexicon-*.json")
    cached = spelling.Lexicon.load()
    table = spelling.Lexicon.read()
    assert cached.zipf == table.zipf and list(cached.zipf) == list(table.zipf) and built.zipf == table.zipf
    assert cached.verbs == table.verbs and cached.by_fold == table.by_fold
    assert cached.sorted_folds == table.sorted_folds
    cache.write_bytes(b"not json")  # a broken cache is read around, never trusted
    assert spelling.Lexicon.load().zipf == table.zipf


def test_the_lexicon_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PTPIPE_CACHE_DIR", "off")
    assert spelling._cache_file(spelling.LEXICON_PATH) is None


def test_a_speller_asks_hunspell_only_when_it_would_change_a_word():
    speller = spelling.Speller()
    assert speller.accepts is None  # not loaded yet
    speller.edits("A Prefeitura da Bahia anunciou obras.")
    speller.edits("A superientende da AMAMS falou.")
    assert speller.accepts is not None


def test_few_documents_start_no_pool(tmp_path, monkeypatch):
    def no_pool(*args):
        raise AssertionError("a pool for one document")

    monkeypatch.setattr(batch, "_pool", no_pool)
    src = tmp_path / "a.txt"
    src.write_text("A Prefeitura de Salvador anunciou obras.", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert cli.main(["run", str(src), "-o", str(out), "--model", "blank", "--workers", "2", "-q"]) == 0
    assert len(list(emit.read_jsonl(str(out)))) == 1


def test_forked_workers_share_frozen_tables_and_the_parent_gets_them_back():
    docs = [
        Document(id=f"d{i}", text=f"O Pará recebeu R$ {i} mil.", source={"path": None, "line": None, "format": "text"})
        for i in range(10)
    ]
    records = batch.run(docs, batch.RunConfig(model="blank", batch_size=2), workers=2)
    next(records)
    assert gc.get_freeze_count() > 0 or sys.platform != "linux"
    rest = list(records)
    assert len(rest) == 9 and gc.get_freeze_count() == 0


def test_a_run_imports_no_dataframe_library(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("A Prefeitura de Salvador anunciou obras.", encoding="utf-8")
    code = (
        "import sys; from pipeline import cli; "
        f"cli.main(['run', {str(src)!r}, '-o', {str(tmp_path / 'o.jsonl')!r}, '--model', 'blank', '-q']); "
        "print(sorted(m for m in ('pandas', 'pyarrow', 'dask') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_hunspell_cache_answers_as_spylls_does(tmp_path, monkeypatch):
    monkeypatch.setenv("PTPIPE_CACHE_DIR", str(tmp_path))
    from spylls.hunspell import Dictionary

    spelling.hunspell_dictionary()  # builds the cache
    assert list(tmp_path.glob("hunspell-*.json"))
    cached, plain = spelling.hunspell_dictionary(), Dictionary.from_files(str(spelling.HUNSPELL_PATH))
    words = ["demitira", "realçara", "superientende", "Acção", "ação", "CASA", "Lisboa", "lisboa", "xyzzy"]
    words += list(spelling.default_lexicon().zipf)[::2000]
    assert [cached.lookup(w) for w in words] == [plain.lookup(w) for w in words]


def test_a_cache_of_the_wrong_shape_is_read_around(tmp_path, monkeypatch):
    monkeypatch.setenv("PTPIPE_CACHE_DIR", str(tmp_path))
    spelling.hunspell_dictionary()
    spelling.Lexicon.load()
    for cache in tmp_path.glob("*.json"):
        cache.write_text('{"words": 3}' if cache.name.startswith("lexicon") else "[1, 2]", encoding="utf-8")
    assert spelling.hunspell_dictionary().lookup("demitira")
    assert "casa" in spelling.Lexicon.load()
