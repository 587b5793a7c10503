"""A found statement as a Quote: its kind, speaker, cue, channel and date."""

from __future__ import annotations

import datetime
import re

from spacy.tokens import Doc, Token

from ...lang import Language
from ...model import Entity, Quote
from ..clauses import Clauses
from ..context import text_of
from .said import Said

CONFIDENCE = {"name": 0.9, "description": 0.75, "pronoun": 0.7, "unnamed": 0.6, "continuation": 0.55}


def quote(clauses: Clauses, said: Said, earlier: list[Quote], published: datetime.date | None) -> Quote:
    """The Quote of a found statement: its kind, speaker, how the speaker was found and how sure that
    is, cue, channel and date."""
    doc, marks, language = clauses.doc, clauses.marks, clauses.language
    text = text_of(doc)
    if said.direct is not None:
        kind = "direct"
    else:
        kind = "mixed" if any(said.start <= m.open and m.close < said.end for m in marks) else "indirect"
    speaker = said.speaker
    cue_token = doc[said.cue_token] if said.cue_token >= 0 else None
    link = ("continuation" if said.turn else speaker.link) if speaker else None
    return Quote(
        id="", kind=kind, text=text[said.start:said.end], start=said.start, end=said.end,  # type: ignore[arg-type]
        speaker=speaker.entity if speaker else None, speaker_text=speaker.text if speaker else None,
        cue=said.cue or None,
        channel=channel(doc, cue_token, said, clauses.entities, language) if cue_token is not None else None,
        date=statement_date(clauses, cue_token, said, earlier, published),
        speaker_start=speaker.start if speaker else None, speaker_end=speaker.end if speaker else None,
        confidence=CONFIDENCE[link] if link else None, speaker_link=link,  # type: ignore[arg-type]
    )


def channel(doc: Doc, cue: Token, said: Said, entities: list[Entity], language: Language) -> str | None:
    """Where it was said: a named outlet after 'sur', 'par', 'à', 'dans' in the cue's sentence, else a
    medium noun ('communiqué', 'message')."""
    sentence = cue.sent
    lo, hi = sentence.start_char, sentence.end_char
    speaker_span = (said.speaker.start, said.speaker.end) if said.speaker else (-1, -1)
    preps = language.speech.channel_prepositions
    for entity in entities:
        if entity.type not in ("ORG", "MISC"):
            continue
        for m in entity.mentions:
            if not (lo <= m.start < hi) or said.start <= m.start < said.end or speaker_span[0] <= m.start < speaker_span[1]:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and governed_by(span.root, preps):
                return entity.name
    outside = text_of(doc)[lo:said.start] + " " + text_of(doc)[said.end:hi]
    for noun in language.speech.channels:
        if re.search(rf"\b{re.escape(noun)}\b", outside, re.IGNORECASE):
            return noun
    return None


def governed_by(token: Token, prepositions: frozenset[str], hops: int = 3) -> bool:
    """'sur Telegram', 'sur la plateforme de médias sociaux X', 'par l'agence de presse RIA Novosti'."""
    for _ in range(hops):
        if any(c.dep_ == "case" and c.lower_ in prepositions for c in token.children):
            return True
        if token.head.i == token.i or token.head.pos_ not in ("NOUN", "PROPN"):
            return False
        token = token.head
    return False


def statement_date(clauses: Clauses, cue: Token | None, said: Said, earlier: list[Quote],
                   published: datetime.date | None) -> str | None:
    """The statement's day: a day its speech clause names ("a déclaré mercredi"), never one of the
    quoted words or of another clause; else the day of the same speaker's last dated statement (a
    turn going on); else the story's day, the first day the article names outside quotations (wire
    copy opens on the day its news happened). A day after publication is no statement's day."""
    found = None
    if cue is not None:
        own = [t for t in clauses[cue].times if is_day(t.value) and not said.start <= t.start < said.end]
        found = own[0].value if own else None
    speaker = said.speaker.entity if said.speaker else None
    if found is None and speaker:
        found = next((q.date for q in reversed(earlier) if q.speaker == speaker and q.date), None)
    if found is None and cue is not None:
        quoted = [(m.open, m.close) for m in clauses.marks]
        days = [t for t in clauses.times if is_day(t.value) and not any(lo <= t.start <= hi for lo, hi in quoted)]
        found = days[0].value if days and days[0].start < said.start else None
    if found is not None and published is not None and found[:10] > published.isoformat():
        return None
    return found


def is_day(value: str | None) -> bool:
    return value is not None and len(value) >= 10 and value[4] == "-" and value[7] == "-"


def unique(quotes: list[Quote]) -> list[Quote]:
    """One quote per stretch of text: a later cue that finds the same words adds nothing."""
    seen: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        held = seen.get((q.start, q.end))
        if held is None or (held.speaker is None and q.speaker is not None):
            seen[(q.start, q.end)] = q
    return sorted(seen.values(), key=lambda q: q.start)
