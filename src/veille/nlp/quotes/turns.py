"""Whose turn a quotation no cue claims belongs to, and which reports another one holds.

    label         "Marc Fontaine (défenseur du club) : « … »": a speaker named at the head of
                  the paragraph, before a colon
    incise inside "« Je pense que …, s'agace Me Roux, avocate des victimes. Et puis … »": the marks hold
                  the speaker's incise; the words on either side are theirs
    continuation  a quotation that opens its sentence, or its paragraph, goes on with the speaker of the
                  turn before it, unless narration or another speaker comes between
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lang.text import Marked
from .. import syntax
from ..clauses import Clauses
from ..phrases import inverted_subject
from ..speakers import Resolver, Speaker
from ..syntax import trim_phrase
from . import cues
from .bounds import clause_start, comma_before
from .said import Said
from .who import subject

MIN_FREE_QUOTE_WORDS = 4
NARRATION_WORDS = 8  # more words than this outside quotation marks between two turns: narration
# ... unless they stay in the speaker's paragraph and name no one else, up to this many words
PARAGRAPH_NARRATION_WORDS = 40
DASHES = "—–-"


def without_attributions_of_reports(said: list[Said], doc: Doc) -> list[Said]:
    """'Ankara a annoncé protester …, selon une source', 'L'Insee indique que …, ajoute le journal':
    the source or the incise vouches for a statement the words report; the statement is the
    reporter's, so the wider span goes (a quotation in marks stays)."""
    verbs = [s for s in said if not s.source]

    def vouches(s: Said) -> bool:
        return (s.source or s.direct is None and s.cue_token >= 0 and doc[s.cue_token].idx >= s.end) \
            and any(v is not s and v.start >= s.start and v.end <= s.end and v.speaker for v in verbs)

    return [s for s in said if not vouches(s)]


def cut_before_next_report(said: list[Said], doc: Doc, text: str) -> list[Said]:
    """'ont promis d'entamer un « siège » de Paris, M. Martin, qui …, a exhorté …': a report read to
    the sentence's end stops at the comma before the next report's speaker."""
    # each report's boundary (where its speaker or cue begins), in text order, so that a report looks
    # only at the boundaries inside it: an article of many reports does not cost their square
    bounds = sorted((min(o.speaker.start, doc[o.cue_token].idx), n) for n, o in enumerate(said)
                    if o.cue_token >= 0 and o.speaker is not None)
    out = []
    for number, s in enumerate(said):
        if s.direct is None and s.cue_token >= 0 and doc[s.cue_token].idx < s.start:
            inside = bounds[bisect_right(bounds, (s.start, len(said))):bisect_left(bounds, (s.end, -1))]
            for boundary, n in sorted(inside, key=lambda b: b[1]):  # in the order of `said`
                other = said[n]
                if n == number or not s.start < boundary < s.end:
                    continue
                before = text[s.start:boundary].rstrip()
                if before.endswith(",") and other.speaker.start > s.start:
                    s = replace(s, end=s.start + len(before.rstrip(" ,")))
        out.append(s)
    return out


def same_sentence_speaker(gerund: Token, said: list[Said]) -> Speaker | None:
    """'…, a déclaré Jean-Luc Mélenchon, demandant la saisine du Parquet': a participle adds to the
    statement of the speech verb before it in the sentence."""
    sentence = gerund.sent
    before = [s for s in said if sentence.start <= s.cue_token < gerund.i and s.speaker is not None
              and not s.source]
    return before[-1].speaker if before else None


def last_speaker(verb: Token, said: list[Said], text: str) -> Speaker | None:
    """The speaker of the latest statement before the verb, in its paragraph or the one before: the
    person a narrative infinitive with no subject of its own goes on about."""
    paragraph = text.rfind("\n", 0, verb.idx)
    end_before = len(text[:max(paragraph, 0)].rstrip())  # past the blank lines between paragraphs
    previous = text.rfind("\n", 0, end_before) + 1 if paragraph >= 0 else 0
    before = [s for s in said if previous <= s.start and s.end <= verb.idx and s.speaker is not None and not s.source]
    latest = max(before, key=lambda s: s.end).speaker if before else None
    return replace(latest, link="continuation") if latest is not None else None


