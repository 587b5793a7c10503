"""Casualty tolls told apart from any trigger ("Le gouverneur a confirmé 11 morts"), counted for the
assault of their paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..casualties import Counts
from .happened import ASSERTED, happened
from .telling import Telling

if TYPE_CHECKING:
    from .reading import Reading


def tolls(reader: Reading, tellings: list[Telling]) -> None:
    """A toll told apart from any trigger counts for the assault of its paragraph: the one told just
    before it ("… Le gouverneur a confirmé 11 morts"), or else the next one ("Une explosion a fait
    7 morts vendredi. L'attentat a été revendiqué …"), where that one left the count open."""
    told = set().union(*(t.scope for t in tellings)) if tellings else set()
    assaults = {t.token: t.event for t in tellings if t.event is not None and t.type == "ASSAULT"}
    counter = reader.lex.counter
    last: Telling | None = None
    pending: list[Counts] = []  # tolls of the paragraph told before its first assault
    free: list[Token] = []

    def flush() -> None:
        if free:
            # words that count nothing are skipped by `count` anyway: only casualty words are read
            pending.append(counter.count(t for t in free if counter.kind(t) is not None
                                         and happened(reader, t) == ASSERTED))
            free.clear()
        if last is not None:
            for counts in pending:
                last.killed = last.killed if last.killed is not None else counts.killed
                last.injured = last.injured if last.injured is not None else counts.injured
            pending.clear()

    sentence_ends = {sentence.end - 1 for sentence in reader.doc.sents}  # Token.is_sent_end makes a Token
    for token in reader.doc:
        if "\n" in token.text:
            flush()
            last = None  # a new paragraph
            pending.clear()
        elif token.i in assaults:
            flush()
            last = assaults[token.i]
            flush()
        elif token.i not in told and not reader.clauses.quoted(token):
            free.append(token)
        if token.i in sentence_ends:
            flush()
    flush()
