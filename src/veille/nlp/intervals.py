"""Lookups that keep the stages linear in the article's length: which kept stretches of text a new
one overlaps (`Intervals`), and where a name occurs as a whole word (`WordIndex`).

Asked of a plain list, both questions cost a pass over the whole list or text for each question,
so an article with thousands of names or dates cost the square of its length.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Iterator

WORD = re.compile(r"\w+")


class Intervals:
    """Stretches [start, end) of the text, which may overlap one another."""

    def __init__(self, stretches: Iterable[tuple[int, int]] = ()) -> None:
        self._kept: list[tuple[int, int]] = sorted(stretches)
        self._longest = max((end - start for start, end in self._kept), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any kept stretch shares a character with [start, end)."""
        # only a stretch that starts at most `_longest` before `start` can reach past it
        first = bisect_left(self._kept, (start - self._longest, -1))
        last = bisect_left(self._kept, (end, -1))
        return any(kept_end > start for _, kept_end in self._kept[first:last])

    def add(self, start: int, end: int) -> None:
        insort(self._kept, (start, end))
        self._longest = max(self._longest, end - start)


class WordIndex:
    """Where each word of a text starts, to find a form as a whole word without scanning the text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] = defaultdict(list)
        for match in WORD.finditer(text):
            self._starts[match.group()].append(match.start())

    def find(self, form: str) -> Iterator[tuple[int, int]]:
        """Each (start, end) where `form` stands in the text with no letter or digit glued to either
        side, in text order: what `(?<!\\w)form(?!\\w)` finds."""
        first = WORD.match(form)
        if first is None:  # a form that opens with a mark: no word to look it up by
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", self.text):
                yield match.start(), match.end()
            return
        for start in self._starts.get(first.group(), ()):
            end = start + len(form)
            if self.text.startswith(form, start) and not WORD.match(self.text, end):
                yield start, end