def unclaimed(clauses: Clauses, said: list[Said]) -> list[Marked]:
    """The quotations no cue claimed, outermost, long enough to be a statement rather than a scare quote."""
    text, marks = clauses.text, clauses.marks
    claimed = [(s.start, s.end) for s in said]
    return [m for m in marks if not any(s <= m.start and m.end <= e for s, e in claimed)
            and not any(o.open < m.open and m.close < o.close for o in marks)
            and len(text[m.start:m.end].split()) >= MIN_FREE_QUOTE_WORDS]


def claimed_turns(clauses: Clauses, resolver: Resolver, said: list[Said]) -> list[Said]:
    """The quotations no cue claims that a label, an inner incise or the turn before them gives a speaker."""
    out: list[Said] = []
    for mark in unclaimed(clauses, said):
        found = (inner_incise(clauses, resolver, mark) or bracketed_after(clauses, resolver, mark)
                 or labelled(clauses, resolver, mark)
                 or named_before_colon(clauses, resolver, mark) or acting_before_colon(clauses, resolver, mark, said))
        if found:
            out.extend(found)
            continue
        speaker = continued(clauses, resolver, mark, said + out) or introduced(clauses, resolver, mark)
        # a quotation whose speaker the text does not make clear is not reported: every quote shown
        # is one the analyst can credit to someone
        if speaker is not None:
            out.append(Said(mark.start, mark.end, speaker, "", -1, direct=mark, turn=True))
    return out


def bracketed_after(clauses: Clauses, resolver: Resolver, mark: Marked) -> list[Said]:
    """"… : « Je vous souhaite d'aimer » (Paul Girard)": a headline's quotation followed by the name of
    a person in brackets is that person's."""
    doc, text = clauses.doc, clauses.text
    after = text[mark.close + 1:mark.close + 80]
    opening = len(after) - len(after.lstrip(" \u00a0\u202f"))
    closing = after.find(")")
    if after[opening:opening + 1] != "(" or closing < 0:
        return []
    name = doc.char_span(mark.close + 1 + opening + 1, mark.close + 1 + closing, alignment_mode="contract")
    speaker = resolver.from_tokens(name.start, name.end) if name is not None and len(name) else None
    if speaker is None or speaker.entity is None or not any(
            e.id == speaker.entity and e.type == "PER" for e in clauses.entities):
        return []
    return [Said(mark.start, mark.end, speaker, "", -1, direct=mark)]


def labelled(clauses: Clauses, resolver: Resolver, mark: Marked) -> list[Said]:
    """"Marc Fontaine (défenseur du club) : « … »", "La ministre : « … »": the words between the
    paragraph's start and a colon right before the quotation name its speaker."""
    doc, text = clauses.doc, clauses.text
    line_start = text.rfind("\n", 0, mark.open) + 1
    lead = text[line_start:mark.open].rstrip(" \u00a0\u202f" + DASHES)
    if not lead.endswith(":") or len(lead.split()) > 12:
        return []
    label = doc.char_span(line_start, line_start + len(lead) - 1, alignment_mode="contract")
    if label is None or not len(label):
        return []
    end = next((t.i for t in label if t.text in ("(", ",")), label.end)
    speaker = resolver.from_tokens(label.start, end)
    if speaker is None:
        return []
    return [Said(mark.start, mark.end, speaker, "", -1, direct=mark)]


