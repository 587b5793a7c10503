"""Direct, mixed and indirect speech, with speaker, cue, channel and date.

Every speech verb of the language's `speech.toml` (and every "selon X") is a cue. A cue says what
was said in one of four ways, read from the dependency parse and the punctuation around it:

    que-clause    "Zelensky a déclaré que les frappes …"
    incise        "« … », a déclaré M. Lavrov" / "…, a indiqué un responsable américain."
    colon         "Il a déclaré : « … »"
    object        "Ankara a annoncé protester contre …", "demandant la saisine du Parquet"
    source        "…, selon les autorités ukrainiennes."

Words between quotation marks that no cue claims are given to the speaker of the quote before
them in the same or the previous paragraph (a statement carried on), when they are long enough
to be a statement rather than a scare quote.
"""


from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from ...model import Entity, Quote, TimeExpr
from .. import syntax
from .. import times as time_stage
from ..clauses import Clauses
from ..context import Context
from ..speakers import Resolver
from . import content, cues, fragments, records, sources, turns, who
from .said import Said

__all__ = ["anchor_times", "extract"]

def extract(doc: Doc, ctx: Context, entities: list[Entity], times: list[TimeExpr],
            clauses: Clauses | None = None) -> list[Quote]:
    """The quotations of one article, in text order, ids "q1", "q2", …"""
    language = ctx.language
    clauses = clauses or Clauses(doc, language, entities, times)
    marks = clauses.marks
    resolver = Resolver(clauses)
    said: list[Said] = []
    inside_marks = {t.i for m in marks for t in (doc.char_span(m.start, m.end, alignment_mode="expand") or [])}
    for token in doc:
        if token.i in inside_marks and not any(c.dep_.startswith("nsubj") and c.i < token.i
                                               and c.i not in inside_marks for c in token.children):
            continue  # the speaker's own words are not the article's report of them (but the narrator
            # may quote the verb of its own sentence: 'L'intersyndicale "demande solennellement" …')
        if cues.is_source(token, language):
            found = sources.by_source(doc, token, resolver, language)
        elif cues.is_speech_verb(token, language):
            found = content.by_verb(clauses, token, resolver)
        else:
            continue
        if found is not None and found.speaker is None and syntax.is_gerund(token):
            found.speaker = turns.same_sentence_speaker(token, said)
        if found is not None and found.speaker is None and who.goes_on(token, language):
            found.speaker = turns.last_speaker(token, said, clauses.text)
        if found is not None and found.speaker is not None:
            resolver.heard(found.start, found.speaker)
        if found is not None:
            said.append(found)
    said += fragments.governed(clauses, resolver, said)
    # a description that surely stands for a person the article names, but which one is not known:
    # its quotation is left to the turn around it ("X est venu … « … » dit l'ancien ministre")
    said = [s for s in said if s.speaker is None
            or not resolver.hides_a_name(s.speaker, doc[s.cue_token] if s.cue_token >= 0 else None)]
    said += turns.claimed_turns(clauses, resolver, said)
    said = turns.cut_before_next_report(turns.without_attributions_of_reports(said, doc), doc, clauses.text)
    quotes: list[Quote] = []
    for s in sorted(said, key=lambda s: s.start):
        quotes.append(records.quote(clauses, s, quotes, ctx.published))
    # words the text gives no one are not reported: every quote shown can be credited to someone
    kept = [q for q in records.unique(quotes) if q.speaker or q.speaker_text]
    return [replace(q, id=f"q{n}") for n, q in enumerate(kept, start=1)]


def anchor_times(times: list[TimeExpr], quotes: list[Quote], ctx: Context) -> list[TimeExpr]:
    """'aujourd'hui' inside a quotation is the day of the statement, when that day is known."""
    out = []
    for t in times:
        holder = next((q for q in quotes if q.kind == "direct" and q.start <= t.start and t.end <= q.end and q.date), None)
        out.append(time_stage.reanchor(t, date.fromisoformat(holder.date[:10]), ctx) if holder else t)
    return out
