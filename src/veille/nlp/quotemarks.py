"""Stretches of text between quotation marks: « », “ ”, and straight double quotes.

Guillemets and curly quotes say which side they open, so they nest; a straight quote does not,
so straight quotes pair in order within one paragraph (an odd one out is left alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAIRS = {"«": "»", "“": "”"}
SPACE = " \u00a0\u202f\t"


@dataclass(frozen=True)
class Marked:
    open: int  # index of the opening mark
    close: int  # index of the closing mark
    start: int  # the words inside, white space trimmed
    end: int

    def holds(self, start: int, end: int) -> bool:
        return self.open <= start and end <= self.close + 1


def find(text: str) -> list[Marked]:
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
