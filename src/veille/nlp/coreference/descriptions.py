"""Definite descriptions: which entity "le ministre", "la dirigeante", "le président russe" or "le
groupe" stands for. The linker walks the article; these functions read its history of mentions.

    the role            the entity the article gave that title ("le chancelier" ↔ the one introduced
                        as chancellor), of the description's gender
    the sole holder     the only person the article made a president, named in the last sentences
    just named          a title no one holds, right after the one person the last sentences name
    the only one        a title no one holds, for the one person of that gender named so far
    named later         a title with a complement that fits one person's role, named further on
    described so before the same words that stood for one person earlier in the article
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ...lang import Language
from ...lang.text import fold, straighten
from .. import syntax
from ..entities import Lexicon
from ..gender import gender_of, noun_gender
from ..speakers import person_nouns, speaker_nouns
from .records import Link, Mentioned, Referent

if TYPE_CHECKING:
    from .linker import Linker


CLOSE_SENTENCES = 3  # two fitting antecedents this close make a description ambiguous
WINDOW_SENTENCES = 5  # how far back the only person of a gender may have been named


def link(linker: Linker, token: Token) -> Link | None:
    """The entity a definite description stands for ("le ministre", "la dirigeante", "le groupe")."""
    phrase = _described(linker, token)
    if phrase is None:
        return None
    first, end, gender, words = phrase
    # "son avocat" is someone else than whoever "son" stands for: only a role or a name says who
    owned = straighten(linker.doc[first].lower_) in linker.grammar.determiners.possessive
    kind = "PER" if token.lemma_.lower() in person_heads(linker) or token.lower_ in person_heads(linker) \
        or _demonym_noun(linker, token) else "ORG"
    candidates: dict[str, Mentioned] = {}
    for mentioned in linker.history:
        referent = mentioned.referent and linker.referents.get(mentioned.referent.entity.id, mentioned.referent)
        if referent is not None and referent.entity.type == kind \
                and _describes(words, token, referent, gender, kind, periphrases(linker.language)):
            candidates[referent.entity.id] = mentioned  # the latest mention of each
    if owned:  # "son président" is not the president of another body the article named
        candidates = {k: m for k, m in candidates.items()
                      if m.referent is not None and m.referent.role_words <= {fold(token.lower_), fold(token.lemma_.lower())}}
    # "Pour le maire, …" names the one the article made mayor, not whoever was named last
    if not candidates and kind == "PER" and not owned and not _replying(linker, token) and not _source(linker, token):
        candidates = (_sole_holder(linker, token, gender) or _just_named(linker, token, gender)
                      or _only_one(linker, token, gender) or _described_so_before(linker, words))
    if not candidates and kind == "PER":
        return _remembered(linker, words, _named_later(linker, token, first, end, gender, words, owned))
    if not candidates:
        return None
    latest = sorted(candidates.values(), key=lambda m: m.start)
    if len(latest) > 1 and linker.told_since(latest[-2].sentence, token.idx) <= CLOSE_SENTENCES:
        return None  # two fitting ones named close by: which one is meant is not clear
    start, stop = linker.doc[first].idx, syntax_end(linker.doc, end)
    found = Link(start, stop, linker.text[start:stop], latest[-1].referent.entity.id, "description")
    return _remembered(linker, words, found) if kind == "PER" else found


def _replying(linker: Linker, head: Token) -> bool:
    """"« C'est faux », a rétorqué le maire": who replies is someone else than the person just named."""
    verb = head.head
    return verb.i < head.i and bool(syntax.lemmas(verb, linker.grammar) & linker.language.speech.reply_verbs)


def _remembered(linker: Linker, words: list[tuple[str, bool]], found: Link | None) -> Link | None:
    if found is not None:
        linker.described.setdefault(tuple(w for w, _ in words), set()).add(found.entity)
    return found


def _described_so_before(linker: Linker, words: list[tuple[str, bool]]) -> dict[str, Mentioned]:
    """"le premier ministre" once more: the same words stand for the one person they stood for
    before in the article, even when someone else was named in between."""
    before = linker.described.get(tuple(w for w, _ in words), set())
    if len(before) != 1:
        return {}
    entity = next(iter(before))
    latest = next((m for m in reversed(linker.history) if m.referent is not None and m.referent.entity.id == entity), None)
    return {entity: latest} if latest is not None else {}


def _named_later(linker: Linker, head: Token, first: int, end: int, gender: str | None,
                 words: list[tuple[str, bool]], owned: bool) -> Link | None:
    """"Le gouverneur régional a confirmé …", the governor of the region named further on: a
    title with a complement ("régional") or a possessor ("son avocat") that fits the role of one
    person of the article only, named before or after."""
    noun, lemma = fold(head.lower_), fold(head.lemma_.lower())
    if not owned and not [w for w, _ in words if w not in (noun, lemma)]:
        return None  # a bare title ("le président") is too common to look ahead for
    fitting = [r for r in linker.referents.values() if r.entity.type == "PER" and r.role_words
               and _describes(words, head, r, gender, "PER") and {noun, lemma} & r.role_words
               # "son avocat" is the one given that bare role ("son avocat, Me X"), not the president of
               # another body
               and (not owned or r.role_words <= {noun, lemma})]
    if len(fitting) != 1:
        return None
    start, stop = linker.doc[first].idx, syntax_end(linker.doc, end)
    return Link(start, stop, linker.text[start:stop], fitting[0].entity.id, "description")


def _sole_holder(linker: Linker, head: Token, gender: str | None) -> dict[str, Mentioned]:
    """"le président du premier syndicat agricole" for the one person the article made a
    president, when they were named in the last sentences: the only holder of that title, and
    the one the text is about."""
    noun, lemma = fold(head.lower_), fold(head.lemma_.lower())
    holders = {r.entity.id for r in linker.referents.values()
               if r.entity.type == "PER" and {noun, lemma} & r.role_words}
    if len(holders) != 1:
        return {}
    recent = [m for m in linker.history if m.referent is not None and m.referent.entity.id in holders
              and linker.told_since(m.sentence, head.idx) <= CLOSE_SENTENCES and (gender is None or m.referent.gender in (None, gender))]
    return {recent[-1].referent.entity.id: recent[-1]} if recent else {}


def _just_named(linker: Linker, head: Token, gender: str | None) -> dict[str, Mentioned]:
    """"… pour Paul Girard. Le maire de la ville a …": a title no one in the article holds, as the
    subject right after the sentence naming the one person the last three sentences name, is that
    person's, when their gender agrees and the article gave them no other title."""
    if not head.dep_.startswith("nsubj") and not linker.inverted_in_incise(head):
        return {}
    noun, lemma = fold(head.lower_), fold(head.lemma_.lower())
    if any({noun, lemma} & r.role_words for r in linker.referents.values()):
        return {}
    recent = [m for m in linker.history if linker.told_since(m.sentence, head.idx) <= 2 and m.start < head.idx
              and not m.quoted]
    paragraph = linker._paragraph(head.idx)
    if any(m.paragraph == paragraph and m.referent is not None and m.referent.entity.type == "PER" for m in recent):
        recent = [m for m in recent if m.paragraph == paragraph]  # a new paragraph that names someone
    if any(m.referent is None and not _unnamed_body(linker, m) for m in recent) \
            or _met_unnamed(linker, head, linker.paragraph_starts[paragraph]):
        return {}  # an unnamed person stands there too
    people = [m for m in recent if m.referent is not None and m.referent.entity.type == "PER"]
    if len({m.referent.entity.id for m in people if m.referent is not None}) != 1:
        return {}
    person = people[-1]
    referent = person.referent
    if referent is None or linker.told_since(person.sentence, head.idx) > 1 \
            or gender is not None and referent.gender not in (None, gender) or _titled(linker, referent):
        return {}
    return {referent.entity.id: person}


