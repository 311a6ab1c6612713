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
    [m] = find_dates(text)
    assert text[m.start : m.end] == span
    assert resolve(m.attrs, TUESDAY) == value


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert find_dates(text) == []


def test_without_publication_date():
    assert parse_date("6 de julho") is None
    assert parse_date("nesta terça-feira") is None
    assert parse_date("6 de julho de 2021") == "2021-07-06"
