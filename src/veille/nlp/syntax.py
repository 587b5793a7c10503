"""What a parsed word says of its clause: mood, tense, voice, negation, subject, where a phrase ends.

Pure helpers over spaCy tokens, in Universal Dependencies terms; the words of the language they need
(its negation, auxiliaries, modals, pronouns, prepositions) come from its `Grammar`. Each stage asks
these rather than reading the parse its own way; `clauses` gathers what they say of each predicate.
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Doc, Token

from ..lang.records import Grammar
from ..lang.text import PHRASE_BREAKS, straighten

PREDICATES = frozenset({"VERB", "AUX"})
NOMINALS = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
# What a verb is about: its object, completive, infinitive, argument.
COMPLEMENTS = frozenset({"obj", "xcomp", "ccomp", "obl:arg", "iobj"})

Range = tuple[int, int]  # tokens [first, end)
Tense = Literal["past", "present", "future"]


# --- morphology -----------------------------------------------------------------------------------


def feats(token: Token, name: str) -> set[str]:
    """The values of one morphological feature: feats(word, "Tense") → {"Past"}."""
    return set(token.morph.get(name, []))


def has(token: Token, name: str, value: str) -> bool:
    return value in token.morph.get(name, [])


def is_gerund(token: Token) -> bool:
    """"faisant trois morts", "en expulsant", "demandant la saisine": a present participle."""
    return has(token, "VerbForm", "Part") and has(token, "Tense", "Pres")


def is_infinitive(token: Token) -> bool:
    return has(token, "VerbForm", "Inf")


def is_finite(token: Token) -> bool:
    """A conjugated verb, or one with an auxiliary ("a déclaré"): it can tell something on its own."""
    return has(token, "VerbForm", "Fin") or any(c.dep_.startswith("aux") for c in token.children)


def is_bare_participle(token: Token) -> bool:
    """"Reçue mardi à l'Elysée, la secrétaire générale …": a past participle without auxiliary."""
    return (has(token, "VerbForm", "Part") and has(token, "Tense", "Past")
            and not any(c.dep_.startswith("aux") or c.dep_ == "mark" for c in token.children))


def auxiliaries(token: Token) -> list[Token]:
    """The auxiliaries and copula of a predicate: "a" of "a frappé", "est" of "est favorable"."""
    return [c for c in token.children if c.dep_.startswith("aux") or c.dep_ == "cop"]


def has_copula(token: Token) -> bool:
    return any(c.dep_ == "cop" for c in token.children)


def is_predicate(token: Token) -> bool:
    """A verb, or a noun or adjective with a copula ("est favorable"), that can head a clause."""
    return token.pos_ in PREDICATES or has_copula(token)


def is_perfect(token: Token) -> bool:
    """"d'avoir permis", "après avoir annoncé": a compound infinitive tells of something done."""
    return any(c.dep_.startswith("aux") and "Inf" in feats(c, "VerbForm") for c in token.children)


def is_past(token: Token) -> bool:
    """"a permis", "permettait", "permit": told as done."""
    if "Part" in feats(token, "VerbForm") and any(c.dep_ == "aux:tense" for c in token.children):
        return True
    words = (token, *(c for c in token.children if c.dep_.startswith("aux")))
    return any({"Past", "Imp"} & feats(w, "Tense") and "Fin" in feats(w, "VerbForm") for w in words)


def is_passive(token: Token) -> bool:
    """"a été tué", "les frappes menées par …" (when the parser marks the voice)."""
    return "Pass" in feats(token, "Voice") or any(c.dep_ in ("aux:pass", "nsubj:pass") for c in token.children)


def is_subordinate(verb: Token) -> bool:
    """Whether the verb heads a clause opened by a subordinating conjunction ("Si la préfecture a
    annoncé …", "quand il est arrivé")."""
    return any(c.dep_ == "mark" and c.pos_ == "SCONJ" and c.i < verb.i for c in verb.children)


def has_passive_auxiliary(token: Token) -> bool:
    """"être jugés", "a été condamné": a passive told by its auxiliary "être" (the parser also marks
    some active compound pasts, "a parlé", with the passive voice feature that `is_passive` reads)."""
    return any(c.dep_ == "aux:pass" for c in token.children)


def unreal_mood(token: Token, grammar: Grammar) -> bool:
    """Conditional, subjunctive, future or imperative, on the predicate or its auxiliaries, or a
    modal auxiliary ("va frapper", "pourrait frapper")."""
    for word in (token, *auxiliaries(token)):
        if {"Cnd", "Sub", "Imp"} & feats(word, "Mood") or "Fut" in feats(word, "Tense"):
            return True
        if word is not token and word.lemma_.lower() in grammar.verbs.modals:
            return True
    return False


def tense(verb: Token, intention_verbs: frozenset[str], scheduling_participles: frozenset[str]) -> Tense | None:
    """Whether a predicate with its auxiliaries tells of the past, the present or the future; None when
    it has no tense of its own (an infinitive or a present participle), so that the predicate above
    it decides. An infinitive under a verb of intention ("annonce s'y rendre") looks ahead, a bare
    participle of scheduling ("le sommet prévu lundi") too."""
    words = (verb, *auxiliaries(verb))
    forms = [feats(w, "VerbForm") for w in words]
    if "Part" in forms[0] and any(a.dep_ == "aux:tense" for a in words[1:]):
        # compound tenses ("a rencontré", "avait été reçu", "aurait subi", "avoir dit") tell of the
        # past; only a future auxiliary ("aura signé") looks ahead
        return "future" if any("Fut" in feats(a, "Tense") for a in words[1:]) else "past"
    finite = [w for w, form in zip(words, forms) if "Fin" in form]
    if not finite and any("Inf" in form for form in forms):  # "se rendre", "être examiné"
        head = verb.head
        if head.i != verb.i and head.lemma_ in intention_verbs:
            imperfect = any("Imp" in feats(t, "Tense") for t in (head, *auxiliaries(head)))
            return "past" if imperfect else "future"  # "devait se rendre lundi" was a plan
        return None
    if not finite:
        if "Past" not in feats(verb, "Tense"):
            return None  # "datant de novembre 2021": the participle's clause decides
        # "élu le 6 juillet" is past, "le sommet prévu lundi" ahead
        return "future" if verb.lemma_ in scheduling_participles else "past"
    for word in finite:
        if "Fut" in feats(word, "Tense") or "Cnd" in feats(word, "Mood"):
            return "future"
        if {"Imp", "Past"} & feats(word, "Tense"):
            return "past"
    return "present"


def lemmas(token: Token, grammar: Grammar) -> set[str]:
    """The lemma, and the first-group infinitive of a form the lemmatizer left as it is ('exige',
    'réclament', 'estiment')."""
    form = token.lower_
    out = {token.lemma_.lower()}
    verbs = grammar.verbs
    for ending in verbs.first_group_endings:
        if form.endswith(ending):
            stem = form[: -len(ending)]
            out.add(stem + verbs.first_group_infinitive)
            for vowel, written in verbs.stem_vowels.items():
                at = stem.rfind(vowel)
                out |= {stem[:at] + other + stem[at + 1:] + verbs.first_group_infinitive for other in written if at >= 0}
            break
    return out


# --- negation and voice ------------------------------------------------------------------------------


def negated(token: Token, grammar: Grammar) -> bool:
    """'n'accepterait pas', 'ne veut pas', 'de ne pas accepter', 'ne peut pas accepter' (a modal passes
    its negation on); not 'ne font que'."""
    negation = grammar.negation
    words = {straighten(c.lower_) for c in token.children}
    if words & negation.adverbs and (words & negation.particles or is_infinitive(token)):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_ in grammar.verbs.modals and token.head.i < token.i:
        return negated(token.head, grammar)
    return False


def is_reflexive(verb: Token, grammar: Grammar) -> bool:
    """'s'opposer', 'se réjouir', 'nous nous opposons': a pronoun of the verb's own person before it."""
    pronouns = grammar.pronouns
    for child in verb.children:
        if child.i > verb.i:
            continue
        word = straighten(child.lower_)
        if child.lemma_.lower() in pronouns.reflexive or word in pronouns.reflexive:
            return True
        if child.dep_.startswith(("expl", "obj", "iobj")) and word in pronouns.personal_objects:
            return True
    return False


def auxiliary_before(verb: Token, grammar: Grammar) -> bool:
    """'M. Macron a, sans surprise, balayé …': a compound tense the parser did not join."""
    for token in reversed(verb.doc[verb.sent.start:verb.i]):
        if token.pos_ == "AUX" and token.lemma_ in grammar.verbs.auxiliaries:
            return True
        if token.pos_ == "VERB":
            return False
    return False


# --- where a word stands in its clause ------------------------------------------------------------


def cases(token: Token) -> set[str]:
    """The prepositions and conjunctions that introduce a word, as lemma and as written ("entre" is
    lemmatised "entrer", "d'" stays "d'")."""
    words = [c for c in token.children if c.dep_ in ("case", "fixed", "mark")]
    return {w.lemma_.lower() for w in words} | {w.lower_ for w in words}


def subject(verb: Token) -> Token | None:
    """The subject of a predicate, or of the predicate it shares it with ("a rencontré … et a
    accueilli", "a décidé de riposter en expulsant", "des manifestants criant")."""
    node = verb
    for _ in range(len(verb.sent)):
        found = next((c for c in node.children if c.dep_ in SUBJECTS), None)
        if found is not None:
            return found
        if node.dep_ in ("conj", "xcomp") or (node.dep_.startswith("advcl") and is_gerund(node)):
            node = node.head
            continue
        if node.dep_ == "acl" and "Pres" in feats(node, "Tense"):
            return node.head
        return None
    return None


def predicate_above(token: Token) -> Token | None:
    """The nearest predicate that governs a word (itself when it is one and heads the sentence)."""
    node = token
    for _ in range(len(token.sent)):
        if node.head.i == node.i:
            return node if is_predicate(node) else None
        node = node.head
        if is_predicate(node):
            return node
    return None


def trim_phrase(doc: Doc, first: int, end: int, openers: frozenset[str]) -> Range:
    """A phrase [first, end) cut before a relative clause ("le ministre qui …", `openers` are the words
    that open one) or a comma that does not introduce a name, without the marks at its end; a closing
    bracket stays when the phrase opened it ("l'Organisation mondiale de la santé (OMS)")."""
    for i in range(first + 1, end):
        token = doc[i]
        if token.lower_ in openers or token.is_space:
            end = i
            break
        if token.text == "," and apposed_name_end(doc, i + 1, end) is None:
            end = i
            break
    while end > first + 1 and doc[end - 1].text in PHRASE_BREAKS:
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[first:end - 1]):
            break
        end -= 1
    return first, end


