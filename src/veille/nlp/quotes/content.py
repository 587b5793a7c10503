"""What a speech verb says was said: its que-clause, the quotation after its colon, the words before its
incise, or its object; and who said it, its subject."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from ...lang import Language
from ...lang.records import Grammar
from ...lang.text import CLOSING, ONLY_CLOSING, OPENING, Marked, straighten
from .. import syntax
from ..clauses import Clauses
from ..context import text_of
from ..phrases import glued_pronoun, inverted_subject, subject_phrase
from ..speakers import Resolver, Speaker
from ..syntax import trim_phrase
from . import cues
from .said import Said

GLUE = {"ADV", "AUX"}  # what may stand between an incise's comma and its verb
MODIFIERS = {"advmod", "amod", "fixed", "obl:mod"}  # … and the short modifiers of the verb
TRAILING = " \u00a0\n,;:.!?"


def by_verb(clauses: Clauses, verb: Token, resolver: Resolver) -> Said | None:
    """What a speech verb says was said: its que-clause, the quotation after its colon, the words
    before its incise, or its object."""
    doc, marks, language = clauses.doc, clauses.marks, clauses.language
    if _describes(verb) or _aim(verb, language):
        return None
    que, speaking, cue = _completive(clauses, verb)
    if que is not None:
        return Said(*que, subject(clauses, speaking, resolver), cue, verb.i)
    # a passive is no incise: "…, être jugés uniquement en France" says what is done to its subject
    passive = syntax.has_passive_auxiliary(verb) and not syntax.is_reflexive(verb, language.grammar)
    comma = None if passive else incise_comma(doc, verb, language) or infinitive_incise(doc, verb)
    # '"…", a déclaré X, disant …: "…"': an incise right after a quotation claims that one, not the
    # quotation after a later colon
    after_quotation = comma is not None and text_of(doc)[:doc[comma].idx].rstrip()[-1:] in CLOSING
    colon = None if after_quotation else colon_quote(doc, verb, marks, language)
    if colon is not None:
        return Said(colon.start, colon.end, subject(clauses, verb, resolver), cue, verb.i, direct=colon)
    inverted = inverted_subject(doc, verb, clauses.time_tokens, language) if comma is not None else None
    if comma is not None and not governs_infinitive(doc, inverted, language.grammar):
        who = speaker(resolver, inverted)
        if who is not None and who.link == "unnamed":
            who = resolver.just_heard(who, verb) or who
        before_comma = text_of(doc)[:doc[comma].idx].rstrip(" \u00a0\u202f")
        marked = next((m for m in marks if m.close == len(before_comma) - 1), None)
        # the parser may start a sentence at the incise's comma, or join two: the reported words
        # run from the last sentence end before the comma
        start = clause_start(text_of(doc), doc[max(comma - 1, 0)].sent.start_char, doc[comma].idx, language)
        if marked is None:
            # '« … », le Parti des travailleurs du Kurdistan, a critiqué cette source': a quote that
            # opens the clause, glossed before the incise
            opening = start + len(text_of(doc)[start:]) - len(text_of(doc)[start:].lstrip())
            marked = next((m for m in marks if m.open == opening and m.close < doc[comma].idx
                           and text_of(doc)[m.close + 1:m.close + 3].strip().startswith(",")), None)
        lead = text_of(doc)[start:marked.open].rstrip() if marked is not None else ""
        # "« … », a-t-il dit", or a fronted adjunct set off by a comma ("Sur ce sujet, « … », a dit X"):
        # the marks hold all that was said
        if marked is not None and (len(lead.split()) < 3 or lead.endswith((",", ":"))):
            return Said(marked.start, marked.end, who, cue, verb.i, direct=marked)
        end = doc[comma].idx
        return Said(start, end, who, cue, verb.i) if end > start else None
    if clauses[verb].infinitive is not None or cues.cue_lemma(verb, language.speech.object_verbs, language) \
            or _judges(verb, language) or _quoted_object(clauses, verb):
        if any(c.dep_ == "obj" and c.pos_ == "PRON" and c.i < verb.i for c in verb.children):
            return None  # "comme certains élus le réclament": what it asks was told before
        # 'X "demande solennellement" …': the mark closing round the verb is stepped over
        closing = {span[0].i for m in marks if m.open < verb.idx < m.close
                   and (span := doc.char_span(m.close, m.close + 1, alignment_mode="expand")) is not None}
        content = object_of(doc, verb, clauses.time_tokens | closing, language, clauses[verb].infinitive)
        # "X est accusé par Y d'avoir …": a passive says what was said only through its infinitive
        opening = content and doc.char_span(content[0], content[1], alignment_mode="expand")
        if content is not None and clauses[verb].passive and not (
                opening and straighten(opening[0].lower_) in language.grammar.prepositions.infinitive):
            return None
        if content is not None:
            return Said(*content, subject(clauses, verb, resolver), cue, verb.i)
    return None


def _quoted_object(clauses: Clauses, verb: Token) -> bool:
    """"a déclaré un « événement significatif de sûreté » lié à …": a speech verb whose object quotes
    words reports that object, as a mixed quote."""
    for child in verb.children:
        if child.dep_ == "obj" and child.i > verb.i:
            lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
            quoting = [m for m in clauses.marks if lo <= m.open < hi]
            # words of the narrator's around the quoted ones, not only an article
            told = [t for t in child.subtree if t.pos_ not in ("DET", "PUNCT")
                    and not any(m.open < t.idx < m.close for m in quoting)]
            return bool(quoting) and bool(told)
    return False


def _judges(verb: Token, language: Language) -> bool:
    """"a jugé les conditions inadéquates": a verb of judgement whose object carries its attribute."""
    if not syntax.lemmas(verb, language.grammar) & language.speech.judgement_verbs:
        return False
    return any(c.dep_ == "obj" and c.i > verb.i and any(a.dep_ == "amod" and a.pos_ == "ADJ" and a.i > c.i
                                                         for a in c.children) for c in verb.children)


def _completive(clauses: Clauses, verb: Token) -> tuple[tuple[int, int] | None, Token, str]:
    """The verb's que-clause, the verb whose subject says it and the cue's words, also for a two-word
    cue ("a fait savoir qu'…", "a laissé entendre que …", "a fait valoir qu'…")."""
    cue = cues.cue_words(clauses.doc, verb)
    que, speaking = que_clause(clauses, verb), verb
    if que is None and verb.dep_ == "dep" and verb.head.i == verb.i + 1:
        speaking = verb.head  # the parser made the infinitive the head of "fait"
        que, cue = que_clause(clauses, speaking), f"{cue} {speaking.text}"
    second = cues.second_verb(verb, clauses.language)
    if que is None and second is not None:
        que, cue = que_clause(clauses, second), f"{cue} {second.text}"
    return que, speaking, cue


def _describes(verb: Token) -> bool:
    """"Salah A., accusé du procès …", "Accusée de fraude, la prévenue …": a bare past participle
    that qualifies a noun says what was done to it, not what it said."""
    if "Part" not in verb.morph.get("VerbForm") or "Past" not in verb.morph.get("Tense"):
        return False
    if verb.dep_ == "acl":
        return True
    return verb.dep_ == "advcl" and verb.i < verb.head.i and not any(
        c.dep_.startswith(("aux", "nsubj")) for c in verb.children)


def _aim(verb: Token, language: Language) -> bool:
    """"lancé sur les réseaux pour dénoncer les restrictions": an aim, not a report."""
    return "Inf" in verb.morph.get("VerbForm") and any(
        c.dep_ == "mark" and c.lower_ in language.grammar.prepositions.purpose for c in verb.children)


def clause_end(doc: Doc, start: int, sentence_end: int, language: Language) -> int:
    """The end of the reported clause: the sentence's end (the parser sometimes joins two), or a
    trailing source (', selon …')."""
    text = text_of(doc)
    ends = [m.start() + 1 for m in language.sentence_end.finditer(text, start, sentence_end)]
    sources = [m.start() for m in source_after(language).finditer(text, start, sentence_end)]
    return min([sentence_end, *ends[:1], *sources[:1]])


@cache
def source_after(language: Language) -> re.Pattern[str]:
    """', selon …', ', d'après …' after a clause: the source that ends it."""
    words = sorted(language.speech.sources, key=len, reverse=True)
    return re.compile(r",\s+(?:" + "|".join(re.escape(w) for w in words) + r")\s", re.IGNORECASE)


