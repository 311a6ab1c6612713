import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

import pipeline
from benchmarks.dates import evaluate, load
from pipeline import ingest
from pipeline.components.dates import attributes, easter, find_dates, parse_date, read_tenses, resolve
from pipeline.lang.pt.dates import NUMBER_WORDS
from tests.conftest import CORPUS

TUESDAY = dt.date(2021, 7, 6)

CASES = [
    # (text, span, value given the publication date TUESDAY)
    ("| 06 de Julho de 2021 - 13:21", "06 de Julho de 2021", "2021-07-06"),
    ("dia 6 de julho a Roda", "6 de julho", "2021-07-06"),
    ("em 1º de abril de 2023", "1º de abril de 2023", "2023-04-01"),
    ("até 15/03/2024.", "15/03/2024", "2024-03-15"),
    ("em 05/06/24", "05/06/24", "2024-06-05"),
    ("em 2024-03-15", "2024-03-15", "2024-03-15"),
    ("desde março de 2020", "março de 2020", "2020-03"),
    ("nesta terça-feira", "terça-feira", "2021-07-06"),
    ("nesta quinta-feira", "quinta-feira", "2021-07-08"),
    ("na última sexta-feira", "sexta-feira", "2021-07-02"),
    ("na próxima segunda-feira", "segunda-feira", "2021-07-12"),
    ("na terça-feira passada", "terça-feira", "2021-06-29"),
]

NOT_DATES = ["de segunda a sexta-feira", "Lei nº 8.742", "31/02/2024", "no ano de 2020", "a segunda etapa"]


@pytest.mark.parametrize(("text", "span", "value"), CASES)
def test_dates(text, span, value):
    m = find_dates(text)[0]  # a time after the date is a mention of its own
    assert text[m.start : m.end] == span
    assert resolve(m.attrs, TUESDAY) == value


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text) == []


def test_without_publication_date():
    assert parse_date("6 de julho") is None
    assert parse_date("nesta terça-feira") is None
    assert parse_date("6 de julho de 2021") == "2021-07-06"


FRIDAY = dt.date(2024, 3, 15)
MORE_CASES = [
    # (text, value given the publication date FRIDAY 2024-03-15)
    ("começa nesta sexta (15) para todos", "2024-03-15"),
    ("na próxima segunda o prazo acaba", "2024-03-18"),
    ("as inscrições abrem amanhã", "2024-03-16"),
    ("a operação foi deflagrada ontem", "2024-03-14"),
    ("o acidente ocorreu no último dia 10", "2024-03-10"),
    ("o pagamento sai no próximo dia 5", "2024-04-05"),
    ("vale a partir de jan/2024", "2024-01"),
    ("a live será no dia 12/03, às 19h", "2024-03-12"),
]


@pytest.mark.parametrize(("text", "value"), MORE_CASES)
def test_relative_and_short_dates(text, value):
    assert parse_date(text, FRIDAY) == value


def test_a_date_without_year_is_the_nearest_occurrence():
    november = dt.date(2023, 11, 20)
    assert parse_date("será entregue em 15 de janeiro", november) == "2024-01-15"
    assert parse_date("foi entregue em 15 de outubro", november) == "2023-10-15"


@pytest.mark.parametrize(
    "text",
    ["na segunda etapa", "Cerca de 3/4 dos municípios", "de 1/2 comprimido", "o Brasil de hoje", "toda terça-feira"],
)
def test_more_non_dates(text):
    assert find_dates(text) == []


# --- issue 23: the case table, property tests, the verb's tense from a parse -----------------


def test_case_table():
    cases = load()
    result = evaluate(cases)
    assert result["dates"] >= 200 and result["not_dates"] >= 40
    assert {c.variety for c in cases} == {"br", "pt"} and sum(c.source == "real" for c in cases) >= 40
    assert result["accuracy"] >= 0.95, result["wrong"]
    assert result["false_dates"] == 0, result["false_date_examples"]


def test_case_table_covers_every_kind_the_issue_lists():
    kinds = {c.kind for c in load()}
    assert kinds >= {
        "compound", "two_digit_year", "day_month", "dia_n", "relative_unit", "offset", "holiday", "position",
        "weekday", "tense", "interval", "open", "time", "not_date",
    }  # fmt: skip


MONTH_NAMES = ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
               "novembro", "dezembro"]  # fmt: skip
DAY_WORDS = {n: w for w, n in sorted(NUMBER_WORDS.items(), reverse=True)}  # one spelling a number


def written_out(day: dt.date, form: int) -> str:
    month = MONTH_NAMES[day.month - 1]
    return [
        f"{day.day} de {month} de {day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.isoformat()}",
        f"{'primeiro' if day.day == 1 else DAY_WORDS[day.day]} de {month} de {day.year}",
        f"{day.day}.{day.month:02d}.{day.year}",
        f"{day.day} de {month.capitalize()} de {day.year}",
    ][form]


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(0, 5),
    st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2060, 12, 31))),
    st.sampled_from(["O evento será em {}, na capital.", "Foi assinado em {}.", "{} - Brasília", "até {}"]),
)
def test_a_date_written_out_in_full_resolves_to_that_day(day, form, published, frame):
    written = written_out(day, form)
    text = frame.format(written)
    [found] = [m for m in find_dates(text) if m.attrs.get("year")]
    assert text[found.start : found.end] == written
    assert attributes(found.attrs, published)["value"] == day.isoformat()
    assert attributes(found.attrs, published)["grain"] == "day"