def named_before_colon(clauses: Clauses, resolver: Resolver, mark: Marked) -> list[Said]:
    """"Tout comme Paul Girard, sur son compte X : « … »": a sentence with no verb of its own before
    the colon that opens the quotation, naming one person (or else one body), names its speaker."""
    doc, text = clauses.doc, clauses.text
    lead = text[:mark.open].rstrip(" \u00a0\u202f")
    if not lead.endswith(":"):
        return []
    colon = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
    if colon is None:
        return []
    # the parser may join this sentence to the one before: it starts after the last sentence end
    start = clause_start(text, colon[0].sent.start_char, colon[0].idx, clauses.language)
    opening = doc.char_span(start, colon[0].idx, alignment_mode="contract")
    if opening is None:
        return []
    first = opening.start
    words = [t for t in doc[first:colon.start] if not clauses.quoted(t) and not t.is_space]
    if not words or any(t.pos_ == "VERB" and not syntax.is_bare_participle(t) or t.pos_ == "AUX" and t.dep_ != "cop"
                        for t in words):
        return []  # a lead of its own; "C'est le cas du député X :" only names, as does a participle
        # that qualifies a noun ("… l'une des cartes posées sur la table par X :")
    named = {m[2].id: m for m in resolver.mentions.inside(doc[first].idx, colon[0].idx)
             if m[2].type in ("PER", "ORG") and m[3] == "name" and not clauses.quoted(doc.char_span(
                 m[0], m[1], alignment_mode="expand")[0])}
    people = [m for m in named.values() if m[2].type == "PER"]
    candidates = people or list(named.values())  # "sur son compte X": the platform is no speaker
    if len(candidates) != 1:
        return []
    lo, hi, _, _ = candidates[0]
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None or _qualifies_a_thing(span.root, resolver):
        return []  # "l'exposition Picasso :": the name says which exhibition, no one speaks
    speaker = resolver.from_tokens(span.start, span.end)
    return [Said(mark.start, mark.end, speaker, "", -1, direct=mark)] if speaker is not None else []


def acting_before_colon(clauses: Clauses, resolver: Resolver, mark: Marked, said: list[Said]) -> list[Said]:
    """"Le maire balaie cette hypothèse : « … »": the quotation a colon opens right after a sentence
    whose subject is a person or a body is theirs, whatever the verb, unless what the verb acts on
    is a text that carries other words ("a lu la lettre de la victime : « … »"), or the sentence is
    itself someone's report ("Selon elle, le maire a recommencé : « … »")."""
    doc, text = clauses.doc, clauses.text
    lead = text[:mark.open].rstrip(" \u00a0\u202f")
    colon = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand") if lead.endswith(":") else None
    if colon is None or any(s.start <= colon[0].idx <= s.end + 1 for s in said):
        return []
    # the sentence before the colon, read from the words: the parse of a long paragraph often hangs
    # the colon elsewhere; its verb is the first finite one with its subject there
    start = clause_start(text, colon[0].sent.start_char, colon[0].idx, clauses.language)
    sentence = doc.char_span(start, colon[0].idx, alignment_mode="contract")
    # (not one of a subordinate clause: "Si la préfecture a annoncé …, un membre … conteste ce chiffre :")
    # (or the word a finite copula makes the predicate: "la maire en est bien consciente :")
    verb = next((t for t in sentence or () if (t.pos_ in ("VERB", "AUX") and syntax.is_finite(t)
                                                or any(c.dep_ == "cop" and syntax.is_finite(c) for c in t.children))
                 and not clauses.quoted(t) and any(c.dep_ == "nsubj" and sentence.start <= c.i < t.i
                                                   for c in t.children)
                 and not syntax.is_subordinate(t)), None)
    if verb is None or syntax.has_passive_auxiliary(verb) \
            or any(cues.is_source(t, clauses.language) for t in sentence):
        return []  # "Selon elle, le maire a recommencé : « … »": the sentence is a source's report
    channels = clauses.language.speech.channels
    if any(c.dep_ == "obj" and (c.lemma_.lower() in channels or c.lemma_.lower() in resolver.nouns)
           for c in verb.children):
        return []  # the words of a letter, a message or a person the verb acts on
    speaker = subject(clauses, verb, resolver)
    if speaker is None or speaker.link == "unnamed" and not speaker.text:
        return []
    return [Said(mark.start, mark.end, speaker, "", -1, direct=mark)]


