"""Text as every language reads it: folding for comparison, quotation marks, sentence ends.

    >>> fold("L’Élysée  a dit")
    "l'elysee a dit"
    >>> [text[m.start:m.end] for m in quotations(text := "Il a dit « non » puis \\"oui\\".")]
    ['non', 'oui']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
CURLY_APOSTROPHE = str.maketrans({"\u2019": "'"})

# Guillemets and curly quotes say which side they open; a straight quote opens and closes alike.
PAIRS = {"«": "»", "“": "”"}
OPENING = frozenset({"«", "“", '"'})
CLOSING = frozenset({"»", "”", '"'})
QUOTE_MARKS = OPENING | CLOSING
ONLY_CLOSING = frozenset(PAIRS.values())  # "»", "”": a mark that cannot open a quotation
SPACE = " \u00a0\u202f\t"
# Marks that end a phrase: a name, a title or a subject runs up to one of them.
PHRASE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "—", "–"}) | QUOTE_MARKS

# What ends a sentence: a final mark, maybe a closing quote, space, then a capital (maybe quoted).
SENTENCE_FINAL = "[.!?…]"


# The accented letters of the languages veille reads and what `fold` makes of them, for a database to
# fold text alike in SQL (PostgreSQL's translate()), where NFKD is not at hand.
ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ’"
UNACCENTED = "aaaaaaceeeeiiiinooooouuuuyy'"


def straighten(text: str) -> str:
    """The curly apostrophe made straight, nothing else: "qu’il" → "qu'il"."""
    return text.translate(CURLY_APOSTROPHE)


def unaccent(text: str) -> str:
    """Spelling-blind but case-keeping: no accents, straight apostrophes, single spaces ('Isräel' → 'Israel')."""
    if not text.isascii():
        text = _marks().sub("", unicodedata.normalize("NFKD", text.translate(APOSTROPHES)))
    return " ".join(text.split())


def fold(text: str) -> str:
    """Lower case without accents, straight apostrophes and single spaces: 'L’Élysée' → "l'elysee"."""
    return unaccent(text).casefold()


@cache
def _marks() -> re.Pattern[str]:
    """The combining marks (accents once NFKD has split them off) as one character class, built once:
    a regular expression strips them from a whole article several times faster than a test per
    character. Marks outside the Basic Multilingual Plane, none of them used in writing, stay."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]")


def sentence_end(abbreviations: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Where one sentence ends and the next begins, not after a single capital ("J. Biden") nor after
    an abbreviation of the language ("M. Lavrov"): the match runs from the final mark to the space
    before the next sentence."""
    guards = "".join(rf"(?<!\b{re.escape(a)})" for a in abbreviations)
    return re.compile(rf"(?<!\b[A-Z]){guards}{SENTENCE_FINAL}(?:[\s\u00a0\u202f]*[»\"”])?\s+(?=[«\"“]?\s?[A-ZÀ-Ý])")


def balanced(text: str) -> bool:
    """Whether every quotation mark and bracket the text opens it also closes."""
    return text.count('"') % 2 == 0 and all(text.count(a) == text.count(b) for a, b in ("«»", "“”", "()"))


# --- quotations ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Marked:
    """A stretch of text between quotation marks."""

    open: int  # index of the opening mark
    close: int  # index of the closing mark
    start: int  # the words inside, white space trimmed
    end: int

    def holds(self, start: int, end: int) -> bool:
        return self.open <= start and end <= self.close + 1


def quotations(text: str) -> list[Marked]:
    """Every stretch between quotation marks, by opening mark. Guillemets and curly quotes nest;
    straight quotes pair in order within one paragraph (an odd one out is left alone)."""
    found: list[Marked] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        found += _paired(text, paragraph.start(), paragraph.end())
    return sorted(found, key=lambda m: m.open)


def _paired(text: str, lo: int, hi: int) -> list[Marked]:
    out = []
    stack: list[tuple[str, int]] = []
    straight: list[int] = []
    for i in range(lo, hi):
        char = text[i]
        if char in PAIRS:
            stack.append((PAIRS[char], i))
        elif stack and char == stack[-1][0]:
            _, opened = stack.pop()
            out.append(_inner(text, opened, i))
        elif char == '"':
            straight.append(i)
    for opened, closed in zip(straight[::2], straight[1::2]):
        out.append(_inner(text, opened, closed))
    return [m for m in out if m.start < m.end]


def _inner(text: str, opened: int, closed: int) -> Marked:
    start, end = opened + 1, closed
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    return Marked(opened, closed, start, end)
