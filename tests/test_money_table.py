"""The money case table (tests/data/money_cases.tsv): every value exact, no false amount; and
on raw Portuguese text, no BRL amount over R$ 20 trillion that is not flagged (issue 24)."""

import pytest

from benchmarks.money import evaluate, load, raw_sample
from tests.conftest import SHARED_CORPORA

RAW_PT = SHARED_CORPORA / "raw-pt"

# rows of the table as it was before issue 24; the rows after them come from real text
FIRST_ROWS = 254


def test_money_case_table():
    result = evaluate(load())
    assert result["amounts"] >= 320 and result["never_money"] >= 80
    assert result["errors"] == []
    assert result["false_positive_examples"] == []


def test_rows_from_real_text_say_their_flags():
    cases = load()
    assert len(cases) - FIRST_ROWS >= 60
    assert all(case.flags is not None for case in cases)
    flagged = [case for case in cases[FIRST_ROWS:] if case.flags]
    assert {flag for case in flagged for flag in case.flags} == {"ambiguous", "over_limit", "multiplier", "malformed"}


@pytest.mark.skipif(not RAW_PT.exists(), reason="needs ../shared/corpora/raw-pt")
def test_raw_pt_sample_has_no_unflagged_giant():
    sample = raw_sample(every=10, root=RAW_PT)
    assert sample["amounts"] > 500
    assert sample["brl_over_20_trillion_unflagged"] == []
