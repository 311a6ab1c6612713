import datetime as dt

import pytest

from pipeline.components.dates import find_dates, parse_date, resolve

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
