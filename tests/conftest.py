"""Shared fixtures: the blank pipeline (no trained model needed), paths, a record checker."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

import pipeline
from pipeline import record

# Shared CI machines are noisy: property tests judge behaviour, not speed.
settings.register_profile("ptpipe", deadline=None, max_examples=150)
settings.load_profile("ptpipe")

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "releases" / "000_amams_roda_de_conversa_assistencia_social.txt"
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.fixture(scope="session")
def nlp():
    """The rule pipeline on a blank Portuguese model: fast, needs no trained model."""
    return pipeline.load("blank")


@pytest.fixture(scope="session")
def shipped_nlp():
    """The shipped model with the rules (`pipeline.load()` caches it)."""
    return pipeline.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def check_record(rec: dict) -> dict:
    """Every test that makes records passes them through here: schema plus offsets."""
    record.validate(rec)
    return rec
