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

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Token

from ..lang import Language
from ..lang.records import Grammar
from ..lang.text import CLOSING, ONLY_CLOSING, OPENING, Marked, straighten
from ..model import Entity, Quote, TimeExpr
from . import syntax
from . import times as time_stage
from .clauses import Clauses
from .context import Context, text_of
from .speakers import Resolver, Speaker, glued_pronoun, inverted_subject, subject_phrase

GLUE = {"ADV", "AUX"}  # what may stand between an incise's comma and its verb
TRAILING = " \u00a0\n,;:.!?"
MIN_FREE_QUOTE_WORDS = 4


@dataclass
class Said:
    """One thing a cue says was said, before it becomes a Quote."""

    start: int
    end: int
    speaker: Speaker | None
    cue: str
    cue_token: int
    direct: Marked | None = None
    source: bool = False  # told by "selon X", "d'après X": X vouches for it


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
        if token.i in inside_marks:
            continue  # the speaker's own words are not the article's report of them
        if _is_source(token, language):
            found = _by_source(doc, token, resolver, language)
        elif _is_speech_verb(token, language):
            found = _by_verb(clauses, token, resolver)
        else:
            continue
        if found is not None and found.speaker is None and syntax.is_gerund(token):
            found.speaker = _same_sentence_speaker(token, said)
        if found is not None and found.speaker is not None:
            resolver.heard(found.start, found.speaker)
        if found is not None:
            said.append(found)
    said += _carried_on(doc, marks, said)
    said = _without_attributions_of_reports(said)
    quotes: list[Quote] = []
    for s in sorted(said, key=lambda s: s.start):
        quotes.append(_quote(doc, s, marks, entities, times, language, quotes))
    return [replace(q, id=f"q{n}") for n, q in enumerate(_unique(quotes), start=1)]


def _without_attributions_of_reports(said: list[Said]) -> list[Said]:
    """'Ankara a annoncé protester …, selon une source': the source vouches for Ankara's statement;
    the statement is Ankara's, so the source's wider span goes."""
    verbs = [s for s in said if not s.source]
    return [s for s in said if s in verbs or not any(v.start >= s.start and v.end <= s.end and v.speaker
                                                      for v in verbs)]


def _same_sentence_speaker(gerund: Token, said: list[Said]) -> Speaker | None:
    """'…, a déclaré Jean-Luc Mélenchon, demandant la saisine du Parquet': a participle adds to the
    statement of the speech verb before it in the sentence."""
    sentence = gerund.sent
    before = [s for s in said if sentence.start <= s.cue_token < gerund.i and s.speaker is not None
              and not s.source]
    return before[-1].speaker if before else None


def _is_source(token: Token, language: Language) -> bool:
    """'selon', 'd'après' (which the tokenizer cuts in two), and 'Pour X,' opening a sentence."""
    if token.pos_ != "ADP":
        return False
    speech = language.speech
    if token.lower_ in speech.sources:
        return True
    if token.i > 0 and _source_words(token) in speech.sources:
        return True
    return token.lower_ in speech.opening_sources and token.i == token.sent.start


def _source_words(prep: Token) -> str:
    """'d'après' from 'd'' + 'après', as the tokenizer cuts it."""
    return straighten(prep.doc[prep.i - 1].lower_ + prep.lower_) if prep.i > 0 else prep.lower_


def _is_speech_verb(token: Token, language: Language) -> bool:
    if token.pos_ not in ("VERB", "AUX") or token.pos_ == "AUX" and token.dep_.startswith("aux"):
        return False
    if any(c.dep_.startswith("expl") and not c.text.startswith("-") for c in token.children):
        return False  # "s'assurer que", "se dire": the reflexive verb is not the speech verb
    verbs = language.speech.verbs
    lemma = token.lemma_.lower()
    if syntax.lemmas(token, language.grammar) & verbs:
        return True
    # multi-word cues, read from their first verb: "mettre en garde", "faire valoir"
    following = " ".join(t.lower_ for t in token.doc[token.i + 1:token.i + 3])
    return any(f"{lemma} {following}".startswith(v) for v in verbs if " " in v and v.startswith(lemma + " "))


