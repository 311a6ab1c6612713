import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.components.money import find_amounts, parse_money
from pipeline.lang.pt.money import PLAUSIBLE_MAX

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


# --- issue 24: how numbers are read on real text ------------------------------------------

READINGS = [
    # (text, value, other_value: the other reading of an ambiguous number, implausible_reason)
    ("R$ 15,563 bilhões", 15_563_000_000, None, None),  # decimals kept before the multiplier
    ("R$ 0,125", 0.12, None, None),  # only the final value is rounded, to cents (half to even)
    ("R$ 1.004 trilhão", 1_004_000_000_000, None, None),  # the singular: under 2
    ("R$ 2.073 trilhões", 2_073_000_000_000, None, None),  # 2,073 trillion is not believable
    ("R$ 2.735 bilhões", 2_735_000_000, 2_735_000_000_000, None),
    ("1.500 milhões de euros", 1_500_000_000, 1_500_000, None),  # PT-PT: a thousand of millions
    ("US$ 1.5 billion", 1_500_000_000, None, None),
    ("R$ 5.204.825,58 milhões", 5_204_825.58, 5_204_825_580_000, None),  # the digits carry it
    ("R$ 71.969.194,75 milhões", 71_969_194.75, None, None),
    ("R$1.300 mil", 1300, 1_300_000, None),  # `mil` repeats the digits
    ("R$ 286.743,6 mil", 286_743_600, 286_743.6, None),  # accounting tables, in thousands
    ("R$1,6bi", 1_600_000_000, None, None),
    ("R$ 3 [milhões]", 3_000_000, None, None),
    ("US$,1,6 bilhão", 1_600_000_000, None, None),
    ("R$ 5, 1 milhões", 5_100_000, None, None),
    ("R$ 13.000.000.00", 13_000_000, None, None),
    ("R$ 1.015,000", 1015, 1_015_000, "malformed"),
    ("R$ 25.000.0000,00", 250_000_000, None, "malformed"),
    ("R$ 103 bilhões milhões", 103 * 10**15, None, "over_limit"),
    ("R$ 1500 milhão", 1_500_000_000, None, "multiplier"),
    ("R$ 2,1 bilhão", 2_100_000_000, None, None),  # a slip of agreement, not a conflict
    ("30 trilhões de dólares", 30 * 10**12, None, None),  # under the USD limit
    ("um milhão e cinqüenta e cinco mil reais", 1_055_000, None, None),
    ("dois bilhões e meio de reais", 2_500_000_000, None, None),
    ("dois mil milhões de euros", 2_000_000_000, None, None),
]


@pytest.mark.parametrize(("text", "value", "other", "reason"), READINGS)
def test_readings(text, value, other, reason):
    amount = parse_money(text)
    assert (amount.value, amount.other, amount.implausible) == (value, other, reason)
    attrs = amount.attrs()
    assert attrs.get("ambiguous", False) == (other is not None) and attrs.get("other_value") == other
    assert attrs.get("implausible", False) == (reason is not None) and attrs.get("implausible_reason") == reason


SHARED = [
    # (text, [(span, value or (min, max))]): the currency, or the multiplier, comes from before
    ("R$ 40 milhões para a saúde e 13,5 milhões para a educação", [("R$ 40 milhões", 40e6), ("13,5 milhões", 13.5e6)]),
    ("de R$ 40 milhões para 55 milhões", [("R$ 40 milhões", 40e6), ("55 milhões", 55e6)]),
    ("R$ 7 a 8 bilhões", [("R$ 7 a 8 bilhões", (7e9, 8e9))]),
    ("entre R$ 100 mil e 200 mil", [("R$ 100 mil e 200 mil", (1e5, 2e5))]),
    ("entre R$ 2.500 e 5 mil", [("R$ 2.500 e 5 mil", (2500, 5000))]),
    ("R$ 40, 50 mil", [("R$ 40, 50 mil", (4e4, 5e4))]),
    # must not change: counts after an amount stay counts
    ("R$ 40 milhões e 2 milhões de pessoas", [("R$ 40 milhões", 40e6)]),
    ("R$ 1 milhão para 13 mil famílias", [("R$ 1 milhão", 1e6)]),
    ("R$ 5 milhões, e 3 mil empregos", [("R$ 5 milhões", 5e6)]),
    ("R$ 5 bilhões em 2008, 27 bilhões em 2009", [("R$ 5 bilhões", 5e9)]),
    ("recursos de R$ 40 milhões e R$ 55 milhões", [("R$ 40 milhões", 40e6), ("R$ 55 milhões", 55e6)]),
]


@pytest.mark.parametrize(("text", "expected"), SHARED)
def test_shared_currency_and_multiplier(text, expected):
    found = [(text[a.start : a.end], a.value if a.value is not None else (a.min, a.max)) for a in find_amounts(text)]
    assert found == expected


# value = n / 1000 * multiplier: every value a release writes with up to three decimals
_MULTIPLIERS = [
    ("mil", "mil", 10**3),
    ("milhão", "milhões", 10**6),
    ("bilhão", "bilhões", 10**9),
    ("trilhão", "trilhões", 10**12),
]


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(_MULTIPLIERS))
def test_common_forms_read_back(n, multiplier):
    """`R$ 1,5 milhão`, `R$ 1.500.000`, `R$ 1.500.000,00`, `1,5 milhão de reais`: one value."""
    singular, plural, factor = multiplier
    value = n * factor // 1000
    whole, decimals = divmod(n, 1000)
    number = str(whole) + (f",{decimals:03d}".rstrip("0") if decimals else "")
    word = singular if n < 2000 else plural
    forms = [
        f"R$ {number} {word}",
        f"R$ {_thousands(value)}",
        f"R$ {_thousands(value)},00",
        f"{number} {word} de reais",
    ]
    for text in forms:
        amount = parse_money(text)
        assert amount.value == value and amount.currency == "BRL" and amount.other is None, text
        assert (amount.implausible is None) == (value <= PLAUSIBLE_MAX["BRL"]), text


_PIECES = st.sampled_from(
    ["R$", "R$ ", "US$", "€ ", " ", "1", "23", "456", "7.890", ".", ",", ", ", ",5", ".004", "9.999.999", " mil",
     " milhões", " bilhão", " trilhões", "bi", "tri", " [milhões]", " e ", " a ", " de reais", " reais", " meio",
     "um", " e meio", " para ", " de ", "entre ", " pessoas", "$", "(", ")"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_no_unflagged_giant(text):
    """Whatever the pieces, no BRL amount over R$ 20 trillion goes unflagged, offsets hold, and
    a value is missing only from an interval."""
    for a in find_amounts(text):
        assert 0 <= a.start < a.end <= len(text)
        assert (a.value is None) == (a.min is not None)
        top = a.value if a.value is not None else a.max
        if a.currency == "BRL" and top > PLAUSIBLE_MAX["BRL"]:
            assert a.implausible
