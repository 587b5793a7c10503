"""One telling of an event: a trigger read in its sentence, with who, where, when, how and how many."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ...lang.records import Constraint
from ...lang.text import CLOSING, ONLY_CLOSING, straighten
from ..syntax import NOMINALS, feats, is_infinitive
from . import extent, happened, when, where, who
from .lexicon import Trigger, dependent_words
from .reading import unique

if TYPE_CHECKING:
    from ...model import Modality
    from .reading import Reading

TERMINAL = {".", "!", "?", "…", ")", ";"} | CLOSING


@dataclass
class Telling:
    """One trigger occurrence, read from its sentence, before the tellings of one event merge."""

    token: int
    type: str
    mode: str | None
    start: int
    end: int
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    date: str | None = None
    killed: int | None = None
    injured: int | None = None
    modality: Modality = "asserted"
    reported_by: str | None = None
    reported_by_text: str | None = None
    anaphoric: bool = False  # "ces réunions", "l'attaque": an event already told, if there is one
    standalone: bool = True  # may tell a new event; "ces réunions", "après l'invasion" only point back
    home: list[str] = field(default_factory=list)  # the acting country, its place when none is told
    sentence: int = 0
    scope: frozenset[int] = frozenset()  # the words that tell it
    event: Telling | None = None  # the telling it merged into

    @property
    def participants(self) -> set[str]:
        return set(self.actors) | set(self.targets)

    @property
    def anchored(self) -> bool:
        return bool(self.places or self.date)


def read(r: Reading, token: Token) -> Telling | None:
    """The telling a word makes, or None when it is no trigger or tells of nothing that happened."""
    trigger = r.lex.trigger(token)
    if trigger is None or token.i in r.entity_of or not _fits(r, token, trigger):
        return None
    if happened.reported_speech(r, token):
        return None
    # words in marks that a verb outside governs ("a décidé de « suspendre … »") are the article's own
    statement = None if r.clauses.quoted(token) else r.statement_at(token)
    verdict = happened.happened(r, token)
    if verdict is None:
        return None
    nominal = token.pos_ in NOMINALS
    link = extent.link(r, token) if nominal else None
    scope = extent.scope(r, token, link)
    actors, targets = who.participants(r, token, link, trigger)
    places = where.places(r, scope, token, actors)
    own_places = where.places(r, extent.noun_phrase(r, token), token, actors) if nominal else places
    date_value = when.date_in(r, scope if link or not nominal else extent.noun_phrase(r, token), token)
    anaphoric = demonstrative = False
    if nominal:
        determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
        definite = any("Def" in feats(c, "Definite") for c in token.children
                       if c.dep_ in ("det", "case"))  # "la réunion", "lors du sommet"
        if determiners & r.lex.context.anaphoric:  # "ces réunions": the event told before, nothing new
            anaphoric, demonstrative, places, date_value = True, True, [], None
        elif not (date_value or own_places) and (link is None or definite):
            if link is None and not definite:
                return None  # "après une invasion": named in passing, neither told nor placed
            anaphoric = True
    if date_value is None and (link or not nominal):
        date_value = when.outer_date(r, link[1] if link else token)
    if date_value and when.after_publication(r, date_value):
        return None  # planned: "le sommet de lundi prochain"
    if trigger.type in r.lex.context.target_place_types:  # the city struck, the country sanctioned
        named_here = {r.entity_of[i].id for i in scope if i in r.mention_root}
        places = unique(places + [e for e in targets if r.is_loc(e) and e in named_here])
    sentence = token.sent
    start, end = _trimmed(r.text, sentence.start_char, _sentence_end(sentence))
    telling = Telling(token.i, trigger.type, _mode(r, scope, trigger), start, end, actors, targets,
                      places, date_value, anaphoric=anaphoric, sentence=sentence.start, scope=scope)
    if verdict.modality != "asserted" or statement is not None:
        telling.modality = "reported" if verdict.modality == "asserted" else verdict.modality
        telling.reported_by, telling.reported_by_text = happened.source(r, verdict, statement)
    # a demonstrative, or a definite noun named in passing, only points back to an event told
    telling.standalone = not demonstrative and not (anaphoric and link is None)
    if trigger.type in r.lex.context.home_types and (link or not nominal):
        telling.home = [e for e in actors if r.is_loc(e)][:1]
    if trigger.type == "ASSAULT":
        counts = r.lex.counter.count(r.doc[i] for i in scope)
        telling.killed, telling.injured = counts.killed, counts.injured
    return telling


def _fits(r: Reading, token: Token, trigger: Trigger) -> bool:
    """The lexicon's conditions on a trigger's surroundings ("tirer sur", "arrêter quelqu'un")."""
    rule = r.lex.constraint(trigger)
    words = dependent_words(token)
    if rule.needs and not (words | _words_around(r, token)) & rule.needs:
        return False
    if rule.not_with and words & rule.not_with:
        return False
    objects = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass") and c.i not in r.time_at]
    if rule.object and objects and not any(r.is_person(o) for o in objects):
        return False
    if rule.not_object_per and any(r.entity_type(o) == "PER" for o in objects):
        return False
    if rule.no_infinitive and any(is_infinitive(c) for c in token.children):
        return False
    if rule.intransitive and any(c.dep_ == "obj" and c.pos_ in NOMINALS for c in token.children):
        return False
    if rule.active and (r.clauses[token].passive or not any(c.dep_ == "nsubj" for c in token.children)):
        return False
    reflexive = any(c.dep_ in ("expl:comp", "expl:pass", "expl") or straighten(c.lower_) in r.lex.grammar.pronouns.reflexive
                    for c in token.children)
    if (rule.reflexive and not reflexive) or (rule.not_reflexive and reflexive):
        return False
    if rule.reflexive_or_participle and not (reflexive or token.dep_ in ("acl", "advcl")):
        return False
    return _doers_fit(r, token, rule, reflexive, objects)


def _doers_fit(r: Reading, token: Token, rule: Constraint, reflexive: bool, objects: list[Token]) -> bool:
    """The lexicon's conditions on who does it and what it is done to."""
    doers = [c for c in token.children if c.dep_ in ("nsubj", "obl:agent")
             or (c.dep_ == "nsubj:pass" and reflexive)]
    if token.dep_ in ("acl", "advcl") and token.head.pos_ in NOMINALS:
        doers.append(token.head)  # "les dirigeants, réunis dimanche"
    if rule.agent and any(d.lemma_.lower() in r.lex.context.abstract_agents for d in doers):
        return False
    if rule.subject_person and not any(r.is_person(d) for d in doers):
        return False
    if rule.actor and not any(who.named(r, d) for d in doers):
        return False
    if rule.object_entity and not any(r.entity_type(o) for o in objects):
        return False
    return not (rule.plural and "Plur" not in feats(token, "Number"))