def _source(linker: Linker, head: Token) -> bool:
    """"Pour l'Espagnol, …", "selon le ministre": the description names whose view the sentence gives."""
    speech = linker.language.speech
    return any(c.dep_ == "case" and straighten(c.lower_) in speech.sources | speech.opening_sources
               for c in head.children)


def _unnamed_body(linker: Linker, mentioned: Mentioned) -> bool:
    """"la police", "les autorités": an unnamed body, not a person a description could stand for."""
    word = linker.doc.char_span(mentioned.start, mentioned.start + 1, alignment_mode="expand")
    noun = word[0] if word is not None and len(word) else None
    return noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() not in linker.persons \
        and noun.lower_ not in linker.persons


def _only_one(linker: Linker, head: Token, gender: str | None) -> dict[str, Mentioned]:
    """"… pour François Legault. … le premier ministre a …": a title no one in the article holds stands
    for the one person of its gender the article has named so far, named in the last sentences, when
    the article gave them no other title."""
    noun, lemma = fold(head.lower_), fold(head.lemma_.lower())
    if gender is None or any({noun, lemma} & r.role_words for r in linker.referents.values()
                             if r.gender in (None, gender)):
        return {}  # someone of that gender holds the title: the description is theirs or unclear
    named = [m for m in linker.history if m.start < head.idx and not m.quoted and m.referent is not None
             and m.referent.entity.type == "PER" and m.referent.gender in (None, gender)]
    if len({m.referent.entity.id for m in named if m.referent is not None}) > 1 and head.dep_.startswith("nsubj"):
        named = _this_paragraph(linker, head, named)
    if len({m.referent.entity.id for m in named if m.referent is not None}) != 1:
        return {}
    latest = named[-1]
    if any(m.referent is None and latest.start < m.start < head.idx and m.agreement[0] in (None, gender)
           and not _unnamed_body(linker, m) for m in linker.history):
        return {}  # "Une voisine …": an unnamed person of that gender stands closer
    a_title = {noun, lemma} & {fold(h) for h in linker.language.titles.heads}  # not "l'homme d'affaires"
    if latest.referent is None or latest.referent.gender != gender or a_title and _titled(linker, latest.referent) \
            or linker.told_since(latest.sentence, head.idx) > WINDOW_SENTENCES:
        return {}
    return {latest.referent.entity.id: latest}