def _by_verb(clauses: Clauses, verb: Token, resolver: Resolver) -> Said | None:
    """What a speech verb says was said: its que-clause, the quotation after its colon, the words
    before its incise, or its object."""
    doc, marks, language = clauses.doc, clauses.marks, clauses.language
    cue = _cue_words(doc, verb)
    que = _que_clause(clauses, verb)
    if que is None and verb.dep_ == "dep" and verb.head.i > verb.i:  # "a fait valoir qu'…"
        que = _que_clause(clauses, verb.head)
    if que is not None:
        return Said(*que, _subject(clauses, verb, resolver), cue, verb.i)
    colon = _colon_quote(doc, verb, marks)
    if colon is not None:
        return Said(colon.start, colon.end, _subject(clauses, verb, resolver), cue, verb.i, direct=colon)
    comma = _incise_comma(doc, verb, language)
    inverted = inverted_subject(doc, verb, clauses.time_tokens, language) if comma is not None else None
    if comma is not None and not _governs_infinitive(doc, inverted, language.grammar):
        speaker = _speaker(resolver, inverted)
        before_comma = text_of(doc)[:doc[comma].idx].rstrip(" \u00a0\u202f")
        marked = next((m for m in marks if m.close == len(before_comma) - 1), None)
        # the parser may start a sentence at the incise's comma, or join two: the reported words
        # run from the last sentence end before the comma
        start = _clause_start(text_of(doc), doc[max(comma - 1, 0)].sent.start_char, doc[comma].idx, language)
        if marked is None:
            # '« … », le Parti des travailleurs du Kurdistan, a critiqué cette source': a quote that
            # opens the clause, glossed before the incise
            opening = start + len(text_of(doc)[start:]) - len(text_of(doc)[start:].lstrip())
            marked = next((m for m in marks if m.open == opening and m.close < doc[comma].idx
                           and text_of(doc)[m.close + 1:m.close + 3].strip().startswith(",")), None)
        if marked is not None and len(text_of(doc)[start:marked.open].split()) < 3:
            return Said(marked.start, marked.end, speaker, cue, verb.i, direct=marked)
        end = doc[comma].idx
        return Said(start, end, speaker, cue, verb.i) if end > start else None
    if _cue_lemma(verb, language.speech.object_verbs, language) or clauses[verb].infinitive is not None:
        content = _object(doc, verb, clauses.time_tokens, language)
        if content is not None:
            return Said(*content, _subject(clauses, verb, resolver), cue, verb.i)
    return None


def _clause_end(doc: Doc, start: int, sentence_end: int, language: Language) -> int:
    """The end of the reported clause: the sentence's end (the parser sometimes joins two), or a
    trailing source (', selon …')."""
    text = text_of(doc)
    ends = [m.start() + 1 for m in language.sentence_end.finditer(text, start, sentence_end)]
    sources = [m.start() for m in _source_after(language).finditer(text, start, sentence_end)]
    return min([sentence_end, *ends[:1], *sources[:1]])


@cache
def _source_after(language: Language) -> re.Pattern[str]:
    """', selon …', ', d'après …' after a clause: the source that ends it."""
    words = sorted(language.speech.sources, key=len, reverse=True)
    return re.compile(r",\s+(?:" + "|".join(re.escape(w) for w in words) + r")\s", re.IGNORECASE)


def _clause_start(text: str, lo: int, hi: int, language: Language) -> int:
    """Where the last sentence before `hi` starts, looking no further back than `lo`."""
    ends = [m.end() for m in language.sentence_end.finditer(text, lo, hi)]
    return ends[-1] if ends else lo


def _governs_infinitive(doc: Doc, phrase: tuple[int, int] | None, grammar: Grammar) -> bool:
    """'a exhorté le gouvernement à "aller plus loin"': the phrase after the verb is its object, since
    an infinitive complement follows; an incise's subject is followed by nothing of the kind."""
    if phrase is None:
        return False
    i = phrase[1]
    if i >= len(doc) or straighten(doc[i].lower_) not in grammar.prepositions.infinitive:
        return False
    i += 1
    negation = grammar.negation.particles | grammar.negation.adverbs
    while i < len(doc) and (doc[i].text in OPENING or straighten(doc[i].lower_) in negation):
        i += 1
    return i < len(doc) and "Inf" in doc[i].morph.get("VerbForm")


def _cue_lemma(verb: Token, cues: frozenset[str], language: Language) -> bool:
    following = " ".join(t.lower_ for t in verb.doc[verb.i + 1:verb.i + 3])
    lemma = verb.lemma_.lower()
    return (bool(syntax.lemmas(verb, language.grammar) & cues)
            or any(f"{lemma} {following}".startswith(v) for v in cues if " " in v))


