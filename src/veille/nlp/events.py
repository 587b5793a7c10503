"""PLOVER events: who did what to whom, where, when, how many.

Every word of the language's `events.toml` is a trigger: a verb ("a frappé", "a rencontré"), a noun
("les frappes", "une vidéoconférence") or a verb with one of its words ("a ouvert le feu"). Each
occurrence is read in the dependency parse:

    happened?   negation, conditional, future, subjunctive, an infinitive under a modal or a verb of
                intention, a hypothesis ("si"), a plan or a threat above it: not coded. Inside a
                quotation, only words the article itself asserts ("a décidé de « suspendre … »").
    who         the subject (or "par X" in a passive), a demonym ("des frappes russes" → the Russia
                of the article); the object, "contre X", the person met (PLOVER codes a visitor as
                the source and the host as the target)
    where       places of the clause: "à", "en", "dans X", "les rues de X", a struck place
    when        a time expression of the clause, else of the clauses that report it; never the
                publication date by default. An event dated after publication is a plan.
    how many    killed and injured (see `casualties`), for assaults; a toll told in a sentence of
                its own ("Le gouverneur a confirmé 11 morts") counts for the assault of its paragraph

A noun is an event when something happens to it in its clause ("les attaques … ont blessé", "ont
tenu une vidéoconférence", "lors du sommet") or when it carries its own place or date ("le meurtre
de trois Kurdes vendredi à Paris"); "ces réunions", "l'attaque" with neither point back to an event
already told. Tellings of one event (the lead and the body, "la rencontre" then "a rencontré") merge
when they agree on type, date, place and participants.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..model import Entity, Event, TimeExpr
from . import quotemarks
from .casualties import Counter, Counts
from .context import Context, text_of
from .lexicon import compiled

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
PREDICATES = {"VERB", "AUX"}
NOMINALS = {"NOUN", "PROPN"}
SUBJECTS = {"nsubj", "nsubj:pass"}
# Dependents that open a clause of their own: its places and dates are not the trigger's.
OWN_CLAUSES = {"acl:relcl", "ccomp", "parataxis", "csubj", "xcomp"}
PARTIES = {"contre", "avec", "entre", "à"}  # "frappes contre X", "entretien avec X", "liens entre X et Y"
TERMINAL = {".", "!", "?", "…", "»", '"', "”", ")", ";"}


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    lemma: str


def _parse(value: str) -> tuple[str, str | None]:
    kind, _, mode = value.partition("/")
    if kind not in PLOVER:
        raise ValueError(f"events.toml: {kind!r} is not a PLOVER event type")
    return kind, mode or None


class Lexicon:
    """The event knowledge of one language, ready to use."""

    def __init__(self, lexicon: Mapping[str, Any]) -> None:
        data = lexicon["events"]
        self.verbs = {k: _parse(v) for k, v in data.get("verbs", {}).items()}
        self.nouns = {k: _parse(v) for k, v in data.get("nouns", {}).items()}
        self.phrases: dict[str, list[tuple[str, tuple[str, str | None]]]] = {}
        for words, value in data.get("phrases", {}).items():
            head, dependent = words.split(maxsplit=1)
            self.phrases.setdefault(head, []).append((dependent, _parse(value)))
        self.constraints: dict[str, dict[str, Any]] = data.get("constraints", {})
        self.retype = {k: (set(v["objects"]), _parse(v["as"])) for k, v in data.get("retype", {}).items()}
        self.modes: dict[str, list[tuple[str, set[str]]]] = {
            kind: [(mode, set(cues)) for mode, cues in table.items()]
            for kind, table in data.get("modes", {}).items()}
        words = data.get("context", {})

        def listed(name: str) -> set[str]:
            return set(words.get(name, []))

        self.persons, self.abstract_agents = listed("persons"), listed("abstract_agents")
        self.light_verbs, self.patient_words = listed("light_verbs"), listed("patient_words")
        self.simultaneous, self.displaced = listed("simultaneous"), listed("displaced")
        self.displaced_nouns, self.irrealis = listed("displaced_nouns"), listed("irrealis")
        self.modals = listed("modals")
        self.realizing, self.realizing_if_past = listed("realizing"), listed("realizing_if_past")
        self.unreal_modifiers, self.anaphoric = listed("unreal_modifiers"), listed("anaphoric")
        self.negations, self.hypothesis_marks = listed("negations"), listed("hypothesis_marks")
        self.place_nouns, self.locative = listed("place_nouns"), listed("locative")
        self.of_is_actor, self.agent_nouns, self.containers = (
            listed("of_is_actor"), listed("agent_nouns"), listed("containers"))
        self.home_types, self.recipient_types = listed("home_types"), listed("recipient_types")
        self.target_place_types = listed("target_place_types")
        self.speech_verbs = set(lexicon.get("speech", {}).get("verbs", []))
        self.demonyms: dict[str, set[str]] = {}
        for entry in lexicon.get("demonyms", {}).values():
            for adjective in entry.get("adjectives", []):
                self.demonyms[adjective] = {_fold(n) for n in entry.get("names", [])}
        self.counter = Counter(lexicon)

    def trigger(self, token: Token) -> Trigger | None:
        """The event type and mode a word names, before its context is read."""
        lemma = token.lemma_.lower()
        for dependent, (kind, mode) in self.phrases.get(lemma, []):
            if dependent in _dependent_words(token):
                return Trigger(kind, mode, lemma)
        table = self.verbs if token.pos_ in PREDICATES else self.nouns if token.pos_ in NOMINALS else None
        if table is None:
            return None
        entry = table.get(lemma) or (table.get(token.lower_) if token.pos_ in NOMINALS else None)
        if entry is None:
            return None
        kind, mode = entry
        retype = self.retype.get(lemma)
        if retype and _dependent_words(token) & retype[0]:
            kind, mode = retype[1]
        return Trigger(kind, mode, lemma)


def _lexicon(ctx: Context) -> Lexicon | None:
    """Compiled once per loaded lexicon (`lexicon.load` caches one object per language)."""
    return compiled(ctx.lexicon, Lexicon) if "events" in ctx.lexicon else None


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'").lower())
    return "".join(c for c in text if not unicodedata.combining(c)).strip()


def _dependent_words(token: Token) -> set[str]:
    """Lemmas and forms of a word's dependents, their case words, and its head."""
    words = {token.head.lemma_.lower()}
    for child in token.children:
        words |= {child.lemma_.lower(), child.lower_}
        words |= {g.lemma_.lower() for g in child.children if g.dep_ in ("case", "fixed", "flat")}
    return words


