"""What a speech verb says was said: its que-clause, the quotation after its colon, the words before its
incise, or its object (who said it: `who`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lang import Language
from ...lang.records import Grammar
from ...lang.text import CLOSING, OPENING, QUOTE_MARKS, Marked, straighten
from .. import syntax
from ..clauses import Clauses
from ..context import text_of
from ..phrases import glued_pronoun, inverted_subject
from ..speakers import Resolver
from . import cues
from .bounds import clause_end, clause_start, comma_before, strip
from .said import Said
from .who import speaker, subject


def by_verb(clauses: Clauses, verb: Token, resolver: Resolver) -> Said | None:
    """What a speech verb says was said: its que-clause, the quotation after its colon, the words
    before its incise, or its object."""
    doc, marks, language = clauses.doc, clauses.marks, clauses.language
    # (a verb set after a quotation with its subject inverted is an incise, whatever the tagger read)
    if _describes(verb) and not cues.incise(verb, language) or _aim(verb, language):
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
    attribute = _attribute(verb, language)
    if attribute is not None:
        end = clause_end(doc, attribute.left_edge.idx, verb.sent.end_char, language)
        # "… « très préoccupés » par la violence et ont proposé leur aide": a verb joined to it is told apart
        joined = next((c for c in verb.children if c.dep_ == "conj" and c.i > attribute.i), None)
        if joined is not None:
            end = min(end, _joined_start(joined).idx)
        start, end = strip(text_of(doc), attribute.left_edge.idx, end)
        return Said(start, end, subject(clauses, verb, resolver), cue, verb.i) if end > start else None
    if clauses[verb].infinitive is not None or cues.cue_lemma(verb, language.speech.object_verbs, language) \
            or _judges(verb, language) or _quoted_object(clauses, verb):
        return _by_object(clauses, verb, resolver, cue)
    return None


def _by_object(clauses: Clauses, verb: Token, resolver: Resolver, cue: str) -> Said | None:
    """What an object verb, a verb with an infinitive or a verb of judgement says: its object."""
    doc, marks, language = clauses.doc, clauses.marks, clauses.language
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
    rest = cues.cue_rest(verb, language.speech.object_verbs)
    if content is not None and rest and content[0] == doc[verb.i + 1].idx:
        # "a mis en garde contre …", "a insisté sur …": the cue's own words are not what was said
        cue = f"{cue} {doc[verb.i + 1:verb.i + 1 + rest].text}"
        content = strip(text_of(doc), doc[verb.i + rest].idx + len(doc[verb.i + rest].text), content[1])
    if content is not None and not _only_a_name(clauses, resolver, content):
        # 'évoquant « un risque financier »': what is said is all inside the marks
        whole = next((m for m in marks if (m.open, m.close + 1) == content), None)
        if whole is not None:
            return Said(whole.start, whole.end, subject(clauses, verb, resolver), cue, verb.i, direct=whole)
        return Said(*content, subject(clauses, verb, resolver), cue, verb.i)
    return None


def _only_a_name(clauses: Clauses, resolver: Resolver, content: tuple[int, int]) -> bool:
    """"Les dirigeants ont évoqué la Chine": an object that is only a name tells what was spoken of,
    not what was said."""
    start, end = content
    determiners = clauses.language.grammar.determiners
    articles = determiners.definite | determiners.plural_definite
    for lo, hi, _, _ in resolver.mentions.inside(start, end):
        if straighten(clauses.text[start:lo].strip().lower()) not in articles | {""}:
            continue
        after = clauses.doc.char_span(hi, end, alignment_mode="expand") if hi < end else None
        # the name alone, or followed by a circumstance ("la Chine lors du dîner"), not by what it is
        # called to do ("Bruxelles à « corriger ses erreurs »")
        return after is None or not len(after) or after[0].pos_ in ("ADP", "ADV", "PUNCT") \
            and not any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_MARKS for t in after)
    return False


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


def _attribute(verb: Token, language: Language) -> Token | None:
    """"se disent contents de …", "se dit d'attaque pour …": what a subject says it is."""
    if not syntax.is_reflexive(verb, language.grammar) or not any(
            f"se {form}" in language.speech.attribute_verbs for form in syntax.lemmas(verb, language.grammar)):
        return None
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in ("ADJ", "VERB", "NOUN")
                 and not syntax.is_infinitive(c)), None)


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
        # the parser made the infinitive the head of "fait"; the subject may hang on either
        infinitive = verb.head
        que, cue = que_clause(clauses, infinitive), f"{cue} {infinitive.text}"
        if not any(c.dep_.startswith("nsubj") for c in verb.children):
            speaking = infinitive
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
    first = cues.group_start(verb, language)
    if first.i < verb.i and cues.after_quote(first) and cues.incise(verb, language):
        return first.i - 1 if doc[first.i - 1].text == "," else first.i  # "« … », le taquine X"
    if cues.after_quote(verb):  # "« … », juge Mme Binet", "« … », dit X", "« … » lance X"
        if doc[verb.i - 1].text == ",":
            return verb.i - 1
        # without the comma, the quotation may be the verb's own subject ("Ces « marchands » louent …"),
        # unless a subject is glued to the verb ("« … » déplore-t-il") or a person stands inverted after
        # it ("« … » concède l'écologiste Gilles Deguet")
        glued = glued_pronoun(doc, verb, language.grammar.pronouns.glued_euphony) is not None
        return None if not glued and any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children) \
            and not cues.incise(verb, language) else verb.i
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
    if syntax.is_subordinate(verb) and any(t.idx < colon and syntax.is_finite(t) and any(c.dep_.startswith("nsubj") for c in t.children)
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
        first = _joined_start(joined[0])
        end = min(end, first.idx)
    start, end = strip(text_of(doc), doc[i].idx, end)
    return (start, end) if len(text_of(doc)[start:end].split()) >= 2 else None


def _joined_start(joined: Token) -> Token:
    """The first word of a verb joined to another, its conjunction included ("… et ont proposé")."""
    return min([joined.left_edge, *(c for c in joined.children if c.dep_ == "cc")], key=lambda t: t.i)


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


