"""Who said what a speech verb reports: its subject, and where the parse leaves none, the name that
opens the sentence, the focus of a cleft, the name before a relative clause, a narrative infinitive's
name, or the person named between commas; and whether a subjectless sentence goes on with the last
speaker."""

from __future__ import annotations

from spacy.tokens import Token

from ...lang import Language
from ...lang.text import straighten
from .. import syntax
from ..clauses import Clauses
from ..context import text_of
from ..phrases import subject_phrase
from ..speakers import Resolver, Speaker
from ..syntax import trim_phrase
from .bounds import clause_start, comma_before


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
    opening = _opening_name(clauses, verb, resolver) or _cleft_focus(clauses, verb, resolver)
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
    # (the parser may hang the quotation's clause above it: "Et de souligner : « … »")
    opens = all(t.pos_ in ("CCONJ", "ADP", "SCONJ", "PUNCT") for t in verb.doc[verb.sent.start:verb.i])
    if (verb.dep_ == "ROOT" or opens) and _infinitive_after_de(verb, language):
        return True
    # "Tout en promettant : « … »", a sentence of its own made of a gerund ("en" and a participle)
    # ("en" may hang on "Tout" as part of "tout en")
    if syntax.is_gerund(verb) and verb.i > 0 and verb.doc[verb.i - 1].lower_ == language.grammar.prepositions.gerund:
        text = text_of(verb.doc)
        line = text.rfind("\n", 0, verb.idx) + 1
        if len(text[clause_start(text, line, verb.idx, language):verb.idx].split()) <= 2:
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


def _cleft_focus(clauses: Clauses, verb: Token, resolver: Resolver) -> Speaker | None:
    """"C'est Valérie Martin, directrice de projet à Transamo, entreprise chargée …, qui l'explique":
    the speaker of a cleft is the first person or body it names, not the noun right before "qui"."""
    doc, text = clauses.doc, clauses.text
    relative = next((c for c in verb.children if c.dep_.startswith("nsubj")
                     and c.lower_ in clauses.language.grammar.pronouns.relatives), None)
    sentence = verb.sent
    opening = straighten(text[sentence.start_char:sentence.start_char + 12].lower())
    if relative is None or not opening.startswith(tuple(clauses.language.speech.cleft_openers)):
        return None
    named = [m for m in resolver.mentions.inside(sentence.start_char, relative.idx)
             if m[2].type in ("PER", "ORG") and m[3] == "name"]
    if not named:
        return None
    span = doc.char_span(named[0][0], named[0][1], alignment_mode="expand")
    return resolver.from_tokens(span.start, span.end) if span is not None else None


def _opening_name(clauses: Clauses, verb: Token, resolver: Resolver) -> Speaker | None:
    doc = clauses.doc
    first = verb.sent.start
    if first > 0 and doc[first].text == "," and not doc[first - 1].is_space:
        first = doc[first - 1].sent.start  # the parser closed a sentence after the name
    # "Même Jean-Michel Perret, …", "Et Paul Girard, …", "Ensuite, la ministre, …"
    while first < verb.i and (doc[first].pos_ in ("DET", "ADV", "CCONJ") or doc[first].is_space
                              or doc[first].text == "," and doc[first - 1].pos_ == "ADV"):
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
