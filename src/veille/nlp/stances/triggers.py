"""What triggers a stance: a predicate of the lexicon read in the parse, as a verb, an adjective, a
noun after a light verb, an incise after a quotation or a passive, with its polarity."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...lang.text import CLOSING, straighten
from ...model import Polarity, Quote
from ..syntax import Range, auxiliary_before, cases, has, is_reflexive, lemmas
from . import holders, obligations, sentences, targets
from .lexicon import Predicate
from .reading import Found

if TYPE_CHECKING:
    from .reading import Reading

# Between a quotation and the verb of its incise: '« … », a dénoncé X', '"…". Et, a-t-il ajouté'.
INCISE_GAP = re.compile(rf"^[\s{re.escape(''.join(sorted(CLOSING)))}.!?…]*,\s*(?:[\w'’-]+\s+){{0,2}}$")

def read(r: Reading, token: Token) -> Found | None:
    if token.i in r.absorbed:
        return None
    verb_like = token.pos_ in ("VERB", "AUX") or token.pos_ == "NOUN" and any(
        c.dep_ == "nsubj" for c in token.children)  # "L'intersyndicale demande …" tagged as a noun
    if verb_like and not token.dep_.startswith("aux") and token.dep_ != "cop":
        predicate = _verb_predicate(r, token)
        if predicate is not None:
            return _verb(r, token, predicate)
    predicate = _adjective_predicate(r, token)
    if predicate is not None:
        return _adjective(r, token, predicate)
    found = obligations.read(r, token)
    if found is not None:
        return found
    if token.pos_ == "NOUN":
        lemma = token.lemma_.lower()
        if lemma in r.lex.nouns:
            return _stance_noun(r, token, r.lex.nouns[lemma])
        if lemma in r.lex.needs:
            return _need(r, token)
    return None


def _verb_predicate(r: Reading, verb: Token) -> Predicate | None:
    candidates = [p for lemma in lemmas(verb, r.lex.grammar) for p in r.lex.verbs.get(lemma, [])]
    reflexive = is_reflexive(verb, r.lex.grammar)
    following = tuple(straighten(t.lower_) for t in r.doc[verb.i + 1:verb.i + 3])
    for predicate in sorted(candidates, key=lambda p: (not p.reflexive, not p.noun, not p.prep)):
        if predicate.reflexive != reflexive:
            continue  # "se demander", "se défendre" are other verbs; "s'opposer à" needs its "se"
        if any(following[:len(n) - 1] == n[1:] for n in r.lex.not_stances if n[0] == predicate.lemma):
            return None  # "vouloir dire", "demander si"
        if predicate.noun is not None and not any(
                c.lemma_.lower() == predicate.noun and c.dep_ == "obj" for c in verb.children):
            continue
        if predicate.prep and predicate.noun is None and targets.after_prep(r, verb, predicate.prep) is None:
            continue  # "appeler quelqu'un" is not "appeler à"
        return predicate
    return None


def _adjective_predicate(r: Reading, token: Token) -> Predicate | None:
    if token.pos_ not in ("ADJ", "ADP", "VERB", "NOUN"):
        return None
    form = straighten(token.lower_)
    singular = form.rstrip(r.lex.plural)
    forms = {form, token.lemma_.lower(), singular, singular.rstrip(r.lex.feminine)}
    if form not in r.lex.adjective_starts and not any(f in r.lex.adjectives for f in forms):
        return None
    fixed = "".join(c.text for c in token.children if c.dep_ == "fixed")
    if fixed:
        forms.add(straighten(token.lower_ + fixed.lower()))
    for candidate in forms:
        for predicate in r.lex.adjectives.get(candidate, []):
            if targets.after_prep(r, token, predicate.prep, adjacent=True) is not None:
                return predicate
    return None


def _verb(r: Reading, verb: Token, predicate: Predicate) -> Found | None:
    """A verb's stance: its holder, its target, its polarity turned by a negation or an intention."""
    lex = r.lex
    polarity = predicate.polarity
    bare_participle = has(verb, "VerbForm", "Part") and has(verb, "Tense", "Past") \
        and not any(c.dep_.startswith(("aux", "cop")) for c in verb.children) \
        and (verb.dep_ in ("acl", "amod", "appos") or verb.head.pos_ in ("NOUN", "PROPN")) \
        and not auxiliary_before(verb, r.lex.grammar)
    negated = r.clauses[verb].negated
    if negated:
        if polarity != "support" and predicate.lemma not in lex.negated_to_oppose:
            return None  # "n'exclut pas", "ne demande pas": no stance taken
        polarity = "oppose"
    passive = _passive(r, verb)
    if passive is None and bare_participle:
        return None  # "le principal accusé", "Joe Biden, accusé d'avoir …": the holder is its object
    if passive is not None:
        agent, patient = passive
        holder = holders.phrase_holder(r, *agent) if agent else None
        return Found(verb, polarity, [holder], patient) if holder and patient else None
    incise = _incise(r, verb)
    if incise is not None:
        if predicate.lemma not in lex.incise and predicate.words not in lex.incise:
            return None
        holder = holders.speaker_of(incise)
        return Found(verb, polarity, [holder], incise.text) if holder else None
    span = targets.target(r, verb, predicate)
    if span is None:
        return None
    if predicate.lemma in lex.idea_verbs and not targets.is_idea(r, *span):
        return None
    first_verb = next((t for t in r.doc[span[0]:span[1]] if t.pos_ in ("VERB", "AUX")), None)
    if predicate.lemma in lex.intention and not negated and first_verb is not None \
            and has(first_verb, "VerbForm", "Inf") and first_verb.i - span[0] <= 3:
        if first_verb.lemma_.lower() in lex.obligations.remarks:
            return None  # "veut montrer qu'il est le mieux armé", "veut croire que …": no side taken
        polarity = "support"  # "veut poursuivre la concertation": an intention of one's own
    target: Range | str = span
    inner = _inner(r, *span)
    if inner is not None and polarity == "support":
        polarity, target = inner.polarity, inner.target  # "s'engage à soutenir X": support of X
    people = holders.holders(r, verb)
    if people:
        _absorb(r, *span)
    return Found(verb, polarity, people, target) if people else None


