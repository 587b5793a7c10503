"""No stage's work grows with the square of what it reads: each worst case (many quotation marks,
many dates, long runs of punctuation, an endless sentence…) is analysed at two sizes, and the work
of veille's own stages, counted as Python function calls (a count, not a clock), must grow about as
the input does."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from veille import lang
from veille.nlp import models, pipeline
from veille.nlp.context import Context
from veille.read.records import to_article

SMALL, LARGE = 60, 240  # repetitions; LARGE / SMALL = 4, so linear work grows 4 times and quadratic 16
LINEAR_ENOUGH = 6.5  # what a stage may grow by at 4 times the input (lists and sorts add a little)

WORST_CASES: dict[str, Callable[[int], str]] = {
    "French quotation marks": lambda n: "Il a dit « oui » puis « non ». " * n,
    "unbalanced quotation marks": lambda n: "« Il « a « dit « que " * n + "tout va bien.",
    "straight quotation marks": lambda n: "Le ministre a dit \"non\" et \"jamais\". " * n,
    "a row of quotation marks": lambda n: "Le ministre a parlé. " + "\"" * (50 * n) + " Fin.",
    "dated phrases": lambda n: "Le 3 mars 2024, la police a interpellé un homme à Lyon. " * n,
    "relative dates": lambda n: "Il y a trois jours, puis la veille, puis le lendemain, il a parlé. " * n,
    "a run of punctuation": lambda n: "Le ministre a parlé. " + "!?.;,:" * (20 * n) + " Fin.",
    "brackets": lambda n: "(" * (20 * n) + "Le ministre a parlé." + ")" * (20 * n),
    "an endless sentence": lambda n: " ".join(["le ministre a dit que"] * n) + " tout va bien.",
    "many names": lambda n: " ".join(f"M. {name} a déclaré que tout allait bien." for name in _names(n)),
    "many numbers": lambda n: "Le bilan fait état de 3 morts et 12 blessés, dont 2 enfants. " * n,
    "many paragraphs": lambda n: "« Nous ne céderons pas », a déclaré le ministre.\n\n" * n,
}


def _names(n: int) -> list[str]:
    syllables = ["Ber", "Dal", "Fon", "Gar", "Lem", "Mar", "Nor", "Pel", "Ros", "Tav", "Vau", "Cor"]
    return [syllables[i % 12] + syllables[(i // 12) % 12].lower() + "in" + "e" * (i // 144) for i in range(n)]


def stage_calls(text: str) -> int:
    """Python function calls made by veille's stages on `text` (parsed beforehand, uncounted)."""
    article = to_article({"id": "worst", "text": text, "published": "2025-08-21"})
    doc = models.load("fr")(text)
    ctx = Context(published=article.published_on, language=lang.load("fr"))
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        pipeline.analyse_doc(doc, article, ctx)
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("case", sorted(WORST_CASES))
def test_stages_grow_linearly_on_their_worst_case(case: str) -> None:
    make = WORST_CASES[case]
    small, large = stage_calls(make(SMALL)), stage_calls(make(LARGE))
    assert large / small < LINEAR_ENOUGH, f"{case}: {small:,} calls at {SMALL}, {large:,} at {LARGE}"