def titles_name(token: Token) -> bool:
    """A courtesy title the tagger took for a common noun, before a name: "Dr" in "le Dr Claire Martin"."""
    return token.pos_ == "NOUN" and token.text[:1].isupper() and token.i + 1 < len(token.doc) \
        and token.doc[token.i + 1].pos_ == "PROPN"


def apposed_name_end(doc: Doc, i: int, stop: int) -> int | None:
    """The end of a person's name that starts at `i`, set in apposition after a comma ("…, Hélène
    Marchal", "…, le Dr Jean Martin", "…, Mme Anne Dupont"): a proper noun, or the words the parser
    marks as a person, after at most an article; None when no name starts there."""
    if i < stop and doc[i].pos_ == "DET":
        i += 1
    if i + 1 < stop and titles_name(doc[i]):
        i += 1
    j = i
    while j < stop and (doc[j].ent_type_ == "PER" or j == i and doc[j].pos_ == "PROPN" and not doc[j].ent_type_):
        j += 1
    if j == i and i < stop and doc[i].pos_ == "PROPN":
        # a first and last name the tagger typed otherwise ("…, Aden Duale", read as a town)
        while j + 1 < stop and doc[j + 1].head.i == i and doc[j + 1].dep_ == "flat:name":
            j += 1
        j = j + 1 if j > i else i
    return j if j > i and any(t.pos_ == "PROPN" for t in doc[i:j]) else None