def _by_source(doc: Doc, prep: Token, resolver: Resolver, language: Language) -> Said | None:
    """'…, selon les autorités ukrainiennes.': the rest of the sentence is what the source said."""
    source = prep.head
    if source.i <= prep.i or source.pos_ not in ("NOUN", "PROPN", "PRON") or source.lower_ in language.grammar.pronouns.relatives:
        return None
    phrase_start, phrase_end = prep.i + 1, source.right_edge.i + 1
    speaker = resolver.from_tokens(*_cut_relative(doc, phrase_start, phrase_end, language))
    if speaker is None:
        return None
    named = speaker.entity is not None or source.pos_ == "PRON"
    if not named and source.lemma_.lower() not in language.speech.source_nouns:
        return None
    sentence = prep.sent
    before = (_clause_start(text_of(doc), sentence.start_char, prep.idx, language),
              doc[max(prep.i - 1, sentence.start)].idx)
    after_token = min(phrase_end, sentence.end - 1)
    after = (doc[after_token].idx + (1 if doc[after_token].text == "," else 0), sentence.end_char)
    words = [len(text_of(doc)[lo:hi].split()) for lo, hi in (before, after)]
    if min(words) >= 3:  # "La défiance est telle, selon elle, qu'elle joue …": the source sits inside
        start, end = sentence.start_char, sentence.end_char
    else:
        start, end = max((before, after), key=lambda span: len(text_of(doc)[span[0]:span[1]].strip(TRAILING)))
    start, end = _strip(text_of(doc), start, end)
    if end - start < 10:
        return None
    cue = _source_words(prep) if _source_words(prep) in language.speech.sources else prep.lower_
    return Said(start, end, speaker, cue, prep.i, source=True)


def _cut_relative(doc: Doc, first: int, end: int, language: Language) -> tuple[int, int]:
    """The source without the relative clause or apposition after it: 'les autorités, qui …'."""
    openers = language.grammar.pronouns.clause_openers
    for i in range(first + 1, end):
        if doc[i].text == "," or doc[i].lower_ in openers:
            return first, i
    return first, end


def _cue_words(doc: Doc, verb: Token) -> str:
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    return " ".join([a.text for a in auxiliaries] + [verb.text])


def _que_clause(clauses: Clauses, verb: Token) -> tuple[int, int] | None:
    """'a déclaré que …': the completive, from its "que" to the end of the sentence (its parse subtree
    is often cut short)."""
    mark = clauses[verb].that_clause
    if mark is None:
        return None
    end = _clause_end(clauses.doc, mark.idx, verb.sent.end_char, clauses.language)
    return _strip(clauses.text, mark.idx + len(mark.text), end)


def _incise_comma(doc: Doc, verb: Token, language: Language) -> int | None:
    """Index of the comma that opens an incise ("…, a-t-il déclaré"), if the verb stands in one."""
    if not syntax.is_finite(verb):
        return None  # "…, estimant que": a participle continues its clause, it does not report it
    i = verb.i - 1
    while i >= 0 and (doc[i].pos_ in GLUE or doc[i].text.startswith("-")):
        i -= 1
    if i < 0 or doc[i].text != ",":
        return None
    glued = glued_pronoun(doc, verb, language.grammar.pronouns.glued_euphony) is not None
    after_quote = i > 0 and text_of(doc)[:doc[i].idx].rstrip()[-1:] in CLOSING
    if glued or after_quote:
        return i
    # "M. Rousseau, qui …, a exhorté le gouvernement à …": a subject before and an object after
    # make a clause of its own, not an incise
    subject_before = any(c.dep_.startswith("nsubj") and c.i < i for c in verb.children)
    has_object = any(c.dep_ in ("obj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children)
    if subject_before and has_object:
        return None
    # what stands before the comma must be a statement, not the verb's own subject in apposition
    # ("Le ministre …, Sergueï Lavrov, a critiqué …")
    clause = doc[doc[max(i - 1, 0)].sent.start:i]
    return i if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in clause) else None


def _colon_quote(doc: Doc, verb: Token, marks: list[Marked]) -> Marked | None:
    sentence_end = verb.sent.end_char
    colon = text_of(doc).find(":", verb.idx, sentence_end)
    if colon < 0:
        return None
    rest = text_of(doc)[colon + 1:colon + 4].lstrip()
    return next((m for m in marks if m.open > colon and text_of(doc)[m.open] == rest[:1]), None)


def _object(doc: Doc, verb: Token, time_tokens: set[int], language: Language) -> tuple[int, int] | None:
    """What an object verb says: what follows it to the end of the clause ("a annoncé mardi le
    maintien de …", "reproche aux autorités françaises d'avoir permis …"), less a trailing source.

    Read from the words, not the parse: a date after the verb often derails the parse of its object.
    """
    i = verb.i + 1
    while i < len(doc) and (i in time_tokens or doc[i].pos_ == "ADV" or doc[i].text.startswith("-")):
        i += 1
    if i >= verb.sent.end or doc[i].is_punct and doc[i].text not in OPENING or doc[i].is_space:
        return None
    start, end = _strip(text_of(doc), doc[i].idx, _clause_end(doc, doc[i].idx, verb.sent.end_char, language))
    return (start, end) if len(text_of(doc)[start:end].split()) >= 2 else None


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in TRAILING or text[start] in ONLY_CLOSING):  # a clause never opens on one
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