def clause_start(text: str, lo: int, hi: int, language: Language) -> int:
    """Where the last sentence before `hi` starts, looking no further back than `lo`."""
    # the pattern looks at the first letters of the next sentence, which may lie just past `hi`
    ends = [m.end() for m in language.sentence_end.finditer(text, lo, min(len(text), hi + 3)) if m.end() <= hi]
    return ends[-1] if ends else lo


def governs_infinitive(doc: Doc, phrase: tuple[int, int] | None, grammar: Grammar) -> bool:
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


def que_clause(clauses: Clauses, verb: Token) -> tuple[int, int] | None:
    """'a déclaré que …': the completive, from its "que" to the end of the sentence (its parse subtree
    is often cut short)."""
    mark = clauses[verb].that_clause
    if mark is None:
        return None
    end = clause_end(clauses.doc, mark.idx, verb.sent.end_char, clauses.language)
    # "… serait limitée, ajoute le journal": the incise of another report ends this one
    incise = next((comma for t in clauses.doc[mark.i + 1:verb.sent.end] if t.idx < end and t.i != verb.i
                   and cues.is_speech_verb(t, clauses.language)
                   and (comma := incise_comma(clauses.doc, t, clauses.language)) is not None), None)
    if incise is not None and incise > mark.i:
        end = min(end, clauses.doc[incise].idx)
    return strip(clauses.text, mark.idx + len(mark.text), end)