# --- complements and circumstances ----------------------------------------------------------------


def is_circumstance(child: Token, prepositions: frozenset[str], heads: frozenset[str]) -> bool:
    """Whether a dependent of a verb tells when, where or how it was said rather than what it is about:
    a phrase headed by one of `heads` ("dimanche", "communiqué"), or an oblique opened by one of
    `prepositions` ("dans un message", "devant le Parlement"); never its object or completive."""
    if child.lemma_.lower() in heads:
        return True
    if child.dep_ in COMPLEMENTS or child.pos_ in PREDICATES:
        return False
    opening = [c.lower_ for c in child.children if c.dep_ == "case" and c.i < child.i]
    return child.dep_ in ("obl:mod", "obl", "advmod", "advcl") and bool(opening) and opening[0] in prepositions


def before_complement(verb: Token, child: Token) -> bool:
    """Whether a dependent stands before anything the verb is about ('a appelé dimanche à …')."""
    return not any(c.dep_ in COMPLEMENTS and c.i < child.i for c in verb.children)


def circumstance_end(child: Token, heads: frozenset[str]) -> int:
    """Where a circumstance ends: its head and complements ('dans un message sur Facebook'), not an
    apposition the parser hung on it ('vendredi une campagne …')."""
    end = child.i + 1
    if child.lemma_.lower() in heads and not any(c.dep_ == "case" for c in child.children):
        return end  # "vendredi", whatever the parser hung on it
    for c in child.children:
        if c.i > child.i and c.dep_ in ("nmod", "amod", "nummod", "flat:name", "fixed") and c.pos_ != "VERB":
            if c.dep_ == "nmod" and not any(g.dep_ == "case" for g in c.children):
                break
            end = c.right_edge.i + 1
    return end
