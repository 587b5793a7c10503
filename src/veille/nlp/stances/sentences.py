"""Where a stance's sentence, and the clause that bounds its target, begin and end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ...lang.text import CLOSING, straighten
from ..syntax import Range

if TYPE_CHECKING:
    from .reading import Reading


def sentence(r: Reading, token: Token) -> Range:
    """The token's sentence as tokens [start, end): the parser's, joined to a neighbour it cut off
    without punctuation ('Washington' | 'a salué …'), cut where it missed a sentence end."""
    if token.i not in r.sentences:
        r.sentences[token.i] = _find_sentence(r, token)
    return r.sentences[token.i]


def _find_sentence(r: Reading, token: Token) -> Range:
    doc = r.doc
    start, end = token.sent.start, token.sent.end
    while start > 0 and not _ends_sentence(doc, start):
        start = doc[start - 1].sent.start
    while end < len(doc) and not _ends_sentence(doc, end):
        end = doc[end].sent.end
    for match in r.clauses.language.sentence_end.finditer(r.text, doc[start].idx, token.idx):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start <= token.i:
            start = span.start
    for match in r.clauses.language.sentence_end.finditer(r.text, token.idx, doc[end - 1].idx + len(doc[end - 1].text)):
        span = doc.char_span(match.start(), match.start() + 1, alignment_mode="expand")
        if span is not None and span.start > token.i:
            return start, span.start + 1
    return start, end


def limit(r: Reading, token: Token) -> int:
    """Index of the token that ends the token's sentence, or the subordinate clause that opens it
    ('Alors que des agriculteurs ont promis …, M. Rousseau …')."""
    doc = r.doc
    start, end = sentence(r, token)
    opening = tuple(straighten(t.lower_) for t in doc[start:start + 2])
    if any(opening[:len(s)] == s for s in r.lex.subordinators) \
            and not any(t.text == "," for t in doc[start:token.i]):
        comma = next((t.i for t in doc[token.i:end] if t.text == ","), None)
        if comma is not None:
            return comma
    while end > token.i + 1 and (doc[end - 1].is_space or doc[end - 1].text in (".", "!", "?", "…")):
        end -= 1
    return end


def evidence(r: Reading, anchor: Token) -> tuple[int, int]:
    """The sentence the predicate stands in, as exact offsets."""
    doc, text = r.doc, r.text
    start, end = sentence(r, anchor)
    lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether a sentence may start at token i: after a line break or a sentence's final mark."""
    before = doc[i - 1]
    if before.is_space or "\n" in before.whitespace_ or doc[i].is_space:
        return True
    if before.text in CLOSING and i >= 2:
        before = doc[i - 2]
    return before.text in (".", "!", "?", "…", ":", ";")