def _qualifies_a_thing(name: Token, resolver: Resolver) -> bool:
    head = name.head
    return name.dep_ in ("nmod", "appos", "flat", "flat:name", "compound") and head.pos_ == "NOUN" \
        and head.i < name.i and not any(c.dep_ == "case" for c in name.children) \
        and head.lemma_.lower() not in resolver.nouns and head.lower_ not in resolver.nouns


def inner_incise(clauses: Clauses, resolver: Resolver, mark: Marked) -> list[Said]:
    """"« A, s'agace Me Claire Roux, avocate des victimes. B »": a speech verb after a comma inside
    the marks, its subject after it, then the sentence's end: A and B are that speaker's."""
    doc, text, language = clauses.doc, clauses.text, clauses.language
    inside = doc.char_span(mark.start, mark.end, alignment_mode="contract")
    for verb in inside or ():
        if not cues.is_speech_verb(verb, language) or verb.i == inside.start:
            continue
        opening = comma_before(doc, verb)
        if opening is None or opening <= inside.start:
            continue
        comma = doc[opening]
        phrase = inverted_subject(doc, verb, clauses.time_tokens, language)
        if phrase is None or phrase[1] >= inside.end:
            continue
        speaker = resolver.from_tokens(*phrase)
        # the quotation goes on after the comma that closes the incise ("« Nous irons, affirme-t-elle,
        # jusqu'au bout »"), or after the sentence the incise ends
        resumes = phrase[1] < len(doc) and doc[phrase[1]].text == "," and not _apposition(resolver, phrase[1] + 1)
        rest = re.match(r"\s*,\s*" if resumes else r"[^.!?…]*[.!?…]\s*",
                        text[doc[phrase[1] - 1].idx + len(doc[phrase[1] - 1].text):mark.end])
        if speaker is None or rest is None:
            continue
        first_end = comma.idx
        second = doc[phrase[1] - 1].idx + len(doc[phrase[1] - 1].text) + rest.end()
        found = [Said(mark.start, first_end, speaker, cues.cue_words(doc, verb), verb.i, direct=mark)]
        if len(text[second:mark.end].split()) >= 2:
            found.append(Said(second, mark.end, speaker, cues.cue_words(doc, verb), verb.i, direct=mark))
        return found
    return []


def _apposition(resolver: Resolver, i: int) -> bool:
    """Whether the words from `i` describe the speaker just named ("…, avocate des riverains", "…,
    indigné")."""
    doc = resolver.doc
    if i < len(doc) and (doc[i].pos_ == "ADJ" or "Part" in doc[i].morph.get("VerbForm")):
        return True  # "…, poursuit l'homme d'affaires, indigné. B"
    if i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    return i < len(doc) and (doc[i].lower_ in resolver.nouns or doc[i].lemma_.lower() in resolver.nouns)