def incise_comma(doc: Doc, verb: Token, language: Language) -> int | None:
    """Index of the comma that opens an incise ("…, a-t-il déclaré"), if the verb stands in one."""
    if cues.after_quote(verb):  # "« … », juge Mme Binet", "« … », dit X", "« … » lance X"
        if doc[verb.i - 1].text == ",":
            return verb.i - 1
        # without the comma, the quotation may be the verb's own subject ("Ces « marchands » louent …"),
        # unless a subject is glued to the verb ("« … » déplore-t-il")
        glued = glued_pronoun(doc, verb, language.grammar.pronouns.glued_euphony) is not None
        return None if not glued and any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children) \
            else verb.i
    if not syntax.is_finite(verb):
        return None  # "…, estimant que": a participle continues its clause, it does not report it
    i = comma_before(doc, verb)
    glued = glued_pronoun(doc, verb, language.grammar.pronouns.glued_euphony) is not None
    # no comma, and a subject before: the quotation is part of the verb's own clause, unless the
    # subject is glued to the verb ("« … » a-t-il expliqué")
    if i is None or doc[i].text != "," and not glued \
            and any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children):
        return None
    after_quote = i > 0 and text_of(doc)[:doc[i].idx].rstrip()[-1:] in CLOSING
    if glued or after_quote:
        return i
    # "M. Rousseau, qui …, a exhorté le gouvernement à …": a subject before and an object after
    # make a clause of its own, not an incise
    # (a "subject" with its own copula or auxiliary is the predicate of the statement before the
    # comma that the parser hung on the verb: "La ville a été la cible de tirs, a déclaré X")
    subject_before = any(c.dep_.startswith("nsubj") and c.i < i and not any(
        g.dep_ == "cop" or g.dep_.startswith("aux") for g in c.children) for c in verb.children)
    has_object = any(c.dep_ in ("obj", "ccomp", "xcomp") and c.i > verb.i for c in verb.children)
    if subject_before and has_object:
        return None
    # what stands before the comma must be a statement, not the verb's own subject in apposition
    # ("Le ministre …, Sergueï Lavrov, a critiqué …")
    clause = doc[doc[max(i - 1, 0)].sent.start:i]
    return i if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in clause) else None


def infinitive_incise(doc: Doc, verb: Token) -> int | None:
    """'« … », s'est borné à répéter le ministre', '« … », a tenu à préciser X': a speech verb in the
    infinitive after the verb of an incise; the index of the incise's comma."""
    if "Inf" not in verb.morph.get("VerbForm") or verb.head.i == verb.i or verb.head.i > verb.i:
        return None
    comma = comma_before(doc, verb.head)
    if comma is None or not text_of(doc)[:doc[comma].idx].rstrip()[-1:] in CLOSING:
        return None
    between = doc[verb.head.i + 1:verb.i]
    return comma if all(t.pos_ in ("ADP", "ADV", "PART") or t.dep_ in ("mark", "advmod") for t in between) else None