# --- one telling of an event ---------------------------------------------------------------------


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
    anaphoric: bool = False  # "ces réunions", "l'attaque": an event already told, if there is one
    standalone: bool = True  # may tell a new event; "ces réunions", "après l'invasion" only point back
    home: list[str] = field(default_factory=list)  # the acting country, its place when none is told
    sentence: int = 0
    scope: set[int] = field(default_factory=set)  # the words that tell it
    event: Telling | None = None  # the telling it merged into

    @property
    def participants(self) -> set[str]:
        return set(self.actors) | set(self.targets)

    @property
    def anchored(self) -> bool:
        return bool(self.places or self.date)


class Reader:
    """Reads the tellings of one article: its parse, entities, times and quotation marks."""

    def __init__(self, doc: Doc, lex: Lexicon, entities: list[Entity], times: list[TimeExpr],
                 published: date | None) -> None:
        self.doc, self.lex, self.published = doc, lex, published
        self.entity_of: dict[int, Entity] = {}
        self.mention_root: set[int] = set()
        self.root_of: dict[int, int] = {}
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    self.entity_of.setdefault(token.i, entity)
                    self.root_of.setdefault(token.i, span.root.i)
                self.mention_root.add(span.root.i)
        self.by_name = {_fold(n): e for e in entities for n in [e.name, *(m.text for m in e.mentions)]}
        self.places_named = {e.id for e in entities if e.type == "LOC"}
        self.times: dict[int, TimeExpr] = {}
        for time in times:
            if time.value is None or time.type not in ("DATE", "TIME"):
                continue
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            if span is not None:
                self.times.setdefault(span.root.i, time)
        self.text = text_of(doc)
        self.marks = quotemarks.find(self.text)
        self._quoted: set[int] | None = None  # tokens inside quotation marks, found on first use

    # --- reading one trigger ---------------------------------------------------------------------

    def read(self, token: Token) -> Telling | None:
        """The telling a word makes, or None when it is no trigger or tells of nothing that happened."""
        trigger = self.lex.trigger(token)
        if trigger is None or token.i in self.entity_of or self._reported_speech(token):
            return None
        if not self._fits(token, trigger) or not self._happened(token):
            return None
        nominal = token.pos_ in NOMINALS
        link = self._link(token) if nominal else None
        scope = self._scope(token, link)
        actors, targets = self._participants(token, link, trigger)
        places = self._places(scope, token, actors)
        own_places = self._places(self._np(token), token, actors) if nominal else places
        date_value = self._date(scope if link or not nominal else self._np(token), token)
        anaphoric = demonstrative = False
        if nominal:
            determiners = {c.lower_ for c in token.children if c.dep_ == "det"}
            definite = any("Def" in _feats(c, "Definite") for c in token.children
                           if c.dep_ in ("det", "case"))  # "la réunion", "lors du sommet"
            if determiners & self.lex.anaphoric:  # "ces réunions": the event told before, nothing new
                anaphoric, demonstrative, places, date_value = True, True, [], None
            elif not (date_value or own_places) and (link is None or definite):
                if link is None and not definite:
                    return None  # "après une invasion": named in passing, neither told nor placed
                anaphoric = True
        if date_value is None and (link or not nominal):
            date_value = self._outer_date(link[1] if link else token)
        if date_value and self._after_publication(date_value):
            return None  # planned: "le sommet de lundi prochain"
        if trigger.type in self.lex.target_place_types:  # the city struck, the country sanctioned
            named_here = {self.entity_of[i].id for i in scope if i in self.mention_root}
            places = _unique(places + [e for e in targets if self._is_loc(e) and e in named_here])
        sentence = token.sent
        start, end = _trimmed(self.text, sentence.start_char, _sentence_end(sentence))
        telling = Telling(token.i, trigger.type, self._mode(scope, trigger), start, end, actors, targets,
                          places, date_value, anaphoric=anaphoric, sentence=sentence.start, scope=scope)
        # a demonstrative, or a definite noun named in passing, only points back to an event told
        telling.standalone = not demonstrative and not (anaphoric and link is None)
        if trigger.type in self.lex.home_types and (link or not nominal):
            telling.home = [e for e in actors if self._is_loc(e)][:1]
        if trigger.type == "ASSAULT":
            counts = self.lex.counter.count(self.doc[i] for i in scope)
            telling.killed, telling.injured = counts.killed, counts.injured
        return telling

    def _fits(self, token: Token, trigger: Trigger) -> bool:
        """The lexicon's conditions on a trigger's surroundings ("tirer sur", "arrêter quelqu'un")."""
        rule = self.lex.constraints.get(trigger.lemma, {})
        words = _dependent_words(token)
        if rule.get("needs") and not (words | self._words_around(token)) & set(rule["needs"]):
            return False
        if rule.get("not_with") and words & set(rule["not_with"]):
            return False
        objects = [c for c in token.children if c.dep_ in ("obj", "nsubj:pass") and c.i not in self.times]
        if rule.get("object") and objects and not any(self._is_person(o) for o in objects):
            return False
        if rule.get("not_object_per") and any(self._entity_type(o) == "PER" for o in objects):
            return False
        if rule.get("no_infinitive") and any("Inf" in _feats(c, "VerbForm") for c in token.children):
            return False
        if rule.get("intransitive") and any(c.dep_ == "obj" and c.pos_ in NOMINALS for c in token.children):
            return False
        if rule.get("active") and (_passive(token) or not any(c.dep_ == "nsubj" for c in token.children)):
            return False
        reflexive = any(c.dep_ in ("expl:comp", "expl:pass", "expl") or c.lower_ in ("se", "s'", "s’")
                        for c in token.children)
        if (rule.get("reflexive") and not reflexive) or (rule.get("not_reflexive") and reflexive):
            return False
        if rule.get("reflexive_or_participle") and not (reflexive or token.dep_ in ("acl", "advcl")):
            return False
        doers = [c for c in token.children if c.dep_ in ("nsubj", "obl:agent")
                 or (c.dep_ == "nsubj:pass" and reflexive)]
        if token.dep_ in ("acl", "advcl") and token.head.pos_ in NOMINALS:
            doers.append(token.head)  # "les dirigeants, réunis dimanche"
        if rule.get("agent") and any(d.lemma_.lower() in self.lex.abstract_agents for d in doers):
            return False
        if rule.get("subject_person") and not any(self._is_person(d) for d in doers):
            return False
        if rule.get("actor") and not any(self._named(d) for d in doers):
            return False
        if rule.get("object_entity") and not any(self._entity_type(o) for o in objects):
            return False
        return not (rule.get("plural") and "Plur" not in _feats(token, "Number"))

    def _words_around(self, token: Token) -> set[str]:
        """The lemmas of a trigger's clause or phrase: what "livrer" needs ("des chars") may hang lower."""
        region = self._region(token, keep_relative=False)
        return {self.doc[i].lemma_.lower() for i in region}

    def _is_person(self, token: Token) -> bool:
        if token.lemma_.lower() in self.lex.containers:  # "des centaines de personnes"
            return any(self._is_person(c) for c in token.children if c.dep_ == "nmod")
        return (self._entity_type(token) in ("PER", "ORG", "LOC") or token.lemma_.lower() in self.lex.persons
                or token.pos_ == "PRON" or any(self._entity_type(c) == "PER" for c in token.children
                                               if c.dep_ in ("appos", "flat:name", "nmod")))

    def _entity_type(self, token: Token) -> str | None:
        entity = self.entity_of.get(token.i)
        return entity.type if entity else None

    def _is_loc(self, entity_id: str) -> bool:
        return entity_id in self.places_named

    # --- did it happen? ----------------------------------------------------------------------------

    def quoted(self, token: Token) -> bool:
        if self._quoted is None:
            self._quoted = {t.i for m in self.marks for t in self.doc.char_span(
                m.open, m.close + 1, alignment_mode="contract") or ()}
        return token.i in self._quoted

    def _reported_speech(self, token: Token) -> bool:
        """Words inside quotation marks are the speaker's, not the article's: an event there counts
        only when a verb outside the marks, other than a speech verb, governs it."""
        inside = [m for m in self.marks if m.holds(token.idx, token.idx + len(token))]
        if not inside:
            return False
        mark = inside[-1]
        node = token
        while mark.holds(node.idx, node.idx + len(node)):
            if node.head.i == node.i:
                return True
            node = node.head
        return node.lemma_.lower() in self.lex.speech_verbs or node.pos_ not in PREDICATES

    def _happened(self, token: Token) -> bool:
        """False for an event denied, hypothetical, planned, wished, feared or threatened."""
        lex = self.lex
        sentence = token.sent
        if self.text[sentence.start_char:sentence.end_char].rstrip().endswith("?"):
            return False  # a question asks whether it happened
        node = token
        for _ in range(len(token.sent)):
            if node.pos_ in NOMINALS:
                words = {c.lower_ for c in node.children if c.dep_ in ("det", "amod", "case")}
                words |= {c.lemma_.lower() for c in node.children if c.dep_ == "amod"}
                if words & (lex.unreal_modifiers | {"sans"}):
                    return False
                if any(self._unreal_clause(c) for c in node.children if c.dep_ in ("acl", "acl:relcl")):
                    return False
            elif node.pos_ in PREDICATES or _has_copula(node):
                if self._denied(node) or _unreal_mood(node):
                    return False
                if {m.lemma_.lower() for m in node.children if m.dep_ == "mark"} & lex.hypothesis_marks:
                    return False
            head, relation = node.head, node.dep_
            if head.i == node.i or relation in ("parataxis", "acl:relcl"):
                return True
            if relation.startswith("advcl") and "Inf" not in _feats(node, "VerbForm") and not _gerund(node):
                return True  # a clause of its own ("après que des missiles ont frappé")
            if "Inf" in _feats(node, "VerbForm") and not _perfect(node):
                governor = head.lemma_.lower()
                past = _perfect(head) or _past(head)
                if not (governor in lex.realizing or (governor in lex.realizing_if_past and past)):
                    return False
            elif relation in SUBJECTS:
                if head.lemma_.lower() in lex.modals:
                    return False
            elif head.lemma_.lower() in lex.irrealis and not (
                    relation == "conj" or head.lemma_.lower() in lex.realizing_if_past):
                return False
            node = head
        return True

    def _denied(self, node: Token) -> bool:
        return any(c.dep_ == "advmod" and c.lemma_.lower() in self.lex.negations for c in node.children)

    def _unreal_clause(self, clause: Token) -> bool:
        """"le sommet prévu lundi", "les frappes qui pourraient suivre"."""
        lemma = clause.lemma_.lower()
        return lemma in self.lex.irrealis or lemma in self.lex.modals or _unreal_mood(clause)

    # --- where in the sentence it is told -----------------------------------------------------

    def _link(self, noun: Token) -> tuple[str, Token] | None:
        """How a nominal trigger takes part in its clause: ("subject", verb) when it acts, ("object",
        verb) when done, ("patient", word) when the clause's subject undergoes it ("a été la cible de
        tirs"), ("during", verb) for "lors du sommet"; None when only named in passing."""
        node = noun
        while node.head.i != node.i and (node.dep_ == "conj"
                                         or node.head.lemma_.lower() in self.lex.containers):
            node = node.head  # "des manifestations et des grèves", "un paquet de sanctions"
        head, relation = node.head, node.dep_
        if noun.lemma_.lower() in self.lex.agent_nouns:
            # protesters are a protest only when they act: "des manifestants ont bloqué", "… criant"
            participle = next((c for c in noun.children if c.dep_ == "acl"), None)
            return ("subject", head) if relation in SUBJECTS else ("acl", participle) if participle else None
        if head.i == node.i or self._displaced(node):
            return None  # "après l'expulsion de 41 Russes": another event, told as a landmark
        if relation in SUBJECTS:
            return ("subject", head)
        cases = _cases(node)
        if (relation == "obj" or _partitive(node)) and (head.pos_ in PREDICATES or head.dep_ == "acl"):
            return ("object", head)
        while head.i in self.times and head.head.i != head.i:
            head = head.head  # "la cible lundi de tirs": the date stands between
        if head.lemma_.lower() in self.lex.patient_words:
            return ("patient", head)
        if (cases | {head.lemma_.lower()}) & self.lex.simultaneous or (
                relation.startswith("obl") and self.lex.counter.kind(head) is not None):
            # "lors du sommet"; "tués dans une embuscade"
            verb = _predicate_above(node)
            return ("during", verb) if verb is not None else None
        if (head.pos_ in PREDICATES and head.lemma_.lower() in self.lex.light_verbs
                and relation.startswith("obl") and cases & {"à", "au", "aux"}):
            return ("object", head)  # "a participé à la réunion", "procéder à des frappes"
        participle = next((c for c in noun.children
                           if c.dep_ == "acl" and "Part" in _feats(c, "VerbForm")), None)
        if participle is not None:
            return ("acl", participle)  # "une marche organisée à Paris", "des manifestants criant"
        if any(c.pos_ == "NUM" or c.text[:1].isdigit() for c in noun.children if c.dep_ in ("nummod", "det")):
            verb = _predicate_above(node)  # counted, so they happened: "avec plus de 200 000 arrestations"
            return ("counted", verb) if verb is not None else None
        return None

    def _scope(self, token: Token, link: tuple[str, Token] | None) -> set[int]:
        """The words that tell this event: the trigger's clause (with a shared subject), or the noun
        phrase of a nominal trigger and, when it takes part in a clause, that clause."""
        if token.pos_ in NOMINALS:
            scope = self._np(token)
            if link is not None:
                scope |= self._clause(link[1])
            return scope
        scope = self._clause(token)
        node = token
        while node.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in node.children):
            node = node.head
            subject = next((c for c in node.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                scope |= self._region(subject, keep_relative=False)
        return scope

    def _clause(self, verb: Token) -> set[int]:
        return self._region(verb, keep_relative=False)

    def _np(self, noun: Token) -> set[int]:
        return self._region(noun, keep_relative=True)

    def _region(self, top: Token, keep_relative: bool) -> set[int]:
        """`top` and its dependents, without the clauses of their own below it (a relative clause is
        kept under a noun: "l'attaque qui a fait 12 morts mardi à Tunis") nor what happened at
        another time ("après le drame de la rue d'Enghien")."""
        out: set[int] = set()
        stack = [top]
        while stack:
            node = stack.pop()
            out.add(node.i)
            for child in node.children:
                relation = child.dep_
                if child.i in self.times:
                    stack.append(child)  # wherever the parser hung it ("a reçu lundi" as an object)
                    continue
                kept_relative = keep_relative and relation == "acl:relcl" and node is top
                if relation in OWN_CLAUSES and not kept_relative:
                    continue
                if relation == "conj" and child.pos_ in PREDICATES:
                    continue
                if relation.startswith("advcl") and not _gerund(child) and not _bare_participle(child):
                    continue
                if self._displaced(child):
                    continue
                if node.lemma_.lower() in self.lex.displaced_nouns and relation == "nmod":
                    continue  # "au lendemain du drame": the drame is another day
                stack.append(child)
        return out

    def _displaced(self, token: Token) -> bool:
        if token.i in self.times:
            return False  # "depuis mercredi dernier" dates the clause itself
        marks = _cases(token)
        return bool(marks & self.lex.displaced)

    # --- who ---------------------------------------------------------------------------------------

    def _participants(self, token: Token, link: tuple[str, Token] | None,
                      trigger: Trigger) -> tuple[list[str], list[str]]:
        lex = self.lex
        actors: list[str] = []
        targets: list[str] = []
        if token.pos_ in NOMINALS:
            actors += self._demonyms(token)
            for child in token.children:
                cases = _cases(child)
                if "par" in cases:
                    actors += self._named(child)
                elif cases & PARTIES:
                    targets += self._named(child)
                elif child.dep_ == "nmod" and (not cases or "de" in cases):
                    named = self._named(child)
                    (actors if trigger.lemma in lex.of_is_actor else targets).extend(named)
            if link is not None:
                kind, verb = link
                subject = _subject(verb)
                if (kind == "object" and subject is not None and not _passive(verb)
                        and verb.lemma_.lower() in lex.light_verbs):  # "la Russie a mené des frappes"
                    actors += self._named(subject)
                elif kind == "subject":  # "des frappes ont visé Odesa"; "l'attentat a été revendiqué par X"
                    targets += [e for c in verb.children if c.dep_ == "obj" and c.i not in self.times
                                for e in self._named(c)]
                    if _passive(verb) and verb.lemma_.lower() in lex.light_verbs:
                        actors += [e for c in verb.children if c.dep_ == "obl:agent" for e in self._named(c)]
                elif kind == "patient" and subject is not None:
                    targets += self._named(subject)
        else:
            subject = _subject(token)
            if _passive(token) or (token.dep_ in ("acl", "advcl") and _bare_participle(token)):
                agent = next((c for c in token.children if c.dep_ == "obl:agent"), None)
                actors += self._named(agent) if agent is not None else []
                undergoer = subject if subject is not None else token.head if token.dep_ == "acl" else None
                if lex.constraints.get(trigger.lemma, {}).get("reflexive_or_participle"):
                    actors += self._named(undergoer) if undergoer is not None else []
                else:
                    targets += self._named(undergoer) if undergoer is not None else []
            else:
                actors += self._named(subject) if subject is not None else []
                for child in token.children:
                    cases = _cases(child)
                    if child.i in self.times:
                        continue
                    parties = PARTIES if trigger.type in lex.recipient_types else PARTIES - {"à"}
                    if child.dep_ == "obj" or (child.dep_.startswith("obl") and cases & parties):
                        targets += self._named(child)  # "a livré des missiles à l'Ukraine": the recipient
        if trigger.type == "CONSULT" and not targets and token.pos_ in PREDICATES:
            # the person met, where the parser lost the object: "a rencontré mardi à Berlin Olaf Scholz"
            targets = [e.id for i in sorted(self._clause(token)) if i > token.i and i in self.mention_root
                       and (e := self.entity_of[i]).type == "PER" and e.id not in actors]
        if lex.constraints.get(trigger.lemma, {}).get("host"):
            actors, targets = targets, actors  # PLOVER: the visitor is the source, the host the target
        actors = _unique(actors)
        return actors, [t for t in _unique(targets) if t not in actors]

    def _named(self, head: Token) -> list[str]:
        """Entities a phrase names: its head, appositions, conjuncts and "de" complements; not the
        places in it ("l'ambassadeur … en Turquie"). A demonym stands in when nothing is named."""
        if head.pos_ == "PRON" and "Rel" in _feats(head, "PronType") and head.head.dep_ == "acl:relcl":
            head = head.head.head  # "des commandos qui ont fait …": the commandos
        found: list[str] = []
        stack = [head]
        while stack:
            node = stack.pop()
            entity = self.entity_of.get(node.i)
            if entity is not None and (node is head or not (
                    entity.type == "LOC" and self._locative_case(self.doc[self.root_of[node.i]]))):
                found.append(entity.id)
            for child in node.children:
                cases = _cases(child)
                if child.dep_ in ("appos", "flat", "flat:name", "conj", "compound", "fixed") or (
                        child.dep_ == "nmod" and cases <= {"de", "du", "des", "d'"} | PARTIES - {"à"}):
                    stack.append(child)
        return _unique(found) or self._demonyms(head)

    def _demonyms(self, noun: Token) -> list[str]:
        """"des frappes russes", "l'ambassadeur français": the country, when the article names it."""
        found = []
        nodes = [noun, *(c for c in noun.children if c.dep_ == "conj")]
        nodes += [c for n in nodes for c in n.children if c.dep_ == "nmod"
                  and "de" in _cases(c)]  # "frappes de drones russes"
        for node in nodes:
            for child in node.children:
                names = self.lex.demonyms.get(child.lower_) if child.dep_ == "amod" else None
                entity = next((self.by_name[n] for n in sorted(names or ()) if n in self.by_name), None)
                if entity is not None:
                    found.append(entity.id)
        return _unique(found)

    # --- where -------------------------------------------------------------------------------------

    def _places(self, scope: set[int], trigger: Token, actors: list[str]) -> list[str]:
        found = []
        for i in sorted(scope):
            entity = self.entity_of.get(i)
            if entity is None or entity.type != "LOC" or i not in self.mention_root:
                continue
            token = self.doc[i]
            if entity.id in actors and not self._locative_case(token):
                continue
            if self._is_place(token, trigger):
                found.append(entity.id)
        return _unique(found)

    def _is_place(self, token: Token, trigger: Token, depth: int = 0) -> bool:
        """"à Kiev", "en Alaska", "les rues de Paris", "six régions de l'Ukraine", "Tunis (Tunisie)";
        not "l'ambassadeur de France" (an affiliation) nor "la Russie a frappé" (the actor)."""
        if self._locative_case(token):
            return not self._modifies_other_noun(token, trigger)
        cases = _cases(token)
        head = token.head
        if cases & {"de", "du", "des", "d'"}:
            return (head.lemma_.lower() in self.lex.place_nouns or head.i == trigger.i
                    or self._entity_type(head) == "LOC")
        if cases or depth > 3 or head.i == token.i:
            return False
        if token.dep_ in ("conj", "appos", "nmod", "flat:name") and (
                head.lemma_.lower() in self.lex.place_nouns or self._entity_type(head) == "LOC"):
            return token.dep_ != "nmod" or self._is_place(head, trigger, depth + 1)
        return token.dep_ in ("conj", "appos") and self._is_place(head, trigger, depth + 1)

    def _modifies_other_noun(self, token: Token, trigger: Token) -> bool:
        """"le commandant des forces alliées en Europe a participé", "Pierre Lévy, ambassadeur de
        France à Moscou, s'est rendu": a place that qualifies who acts, not where the event happens.
        In the trigger's own phrase or what it strikes ("15 personnes à Odesa") it is the event's."""
        node, qualifies = token, False
        for _ in range(len(token.sent)):
            head, relation = node.head, node.dep_
            if node.i == trigger.i or head.i == trigger.i:
                return False
            if head.i == node.i or (head.pos_ in PREDICATES and head.dep_ != "amod"):
                return qualifies and relation in SUBJECTS
            if relation in ("nmod", "obl", "obl:mod") and head.pos_ in ("NOUN", "ADJ", "VERB") and not (
                    head.lemma_.lower() in self.lex.place_nouns or self._entity_type(head) in ("PER", "LOC")
                    or head.i in self.times):
                qualifies = True
            node = head
        return False

    def _locative_case(self, token: Token) -> bool:
        node = token
        while node.dep_ == "conj" and not any(c.dep_ == "case" for c in node.children):
            node = node.head
        return bool(_cases(node) & self.lex.locative)

    # --- when --------------------------------------------------------------------------------------

    def _date(self, scope: set[int], trigger: Token) -> str | None:
        """The time expression of the scope nearest the trigger, at day precision."""
        found = sorted((abs(i - trigger.i), i) for i in scope if i in self.times)
        return _day(self.times[found[0][1]].value) if found else None

    def _outer_date(self, top: Token) -> str | None:
        """A date from the clauses that govern the trigger's ("a annoncé lundi que …", "a décidé
        mardi de suspendre …") or from the incise that reports it ("…, a martelé ce lundi X lors
        d'une marche"), up to a clause told apart ("…, après que des missiles ont frappé")."""
        for clause in (top, *self._governing(top)):
            scopes = [] if clause is top else [self._clause(clause)]
            scopes += [self._clause(c) for c in clause.children
                       if c.dep_ == "parataxis" and c.lemma_.lower() in self.lex.speech_verbs]
            found = next((d for scope in scopes if (d := self._date(scope, top))), None)
            if found:
                return found
        return None

    def _governing(self, top: Token) -> Iterator[Token]:
        """The predicates above `top` whose time is its time: through infinitives, gerunds and
        reported clauses; not out of a relative clause, an incise or a clause of its own."""
        node = top
        for _ in range(len(top.sent)):
            if node.head.i == node.i or node.dep_ in ("parataxis", "acl:relcl", "conj", "appos"):
                return
            if self._displaced(node) or (node.dep_.startswith("advcl") and not _gerund(node)
                                         and "Inf" not in _feats(node, "VerbForm")):
                return
            node = node.head
            if node.pos_ in PREDICATES or _has_copula(node):
                yield node

    def _after_publication(self, value: str) -> bool:
        period = _period(value)
        return self.published is not None and period is not None and period[0] > self.published

    # --- how ----------------------------------------------------------------------------------

    def _mode(self, scope: set[int], trigger: Trigger) -> str | None:
        for i in sorted(scope):
            token = self.doc[i]
            words = {token.lemma_.lower(), token.lower_}
            for mode, cues in self.lex.modes.get(trigger.type, []):
                if words & cues:
                    return mode
        return trigger.mode


# --- merging the tellings of one event -----------------------------------------------------------


def _merge(tellings: list[Telling]) -> list[Telling]:
    """One event per happening: a telling joins the latest event of its type it agrees with."""
    events: list[Telling] = []
    for telling in tellings:
        hosts = [e for e in reversed(events) if e.type == telling.type and _same(e, telling)]
        # "les discussions virtuelles" point back to the videoconference rather than to the summit
        host = next((e for e in hosts if telling.anaphoric and telling.mode and e.mode == telling.mode),
                    hosts[0] if hosts else None)
        if host is not None:
            _absorb(host, telling)
            telling.event = host
        elif telling.standalone:
            events.append(telling)
            telling.event = telling
    return events


def _same(event: Telling, telling: Telling) -> bool:
    if _dates_conflict(event.date, telling.date):
        return False
    if telling.anaphoric:
        return True
    same_day = bool(event.date and event.date == telling.date and len(event.date) == 10)
    shared_place = bool(set(event.places) & set(telling.places))
    strangers = bool(event.participants and telling.participants
                     and not event.participants & telling.participants)
    if (_roles_conflict(event, telling) or (strangers and event.sentence != telling.sentence)) and not (
            same_day and shared_place):
        return False  # other people: another event, unless at one place on one day
    if event.places and telling.places and not shared_place and not same_day:
        return False
    nested_dates = bool(event.date and telling.date)
    return (same_day or nested_dates or shared_place or bool(event.participants & telling.participants)
            or event.sentence == telling.sentence  # told twice in one sentence
            or not (telling.anchored or telling.participants) or not (event.anchored or event.participants))


def _roles_conflict(event: Telling, telling: Telling) -> bool:
    """Two tellings name different actors, or different targets: two events."""
    for one, other in ((event.actors, telling.actors), (event.targets, telling.targets)):
        if one and other and not (set(one) & telling.participants or set(other) & event.participants):
            return True
    return False


def _absorb(event: Telling, telling: Telling) -> None:
    event.places = _unique(event.places + telling.places)
    event.actors = _unique(event.actors + telling.actors)
    event.targets = [t for t in _unique(event.targets + telling.targets) if t not in event.actors]
    if telling.date and (event.date is None or _finer(telling.date, event.date)):
        event.date = telling.date
    event.mode = event.mode or telling.mode
    event.home = event.home or telling.home
    event.killed = event.killed if event.killed is not None else telling.killed
    event.injured = event.injured if event.injured is not None else telling.injured


def _share_setting(tellings: list[Telling], events: list[Telling]) -> None:
    """An event told with no place and no date of its own, in a sentence that places and dates
    another ("La réunion s'est tenue …, des manifestants criant"), shares that setting."""
    for event in events:
        if event.anchored:
            continue
        neighbours = [t.event for t in tellings if t.sentence == event.sentence]
        setting = next((n for n in neighbours if n is not None and n is not event and n.anchored), None)
        if setting is not None:
            event.places, event.date = list(setting.places), setting.date


def _tolls(reader: Reader, tellings: list[Telling]) -> None:
    """A toll told apart from any trigger counts for the assault of its paragraph: the one told just
    before it ("… Le gouverneur a confirmé 11 morts"), or else the next one ("Une explosion a fait
    7 morts vendredi. L'attentat a été revendiqué …"), where that one left the count open."""
    told = set().union(*(t.scope for t in tellings)) if tellings else set()
    assaults = {t.token: t.event for t in tellings if t.event is not None and t.type == "ASSAULT"}
    counter = reader.lex.counter
    last: Telling | None = None
    pending: list[Counts] = []  # tolls of the paragraph told before its first assault
    free: list[Token] = []

    def flush() -> None:
        if free:
            # words that count nothing are skipped by `count` anyway: only casualty words are read
            pending.append(counter.count(t for t in free if counter.kind(t) is not None and reader._happened(t)))
            free.clear()
        if last is not None:
            for counts in pending:
                last.killed = last.killed if last.killed is not None else counts.killed
                last.injured = last.injured if last.injured is not None else counts.injured
            pending.clear()

    sentence_ends = {sentence.end - 1 for sentence in reader.doc.sents}  # Token.is_sent_end makes a Token
    for token in reader.doc:
        if "\n" in token.text:
            flush()
            last = None  # a new paragraph
            pending.clear()
        elif token.i in assaults:
            flush()
            last = assaults[token.i]
            flush()
        elif token.i not in told and not reader.quoted(token):
            free.append(token)
        if token.i in sentence_ends:
            flush()
    flush()


# --- the stage -----------------------------------------------------------------------------------


def extract(doc: Doc, ctx: Context, entities: list[Entity], times: list[TimeExpr]) -> list[Event]:
    """Every event the article reports as having happened, in text order, ids "v1", "v2", …"""
    lex = _lexicon(ctx)
    if lex is None:
        return []
    reader = Reader(doc, lex, entities, times, ctx.published)
    tellings = [t for token in doc if (t := reader.read(token)) is not None]
    events = _merge(tellings)
    _share_setting(tellings, events)
    _tolls(reader, tellings)
    for event in events:
        event.places = event.places or event.home
    text = reader.text
    return [Event(id=f"v{n}", type=e.type, text=text[e.start:e.end], start=e.start, end=e.end,
                  mode=e.mode, actors=e.actors, targets=e.targets, locations=e.places, date=e.date,
                  killed=e.killed, injured=e.injured)
            for n, e in enumerate(events, start=1)]


# --- small helpers -------------------------------------------------------------------------------


def _subject(verb: Token) -> Token | None:
    """The subject of a predicate, or of the predicate it shares it with ("a rencontré … et a
    accueilli", "a décidé de riposter en expulsant")."""
    node = verb
    for _ in range(len(verb.sent)):
        subject = next((c for c in node.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
        if node.dep_ in ("conj", "xcomp") or (node.dep_.startswith("advcl") and _gerund(node)):
            node = node.head
            continue
        if node.dep_ == "acl" and "Pres" in _feats(node, "Tense"):
            return node.head  # "des manifestants criant"
        return None
    return None


def _predicate_above(token: Token) -> Token | None:
    node = token
    for _ in range(len(token.sent)):
        if node.head.i == node.i:
            return node if node.pos_ in PREDICATES or _has_copula(node) else None
        node = node.head
        if node.pos_ in PREDICATES or _has_copula(node):
            return node
    return None


def _cases(token: Token) -> set[str]:
    """The prepositions and conjunctions that introduce a word, as lemma and as written ("entre" is
    lemmatised "entrer", "d'" stays "d'")."""
    words = [c for c in token.children if c.dep_ in ("case", "fixed", "mark")]
    return {w.lemma_.lower() for w in words} | {w.lower_ for w in words}


def _partitive(noun: Token) -> bool:
    """"a annoncé de nouvelles sanctions", "de violents combats": an object the parser read as "de X"."""
    return _cases(noun) <= {"de", "d'", "d’"} and bool(_cases(noun)) and any(
        c.dep_ == "amod" and c.i < noun.i for c in noun.children)


def _feats(token: Token, name: str) -> set[str]:
    return set(token.morph.get(name, []))


def _passive(token: Token) -> bool:
    return "Pass" in _feats(token, "Voice") or any(c.dep_ in ("aux:pass", "nsubj:pass")
                                                    for c in token.children)


def _has_copula(token: Token) -> bool:
    return any(c.dep_ == "cop" for c in token.children)


def _gerund(token: Token) -> bool:
    """"faisant trois morts", "en expulsant": a present participle, told with its governor."""
    return "Part" in _feats(token, "VerbForm") and "Pres" in _feats(token, "Tense")


def _bare_participle(token: Token) -> bool:
    """"Reçue mardi à l'Elysée, la secrétaire générale …": a past participle without auxiliary."""
    return ("Part" in _feats(token, "VerbForm") and "Past" in _feats(token, "Tense")
            and not any(c.dep_.startswith("aux") or c.dep_ == "mark" for c in token.children))


def _perfect(token: Token) -> bool:
    """"d'avoir permis", "après avoir annoncé": a compound infinitive tells of something done."""
    return any(c.dep_.startswith("aux") and "Inf" in _feats(c, "VerbForm") for c in token.children)


def _past(token: Token) -> bool:
    """"a permis", "permettait", "permit": told as done."""
    if "Part" in _feats(token, "VerbForm") and any(c.dep_ == "aux:tense" for c in token.children):
        return True
    words = (token, *(c for c in token.children if c.dep_.startswith("aux")))
    return any({"Past", "Imp"} & _feats(w, "Tense") and "Fin" in _feats(w, "VerbForm") for w in words)


def _unreal_mood(token: Token) -> bool:
    """Conditional, subjunctive, future or imperative, on the verb or its auxiliaries."""
    for word in (token, *(c for c in token.children if c.dep_.startswith("aux") or c.dep_ == "cop")):
        if {"Cnd", "Sub", "Imp"} & _feats(word, "Mood") or "Fut" in _feats(word, "Tense"):
            return True
        if word is not token and word.lemma_.lower() in ("aller", "pouvoir", "devoir"):
            return True
    return False


def _sentence_end(sentence: Span) -> int:
    """Where the sentence ends, read on past a split the parser made inside it ("Reçue | mardi …")."""
    doc, end = sentence.doc, sentence.end
    while end < len(doc) and not (doc[end - 1].is_space or doc[end - 1].text in TERMINAL
                                  or "\n" in doc[end - 1].whitespace_):
        end = doc[end].sent.end
    return doc[end - 1].idx + len(doc[end - 1])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    # the parser may start a sentence on the closing mark of the quote before it: "» Dans la nuit, …"
    while start < end and (text[start].isspace() or text[start] in "»”"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _day(value: str | None) -> str | None:
    """A date-time at day precision: "2025-08-19T20:00" → "2025-08-19"."""
    if value and "T" in value:
        return value.split("T", 1)[0]
    return value


def _period(value: str | None) -> tuple[date, date] | None:
    """The first and last day an ISO value covers; None for what is no date ("P3Y")."""
    if not value or value.startswith("P"):
        return None
    try:
        if "-W" in value:
            year, week = value.split("-W")
            first = date.fromisocalendar(int(year), int(week[:2]), 1)
            return first, first + timedelta(days=6)
        parts = value[:10].split("-")
        if len(parts) == 3:
            day = date(int(parts[0]), int(parts[1]), int(parts[2]))
            return day, day
        if len(parts) == 2:
            first = date(int(parts[0]), int(parts[1]), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if len(parts[0]) == 4:
            return date(int(parts[0]), 1, 1), date(int(parts[0]), 12, 31)
        if len(parts[0]) == 3:  # a decade, "198"
            return date(int(parts[0]) * 10, 1, 1), date(int(parts[0]) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def _dates_conflict(a: str | None, b: str | None) -> bool:
    pa, pb = _period(a), _period(b)
    return pa is not None and pb is not None and (pa[1] < pb[0] or pb[1] < pa[0])


def _finer(a: str, b: str) -> bool:
    pa, pb = _period(a), _period(b)
    return pa is not None and (pb is None or (pa[1] - pa[0]) < (pb[1] - pb[0]))