def _speaker(resolver: Resolver, tokens: tuple[int, int] | None) -> Speaker | None:
    return resolver.from_tokens(*tokens) if tokens is not None else None


def _subject(clauses: Clauses, verb: Token, resolver: Resolver) -> Speaker | None:
    """The verb's subject; when the parse gives none, a name that opens the sentence and is only
    followed by appositions up to the verb ("Eric Ciotti, président de LR, …, appelle …")."""
    doc = clauses.doc
    found = _speaker(resolver, subject_phrase(clauses, verb))
    if found is not None:
        return found
    sentence = verb.sent
    first = sentence.start
    while first < verb.i and (doc[first].pos_ == "DET" or doc[first].is_space):
        first += 1
    mention = resolver.mentions.starting_at(doc[first].idx)
    if mention is None or mention[2].type not in ("PER", "ORG"):
        return None
    end = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if end is None or end.end >= verb.i or doc[end.end].text != ",":
        return None
    return resolver.from_tokens(first, end.end)


def _carried_on(doc: Doc, marks: list[Marked], said: list[Said]) -> list[Said]:
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


def _quote(doc: Doc, said: Said, marks: list[Marked], entities: list[Entity], times: list[TimeExpr],
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
        cue=said.cue or None, channel=_channel(doc, cue_token, said, entities, language) if cue_token is not None else None,
        date=_date(cue_token, said, times, earlier) if cue_token is not None else None,
        speaker_start=speaker.start if speaker else None, speaker_end=speaker.end if speaker else None,
    )


def _channel(doc: Doc, cue: Token, said: Said, entities: list[Entity], language: Language) -> str | None:
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
            if span is not None and _governed_by(span.root, preps):
                return entity.name
    outside = text_of(doc)[lo:said.start] + " " + text_of(doc)[said.end:hi]
    for noun in language.speech.channels:
        if re.search(rf"\b{re.escape(noun)}\b", outside, re.IGNORECASE):
            return noun
    return None


def _governed_by(token: Token, prepositions: frozenset[str], hops: int = 3) -> bool:
    """'sur Telegram', 'sur la plateforme de médias sociaux X', 'par l'agence de presse RIA Novosti'."""
    for _ in range(hops):
        if any(c.dep_ == "case" and c.lower_ in prepositions for c in token.children):
            return True
        if token.head.i == token.i or token.head.pos_ not in ("NOUN", "PROPN"):
            return False
        token = token.head
    return False


def _date(cue: Token, said: Said, times: list[TimeExpr], earlier: list[Quote]) -> str | None:
    """The statement's date: a day named in the cue's sentence outside the quoted words; else the
    date of the same speaker's last dated statement; else the story's day, the first day the
    article names (wire copy opens on the day its news happened)."""
    sentence = cue.sent
    in_sentence = [t for t in times if sentence.start_char <= t.start < sentence.end_char
                   and not (said.start <= t.start < said.end) and _is_day(t.value)]
    if in_sentence:
        return min(in_sentence, key=lambda t: abs(t.start - cue.idx)).value
    speaker = said.speaker.entity if said.speaker else None
    same_voice = [q.date for q in earlier if speaker and q.speaker == speaker and q.date]
    if same_voice:
        return same_voice[-1]
    days = [t for t in times if _is_day(t.value)]
    return days[0].value if days and days[0].start < said.start else None


def _is_day(value: str | None) -> bool:
    return value is not None and len(value) >= 10 and value[4] == "-" and value[7] == "-"


def _unique(quotes: list[Quote]) -> list[Quote]:
    """One quote per stretch of text: a later cue that finds the same words adds nothing."""
    seen: dict[tuple[int, int], Quote] = {}
    for q in quotes:
        held = seen.get((q.start, q.end))
        if held is None or (held.speaker is None and q.speaker is not None):
            seen[(q.start, q.end)] = q
    return sorted(seen.values(), key=lambda q: q.start)


def anchor_times(times: list[TimeExpr], quotes: list[Quote], ctx: Context) -> list[TimeExpr]:
    """'aujourd'hui' inside a quotation is the day of the statement, when that day is known."""
    out = []
    for t in times:
        holder = next((q for q in quotes if q.kind == "direct" and q.start <= t.start and t.end <= q.end and q.date), None)
        out.append(time_stage.reanchor(t, date.fromisoformat(holder.date[:10]), ctx) if holder else t)
    return out
