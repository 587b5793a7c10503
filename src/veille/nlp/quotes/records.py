"""A found statement as a Quote: its kind, speaker, cue, channel and date."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ...lang import Language
from ...lang.text import Marked
from ...model import Entity, Quote, TimeExpr
from ..context import text_of
from .said import Said


def quote(doc: Doc, said: Said, marks: list[Marked], entities: list[Entity], times: list[TimeExpr],
           language: Language, earlier: list[Quote]) -> Quote:
    text = text_of(doc)
    if said.direct is not None:
        kind = "direct"
    else:
        kind = "mixed" if any(said.start <= m.open and m.close < said.end for m in marks) else "indirect"
    speaker = said.speaker
    cue_token = doc[said.cue_token] if said.cue_token >= 0 else None
    return Quote(
        id="", kind=kind, text=text[said.start:said.end], start=said.start, end=said.end,  # type: ignore[arg-type]
        speaker=speaker.entity if speaker else None, speaker_text=speaker.text if speaker else None,
        cue=said.cue or None, channel=channel(doc, cue_token, said, entities, language) if cue_token is not None else None,
        date=date(cue_token, said, times, earlier) if cue_token is not None else None,
        speaker_start=speaker.start if speaker else None, speaker_end=speaker.end if speaker else None,
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


def date(cue: Token, said: Said, times: list[TimeExpr], earlier: list[Quote]) -> str | None:
    """The statement's date: a day named in the cue's sentence outside the quoted words; else the
    date of the same speaker's last dated statement; else the story's day, the first day the
    article names (wire copy opens on the day its news happened)."""
    sentence = cue.sent
    in_sentence = [t for t in times if sentence.start_char <= t.start < sentence.end_char
                   and not (said.start <= t.start < said.end) and is_day(t.value)]
    if in_sentence:
        return min(in_sentence, key=lambda t: abs(t.start - cue.idx)).value
    speaker = said.speaker.entity if said.speaker else None
    same_voice = [q.date for q in earlier if speaker and q.speaker == speaker and q.date]
    if same_voice:
        return same_voice[-1]
    days = [t for t in times if is_day(t.value)]
    return days[0].value if days and days[0].start < said.start else None


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
