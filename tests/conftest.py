from __future__ import annotations

from pathlib import Path

import pytest

from reporter.model import Settings
from reporter.pipeline import brief, make_source

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def briefing_of(*texts: str, settings: Settings = Settings()):
    sources = [make_source(f"{chr(97 + i)}.txt", t, settings) for i, t in enumerate(texts)]
    return brief(sources, settings)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sismo():
    return briefing_of(fixture("sismo_a.txt"), fixture("sismo_b.txt"))


@pytest.fixture(scope="session")
def storm():
    return briefing_of(fixture("storm_a.txt"), fixture("storm_b.txt"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*.json from the current pipeline (see tests/test_golden.py)")