def _this_paragraph(linker: Linker, head: Token, named: list[Mentioned]) -> list[Mentioned]:
    """"X a été réélu … Y (a woman) reste … Le sénateur veut …": when the article named others of that
    gender before, a subject description stands for the one its paragraph has named so far, when no
    unnamed person stands in the paragraph too."""
    paragraph = linker._paragraph(head.idx)
    here = [m for m in linker.history if m.paragraph == paragraph and m.start < head.idx and not m.quoted]
    if any(m.referent is None for m in here) or _met_unnamed(linker, head, linker.paragraph_starts[paragraph]):
        return []
    return [m for m in named if m.paragraph == paragraph]


def _met_unnamed(linker: Linker, head: Token, since: int) -> bool:
    """"X a reçu le maire. Le maire a promis …": the same title, unnamed, before in the paragraph."""
    lemma = head.lemma_.lower()
    return any(t.lemma_.lower() == lemma and t.idx >= since and t.dep_ != "appos" and t.i not in linker.mention_at
               and any(c.dep_ == "det" for c in t.children)
               and not any(c.pos_ == "PROPN" and c.dep_ in ("appos", "flat:name") for c in t.children)
               for t in linker.doc[:head.i])


def _titled(linker: Linker, referent: Referent) -> bool:
    """Whether the article gave the person a title of its own (another one than the description's)."""
    return bool(referent.role_words & {fold(h) for h in person_heads(linker)})


@cache
def periphrases(language: Language) -> dict[str, str]:
    """The content words of a title's periphrasis ("chef etat") and those of the title ("president")."""
    function = language.grammar.function_words | language.grammar.determiners.definite

    def content(words: str) -> str:
        return " ".join(w for w in fold(words.lower()).replace("'", " ").split() if w not in function and len(w) > 1)
    return {content(p): content(t) for p, t in language.titles.periphrases.items()}


def _demonym_noun(linker: Linker, token: Token) -> bool:
    """"le Français", "l'Espagnole": one person told by nationality, a capitalised demonym in the singular."""
    return token.text[:1].isupper() and fold(token.lower_) in Lexicon.of(linker.language).demonyms \
        and "Plur" not in token.morph.get("Number")


def person_heads(linker: Linker) -> frozenset[str]:
    return _person_heads(linker.language)


@cache
def _person_heads(language: Language) -> frozenset[str]:
    """Nouns that head a description of a person: titles, "l'homme", and any noun of a person."""
    return frozenset(language.titles.heads) | language.grammar.anaphora.people | person_nouns(language)


@cache
def _title_nouns(language: Language) -> frozenset[str]:
    """Nouns through which a name completes a title: of people, of bodies, courtesy titles."""
    return _person_heads(language) | speaker_nouns(language) | {h.lower() for h in language.titles.honorifics}