def comma_before(doc: Doc, verb: Token) -> int | None:
    """The comma right before a verb, past its auxiliaries, adverbs and clitics ("…, a-t-il ajouté",
    "…, s'est défendu X", "…, affirme encore Y"); right after a closing quotation mark the comma may
    be missing ("« … » a d'emblée lancé X"): then the first word of the incise."""
    i = verb.i - 1
    while i >= 0 and (doc[i].pos_ in GLUE or doc[i].text.startswith("-") or doc[i].dep_.startswith("aux")
                      or doc[i].dep_.startswith("expl") and doc[i].head.i == verb.i
                      # a clitic the parser called an object: "…, s'est notamment insurgée X"
                      or doc[i].pos_ == "PRON" and doc[i].dep_ in ("obj", "iobj") and doc[i].head.i == verb.i
                      and verb.i - i <= 3
                      or verb.i - i <= 3 and doc[i].head.i == verb.i and doc[i].dep_ in MODIFIERS):
        i -= 1  # "…, a d'emblée lancé X": a short modifier of the verb may stand before it
    if i >= 0 and doc[i].text in CLOSING and i + 1 < verb.i + 1 and doc[i + 1].sent.start != i + 1:
        return i + 1
    return i if i >= 0 and doc[i].text == "," else None


def colon_quote(doc: Doc, verb: Token, marks: list[Marked], language: Language) -> Marked | None:
    """The quotation after the colon that follows the verb in its sentence, unless another speech
    verb stands before that colon ("… s'apprêtait à dire X, et certains ont crié : « … »")."""
    sentence_end = verb.sent.end_char
    colon = text_of(doc).find(":", verb.idx, sentence_end)
    if colon < 0:
        return None
    if any(t.i != verb.i and t.idx < colon and syntax.is_finite(t) and cues.is_speech_verb(t, language)
           for t in doc[verb.i + 1:verb.sent.end]):
        return None
    # "Si la préfecture a annoncé …, un membre … conteste ce chiffre : « … »": a verb in a subordinate
    # clause leaves the colon to the verb with a subject of its own after it
    subordinate = any(c.dep_ == "mark" and c.pos_ == "SCONJ" and c.i < verb.i for c in verb.children)
    if subordinate and any(t.idx < colon and syntax.is_finite(t) and any(c.dep_.startswith("nsubj") for c in t.children)
                           for t in doc[verb.i + 1:verb.sent.end]):
        return None
    rest = text_of(doc)[colon + 1:colon + 4].lstrip()
    return next((m for m in marks if m.open > colon and text_of(doc)[m.open] == rest[:1]), None)


def object_of(doc: Doc, verb: Token, step_over: set[int], language: Language,
              infinitive: Token | None = None) -> tuple[int, int] | None:
    """What an object verb says: what follows it to the end of the clause ("a annoncé mardi le
    maintien de …", "reproche aux autorités françaises d'avoir permis …"), less a trailing source.
    `step_over` holds words that may stand between the verb and what it says (dates, a closing
    mark).

    Read from the words, not the parse: a date after the verb often derails the parse of its object.
    """
    i = verb.i + 1
    agent = next((c for c in verb.children if c.dep_ == "obl:agent" and c.i > verb.i), None)
    negation = language.grammar.negation
    between = step_over | _aside(verb, infinitive, language)

    def set_off(k: int) -> bool:  # "a revendiqué, mercredi 25 novembre, l'attentat …": commas around a date
        return doc[k].text == "," and (k + 1 < len(doc) and k + 1 in between or k - 1 in between and k - 1 > verb.i)

    while i < len(doc) and (i in between or set_off(i) or doc[i].text.startswith("-")
                            or doc[i].pos_ == "ADV" and straighten(doc[i].lower_) not in negation.adverbs
                            and straighten(doc[i].lower_) not in negation.particles
                            or agent is not None and agent.left_edge.i <= i <= agent.right_edge.i):
        i += 1
    if i >= verb.sent.end or doc[i].is_punct and doc[i].text not in OPENING or doc[i].is_space:
        return None
    end = clause_end(doc, doc[i].idx, verb.sent.end_char, language)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.i < verb.i for c in verb.children):
        # "Alors que la Cour a pointé des retards, le président a …": the subordinate clause ends first
        end = min(end, verb.right_edge.idx + len(verb.right_edge.text))
    end = min(end, _object_end(doc, verb, i, language))
    # "a dénoncé un « fiasco » et accuse la maire de …": a second speech verb joined to this one is a
    # report of its own
    joined = [c for c in verb.children if c.dep_ == "conj" and c.i > i and cues.is_speech_verb(c, language)]
    if joined:
        first = min([joined[0].left_edge, *(c for c in joined[0].children if c.dep_ == "cc")], key=lambda t: t.i)
        end = min(end, first.idx)
    start, end = strip(text_of(doc), doc[i].idx, end)
    return (start, end) if len(text_of(doc)[start:end].split()) >= 2 else None


