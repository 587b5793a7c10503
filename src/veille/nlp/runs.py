"""Long runs of characters without whitespace, cut into tokens without spaCy's tokenizer.

spaCy's tokenizer strips prefixes and suffixes off a whitespace-delimited substring one at a time,
copying the rest each time: its cost grows with the square of the substring's length. Prose never
has a "word" of hundreds of characters, but pasted data does (a row of 100,000 quotation marks,
"!?.;" repeated, base64): 20,000 brackets took 33 s, 40,000 took 137 s. Such a run is cut here into
its punctuation marks and its letter and digit runs; the text between runs goes through spaCy's
tokenizer as usual, so ordinary articles get exactly the tokens they always got.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

LONG_RUN = 200  # characters without whitespace from which a run is cut here
RUN = re.compile(rf"\S{{{LONG_RUN},}}")
PIECE = re.compile(r"\w{1,100}|\W")  # a run of at most 100 letters or digits, or one other character


class RunSafeTokenizer:
    """spaCy's tokenizer for everything but runs of LONG_RUN characters or more without whitespace."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str) -> Doc:
        runs = list(RUN.finditer(text))
        if not runs:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for run in runs:
            _extend(self.tokenizer(text[position:run.start()]), words, spaces)
            pieces = PIECE.findall(run.group())
            words.extend(pieces)
            spaces.extend([False] * len(pieces))
            position = run.end()
            if text.startswith(" ", position):  # spaCy keeps one space after a token as its whitespace
                spaces[-1] = True
                position += 1
        _extend(self.tokenizer(text[position:]), words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def __getattr__(self, name: str) -> Any:  # rules, special cases, (de)serialisation: the wrapped one's
        return getattr(self.tokenizer, name)


def _extend(doc: Doc, words: list[str], spaces: list[bool]) -> None:
    words.extend(token.text for token in doc)
    spaces.extend(bool(token.whitespace_) for token in doc)