def _absorb(r: Reading, first: int, end: int) -> None:
    """Infinitives inside a target ('appelle les forces politiques à accepter la décision') belong
    to the stance that holds them, not to one of their own."""
    for token in r.doc[first:end]:
        if has(token, "VerbForm", "Inf") or token.dep_ in ("acl", "xcomp"):
            r.absorbed.add(token.i)


def _adjective(r: Reading, adjective: Token, predicate: Predicate) -> Found | None:
    """"X est favorable à …", "X, opposée à la réforme, …"."""
    polarity = predicate.polarity
    cop = next((c for c in adjective.children if c.dep_ == "cop"), None)
    if r.clauses[adjective].negated or (cop is not None and r.clauses[cop].negated):
        if polarity != "support":
            return None
        polarity = "oppose"
    after = targets.after_prep(r, adjective, predicate.prep, adjacent=True)
    target = targets.span(r, after, sentences.limit(r, adjective)) if after is not None else None
    if target is None:
        return None
    if cop is not None or any(c.dep_.startswith("nsubj") for c in adjective.children):
        people = holders.holders(r, adjective)
    elif adjective.dep_ == "xcomp" and adjective.head.pos_ in ("VERB", "AUX"):
        people = holders.holders(r, adjective.head)  # "s'est dit opposé à …"
    elif adjective.head.pos_ in ("NOUN", "PROPN") and adjective.head.i < adjective.i:
        holder = holders.noun_holder(r, adjective.head, without=adjective)
        people = [holder] if holder else []
    else:  # "Marine Le Pen, opposée à la réforme, …" with the adjective hung elsewhere
        phrase = holders.named_before(r, adjective)
        holder = holders.phrase_holder(r, *phrase) if phrase else None
        people = [holder] if holder else []
    return Found(adjective, polarity, people, target) if people else None


def _stance_noun(r: Reading, noun: Token, polarity: Polarity) -> Found | None:
    """'Nous avons exprimé notre mécontentement face à la propagande …'."""
    verb = noun.head
    if not _is_light_verb(r, verb):
        verb = verb.head
    if not _is_light_verb(r, verb) or verb.i > noun.i:
        return _owned_stance_noun(r, noun, polarity)
    if r.clauses[verb].negated:
        return None
    target = _noun_target(r, noun, noun.i + 1)
    people = holders.holders(r, verb)
    return Found(noun, polarity, people, target) if target and people else None


def _owned_stance_noun(r: Reading, noun: Token, polarity: Polarity) -> Found | None:
    """'l'appel de l'ONU à un cessez-le-feu', 'l'opposition des syndicats à la réforme': the holder
    follows the noun with "de", the target with its preposition."""
    owner = next((c for c in noun.children if c.dep_ == "nmod" and c.i > noun.i
                  and {straighten(w) for w in cases(c)} & r.lex.plain_of), None)
    if owner is None:
        return None
    holder = holders.phrase_holder(r, *_head_phrase(r, owner))
    # the target is in the noun's phrase: not the clause it is the subject of
    target = _noun_target(r, noun, owner.right_edge.i + 1, min(noun.right_edge.i + 1, sentences.limit(r, noun)))
    return Found(noun, polarity, [holder], target) if target and holder and holder.entity else None