def _aside(verb: Token, infinitive: Token | None, language: Language) -> set[int]:
    """"a confié de son côté avoir reçu …": the circumstances of the verb before what it says, up to
    where each ends (the parser may hang the object on one: "dans un communiqué la fermeture de …");
    the one spoken to ("a demandé aux préfets de …") stays with what was said."""
    to = language.grammar.prepositions.to_forms
    return {i for c in verb.children if c.dep_ in ("obl:mod", "obl:arg", "advmod") and c.i > verb.i
            and c.pos_ in ("NOUN", "PROPN", "PRON")
            and any(case.dep_ == "case" and (c.dep_ != "obl:arg" or case.lower_ not in to) for case in c.children)
            and (infinitive is not None and c.right_edge.i < infinitive.left_edge.i or c.dep_ == "obl:mod")
            for i in range(c.left_edge.i, syntax.circumstance_end(c, frozenset()))}


def _object_end(doc: Doc, verb: Token, first: int, language: Language) -> int:
    """Where a noun object ends when a circumstance of the verb follows it after a comma ("déplorent
    une détérioration des urgences, un an après …"); a gerund there ("…, tout en craignant …") still
    tells what was said."""
    obj = next((c for c in verb.children if c.dep_ == "obj" and c.i >= first and c.pos_ in ("NOUN", "PROPN")), None)
    if obj is None:
        return len(text_of(doc))
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.left_edge.i > obj.right_edge.i and child.dep_ in ("obl:mod", "advcl") \
                and doc[child.left_edge.i - 1].text == "," and not syntax.is_gerund(child):
            return doc[child.left_edge.i].idx
    return len(text_of(doc))


def strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in TRAILING or text[start] in ONLY_CLOSING):  # a clause never opens on one
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


def speaker(resolver: Resolver, tokens: tuple[int, int] | None) -> Speaker | None:
    return resolver.from_tokens(*tokens) if tokens is not None else None


def subject(clauses: Clauses, verb: Token, resolver: Resolver) -> Speaker | None:
    """The verb's subject; when the parse gives none, or only a title ("Hugo Martin, le sélectionneur,
    a dit", parsed with the title as subject), a name that opens the sentence and is only followed by
    appositions up to the verb ("Eric Ciotti, président de LR, …, appelle …")."""
    if clauses[verb].passive:  # "X est accusé par Y d'avoir …": the speaker is the agent, if named
        agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
        return resolver.from_tokens(*_phrase(clauses, agent)) if agent is not None else None
    found = speaker(resolver, subject_phrase(clauses, verb))
    if found is not None and found.link != "unnamed":
        return found
    opening = _opening_name(clauses, verb, resolver)
    if opening is None and found is None:
        opening = (_name_before_relative(clauses, verb, resolver) or _historical_infinitive(verb, resolver)
                   or _subject_cut_off(clauses, verb, resolver) or _named_between_commas(clauses, verb, resolver))
    return opening if opening is not None else found


def _subject_cut_off(clauses: Clauses, verb: Token, resolver: Resolver) -> Speaker | None:
    """'…autre."\nKompany prétend ne pas …': the parser ended the sentence before the verb and left its
    subject with the sentence above; the words from the real sentence start to the verb are it."""
    doc, text = clauses.doc, clauses.text
    group = min([verb, *(c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i)], key=lambda t: t.i)
    if group.i != verb.sent.start or group.i == 0:
        return None
    line = text.rfind("\n", 0, group.idx) + 1
    start = clause_start(text, line, group.idx, clauses.language)
    words = doc.char_span(start, group.idx, alignment_mode="contract")
    if words is None or not len(words) or len(words) > 8 or any(t.is_punct for t in words):
        return None
    return resolver.from_tokens(words.start, words.end)


def _infinitive_after_de(verb: Token, language: Language) -> bool:
    """"de préciser": a narrative infinitive, which tells what someone went on to do."""
    return "Inf" in verb.morph.get("VerbForm") and any(
        c.dep_ == "mark" and straighten(c.lower_) in language.grammar.prepositions.of and c.i < verb.i
        for c in verb.children)


