"""The grammatical gender of each entity, for the pronouns and descriptions that stand for it.

A person's gender is told, strongest first, by a courtesy title ("Mme", "M."), a given name of the
language's `names.toml`, the article that opens the title before the name ("la ministre X"), or the
ending of the role's first word ("présidente"). A body's or a place's gender is that of the article
before its name ("la CGT", "le Kremlin", "la Russie"), as the parse reads it; after an elided article
("l'Union des …"), that of the noun heading the name, as the tagger or the noun's suffix tells it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lang import Language
from ..lang.records import GenderEndings, Grammar
from ..lang.text import QUOTE_MARKS, straighten
from ..model import Entity

SENTENCE_BREAKS = frozenset({".", ";", ":"}) | QUOTE_MARKS
TITLE_WORDS = 14  # "la ministre régionale de l'Économie et de l'Emploi du territoire, Anne …"


def genders(doc: Doc, entities: list[Entity], language: Language) -> dict[str, str | None]:
    """Each entity's gender ("Masc", "Fem"), or None when the article does not tell it."""
    return {e.id: (person_gender(doc, e, language) if e.type == "PER"
                  else _body_gender(doc, e, language.grammar.gender)) for e in entities}


def person_gender(doc: Doc, entity: Entity, language: Language) -> str | None:
    speech, grammar, names = language.speech, language.grammar, language.names
    votes: dict[str, int] = {}
    for mention in entity.mentions:
        if mention.kind != "name":
            continue
        words = mention.text.split()
        if words[0] in speech.feminine_markers:
            return "Fem"
        if words[0] in speech.masculine_markers:
            return "Masc"
        given = next((w for w in words if w[:1].isupper() and w not in language.titles.honorifics), "")
        if given in names.feminine or given.split("-")[0] in names.feminine:
            votes["Fem"] = votes.get("Fem", 0) + 3
        elif given in names.masculine or given.split("-")[0] in names.masculine:
            votes["Masc"] = votes.get("Masc", 0) + 3
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        article = _title_article(doc, span.start, grammar.determiners.definite | grammar.determiners.indefinite)
        for g in article.morph.get("Gender") if article is not None else ():
            votes[g] = votes.get(g, 0) + 2
    if entity.role:
        first_role_word = entity.role.split()[0]
        endings = grammar.gender
        if first_role_word.endswith(endings.feminine_endings) and not first_role_word.endswith(
                endings.not_feminine_endings):
            votes["Fem"] = votes.get("Fem", 0) + 1
    if len(votes) > 1 and len(set(votes.values())) == 1:
        return None  # as many signs one way as the other
    return max(votes, key=votes.__getitem__) if votes else None


def _title_article(doc: Doc, start: int, articles: frozenset[str]) -> Token | None:
    """The article that opens the title before a name: 'La' in 'La ministre du Travail, Astrid …'."""
    found = None
    i = start - 1
    while i >= 0 and start - i <= TITLE_WORDS:
        token = doc[i]
        if token.is_space or token.pos_ in ("VERB", "AUX") or token.text in SENTENCE_BREAKS \
                or token.ent_type_ == "PER":  # another person's name: the title before it is theirs
            break
        if token.pos_ == "DET" and straighten(token.lower_) in articles:
            found = token
        i -= 1
    return found


def _body_gender(doc: Doc, entity: Entity, endings: GenderEndings) -> str | None:
    """The gender the articles before a body's or a place's names give it, when they agree."""
    seen: set[str] = set()
    for mention in entity.mentions:
        if mention.kind != "name":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or span.start == 0:
            continue
        before, head = doc[span.start - 1], span[0]
        if head.pos_ == "NOUN" and head.is_lower:  # "au tribunal de Lyon": the noun heading the name tells
            seen.update(_noun_genders(head, endings))
        elif before.pos_ == "DET" and before.dep_ == "det":
            # an elided article ("l'Alliance du changement") tells no gender: the noun heading the name does
            seen.update(before.morph.get("Gender") or _noun_genders(head, endings))
    return next(iter(seen)) if len(seen) == 1 else None


def noun_gender(noun: Token, grammar: Grammar) -> str | None:
    """The gender of a noun of a person: the feminine of a masculine lemma ("l'avocate", "la directrice")
    says a woman whatever the tagger read; else the tagger's reading."""
    form, lemma = noun.lower_, noun.lemma_.lower()
    endings = grammar.gender
    if form != lemma and form.startswith(lemma[:-2]) and form.endswith(endings.feminine_endings) \
            and not lemma.endswith(endings.feminine_endings):
        return "Fem"
    return gender_of(noun)


def phrase_gender(noun: Token, grammar: Grammar) -> str | None:
    """The gender of a noun phrase about a person: its article's, else an adjective's before the noun
    ("l'actuelle maire"), else the noun's own (`noun_gender`)."""
    for child in noun.children:
        if child.i < noun.i and child.dep_ in ("det", "amod"):
            found = gender_of(child)
            if found is not None:
                return found
    return noun_gender(noun, grammar)


def gender_of(token: Token) -> str | None:
    """The one gender the tagger reads on a word, if it reads one."""
    found = token.morph.get("Gender", [])
    return found[0] if len(found) == 1 else None


def _noun_genders(noun: Token, endings: GenderEndings) -> list[str]:
    """The gender the tagger reads on a noun, else the one its ending tells."""
    return noun.morph.get("Gender") or _suffix_gender(noun.lower_, endings)


def _suffix_gender(noun: str, endings: GenderEndings) -> list[str]:
    """The gender a noun's ending tells, as a list of none or one."""
    if noun in endings.noun_exceptions:
        return [endings.noun_exceptions[noun]]
    return next(([g] for suffix, g in endings.noun_suffixes.items() if noun.endswith(suffix)), [])
