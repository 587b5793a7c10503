"""What says that something was said: a speech verb of the lexicon, or a source ("selon", "d'après", "Pour X,")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lang import Language
from ...lang.text import CLOSING, straighten
from .. import syntax
from ..phrases import glued_pronoun
from ..speakers import person_nouns


def is_source(token: Token, language: Language) -> bool:
    """'selon', 'd'après' (which the tokenizer cuts in two), and 'Pour X,' opening a sentence."""
    if source_locution(token, language) is not None:
        return True  # "aux dires des forains"
    if token.pos_ != "ADP":
        return False
    speech = language.speech
    if token.lower_ in speech.sources:
        return True
    if token.i > 0 and source_words(token) in speech.sources:
        return True
    return token.lower_ in speech.opening_sources and token.i == token.sent.start


def source_locution(token: Token, language: Language) -> int | None:
    """Where a locution that names a source as "selon" does starts, when the token ends one ("aux dires
    des", "de l'aveu du")."""
    if token.pos_ not in ("ADP", "DET"):
        return None
    return next((token.i - k for k in (2, 3, 4) if straighten(token.doc[max(token.i - k, 0):token.i + 1].text.lower())
                 in language.speech.source_phrases), None)


def source_words(prep: Token) -> str:
    """'d'après' from 'd'' + 'après', as the tokenizer cuts it."""
    return straighten(prep.doc[prep.i - 1].lower_ + prep.lower_) if prep.i > 0 else prep.lower_


def is_speech_verb(token: Token, language: Language) -> bool:
    if token.pos_ in ("NOUN", "ADJ", "PROPN") and (after_quote(token) or inverted(token, language)):
        # "« … », juge Mme Binet", "Puis, raconte-t-elle : « … »": a verb the tagger read as a noun
        return bool(syntax.lemmas(token, language.grammar) & language.speech.verbs)
    if token.pos_ not in ("VERB", "AUX") or token.pos_ == "AUX" and token.dep_.startswith("aux"):
        return False
    if incise(token, language):
        return True
    verbs = language.speech.verbs
    lemma = token.lemma_.lower()
    if syntax.is_reflexive(token, language.grammar):  # not "lui a dit", which the parser may call expl too
        # "s'exclamer", "s'agacer" are speech verbs; "s'assurer que", "se dire" are not the verb they contain
        return any(f"se {form}" in verbs or f"s'{form}" in verbs for form in syntax.lemmas(token, language.grammar))
    if syntax.lemmas(token, language.grammar) & verbs:
        return True
    # multi-word cues, read from their first verb: "mettre en garde", "faire valoir"
    following = " ".join(t.lower_ for t in token.doc[token.i + 1:token.i + 3])
    return any(f"{lemma} {following}".startswith(v) for v in verbs if " " in v and v.startswith(lemma + " "))


def second_verb(verb: Token, language: Language) -> Token | None:
    """The infinitive that completes a two-word cue ("fait" → "savoir" in "a fait savoir que")."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is None or following.head != verb or "Inf" not in following.morph.get("VerbForm"):
        return None
    phrase = f"{verb.lemma_.lower()} {following.lower_}"
    return following if phrase in language.speech.verbs else None


def cue_rest(verb: Token, cues: frozenset[str]) -> int:
    """How many words after the verb belong to a multi-word cue ("a mis en garde", "a insisté sur")."""
    for cue in cues:
        words = cue.split()
        if len(words) > 1 and words[0] == verb.lemma_.lower() \
                and [t.lower_ for t in verb.doc[verb.i + 1:verb.i + len(words)]] == words[1:]:
            return len(words) - 1
    return 0


def cue_lemma(verb: Token, cues: frozenset[str], language: Language) -> bool:
    following = " ".join(t.lower_ for t in verb.doc[verb.i + 1:verb.i + 3])
    lemma = verb.lemma_.lower()
    return (bool(syntax.lemmas(verb, language.grammar) & cues)
            or any(f"{lemma} {following}".startswith(v) for v in cues if " " in v))


def cue_words(doc: Doc, verb: Token) -> str:
    auxiliaries = [c for c in verb.children if (c.dep_.startswith("aux") or c.dep_.startswith("expl")
                                                and not c.text.startswith("-")
                                                or c.pos_ == "PRON" and c.dep_ in ("obj", "iobj")
                                                and verb.i - c.i <= 3 and not c.text.startswith("-"))
                                               and c.i < verb.i]
    words = [*auxiliaries, verb]
    return "".join(t.text + ("" if t.text.endswith(("'", "’")) or t is verb else " ") for t in words)


def incise(verb: Token, language: Language) -> bool:
    """"« … », prévoit-il", "« … », reconnaît le conseiller": any verb set right after a quotation
    with its subject inverted after it introduces that quotation, whatever the verb."""
    doc = verb.doc
    if not after_quote(group_start(verb, language)):
        return False
    if glued_pronoun(doc, verb, language.grammar.pronouns.glued_euphony) is not None:
        subject_end = verb.i + 1
    else:
        subject_end = _inverted_person_end(doc, verb.i + 1, language)
        if subject_end is None:
            return False
    # an object of its own after the inverted subject makes it a clause, not an incise
    return not any(c.dep_ in ("obj", "ccomp") and c.i >= subject_end for c in verb.children)


def group_start(verb: Token, language: Language) -> Token:
    """The first word of a verb with its auxiliary and the clitics before it ("a déclaré", "le taquine",
    "se souvient")."""
    clitics = language.grammar.pronouns.clitics
    group = [c for c in verb.children if c.i < verb.i and (c.dep_.startswith("aux") or straighten(c.lower_) in clitics
                                                           and verb.i - c.i <= 2)]
    return min([verb, *group], key=lambda t: t.i)


def _inverted_person_end(doc: Doc, i: int, language: Language) -> int | None:
    """Where a person named or described right after the verb ends: a name the tagger marks as a
    person, or an article, adjectives and a noun of a person ("la quadruple championne")."""
    while i < len(doc) and doc[i].is_space:  # "avertit  Paul Bérenger", two spaces apart
        i += 1
    if i < len(doc) and doc[i].ent_type_ == "PER":
        while i < len(doc) and doc[i].ent_type_ == "PER":
            i += 1
        return i
    if i < len(doc) and doc[i].pos_ == "PROPN" and (doc[i].ent_type_ != "LOC" or doc[i].dep_.startswith("nsubj")) \
            and doc[i + 1:i + 2].text in (".", ","):
        return i + 1  # "« … », se souvient Acheampong.": a one-word name the recogniser did not type
    if i >= len(doc) or doc[i].pos_ != "DET":
        return None
    i += 1
    while i < len(doc) and doc[i].pos_ == "ADJ" and i < doc[i].sent.end:
        i += 1
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].lemma_.lower() in person_nouns(language):
        return i + 1
    return None


def after_quote(token: Token) -> bool:
    """Whether the word comes right after a closing quotation mark, with or without a comma ("« … »,
    juge X", "« … » lance X")."""
    doc = token.doc
    return (token.i >= 2 and doc[token.i - 1].text == "," and doc[token.i - 2].text in CLOSING
            or token.i >= 1 and doc[token.i - 1].text in CLOSING and token.sent.start != token.i)


def inverted(token: Token, language: Language) -> bool:
    """Whether a subject pronoun is glued after the word ("raconte-t-elle"), which only a verb takes."""
    following = token.doc[token.i + 1:token.i + 3]
    pronouns = language.grammar.pronouns
    return any(t.lower_ in pronouns.third_person for t in following
               if t.i == token.i + 1 or following[0].lower_ == pronouns.glued_euphony)
