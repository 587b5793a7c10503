"""Whose turn a quotation no cue claims belongs to, and which reports another one holds."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...lang.text import Marked
from ..context import text_of
from ..speakers import Speaker
from .said import Said

MIN_FREE_QUOTE_WORDS = 4


def without_attributions_of_reports(said: list[Said]) -> list[Said]:
    """'Ankara a annoncé protester …, selon une source': the source vouches for Ankara's statement;
    the statement is Ankara's, so the source's wider span goes."""
    verbs = [s for s in said if not s.source]
    return [s for s in said if s in verbs or not any(v.start >= s.start and v.end <= s.end and v.speaker
                                                      for v in verbs)]


def same_sentence_speaker(gerund: Token, said: list[Said]) -> Speaker | None:
    """'…, a déclaré Jean-Luc Mélenchon, demandant la saisine du Parquet': a participle adds to the
    statement of the speech verb before it in the sentence."""
    sentence = gerund.sent
    before = [s for s in said if sentence.start <= s.cue_token < gerund.i and s.speaker is not None
              and not s.source]
    return before[-1].speaker if before else None


def carried_on(doc: Doc, marks: list[Marked], said: list[Said]) -> list[Said]:
    """Quotations no cue claims: a statement carried on from the quote before it, when it opens its
    sentence ("« … »" or "A ses yeux, « … »") rather than sitting inside someone else's clause."""
    text = text_of(doc)
    claimed = [(s.start, s.end) for s in said]
    out: list[Said] = []
    for mark in marks:
        if any(s <= mark.start and mark.end <= e for s, e in claimed):
            continue
        if any(o.open < mark.open and mark.close < o.close for o in marks):
            continue  # a quote inside a quote
        if len(text[mark.start:mark.end].split()) < MIN_FREE_QUOTE_WORDS:
            continue
        sentence = doc.char_span(mark.open, mark.open + 1, alignment_mode="expand")
        lead = text[sentence.sent.start_char:mark.open].strip() if sentence is not None else ""
        previous = [s for s in said + out if s.end <= mark.open and s.speaker is not None
                    and text.count("\n", s.end, mark.open) <= 2]
        # '"…", a-t-il déclaré, "le temps est à l'action".': the same voice goes on after its incise
        resumed = any(p.direct is not None and len(text[p.direct.close:mark.open].split()) <= 6
                      and not re.search(r"[.!?]", text[p.direct.close + 1:mark.open]) for p in previous)
        if lead and not resumed and not (lead.endswith(",") and len(lead.split()) <= 4):
            continue
        speaker = max(previous, key=lambda s: s.end).speaker if previous else None
        out.append(Said(mark.start, mark.end, speaker, "", -1, direct=mark))
    return out
