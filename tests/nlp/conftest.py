"""What the tests of French reported speech share: `veille.analyze` with the model loaded once."""

from __future__ import annotations

import pytest
from reported import Analyse

import veille
from veille.model import Analysis
from veille.nlp import models

FRIDAY = "2025-03-14"  # the publication day of an article unless a test says otherwise


@pytest.fixture(scope="session")
def analyse() -> Analyse:
    """`veille.analyze` on a French article published on a Friday unless told otherwise. The language
    is given: a text of one or two sentences is too short for detection to be the point here."""
    models.load("fr")

    def run(text: str, published: str = FRIDAY) -> Analysis:
        return veille.analyze(text, published=published, language="fr")

    return run