WEEKDAY_NAMES = ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"]


WEEKDAY_PHRASES = [  # (next, last) for each weekday, Monday first
    (f"na próxima {d}-feira", f"na última {d}-feira") for d in ("segunda", "terça", "quarta", "quinta", "sexta")
] + [("no próximo sábado", "no último sábado"), ("no próximo domingo", "no último domingo")]


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2060, 12, 31)), st.integers(0, 6))
def test_a_qualified_weekday_is_that_weekday_within_a_week(published, weekday):
    ahead, back = (find_dates(f"O ato é {phrase}.")[0] for phrase in WEEKDAY_PHRASES[weekday])
    ahead, back = (dt.date.fromisoformat(resolve(m.attrs, published)) for m in (ahead, back))
    assert ahead.weekday() == back.weekday() == weekday
    assert 1 <= (ahead - published).days <= 7 and 1 <= (published - back).days <= 7


@given(st.text(max_size=120), st.one_of(st.none(), st.dates()))
def test_attributes_never_raise_and_intervals_are_ordered(text, published):
    for m in find_dates(text):
        got = attributes(m.attrs, published)
        assert set(got) <= {"value", "grain", "start", "end"}
        if got.get("start") and got.get("end") and got["value"] is None:
            assert got["start"] <= got["end"]


@pytest.mark.parametrize(
    ("year", "day"), [(2013, "2013-03-31"), (2018, "2018-04-01"), (2024, "2024-03-31"), (2025, "2025-04-20")]
)
def test_easter(year, day):
    assert easter(year).isoformat() == day


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], morphs: list[str]) -> Doc:
    """A parsed Doc by hand, as the shipped model would give it (no model needed)."""
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, morphs=morphs, lemmas=words)


SIGNED = (["O", "governador", "assinou", "na", "terça-feira", "o", "decreto", "."],
          [1, 2, 2, 4, 2, 6, 2, 2], ["det", "nsubj", "ROOT", "case", "obl", "det", "obj", "punct"],
          ["DET", "NOUN", "VERB", "ADP", "NOUN", "DET", "NOUN", "PUNCT"])  # fmt: skip


@pytest.mark.parametrize(("tense", "value"), [("Past", "2024-03-12"), ("Fut", "2024-03-19"), ("Pres", "2024-03-12")])
def test_the_tense_of_the_verb_in_the_parse(tense, value):
    # the words say nothing here (`assinou` is replaced by what the morphology says): the parse decides
    words, heads, deps, pos = SIGNED
    morphs = ["", "", f"Tense={tense}|VerbForm=Fin", "", "", "", "", ""]
    doc = parsed(words, heads, deps, pos, morphs)
    [m] = read_tenses(doc, find_dates(doc.text, tense_from_text=False))
    assert resolve(m.attrs, dt.date(2024, 3, 15)) == value  # a Friday: Tuesday 12 before, 19 after


def test_a_duration_after_a_present_verb_is_no_date_in_the_parse():
    # `coordena` is in no table of the words: only the parse shows the present, hence a duration
    words = ["A", "associação", "coordena", "há", "dez", "anos", "o", "fórum", "."]
    deps = ["det", "nsubj", "ROOT", "case", "nummod", "obl", "det", "obj", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADP", "NUM", "NOUN", "DET", "NOUN", "PUNCT"]
    morphs = ["", "", "Tense=Pres|VerbForm=Fin", "", "", "", "", "", ""]
    doc = parsed(words, [1, 2, 2, 5, 5, 2, 7, 2, 2], deps, pos, morphs)
    assert len(find_dates(doc.text)) == 1  # the words alone take it for `ten years ago`
    assert read_tenses(doc, find_dates(doc.text, tense_from_text=False)) == []


def test_a_date_without_a_parse_keeps_the_tense_of_its_words():
    text = "O prazo foi até 30 de junho."
    blank = Doc(Vocab(), words=text.split())
    assert read_tenses(blank, find_dates(text)) == find_dates(text)


def test_every_gold_date_stays_right(nlp):
    # corpus/gold predates issue 23: each of its DATE mentions keeps its span and its value
    checked = 0
    for path in sorted((CORPUS / "gold").glob("[0-9]*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        [doc] = ingest.read([str(CORPUS / gold["file"])])
        record = next(pipeline.process_many([doc], nlp=nlp))
        found = {(m["start"], m["end"]): e["attributes"] for e in record["entities"] for m in e["mentions"]}
        for want in (e for e in gold["entities"] if e["label"] == "DATE"):
            assert found.get((want["start"], want["end"]), {}).get("value") == want["value"], (path.name, want)
            checked += 1
    assert checked == 109