def introduced(clauses: Clauses, resolver: Resolver, mark: Marked) -> Speaker | None:
    """"Kompany a longuement parlé de sa position. « Honnêtement, … »": a quotation that follows, in
    the same paragraph, a sentence whose subject is the one person it names goes to that person."""
    doc, text = clauses.doc, clauses.text
    paragraph = text.rfind("\n", 0, mark.open) + 1
    lead = text[paragraph:mark.open].rstrip(" \u00a0\u202f")
    if not lead or lead[-1] not in ".!?":
        return None  # the quotation must open the sentence right after, in the same paragraph
    start = clause_start(text, paragraph, paragraph + len(lead) - 1, clauses.language)
    sentence = doc.char_span(start, paragraph + len(lead), alignment_mode="contract")
    if sentence is None or not len(sentence):
        return None
    people = {m[2].id: m for m in resolver.mentions.inside(sentence.start_char, sentence.end_char)
              if m[2].type == "PER" and not clauses.quoted(doc.char_span(m[0], m[1], alignment_mode="expand")[0])}
    if not people:
        return _unnamed_subject(resolver, sentence)
    if len(people) != 1:
        # "Paolini … a félicité longuement Swiatek. « … »": the one who speaks in it, not whom they speak to
        people = {k: m for k, m in people.items()
                  if _speaks(clauses, sentence, doc.char_span(m[0], m[1], alignment_mode="expand"))}
        if len(people) != 1:
            return None
    lo, hi, entity, _ = next(iter(people.values()))
    name = doc.char_span(lo, hi, alignment_mode="expand")
    opens = name is not None and all(t.pos_ in ("DET", "ADV", "PUNCT") for t in doc[sentence.start:name.start])
    if name is None or not (opens or name.root.dep_ == "nsubj") or _undergoes(name.root):
        return None  # the person is not who acts in that sentence
    found = resolver.from_tokens(name.start, name.end)
    return replace(found, link="continuation") if found is not None and found.entity == entity.id else None


def _speaks(clauses: Clauses, sentence: SpacySpan, name: SpacySpan | None) -> bool:
    """Whether a name is the subject of a speech verb, or of a verb coordinated with one; a name that
    opens the sentence is its main verb's subject, however the parser hung it."""
    if name is None:
        return False
    if name.root.dep_.startswith("nsubj") and name.root.i < name.root.head.i:  # not "a félicité Marc Lenoir"
        verb = name.root.head
    elif all(t.pos_ in ("DET", "ADV", "PUNCT") for t in sentence.doc[sentence.start:name.start]):
        verb = next((t for t in sentence.doc[name.end:sentence.end] if t.pos_ == "VERB"
                     and not any(c.dep_.startswith("nsubj") for c in t.children)), None)
        if verb is None:
            return False
    else:
        return False
    # a coordinated verb shares the subject unless it has its own before it (one after it is its object
    # the parser took for an inverted subject: "et a félicité Marc Lenoir")
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     and not any(g.dep_.startswith("nsubj") and g.i < c.i for g in c.children))]
    return any(cues.is_speech_verb(v, clauses.language) for v in verbs)


