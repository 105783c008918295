from __future__ import annotations

import pytest

from stanceshift.codebook import default_codebook
from stanceshift.corpus import load_corpus
from stanceshift.paths import SEEDS_DIR


@pytest.fixture(scope="session")
def codebook():
    return default_codebook()


@pytest.fixture(scope="session")
def seed_docs():
    return load_corpus(SEEDS_DIR)