def _words_around(r: Reading, token: Token) -> set[str]:
    """The lemmas of a trigger's clause or phrase: what "livrer" needs ("des chars") may hang lower."""
    region = r.clauses.region(token, keep_relative=False)
    return {r.doc[i].lemma_.lower() for i in region}


def _mode(r: Reading, scope: frozenset[int], trigger: Trigger) -> str | None:
    """How it was done: the first mode word of its words ("drone", "missile"), else the trigger's own."""
    for i in sorted(scope):
        token = r.doc[i]
        words = {token.lemma_.lower(), token.lower_}
        for mode, cues in r.lex.modes.get(trigger.type, []):
            if words & cues:
                return mode
    return trigger.mode


def _sentence_end(sentence: Span) -> int:
    """Where the sentence ends, read on past a split the parser made inside it ("Reçue | mardi …")."""
    doc, end = sentence.doc, sentence.end
    while end < len(doc) and not (doc[end - 1].is_space or doc[end - 1].text in TERMINAL
                                  or "\n" in doc[end - 1].whitespace_):
        end = doc[end].sent.end
    return doc[end - 1].idx + len(doc[end - 1])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    # the parser may start a sentence on the closing mark of the quote before it: "» Dans la nuit, …"
    while start < end and (text[start].isspace() or text[start] in ONLY_CLOSING):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