def goes_on(verb: Token, language: Language) -> bool:
    """"Et de citer … : « … »", "Et questionne : « … »": a sentence headed by an infinitive after
    "de", or opened by "et" with a verb that has no subject, goes on about the person just heard."""
    if verb.dep_ == "ROOT" and _infinitive_after_de(verb, language):
        return True
    opening = verb.doc[verb.sent.start]
    return syntax.is_finite(verb) and not any(c.dep_.startswith(("nsubj", "expl")) for c in verb.children) \
        and opening.dep_ == "cc" and opening.head.i == verb.i and verb.i - opening.i <= 2


def _historical_infinitive(verb: Token, resolver: Resolver) -> Speaker | None:
    """"Antoine Martin de préciser : « … »": the narrative infinitive's subject is the name it hangs on."""
    head = verb.head
    if head.i >= verb.i or head.pos_ not in ("PROPN", "NOUN") or not _infinitive_after_de(verb, resolver.language):
        return None
    return resolver.from_tokens(head.left_edge.i, verb.i - 1)


def _phrase(clauses: Clauses, head: Token) -> tuple[int, int]:
    doc = clauses.doc
    first = head.left_edge.i
    while first < head.i and doc[first].pos_ == "ADP":  # "par le FBI": the phrase without its preposition
        first += 1
    return trim_phrase(doc, first, head.right_edge.i + 1, clauses.language.grammar.pronouns.clause_openers)


def _name_before_relative(clauses: Clauses, verb: Token, resolver: Resolver) -> Speaker | None:
    """"M. Martin, qui s'exprimait à Lille, a exhorté …", when the parse hangs the relative clause
    elsewhere and leaves the verb without a subject: the name right before ", qui …," that runs to
    the comma before the verb."""
    doc = clauses.doc
    comma = comma_before(doc, verb)
    relatives = clauses.language.grammar.pronouns.relatives
    if comma is None:
        return None
    for i in range(comma - 1, max(verb.sent.start, comma - 40), -1):
        if doc[i].lower_ in relatives and doc[i].dep_.startswith("nsubj"):
            if i < 2 or doc[i - 1].text != ",":
                return None
            mention = next((m for m in resolver.mentions.inside(doc[max(i - 8, 0)].idx, doc[i - 1].idx)
                            if m[1] == doc[i - 2].idx + len(doc[i - 2].text)), None)
            if mention is None or mention[2].type not in ("PER", "ORG") or mention[3] != "name":
                return None
            span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
            return resolver.from_tokens(span.start, span.end) if span is not None else None
        if doc[i].text in (".", ";", ":"):
            return None
    return None


def _opening_name(clauses: Clauses, verb: Token, resolver: Resolver) -> Speaker | None:
    doc = clauses.doc
    first = verb.sent.start
    if first > 0 and doc[first].text == "," and not doc[first - 1].is_space:
        first = doc[first - 1].sent.start  # the parser closed a sentence after the name
    while first < verb.i and (doc[first].pos_ == "DET" or doc[first].is_space):
        first += 1
    mention = resolver.mentions.starting_at(doc[first].idx)
    if mention is None or mention[2].type not in ("PER", "ORG"):
        return None
    end = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if end is None or end.end >= verb.i or doc[end.end].text != ",":
        return None
    return resolver.from_tokens(first, end.end)


def _named_between_commas(clauses: Clauses, verb: Token, resolver: Resolver) -> Speaker | None:
    """"Vendredi, alors que …, le bourgmestre de Liège Willy Dupont, précisait : « … »": a verb the parser
    left without a subject takes the person named between the comma before it and the comma before
    that, when nothing else stands there."""
    doc = clauses.doc
    if any(c.dep_.startswith("nsubj") for c in verb.children):
        return None
    group = min([verb, *(c for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i)], key=lambda t: t.i)
    comma = group.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    start = comma - 1
    while start > verb.sent.start and doc[start - 1].text != "," and doc[start - 1].pos_ not in ("VERB", "AUX"):
        start -= 1
    if start == comma - 1 or doc[start - 1].text != "," and start != verb.sent.start:
        return None
    named = resolver.mentions.covering(doc[start].idx, doc[comma - 1].idx + len(doc[comma - 1].text))
    if not any(entity.type == "PER" for _, _, entity, _ in named):
        return None
    return resolver.from_tokens(start, comma)