def _unnamed_subject(resolver: Resolver, sentence: SpacySpan) -> Speaker | None:
    """"Un Lausannois de 18 ans se trouvait dans l'hôtel. « J'étais venu … »": a sentence naming no
    one whose subject denotes a person gives the quotation after it that person, in words; the
    subject of a passive ("les auteurs pourront être jugés") undergoes it and is no one's voice."""
    # the parse may join the line above (a subheading) to the sentence: its main verb is then the
    # first verb in it that has a subject
    subject = next((t for t in sentence if t.dep_ == "nsubj" and sentence.start <= t.head.i < sentence.end), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN") or _undergoes(subject):
        return None
    first, end = max(subject.left_edge.i, sentence.start), min(subject.right_edge.i + 1, sentence.end)
    found = resolver.from_tokens(*trim_phrase(resolver.doc, first, end, resolver.language.grammar.pronouns.clause_openers))
    return replace(found, link="continuation") if found is not None and found.link == "unnamed" else None


def _undergoes(subject: Token) -> bool:
    """Whether the subject is a passive's ("les auteurs pourront être jugés"): it undergoes the act."""
    verb = subject.head
    # the verb a modal governs, however the parse hung it ("pourront, dans une option, être jugés")
    following = next((t for t in subject.doc[verb.i + 1:verb.sent.end] if t.pos_ == "VERB"), None)
    governed = [c for c in (*verb.children, *([following] if following is not None else []))
                if c.dep_ in ("xcomp", "advcl", "acl") and c.i > verb.i
                and not any(g.dep_.startswith("nsubj") for g in c.children)]
    return any(syntax.has_passive_auxiliary(v) for v in (verb, *governed))


def continued(clauses: Clauses, resolver: Resolver, mark: Marked, said: list[Said]) -> Speaker | None:
    """The speaker of the turn this quotation goes on with: the latest statement before it with a
    speaker, when the quotation opens its sentence (or follows a short lead: "A ses yeux, « … »", or
    the incise of the same voice: '"…", a-t-il déclaré, "…"') and no narration comes between."""
    doc, text = clauses.doc, clauses.text
    previous = [s for s in said if s.end <= mark.open and s.speaker is not None]
    if not previous or _heading(text, mark):
        return None
    turn = max(previous, key=lambda s: s.end)
    sentence = doc.char_span(mark.open, mark.open + 1, alignment_mode="expand")
    # the parser may hang the opening mark on the sentence before: the lead starts after its stop
    opening = clause_start(text, sentence.sent.start_char, mark.open, clauses.language) if sentence is not None else 0
    lead = text[opening:mark.open].strip(" \u00a0\u202f" + DASHES) if sentence is not None else ""
    if turn.direct is not None and turn.direct.close < mark.open:
        after = text[turn.direct.close + 1:mark.open]
        if len(after.split()) <= 6 and not re.search(r"[.!?]", after):
            return turn.speaker  # the same voice, after its incise
    if lead and not (lead.endswith(",") and len(lead.split()) <= 4):
        return None  # the quotation sits inside someone else's sentence
    # the sentence that tells the turn attributes it ("…", explique X, programmateur du festival,
    # soulignant …): only what comes after it can be narration
    told = doc[turn.cue_token].sent.end_char if turn.cue_token >= 0 else turn.end
    between = _outside_quotes(clauses, max(turn.end, told), mark.open)
    if len(between.split()) > NARRATION_WORDS and ("\n" in between or len(between.split()) > PARAGRAPH_NARRATION_WORDS):
        return None  # narration, or another voice, came between
    if _someone_else(clauses, resolver, max(turn.end, told), mark.open, turn.speaker):
        return None  # "Pour le maire sortant, cela ne suffit pas. « … »": another voice
    return turn.speaker


def _heading(text: str, mark: Marked) -> bool:
    """A line that is only a quotation with no closing stop ("« On a senti l'odeur »" above a
    paragraph) is a subheading: it announces a voice to come rather than going on with one."""
    line_start = text.rfind("\n", 0, mark.open) + 1
    line_end = text.find("\n", mark.close)
    line_end = len(text) if line_end < 0 else line_end
    alone = not text[line_start:mark.open].strip() and not text[mark.close + 1:line_end].strip()
    return alone and text[mark.start:mark.end].rstrip()[-1:] not in ".!?…"


def _someone_else(clauses: Clauses, resolver: Resolver, lo: int, hi: int, speaker: Speaker) -> bool:
    """Whether the narration between two quotations names a person or a body other than the speaker."""
    span = clauses.doc.char_span(lo, hi, alignment_mode="contract")
    for token in span or ():
        if clauses.quoted(token):
            continue
        named = resolver.mentions.covering(token.idx, token.idx + len(token.text))
        if any(entity.type in ("PER", "ORG") and entity.id != speaker.entity for _, _, entity, _ in named):
            return True
        if not named and token.pos_ == "NOUN" and (token.lemma_.lower() in resolver.nouns
                                                   or token.lower_ in resolver.nouns):
            return True
    return False


def _outside_quotes(clauses: Clauses, lo: int, hi: int) -> str:
    """The words of the text between `lo` and `hi` that no quotation mark holds."""
    text = clauses.text
    kept, position = [], lo
    for mark in clauses.marks:
        if mark.close < lo or mark.open >= hi:
            continue
        kept.append(text[position:max(position, mark.open)])
        position = max(position, mark.close + 1)
    kept.append(text[position:hi])
    return " ".join(kept)
