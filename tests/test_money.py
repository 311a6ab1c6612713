import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.components.money import find_amounts, parse_money

AMOUNTS = [
    # (text, matched span, value, currency)
    ("R$ 2.321.286.890", "R$ 2.321.286.890", 2321286890, "BRL"),
    ("em torno de R$ 2.321.286.890.", "R$ 2.321.286.890", 2321286890, "BRL"),
    ("R$ 1.234.567,89", "R$ 1.234.567,89", 1234567.89, "BRL"),
    ("R$ 10,50", "R$ 10,50", 10.5, "BRL"),
    ("R$350 mil", "R$350 mil", 350000, "BRL"),
    ("R$ 1,5 milhão", "R$ 1,5 milhão", 1500000, "BRL"),
    ("R$ 2,3 bilhões", "R$ 2,3 bilhões", 2300000000, "BRL"),
    ("R$ 4,7 bi", "R$ 4,7 bi", 4700000000, "BRL"),
    ("R$ 1,2 milhao", "R$ 1,2 milhao", 1200000, "BRL"),
    ("R$ 1,2 MILHÕES", "R$ 1,2 MILHÕES", 1200000, "BRL"),
    ("2 milhões de reais", "2 milhões de reais", 2000000, "BRL"),
    ("doze milhões de reais", "doze milhões de reais", 12000000, "BRL"),
    ("15 reais e 50 centavos", "15 reais e 50 centavos", 15.5, "BRL"),
    ("US$ 5 milhões", "US$ 5 milhões", 5000000, "USD"),
    ("50 mil dólares", "50 mil dólares", 50000, "USD"),
    ("€ 3,2 milhões", "€ 3,2 milhões", 3200000, "EUR"),
    ("2,5 mil milhões de euros", "2,5 mil milhões de euros", 2500000000, "EUR"),
    ("BRL 2.500,00", "BRL 2.500,00", 2500, "BRL"),
]

NEVER_MONEY = [
    "Lei nº 8.742, de 1993",
    "telefone (38) 3221-1234",
    "CNPJ 12.345.678/0001-90",
    "CEP 39400-000",
    "processo nº 0001234-56.2024.8.13.0433",
    "na BR-251",
    "em 2021",
    "alta de 20%",
    "com 101 participantes",
    "2,3 milhões de pessoas",
    "1,9 milhão de estudantes",
]


@pytest.mark.parametrize(("text", "span", "value", "currency"), AMOUNTS)
def test_amounts(text, span, value, currency):
    [amount] = find_amounts(text)
    assert text[amount.start : amount.end] == span
    assert amount.value == value
    assert amount.currency == currency


@pytest.mark.parametrize("text", NEVER_MONEY)
def test_never_money(text):
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("entre R$ 100 mil e R$ 200 mil", "R$ 100 mil e R$ 200 mil", 100000, 200000),
        ("de R$ 1 milhão a R$ 3 milhões", "R$ 1 milhão a R$ 3 milhões", 1000000, 3000000),
        ("entre 30 e 45 milhões de reais", "30 e 45 milhões de reais", 30000000, 45000000),
    ],
)
def test_intervals(text, span, low, high):
    [amount] = find_amounts(text)
    assert text[amount.start : amount.end] == span
    assert (amount.value, amount.min, amount.max) == (None, low, high)


def test_two_amounts_that_are_not_an_interval():
    amounts = find_amounts("passou de R$ 0,50 para R$ 0,72 por aluno")
    assert [a.value for a in amounts] == [0.5, 0.72]


@given(st.text(max_size=80))
def test_parse_money_never_raises(text):
    parse_money(text)


@given(st.integers(min_value=1, max_value=10**12))
def test_generated_amounts_round_trip(n):
    thousands = f"{n:,}".replace(",", ".")
    assert parse_money(f"R$ {thousands}").value == n
    cents = f"{n:,}".replace(",", ".") + ",25"
    assert parse_money(f"R$ {cents}").value == pytest.approx(n + 0.25)
