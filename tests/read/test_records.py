"""Input records to Articles: the title a record gives, else the headline its text opens with."""

from __future__ import annotations

from pathlib import Path

import pytest

from veille.batch import analyse_paths
from veille.read.records import to_article

BODY = "Le conseil municipal s'est réuni mardi soir.\nLe maire a présenté le budget."


def test_a_record_without_a_title_takes_its_headline() -> None:
    article = to_article({"id": "a", "text": "Le budget adopté à l'unanimité\n\n" + BODY})

    assert article.title == "Le budget adopté à l'unanimité"


def test_a_given_title_is_kept() -> None:
    assert to_article({"id": "a", "title": "Titre donné", "text": "Autre ligne\n" + BODY}).title == "Titre donné"


@pytest.mark.parametrize("text", [
    BODY,  # the first line is a sentence: it ends with a full stop
    "Le budget adopté à l'unanimité",  # a line with nothing after it is the whole text, not a headline
    " ".join(["mot"] * 40) + "\n" + BODY,  # too long for a headline
])
def test_no_headline_means_no_title(text: str) -> None:
    assert to_article({"id": "a", "text": text}).title is None


def test_a_headline_may_ask_or_trail_off() -> None:
    assert to_article({"id": "a", "text": "Qui paiera la facture ?\n" + BODY}).title == "Qui paiera la facture ?"
    assert to_article({"id": "a", "text": "Budget : le maire s'explique…\n" + BODY}).title == \
        "Budget : le maire s'explique…"


@pytest.mark.slow
def test_a_text_file_is_analysed_under_its_headline(tmp_path: Path) -> None:
    path = tmp_path / "h02.txt"
    path.write_text("Le budget adopté à l'unanimité\n" + BODY, encoding="utf-8")

    (analysis,) = analyse_paths([path], published="2025-03-04")

    assert analysis.article.id == "h02" and analysis.article.title == "Le budget adopté à l'unanimité"