def _described(linker: Linker, noun: Token) -> tuple[int, int, str | None, list[tuple[str, bool]]] | None:
    """A definite phrase headed by a title or a body noun, naming no one: its tokens, the gender its
    article gives and its content words ("le ministre de l'Intérieur" → ministre, intérieur)."""
    titles = linker.language.titles
    heads = person_heads(linker) | set(titles.organisation_heads)
    if not (noun.pos_ == "NOUN" and (noun.lower_ in heads or noun.lemma_.lower() in heads) or _demonym_noun(linker, noun)):
        return None
    determiners = linker.grammar.determiners
    article = next((c for c in noun.children if c.dep_ == "det" and c.i < noun.i), None)
    definite = determiners.definite | determiners.demonstrative | determiners.possessive
    opening = noun.left_edge.i
    while opening < noun.i and noun.doc[opening].dep_ == "case" and _source(linker, noun):
        opening += 1  # "pour l'Espagnol": the preposition of a source is not the description's
    if article is None or straighten(article.lower_) not in definite or article.i != opening:
        return None
    first, end = syntax.trim_phrase(linker.doc, article.i, noun.right_edge.i + 1,
                                    linker.grammar.pronouns.clause_openers)
    aside = [t for t in linker.doc[first:end] if t.i in linker.mention_at
             and linker.mention_at[t.i][0].entity.type == "PER" and not _complement_of(linker, t, noun)]
    if aside:  # "le défenseur à l'intention de X": the description ends before what leads to X
        end = min(c.left_edge.i for c in noun.children if c.i > noun.i and c.left_edge.i <= aside[0].i <= c.right_edge.i)
    phrase = linker.doc[first:end]
    if noun.i in linker.mention_at or any(c.pos_ == "PROPN" and (c.dep_ in ("appos", "flat:name") or c.dep_ == "nmod"
                                                              and not any(d.dep_ == "case" for d in c.children))
                                        for c in noun.children):
        return None  # "le ministre Gérald Darmanin": named
    if any(linker.mention_at[t.i][0].entity.type == "PER" and _complement_of(linker, t, noun)
           for t in phrase if t.i in linker.mention_at):
        return None  # "le conseiller de Joe Biden": another person's
    if end < len(linker.doc) and linker.doc[end].text == "," and end + 1 < len(linker.doc) \
            and linker.doc[end + 1].pos_ == "PROPN":
        return None  # "le ministre, Gérald Darmanin,": the name follows
    if end < len(linker.doc) and end in linker.mention_at and linker.mention_at[end][0].entity.type == "PER":
        return None  # "l'écologiste Gilles Deguet", however the parser hung the name
    gender = determiners.gender.get(straighten(article.lower_)) or noun_gender(noun, linker.grammar) \
        or gender_of(article)
    function = linker.grammar.function_words | linker.grammar.determiners.definite
    words = [(fold(t.lower_), t.i in linker.mention_at) for t in phrase if t.is_alpha
             and fold(t.lower_) not in function and t.i != article.i]
    return first, end, gender, words


def _complement_of(linker: Linker, name: Token, noun: Token) -> bool:
    """Whether a name completes a title, itself or through other titles and bodies ("le conseiller du
    cabinet de Joe Biden"), not through another noun ("le défenseur, à l'intention de X")."""
    nouns = _title_nouns(linker.language)
    node = name.head
    while node.i != noun.i and node.head.i != node.i:
        if node.pos_ == "NOUN" and node.lemma_.lower() not in nouns and node.lower_ not in nouns:
            return False
        node = node.head
    return True


def syntax_end(doc: Doc, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text)


def _describes(words: list[tuple[str, bool]], head: Token, referent: Referent, gender: str | None,
               kind: str, titles: dict[str, str] | None = None) -> bool:
    """Whether a description fits a referent, whose gender agrees: for a body, its head noun is a word
    of the body's name or role; for a person, every word of it is in the person's role ("le ministre
    de l'Intérieur"), or the body it names is ("la dirigeante de la CGT" for the CGT's secretary). A
    periphrasis of a title stands for that title ("le chef de l'État" for "le président")."""
    heads = {fold(head.lower_), fold(head.lemma_.lower())}
    if gender is not None and referent.gender not in (None, gender):
        return False
    if kind == "ORG":
        return bool(heads & (referent.name_words | referent.role_words))
    said = " ".join(w for w, _ in words)
    # "le technicien tunisien" is "l'entraîneur tunisien": the periphrasis, then its own words
    key = next((p for p in (titles or {}) if said == p or said.startswith(p + " ")), None)
    if key is not None:
        title = titles[key]  # type: ignore[index]
        heads = {title.split()[0]}
        words = [(w, False) for w in title.split()[1:]] + words[len(key.split()):]
    role_words = referent.role_words | referent.described_words
    rest = [(w, named) for w, named in words if w not in heads]
    if not all(_in_role(w, role_words) for w, _ in rest):
        return False
    return bool(heads & role_words) or any(named for _, named in rest)


def _in_role(word: str, role_words: frozenset[str]) -> bool:
    """A word of a description the role has, or one of its derivatives ("régional" for "région")."""
    return word in role_words or len(word) >= 5 and any(r[:5] == word[:5] for r in role_words if len(r) >= 5)
