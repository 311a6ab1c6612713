"""The money case table (tests/data/money_cases.tsv): every value exact, no false amount."""

from benchmarks.money import evaluate, load


def test_money_case_table():
    result = evaluate(load())
    assert result["amounts"] >= 150 and result["never_money"] >= 50
    assert result["errors"] == []
    assert result["false_positive_examples"] == []