def _noun_target(r: Reading, noun: Token, i: int, limit: int | None = None) -> Range | None:
    """The target of a stance noun: after its preposition, a few words on at most."""
    limit = sentences.limit(r, noun) if limit is None else limit
    while i < limit and r.doc[i].lower_ not in r.lex.noun_prepositions:
        if r.doc[i].text in (",", ".", ";") or i - noun.i > 4:
            return None
        i += 1
    i = _past_preposition(r, i)
    return targets.span(r, i, limit) if i < limit else None


def _is_light_verb(r: Reading, verb: Token) -> bool:
    """'exprimer', or 'faire part' read from its first word."""
    lemma = verb.lemma_.lower()
    after = r.doc[verb.i + 1].lower_ if verb.i + 1 < len(r.doc) else ""
    return lemma in r.lex.light_verbs or f"{lemma} {after}" in r.lex.light_verbs


def _need(r: Reading, noun: Token) -> Found | None:
    """'… confirmer la nécessité de faire pression sur Moscou': the demand of whoever says it."""
    after = noun.i + 1
    if after >= len(r.doc) or straighten(r.doc[after].lower_) not in r.lex.plain_of:
        return None
    holder = holders.speaker_of(holders.quote_around(r, noun.idx))
    target = targets.span(r, after, sentences.limit(r, noun))
    return Found(noun, "demand", [holder], target) if target and holder else None


def _inner(r: Reading, first: int, end: int) -> Found | None:
    """A predicate that opens the target ('à soutenir cette initiative') is read as part of this one."""
    for token in r.doc[first:min(end, first + 3)]:
        if token.pos_ == "VERB" and has(token, "VerbForm", "Inf"):
            inner = read(r, token)
            if inner is not None:
                r.absorbed.add(token.i)
            return inner
    return None


def _incise(r: Reading, verb: Token) -> Quote | None:
    """The quotation this verb closes as an incise ('« … », a dénoncé X'), if it does."""
    text = r.text
    for q in r.quotes:
        if q.end <= verb.idx and verb.idx - q.end < 40 and INCISE_GAP.match(text[q.end:verb.idx]):
            return q
    return None


def _passive(r: Reading, verb: Token) -> tuple[Range | None, Range | None] | None:
    """For a passive ('était contestée par 19 États', 'une mesure, saluée par les syndicats'), the
    agent and the patient as token ranges; None when the verb is active."""
    doc = r.doc
    participle = verb.dep_ == "acl" and has(verb, "VerbForm", "Part") and has(verb, "Tense", "Past") \
        and not any(c.dep_.startswith(("aux", "expl")) for c in verb.children) and not auxiliary_before(verb, r.lex.grammar) \
        and any(t.text == "," for t in doc[max(verb.i - 3, 0):verb.i]) \
        and all(t.text == "," or t.pos_ == "ADV" for t in doc[max(verb.i - 3, 0):verb.i][-2:])
    if not participle and (is_reflexive(verb, r.lex.grammar) or not r.clauses[verb].passive):
        return None  # "s'étaient prononcées pour …" is active
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    patient = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
    if patient is None and participle:
        patient = verb.head
    return (_head_phrase(r, agent) if agent is not None else None,
            _head_phrase(r, patient) if patient is not None else None)


def _head_phrase(r: Reading, noun: Token) -> Range:
    first = noun.left_edge.i
    while first < noun.i and r.doc[first].dep_ == "case":
        first += 1
    end = noun.i + 1
    for c in noun.children:
        if c.i > noun.i and c.dep_ in ("amod", "nmod", "flat:name") and c.lemma_.lower() not in r.lex.not_heads \
                and not any(t.text == "," for t in r.doc[noun.i:c.right_edge.i + 1]):
            end = max(end, c.right_edge.i + 1)
    return first, end


def _past_preposition(r: Reading, i: int) -> int:
    """Where a stance noun's target starts after its preposition at `i`: past "à", "contre", "face à",
    "à l'égard de"; a contracted form stays ("son soutien aux agriculteurs")."""
    lex = r.lex
    words = [straighten(t.lower_) for t in r.doc[i:i + 4]]
    for compound in lex.compound_prepositions:
        n = len(compound)
        if tuple(words[:n]) == compound:
            return i + n + (1 if words[n:n + 1] and words[n] in lex.compound_endings else 0)
    return i if words[:1] and words[0] in lex.contracted else i + 1
