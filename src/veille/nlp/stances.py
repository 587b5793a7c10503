"""Who demands, supports or opposes what.

Every predicate of the language's `stances.toml` is a cue, read from the dependency parse:

    verb         "L'Ukraine exige des garanties", "Trump a exclu l'envoi de troupes"
    verb + prep  "s'est engagée à soutenir cette initiative", "appelle les élus à adopter …"
    adjective    "ne sommes pas d'accord avec …", "Eric Ciotti, favorable à la réforme, …"
    noun         "avons besoin de garanties", "a exprimé son soutien à …", "la nécessité de …"
    incise       "« … », a dénoncé le ministre": the quoted words are the target
    passive      "La levée de cette politique était contestée par 19 États"

The holder is the subject, named by `speakers.Resolver`: "nous", "je" and "on" stand for the speaker of
the quotation they are in, a pronoun in a reported clause for the one who reports it ("La Russie a
déclaré qu'elle n'accepterait pas …"), a relative "qui" for the phrase it hangs on. The target is the
complement as written, up to where a new clause or a circumstance begins; a bare demonstrative ("cette
initiative") gives way to what it names, a relative ("dont il ne veut pas entendre parler") to its
antecedent. The evidence is the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from ..model import Entity, Polarity, Quote, Stance
from . import quotes as quote_stage
from . import times as time_stage
from .context import Context, text_of
from .lexicon import compiled
from .speakers import Resolver, Speaker

OPENING = {'"', "«", "“"}
CLOSING = {'"', "»", "”"}
MARKS = OPENING | CLOSING
APOSTROPHES = str.maketrans({"’": "'"})
NEGATIONS = {"pas", "jamais", "plus", "point", "guère", "nullement", "aucunement"}
CLITICS = {"se", "s'", "le", "la", "les", "l'", "lui", "leur", "y", "en", "ne", "n'", "me", "m'", "te", "t'",
           "nous", "vous"}
RELATIVES = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
THIRD_PERSON = {"il", "elle", "ils", "elles", "-il", "-elle", "-ils", "-elles", "-t-il", "-t-elle"}
PREPOSITION_FORMS = {"à": ("à", "au", "aux"), "de": ("de", "d'", "du", "des")}
CIRCUMSTANCE_CASES = {"dans", "sur", "lors", "devant", "pendant", "depuis", "après", "avant", "via", "en", "par",
                      "avec", "selon", "sans", "malgré"}
STANCE_NOUN_PREPOSITIONS = {"à", "au", "aux", "contre", "envers", "pour", "face", "vis-à-vis", "égard", "encontre"}
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bM)[.!?…][»\"”]?\s+(?=[«\"“]?\s?[A-ZÀ-Ý])")
INCISE_GAP = re.compile(r"^[\s»\"”.!?…]*,\s*(?:[\w'’-]+\s+){0,2}$")

Range = tuple[int, int]  # tokens [first, end)
POLARITIES: tuple[Polarity, ...] = ("demand", "support", "oppose")


@dataclass(frozen=True)
class Predicate:
    words: str  # as the lexicon writes it: "s'opposer à"
    lemma: str  # the verb, or the adjective of "être …"
    polarity: Polarity
    reflexive: bool = False
    noun: str | None = None  # "avoir besoin de": besoin
    prep: tuple[str, ...] = ()  # the words that must introduce the target
    adjective: bool = False


class Lexicon:
    """The stance knowledge of one language, ready to use."""

    @classmethod
    def of(cls, data: dict[str, Any]) -> Lexicon:
        """The Lexicon of `data`, built once per loaded lexicon."""
        return compiled(data, cls)

    def __init__(self, data: dict[str, Any]) -> None:
        self.verbs: dict[str, list[Predicate]] = {}
        self.adjectives: dict[str, list[Predicate]] = {}
        for polarity in POLARITIES:
            for words in data[polarity]:
                predicate = _predicate(words, polarity)
                table = self.adjectives if predicate.adjective else self.verbs
                table.setdefault(predicate.lemma, []).append(predicate)
        # every beginning of an adjective's entry: a word that begins none cannot start a fixed
        # expression ("favorable", "en faveur") that the parse splits
        self.adjective_starts = {key[:end] for key in self.adjectives for end in range(1, len(key) + 1)}
        self.not_stances = {tuple(_fold(w).split()) for w in data["not_stances"]}
        self.idea_verbs = set(data["idea_verbs"])
        self.ideas = set(data["ideas"])
        self.que_clause = set(data["que_clause"])
        self.que_needs_subjunctive = set(data["que_needs_subjunctive"])
        self.intention = set(data["intention"])
        self.negated_to_oppose = set(data["negated_to_oppose"])
        self.incise = set(data["incise"])
        self.nouns: dict[str, Polarity] = {n: p for p in POLARITIES if p in data["nouns"] for n in data["nouns"][p]}
        self.light_verbs = set(data["nouns"]["light_verbs"])
        self.needs = set(data["needs"]["nouns"])
        target = data["target"]
        self.marks = {_fold(m) for m in target["marks"]}
        self.not_heads = set(target["not_heads"])
        self.stops = {_fold(w) for w in target["stops"]}
        self.stop_pairs = {tuple(_fold(p).split()) for p in target["stop_pairs"]}
        self.after_comma = {_fold(w) for w in target["after_comma"]}
        self.subordinators = {tuple(_fold(w).split()) for w in target["subordinators"]}
        self.demonstratives = set(data["anaphora"]["determiners"])
        self.proposals = set(data["anaphora"]["proposals"])
        self.first_person = {_fold(w) for w in data["persons"]["speaker"]}


def _predicate(words: str, polarity: Polarity) -> Predicate:
    """'s'opposer à' → reflexive opposer with 'à'; 'avoir besoin de' → avoir + besoin, 'de';
    'être favorable à' → the adjective favorable, 'à'; "être d'accord avec" → the adjective d'accord."""
    parts = _fold(words).replace("s'", "se ").split()
    reflexive = parts[0] == "se"
    parts = parts[1:] if reflexive else parts
    i = 1
    while i < len(parts) and parts[i] not in ("à", "de", "pour", "contre", "avec", "en"):
        i += 1
    head, between, prep = parts[0], parts[1:i], tuple(parts[i:])
    if head == "être" and between:
        return Predicate(words, "".join(between), polarity, prep=prep, adjective=True)
    return Predicate(words, head, polarity, reflexive, between[-1] if between else None, prep)


@dataclass
class Found:
    """One predicate occurrence before it becomes Stances."""

    anchor: Token
    polarity: Polarity
    holders: list[Speaker]
    target: Range | str  # tokens, or words taken from a quotation


def extract(doc: Doc, ctx: Context, entities: list[Entity], quotes: list[Quote] | None = None) -> list[Stance]:
    """The stances of one article, in text order. `quotes` are the article's quotations, whose
    speakers own the "nous" and "je" inside them; without them they are found here."""
    if quotes is None:
        quotes = quote_stage.extract(doc, ctx, entities, time_stage.extract(doc, ctx))
    reader = Reader(doc, entities, ctx.lexicon["speech"], Lexicon.of(ctx.lexicon["stances"]), quotes)
    stances: list[Stance] = []
    for token in doc:
        found = reader.read(token)
        if found is None:
            continue
        for holder in found.holders:
            stance = reader.stance(found, holder)
            if stance is not None and stance not in stances:
                stances.append(stance)
                reader.resolver.heard(holder.start, holder)
    return stances


class Reader:
    """Reads the stance of each predicate of one document."""

    def __init__(self, doc: Doc, entities: list[Entity], speech: dict[str, Any], lex: Lexicon,
                 quotes: list[Quote]) -> None:
        self.doc = doc
        self.lex = lex
        self.quotes = quotes
        self.resolver = Resolver(doc, entities, speech)
        for q in sorted(quotes, key=lambda q: q.start if q.speaker_start is None else q.speaker_start):
            if q.speaker_text and q.speaker_start is not None and q.speaker_end is not None:
                self.resolver.heard(q.speaker_start, Speaker(q.speaker, q.speaker_text, q.speaker_start,
                                                             q.speaker_end))
        # "La Russie a qualifié … Elle exige …": places and bodies that are subjects are antecedents too,
        # when their gender is known (the Resolver itself remembers persons only)
        for token in doc:
            if token.dep_.startswith("nsubj") and token.morph.get("Gender", []):
                for start, end, entity in self.resolver.mentions.covering(token.idx, token.idx + len(token.text)):
                    if entity.type in ("ORG", "LOC"):
                        self.resolver.heard(start, Speaker(None, text_of(doc)[start:end], start, end))
        self.absorbed: set[int] = set()
        self.sentences: dict[int, Range] = {}

    # --- predicates -----------------------------------------------------------------------------

    def read(self, token: Token) -> Found | None:
        if token.i in self.absorbed:
            return None
        verb_like = token.pos_ in ("VERB", "AUX") or token.pos_ == "NOUN" and any(
            c.dep_ == "nsubj" for c in token.children)  # "L'intersyndicale demande …" tagged as a noun
        if verb_like and not token.dep_.startswith("aux") and token.dep_ != "cop":
            predicate = self._verb_predicate(token)
            if predicate is not None:
                return self._verb(token, predicate)
        predicate = self._adjective_predicate(token)
        if predicate is not None:
            return self._adjective(token, predicate)
        if token.pos_ == "NOUN":
            lemma = token.lemma_.lower()
            if lemma in self.lex.nouns:
                return self._stance_noun(token, self.lex.nouns[lemma])
            if lemma in self.lex.needs:
                return self._need(token)
        return None

    def _verb_predicate(self, verb: Token) -> Predicate | None:
        candidates = [p for lemma in _lemmas(verb) for p in self.lex.verbs.get(lemma, [])]
        reflexive = _is_reflexive(verb)
        following = tuple(_fold(t.lower_) for t in self.doc[verb.i + 1:verb.i + 3])
        for predicate in sorted(candidates, key=lambda p: (not p.reflexive, not p.noun, not p.prep)):
            if predicate.reflexive != reflexive:
                continue  # "se demander", "se défendre" are other verbs; "s'opposer à" needs its "se"
            if any(following[:len(n) - 1] == n[1:] for n in self.lex.not_stances if n[0] == predicate.lemma):
                return None  # "vouloir dire", "demander si"
            if predicate.noun is not None and not any(
                    c.lemma_.lower() == predicate.noun and c.dep_ == "obj" for c in verb.children):
                continue
            if predicate.prep and predicate.noun is None and self._after_prep(verb, predicate.prep) is None:
                continue  # "appeler quelqu'un" is not "appeler à"
            return predicate
        return None

    def _adjective_predicate(self, token: Token) -> Predicate | None:
        if token.pos_ not in ("ADJ", "ADP", "VERB", "NOUN"):
            return None
        form = _fold(token.lower_)
        forms = {form, token.lemma_.lower(), form.rstrip("s"), form.rstrip("s").rstrip("e")}
        if form not in self.lex.adjective_starts and not any(f in self.lex.adjectives for f in forms):
            return None
        fixed = "".join(c.text for c in token.children if c.dep_ == "fixed")
        if fixed:
            forms.add(_fold(token.lower_ + fixed.lower()))
        for candidate in forms:
            for predicate in self.lex.adjectives.get(candidate, []):
                if self._after_prep(token, predicate.prep, adjacent=True) is not None:
                    return predicate
        return None

    def _verb(self, verb: Token, predicate: Predicate) -> Found | None:
        lex = self.lex
        polarity = predicate.polarity
        bare_participle = _has(verb, "VerbForm", "Part") and _has(verb, "Tense", "Past") \
            and not any(c.dep_.startswith(("aux", "cop")) for c in verb.children) \
            and (verb.dep_ in ("acl", "amod", "appos") or verb.head.pos_ in ("NOUN", "PROPN")) \
            and not _auxiliary_before(verb)
        negated = _negated(verb)
        if negated:
            if polarity != "support" and predicate.lemma not in lex.negated_to_oppose:
                return None  # "n'exclut pas", "ne demande pas": no stance taken
            polarity = "oppose"
        passive = self._passive(verb)
        if passive is None and bare_participle:
            return None  # "le principal accusé", "Joe Biden, accusé d'avoir …": the holder is its object
        if passive is not None:
            agent, patient = passive
            holder = self._phrase_holder(*agent) if agent else None
            return Found(verb, polarity, [holder], patient) if holder and patient else None
        incise = self._incise(verb)
        if incise is not None:
            if predicate.lemma not in lex.incise and predicate.words not in lex.incise:
                return None
            holder = _speaker_of(incise)
            return Found(verb, polarity, [holder], incise.text) if holder else None
        span = self._target(verb, predicate)
        if span is None:
            return None
        if predicate.lemma in lex.idea_verbs and not self._is_idea(*span):
            return None
        first_verb = next((t for t in self.doc[span[0]:span[1]] if t.pos_ in ("VERB", "AUX")), None)
        if predicate.lemma in lex.intention and not negated and first_verb is not None \
                and _has(first_verb, "VerbForm", "Inf") and first_verb.i - span[0] <= 3:
            polarity = "support"  # "veut poursuivre la concertation": an intention of one's own
        target: Range | str = span
        inner = self._inner(*span)
        if inner is not None and polarity == "support":
            polarity, target = inner.polarity, inner.target  # "s'engage à soutenir X": support of X
        holders = self._holders(verb)
        if holders:
            self._absorb(*span)
        return Found(verb, polarity, holders, target) if holders else None

    def _absorb(self, first: int, end: int) -> None:
        """Infinitives inside a target ('appelle les forces politiques à accepter la décision') belong
        to the stance that holds them, not to one of their own."""
        for token in self.doc[first:end]:
            if _has(token, "VerbForm", "Inf") or token.dep_ in ("acl", "xcomp"):
                self.absorbed.add(token.i)

    def _adjective(self, adjective: Token, predicate: Predicate) -> Found | None:
        polarity = predicate.polarity
        cop = next((c for c in adjective.children if c.dep_ == "cop"), None)
        if _negated(adjective) or (cop is not None and _negated(cop)):
            if polarity != "support":
                return None
            polarity = "oppose"
        after = self._after_prep(adjective, predicate.prep, adjacent=True)
        target = self._span(after, self._limit(adjective)) if after is not None else None
        if target is None:
            return None
        if cop is not None or any(c.dep_.startswith("nsubj") for c in adjective.children):
            holders = self._holders(adjective)
        elif adjective.dep_ == "xcomp" and adjective.head.pos_ in ("VERB", "AUX"):
            holders = self._holders(adjective.head)  # "s'est dit opposé à …"
        elif adjective.head.pos_ in ("NOUN", "PROPN") and adjective.head.i < adjective.i:
            holder = self._noun_holder(adjective.head, without=adjective)
            holders = [holder] if holder else []
        else:  # "Marine Le Pen, opposée à la réforme, …" with the adjective hung elsewhere
            phrase = self._named_before(adjective)
            holder = self._phrase_holder(*phrase) if phrase else None
            holders = [holder] if holder else []
        return Found(adjective, polarity, holders, target) if holders else None

    def _stance_noun(self, noun: Token, polarity: Polarity) -> Found | None:
        """'Nous avons exprimé notre mécontentement face à la propagande …'."""
        verb = noun.head
        if not self._is_light_verb(verb):
            verb = verb.head
        if not self._is_light_verb(verb) or verb.i > noun.i or _negated(verb):
            return None
        limit = self._limit(noun)
        i = noun.i + 1
        while i < limit and self.doc[i].lower_ not in STANCE_NOUN_PREPOSITIONS:
            if self.doc[i].text in (",", ".", ";") or i - noun.i > 4:
                return None
            i += 1
        words = [_fold(t.lower_) for t in self.doc[i:i + 4]]
        if words[:1] in (["face"], ["vis-à-vis"]):
            i += 2 if words[1:2] in (["à"], ["de"], ["d'"]) else 1  # "face à"
        elif words[:3] in (["à", "l'", "égard"], ["à", "l'", "encontre"]):
            i += 4 if words[3:4] in (["de"], ["d'"]) else 3  # "à l'égard de"
        elif words[:1] != ["au"] and words[:1] != ["aux"]:
            i += 1  # "son soutien à l'Ukraine"
        target = self._span(i, limit) if i < limit else None
        holders = self._holders(verb)
        return Found(noun, polarity, holders, target) if target and holders else None

    def _is_light_verb(self, verb: Token) -> bool:
        """'exprimer', or 'faire part' read from its first word."""
        lemma = verb.lemma_.lower()
        after = self.doc[verb.i + 1].lower_ if verb.i + 1 < len(self.doc) else ""
        return lemma in self.lex.light_verbs or f"{lemma} {after}" in self.lex.light_verbs

    def _need(self, noun: Token) -> Found | None:
        """'… confirmer la nécessité de faire pression sur Moscou': the demand of whoever says it."""
        after = noun.i + 1
        if after >= len(self.doc) or _fold(self.doc[after].lower_) not in ("de", "d'"):
            return None
        holder = _speaker_of(self._quote_around(noun.idx))
        target = self._span(after, self._limit(noun))
        return Found(noun, "demand", [holder], target) if target and holder else None

    def _inner(self, first: int, end: int) -> Found | None:
        """A predicate that opens the target ('à soutenir cette initiative') is read as part of this one."""
        for token in self.doc[first:min(end, first + 3)]:
            if token.pos_ == "VERB" and _has(token, "VerbForm", "Inf"):
                inner = self.read(token)
                if inner is not None:
                    self.absorbed.add(token.i)
                return inner
        return None

    # --- targets --------------------------------------------------------------------------------

    def _target(self, verb: Token, predicate: Predicate) -> Range | None:
        lex, doc = self.lex, self.doc
        limit = self._limit(verb)
        # a circumstance of the verb after its complement ends the target ("… devant le Parlement")
        limit = min([limit] + [c.left_edge.i for c in verb.children if c.left_edge.i > verb.i + 1
                               and self._circumstance(c) and not self._opens_target(verb, c)])
        if predicate.prep and (predicate.reflexive or predicate.noun is not None):
            after = self._after_prep(verb, predicate.prep)
            return self._span(after, limit) if after is not None else None
        first = self._first_content(verb, limit)
        if first is None:
            return self._relative_antecedent(verb)
        word = _fold(doc[first].lower_)
        if word in ("que", "qu'") or word in ("à", "de") and first + 2 < limit and doc[first + 1].lower_ == "ce" \
                and _fold(doc[first + 2].lower_) in ("que", "qu'"):
            if predicate.words not in lex.que_clause and predicate.lemma not in lex.que_clause:
                return None  # "soutenir que" says, it does not support
            clause = next((c for c in verb.children if c.dep_ in ("ccomp", "obj", "xcomp") and c.i > first), None)
            if predicate.lemma in lex.que_needs_subjunctive and (clause is None or not _has(clause, "Mood", "Sub")):
                return None
        elif predicate.prep and doc[first].lower_ in predicate.prep:
            first += len(predicate.prep)  # "protester contre X": X
        span = self._span(first, limit)
        infinitive = next((t for t in doc[first:first + 4] if t.pos_ not in ("PRON", "ADV", "PART")
                           and _fold(t.lower_) not in lex.marks), None)
        if span is not None and infinitive is not None and infinitive.head.i == verb.i \
                and _has(infinitive, "VerbForm", "Inf"):
            span = self._span(span[0], min(span[1], infinitive.right_edge.i + 1))  # "veulent le faire"
        if span is None or not self._has_content(*span):
            return self._relative_antecedent(verb)
        return span

    def _first_content(self, verb: Token, limit: int) -> int | None:
        """The first token after the verb that opens what it is about, past adverbs, the glued pronoun
        of an inversion and circumstances ('dimanche', 'dans un message sur X', 'de son côté')."""
        doc = self.doc
        skip = {c.left_edge.i: self._circumstance_end(c) for c in verb.children if c.i > verb.i and self._circumstance(c)}
        i = verb.i + 1
        while i < limit:
            token = doc[i]
            if i in skip:
                i = max(skip[i], i + 1)
            elif token.pos_ == "ADV" and token.lower_ not in NEGATIONS and i + 1 < limit \
                    and _fold(doc[i + 1].lower_) in ("de", "d'"):
                return i  # "davantage de systèmes de défense"
            elif token.pos_ == "ADV" or token.text.startswith("-") or _fold(token.lower_) in ("ne", "n'") \
                    or token.pos_ == "NOUN" and token.lemma_.lower() in self.lex.not_heads:
                i += 1  # "demande solennellement vendredi au président …"
            elif token.text == "(":
                close = next((t.i for t in doc[i:limit] if t.text == ")"), None)
                if close is None:
                    return None
                i = close + 1
            elif token.text in OPENING and i + 1 in skip:
                i = skip[i + 1] + (1 if skip[i + 1] < limit and doc[skip[i + 1]].text in CLOSING else 0)
            elif token.text == "," or token.text in MARKS and (not doc[i - 1].whitespace_ or i + 1 < limit
                                                              and doc[i + 1].pos_ == "ADV"):
                i += 1  # a comma, a mark closing the quoted verb ('"demande solennellement" vendredi …')
            elif token.is_punct and token.text not in OPENING or token.is_space:
                return None
            else:
                return i
        return None

    def _circumstance(self, child: Token) -> bool:
        lemma = child.lemma_.lower()
        if lemma in self.lex.not_heads:
            return True
        if child.dep_ in ("obj", "xcomp", "ccomp", "obl:arg", "iobj") or child.pos_ in ("VERB", "AUX"):
            return False
        cases = [c.lower_ for c in child.children if c.dep_ == "case" and c.i < child.i]
        return child.dep_ in ("obl:mod", "obl", "advmod", "advcl") and bool(cases) and cases[0] in CIRCUMSTANCE_CASES

    def _opens_target(self, verb: Token, child: Token) -> bool:
        """Whether a circumstance stands before anything the verb is about ('a appelé dimanche …')."""
        return not any(c.dep_ in ("obj", "xcomp", "ccomp", "obl:arg", "iobj") and c.i < child.i for c in verb.children)

    def _circumstance_end(self, child: Token) -> int:
        """'dans un message sur Facebook': the head and its complements, not an apposition the parser
        hung on it ('vendredi une campagne …')."""
        end = child.i + 1
        if child.lemma_.lower() in self.lex.not_heads and not any(c.dep_ == "case" for c in child.children):
            return end  # "vendredi", whatever the parser hung on it
        for c in child.children:
            if c.i > child.i and c.dep_ in ("nmod", "amod", "nummod", "flat:name", "fixed") and c.pos_ != "VERB":
                if c.dep_ == "nmod" and not any(g.dep_ == "case" for g in c.children):
                    break
                end = c.right_edge.i + 1
        return end

    def _has_content(self, first: int, end: int) -> bool:
        """Whether a target names something: 'le faire' and 'entendre parler' do not."""
        return any(t.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") for t in self.doc[first:end])

    def _span(self, first: int, limit: int) -> Range | None:
        """The target from token `first`: leading marks ('de', 'que', 'à ce que') dropped, cut where a
        new clause or a circumstance begins."""
        doc, lex = self.doc, self.lex
        opened = False  # "à ce que", "de ce que": the "ce" goes with the mark before it
        while first < limit:
            word = _fold(doc[first].lower_)
            if word in lex.marks and (doc[first].dep_ == "mark" or word in ("que", "qu'")):
                opened = True
            elif word in ("de", "d'") and (doc[first].pos_ == "DET" or first + 1 < limit and doc[first + 1].pos_ == "DET"):
                pass  # "ne veut pas d'une hausse", "ne pas accepter de réunions": the negation's "de"
            elif not (opened and word == "ce" and first + 1 < limit and _fold(doc[first + 1].lower_) in ("que", "qu'")):
                break
            first += 1
        end = self._end(first, limit)
        while end > first:
            last = doc[end - 1]
            if last.text in CLOSING | {")"} and _balanced(doc[first:end].text):
                break  # the mark closes one opened inside the target
            if not (last.is_space or last.is_punct):
                break
            end -= 1
        return (first, end) if end > first else None

    def _end(self, first: int, limit: int) -> int:
        doc, lex = self.doc, self.lex
        new_verbs = {t.left_edge.i for t in doc[first:limit] if t.dep_ in ("conj", "parataxis")
                     and t.pos_ in ("VERB", "AUX") and t.head.i < first}
        for i in range(first + 1, limit):
            token = doc[i]
            word = _fold(token.lower_)
            if i in new_verbs or word in lex.stops or token.is_space or "\n" in token.text:
                return i
            if i + 1 < limit and (word, _fold(doc[i + 1].lower_)) in lex.stop_pairs:
                return i
            if token.text == "," and i + 1 < limit and self._opens_clause(i + 1):
                return i
            if token.text in CLOSING and i + 2 < limit and doc[i + 1].text == "," and doc[i + 2].pos_ in ("AUX", "VERB"):
                return i + 1 if _balanced(doc[first:i + 1].text) else i  # '…", a-t-il dit'
        return limit

    def _opens_clause(self, i: int) -> bool:
        """Whether the words after a comma start something other than the target."""
        doc = self.doc
        while i < len(doc) and doc[i].text in MARKS:
            i += 1
        if i >= len(doc):
            return True
        token = doc[i]
        if _fold(token.lower_) in self.lex.after_comma:
            return True
        if token.pos_ == "AUX" or token.pos_ == "VERB" and not _has(token, "VerbForm", "Inf"):
            return True  # a participle, a gerund, an incise ("a-t-il dit") or a new verb
        if token.dep_.startswith("nsubj") or token.pos_ == "DET" and token.head.dep_.startswith("nsubj"):
            return True  # the subject of the main clause after a subordinate one
        if token.pos_ in ("PRON", "DET") and i + 1 < len(doc) and doc[i + 1].pos_ in ("VERB", "AUX"):
            return True  # ", les jugeant illégales"
        return token.pos_ == "PRON" and token.dep_ != "obj"

    def _relative_antecedent(self, verb: Token) -> Range | None:
        """'des solutions … dont il ne veut pas entendre parler': the relative stands for its antecedent."""
        clause = verb
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "acl:relcl":
            return None
        relative = next((t for t in clause.subtree if t.i < clause.i and _fold(t.lower_) in ("dont", "que", "qu'")), None)
        if relative is None:
            return None
        first, end = clause.head.left_edge.i, relative.i
        while end > first and (self.doc[end - 1].is_punct or self.doc[end - 1].text in ("–", "—")):
            end -= 1
        return (first, end) if end > first else None

    def _is_idea(self, first: int, end: int) -> bool:
        head = next((t for t in self.doc[first:end] if t.pos_ in ("NOUN", "PROPN")), None)
        return head is not None and head.lemma_.lower() in self.lex.ideas

    def _after_prep(self, token: Token, prep: tuple[str, ...], adjacent: bool = False) -> int | None:
        """Where the target starts when it must follow the preposition `prep` in the predicate's clause:
        'appelle les élus à adopter' → 'les élus', 'appelé à une réforme' → 'une', 'au calme' → 'au'."""
        if not prep:
            return token.i + 1
        doc = self.doc
        limit = self._limit(token)
        after = max([token.i] + [c.i for c in token.children if c.dep_ == "fixed"]) + 1  # "d'accord"
        for i in range(after, limit):
            here = doc[i]
            if here.text in (".", ";", ":") or here.pos_ == "VERB" and _has(here, "VerbForm", "Fin"):
                return None
            if adjacent and here.pos_ != "ADV" and not self._is_prep(i, prep):
                return None
            if self._is_prep(i, prep):
                objects = [t for t in doc[token.i + 1:i] if t.dep_ in ("obj", "iobj") and t.head.i == token.i]
                if objects and here.lower_ in PREPOSITION_FORMS["à"]:
                    return objects[0].left_edge.i  # "appelle les élus à …": the whole call
                return i + len(prep) if here.lower_ not in ("au", "aux", "du", "des") else i
        return None

    def _is_prep(self, i: int, prep: tuple[str, ...]) -> bool:
        doc = self.doc
        return all(i + k < len(doc) and _fold(doc[i + k].lower_) in PREPOSITION_FORMS.get(p, (p,))
                   for k, p in enumerate(prep))

    def _sentence(self, token: Token) -> Range:
        """The token's sentence as tokens [start, end): the parser's, joined to a neighbour it cut off
        without punctuation ('Washington' | 'a salué …'), cut where it missed a sentence end."""
        if token.i not in self.sentences:
            self.sentences[token.i] = self._find_sentence(token)
        return self.sentences[token.i]

    def _find_sentence(self, token: Token) -> Range:
        doc = self.doc
        start, end = token.sent.start, token.sent.end
        while start > 0 and not _ends_sentence(doc, start):
            start = doc[start - 1].sent.start
        while end < len(doc) and not _ends_sentence(doc, end):
            end = doc[end].sent.end
        for match in SENTENCE_END.finditer(text_of(doc), doc[start].idx, token.idx):
            span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if span is not None and span.start <= token.i:
                start = span.start
        for match in SENTENCE_END.finditer(text_of(doc), token.idx, doc[end - 1].idx + len(doc[end - 1].text)):
            span = doc.char_span(match.start(), match.start() + 1, alignment_mode="expand")
            if span is not None and span.start > token.i:
                return start, span.start + 1
        return start, end

    def _limit(self, token: Token) -> int:
        """Index of the token that ends the token's sentence, or the subordinate clause that opens it
        ('Alors que des agriculteurs ont promis …, M. Rousseau …')."""
        doc = self.doc
        start, end = self._sentence(token)
        opening = tuple(_fold(t.lower_) for t in doc[start:start + 2])
        if any(opening[:len(s)] == s for s in self.lex.subordinators) \
                and not any(t.text == "," for t in doc[start:token.i]):
            comma = next((t.i for t in doc[token.i:end] if t.text == ","), None)
            if comma is not None:
                return comma
        while end > token.i + 1 and (doc[end - 1].is_space or doc[end - 1].text in (".", "!", "?", "…")):
            end -= 1
        return end

    # --- holders --------------------------------------------------------------------------------

    def _holders(self, verb: Token) -> list[Speaker]:
        """Who holds the stance of a predicate: its subject, one holder per named conjunct ('la Suède et
        l'UE soutiennent …'), else the phrase the parser left it hanging on."""
        subject = self._subject(verb)
        if subject is not None:
            conjuncts = self._conjuncts(subject)
            if len(conjuncts) > 1:
                named = [self._phrase_holder(*c) for c in conjuncts]
                if all(h is not None and h.entity is not None for h in named) \
                        and len({h.entity for h in named if h is not None}) == len(named):
                    return [h for h in named if h is not None]
            holder = self._phrase_holder(*subject)
            return [holder] if holder else []
        if verb.dep_ in ("acl", "amod") and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i \
                and not any(c.dep_ == "case" for c in verb.head.children):
            holder = self._noun_holder(verb.head, without=verb)
            return [holder] if holder else []
        phrase = self._opening_phrase(verb) or self._named_before(verb)
        if phrase is not None:
            holder = self._phrase_holder(*phrase)
            return [holder] if holder else []
        if _is_gerund(verb):
            # "…, a déclaré X, demandant la saisine …": the participle goes on with the speaker's words
            quote = next((q for q in reversed(self.quotes) if q.speaker_text
                          and self.doc[self._sentence(verb)[0]].idx <= q.start < verb.idx), None)
            holder = _speaker_of(quote)
            return [holder] if holder else []
        return []

    def _subject(self, verb: Token) -> Range | None:
        """The subject as a token range: the nearest before the verb when the parser gives several
        ('Ce qu'il a dit, c'est que la Suède … soutiennent'), the glued '-t-il' of an inversion, or the
        subject of the verb this one depends on ('décide de ne pas accepter')."""
        head = verb
        for _ in range(4):
            # "qu'il n'accepterait pas" is sometimes parsed as an impersonal "il": no stance verb is one
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")]
            glued = [c for c in subjects if c.text.startswith("-") and c.text != "-t"]
            if glued:
                return glued[0].i, glued[0].i + 1
            before = [c for c in subjects if c.i < head.i]
            if before or (subjects and head is not verb):
                subject = max(before, key=lambda c: c.i) if before else subjects[0]
                return self._trim(subject.left_edge.i, subject.right_edge.i + 1)
            if head is verb and _is_gerund(verb):
                # "Appelant les salariés à …, elle décide …" parsed the other way round
                main = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("advcl", "conj", "parataxis")
                             and any(g.dep_ == "nsubj" for g in c.children)), None)
                if main is not None:
                    head = main
                    continue
            if head.dep_ not in ("conj", "xcomp", "advcl") or head.head.i == head.i:
                return None
            head = head.head
        return None

    def _trim(self, first: int, end: int) -> Range:
        """A phrase cut before a relative clause, or a comma that does not introduce a name."""
        doc = self.doc
        for i in range(first + 1, end):
            token = doc[i]
            if _fold(token.lower_) in ("qui", "que", "qu'", "dont", "lequel", "laquelle") or token.is_space:
                end = i
                break
            if token.text == "," and not (i + 1 < end and doc[i + 1].pos_ == "PROPN"):
                end = i
                break
        while end > first + 1 and (doc[end - 1].is_punct and not (doc[end - 1].text == ")" and _balanced(
                doc[first:end].text)) or doc[end - 1].is_space):
            end -= 1
        return first, end

    def _conjuncts(self, subject: Range) -> list[Range]:
        doc = self.doc
        head = next((t for t in doc[subject[0]:subject[1]] if not subject[0] <= t.head.i < subject[1]
                     or t.head.i == t.i), None)
        if head is None:
            return [subject]
        conj = [c for c in head.children if c.dep_ == "conj" and c.i < subject[1]]
        if not conj:
            return [subject]
        out = [(subject[0], conj[0].left_edge.i)]
        out += [(c.left_edge.i, c.right_edge.i + 1) for c in conj]
        return [self._trim(*_without_edges(doc, first, end)) for first, end in out]

    def _phrase_holder(self, first: int, end: int) -> Speaker | None:
        doc = self.doc
        first, end = _without_edges(doc, first, end)
        if first >= end:
            return None
        words = _fold(doc[first:end].text.lower())
        if words in self.lex.first_person:
            return _speaker_of(self._quote_around(doc[first].idx, direct=True))
        if words in RELATIVES and doc[first].head.dep_ == "acl:relcl":
            return self._noun_holder(doc[first].head.head)
        if words in THIRD_PERSON:
            reporter = self._reporter(doc[first])
            if reporter is not None:
                return reporter
        speaker = self.resolver.from_tokens(first, end)
        if speaker is None or speaker.entity is None and speaker.text.lower() in self.resolver.pronouns:
            return None  # a pronoun nobody was found for
        if speaker.entity is None and words in THIRD_PERSON:
            # the antecedent was remembered by its words: name its entity, if it is one
            span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
            named = self.resolver.from_tokens(span.start, span.end) if span is not None else None
            if named is not None and named.entity is not None:
                return Speaker(named.entity, speaker.text, speaker.start, speaker.end)
        return speaker

    def _reporter(self, pronoun: Token) -> Speaker | None:
        """'La Russie a déclaré qu'elle n'accepterait pas …': a pronoun subject of the clause a speech
        verb reports stands for the reporter, when it agrees with it."""
        clause = pronoun.head
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp":
            return None
        cue = clause.head
        quote = next((q for q in self.quotes if q.speaker_text and q.cue and q.cue.split()[-1] == cue.text
                      and q.start <= pronoun.idx < q.end), None)
        if quote is None or not _agrees(self.doc, pronoun, quote):
            return None
        return _speaker_of(quote)

    def _noun_holder(self, noun: Token, without: Token | None = None) -> Speaker | None:
        """The phrase a noun heads, as far as its own words go ('le leader des Insoumis, Jean-Luc
        Mélenchon'), leaving out the predicate that hangs on it."""
        while noun.dep_ == "appos" and noun.head.i < noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "Eric Ciotti, président de LR, favorable à …": Eric Ciotti
        first, end = noun.left_edge.i, noun.i + 1
        for child in noun.children:
            if child.i <= noun.i or without is not None and child.i == without.i:
                continue
            if child.dep_ in ("flat:name", "nmod", "amod", "nummod", "conj") or (
                    child.dep_ == "appos" and child.pos_ == "PROPN"):
                if without is not None and child.left_edge.i <= without.i <= child.right_edge.i:
                    break
                end = max(end, child.right_edge.i + 1)
        return self._phrase_holder(*self._trim(first, min(end, self._limit(noun))))

    def _opening_phrase(self, verb: Token) -> Range | None:
        """A noun phrase the parser left without a role, before a verb that has no subject: 'Une
        coalition de 30 pays, dont …, s'est engagée …' (parsed as a modifier)."""
        for child in verb.children:
            if child.i >= verb.i or child.pos_ not in ("NOUN", "PROPN") or child.dep_ not in ("obl:mod", "nmod", "dep"):
                continue
            if any(c.dep_ == "case" for c in child.children) or child.lemma_.lower() in self.lex.not_heads:
                continue
            return self._trim(child.left_edge.i, child.right_edge.i + 1)
        return None

    def _named_before(self, verb: Token) -> Range | None:
        """When the parse gives no subject ('Mais, d'après elle, M. Macron a, sans surprise, balayé …'):
        the name that ends right before the verb, its auxiliary and what is inserted between commas or
        brackets ('M. Rousseau, qui s'exprimait sur un barrage …, a aussi exhorté …')."""
        doc = self.doc
        first = self._sentence(verb)[0]
        i = verb.i - 1
        while i >= first:
            token = doc[i]
            if token.pos_ in ("AUX", "ADV") or token.text.startswith("-") or token.text in OPENING \
                    or token.pos_ == "PRON" and _fold(token.lower_) in CLITICS:
                i -= 1
            elif token.text == ")":
                i = next((t.i for t in reversed(doc[first:i]) if t.text == "("), first) - 1
            elif token.text == ",":
                opening = next((t.i for t in reversed(doc[first:i]) if t.text == ","), None)
                if opening is None or not (_fold(doc[opening + 1].lower_) in RELATIVES | {"que", "qu'", "dont"}
                                           or doc[opening + 1].pos_ in ("ADP", "ADV")):
                    i -= 1
                    break
                i = opening - 1  # ", qui s'exprimait …," or ", sans surprise,": inserted
            else:
                break
        if i < first:
            return None
        for start, end, entity in self.resolver.mentions.covering(doc[i].idx, doc[i].idx + len(doc[i].text)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.end - 1 == i and entity.type != "MISC":
                return span.start, span.end
        return None

    def _quote_around(self, position: int, direct: bool = False) -> Quote | None:
        """The quotation with a speaker that holds this character; the innermost when several do."""
        around = [q for q in self.quotes if q.speaker_text and q.start <= position < q.end
                  and (not direct or q.kind != "indirect")]
        return min(around, key=lambda q: q.end - q.start) if around else None

    def _incise(self, verb: Token) -> Quote | None:
        """The quotation this verb closes as an incise ('« … », a dénoncé X'), if it does."""
        text = text_of(self.doc)
        for q in self.quotes:
            if q.end <= verb.idx and verb.idx - q.end < 40 and INCISE_GAP.match(text[q.end:verb.idx]):
                return q
        return None

    def _passive(self, verb: Token) -> tuple[Range | None, Range | None] | None:
        """For a passive ('était contestée par 19 États', 'une mesure, saluée par les syndicats'), the
        agent and the patient as token ranges; None when the verb is active."""
        doc = self.doc
        participle = verb.dep_ == "acl" and _has(verb, "VerbForm", "Part") and _has(verb, "Tense", "Past") \
            and not any(c.dep_.startswith(("aux", "expl")) for c in verb.children) and not _auxiliary_before(verb) \
            and any(t.text == "," for t in doc[max(verb.i - 3, 0):verb.i]) \
            and all(t.text == "," or t.pos_ == "ADV" for t in doc[max(verb.i - 3, 0):verb.i][-2:])
        if not participle and (_is_reflexive(verb) or not any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children)):
            return None  # "s'étaient prononcées pour …" is active
        agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
        patient = next((c for c in verb.children if c.dep_ == "nsubj:pass"), None)
        if patient is None and participle:
            patient = verb.head
        return (self._head_phrase(agent) if agent is not None else None,
                self._head_phrase(patient) if patient is not None else None)

    def _head_phrase(self, noun: Token) -> Range:
        first = noun.left_edge.i
        while first < noun.i and self.doc[first].dep_ == "case":
            first += 1
        end = noun.i + 1
        for c in noun.children:
            if c.i > noun.i and c.dep_ in ("amod", "nmod", "flat:name") and c.lemma_.lower() not in self.lex.not_heads \
                    and not any(t.text == "," for t in self.doc[noun.i:c.right_edge.i + 1]):
                end = max(end, c.right_edge.i + 1)
        return first, end

    # --- records --------------------------------------------------------------------------------

    def stance(self, found: Found, holder: Speaker) -> Stance | None:
        doc = self.doc
        start, end = self._evidence(found.anchor)
        if isinstance(found.target, str):
            target = _clean(found.target)
        else:
            first, stop = self._antecedent(*found.target) or found.target
            lo, hi = doc[first].idx, doc[stop - 1].idx + len(doc[stop - 1].text)
            target = _clean(text_of(doc)[lo:hi])
            if start <= lo < end:
                end = max(end, hi)
        if not target or not holder.text.strip():
            return None
        return Stance(holder.entity, holder.text, found.polarity, target, start, end)

    def _antecedent(self, first: int, end: int) -> Range | None:
        """What a bare demonstrative ('cette initiative') names: the last phrase with the same noun in
        the sentences before, or, for a plan or a proposal, the last thing newly introduced."""
        doc, lex = self.doc, self.lex
        words = [t for t in doc[first:end] if t.text not in MARKS]
        if len(words) != 2 or words[0].lower_ not in lex.demonstratives or words[1].pos_ != "NOUN":
            return None
        noun = words[1]
        window = noun.sent.start
        for _ in range(2):
            if window > 0:
                window = doc[window - 1].sent.start
        candidates = [t for t in doc[window:words[0].i] if t.pos_ == "NOUN"
                      and not any(c.lower_ in lex.demonstratives for c in t.children)]
        same = [t for t in candidates if t.lemma_ == noun.lemma_]
        introduced = [t for t in candidates if t.dep_ in ("obj", "nsubj") and t.sent.start < noun.sent.start
                      and any(c.dep_ == "det" and c.lower_ in ("un", "une", "des") for c in t.children)]
        if same:
            found = same[-1]
        elif noun.lemma_.lower() in lex.proposals and introduced:
            found = introduced[-1]
        else:
            return None
        return self._span(found.left_edge.i, min(self._limit(found), found.right_edge.i + 1))

    def _evidence(self, anchor: Token) -> tuple[int, int]:
        """The sentence the predicate stands in, as exact offsets."""
        doc, text = self.doc, text_of(self.doc)
        start, end = self._sentence(anchor)
        lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        return lo, hi


def _fold(word: str) -> str:
    return word.translate(APOSTROPHES)


def _has(token: Token, feature: str, value: str) -> bool:
    return value in token.morph.get(feature, [])


def _lemmas(verb: Token) -> set[str]:
    """The lemma, and first-group infinitives the lemmatizer missed ('exige', 'réclament')."""
    form = verb.lower_
    out = {verb.lemma_.lower()}
    for ending in ("aient", "ent", "ait", "ant", "ées", "és", "ée", "é", "es", "e"):
        if form.endswith(ending):
            out.add(form[: -len(ending)] + "er")
            break
    return out


def _ends_sentence(doc: Doc, i: int) -> bool:
    """Whether a sentence may start at token i: after a line break or a sentence's final mark."""
    before = doc[i - 1]
    if before.is_space or "\n" in before.whitespace_ or doc[i].is_space:
        return True
    if before.text in CLOSING and i >= 2:
        before = doc[i - 2]
    return before.text in (".", "!", "?", "…", ":", ";")


def _is_gerund(verb: Token) -> bool:
    return _has(verb, "VerbForm", "Part") and _has(verb, "Tense", "Pres")


def _auxiliary_before(verb: Token) -> bool:
    """'M. Macron a, sans surprise, balayé …': a compound tense the parser did not join."""
    for token in reversed(verb.doc[verb.sent.start:verb.i]):
        if token.pos_ == "AUX" and token.lemma_ in ("avoir", "être"):
            return True
        if token.pos_ == "VERB":
            return False
    return False


def _is_reflexive(verb: Token) -> bool:
    for child in verb.children:
        if child.i > verb.i:
            continue
        word = _fold(child.lower_)
        if child.lemma_.lower() == "se" or word in ("s'", "se"):
            return True
        if child.dep_.startswith(("expl", "obj", "iobj")) and word in ("me", "m'", "te", "t'", "nous", "vous"):
            return True
    return False


def _negated(token: Token) -> bool:
    """'n'accepterait pas', 'ne veut pas', 'de ne pas accepter', 'ne peut pas accepter'; not 'ne font que'."""
    words = {_fold(c.lower_) for c in token.children}
    if words & NEGATIONS and (words & {"ne", "n'"} or _has(token, "VerbForm", "Inf")):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_ in ("pouvoir", "devoir", "aller") and token.head.i < token.i:
        return _negated(token.head)
    return False


def _agrees(doc: Doc, pronoun: Token, quote: Quote) -> bool:
    """Whether 'elle' may stand for the quotation's speaker ('La Russie … qu'elle n'accepterait pas')."""
    if quote.speaker_start is None or quote.speaker_end is None:
        return True
    span = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    gender = set(root.morph.get("Gender", [])) or {g for c in root.children if c.dep_ == "det" for g in c.morph.get("Gender", [])}
    want = set(pronoun.morph.get("Gender", [])) or ({"Fem"} if "elle" in pronoun.lower_ else {"Masc"})
    return not gender or bool(gender & want)


def _speaker_of(quote: Quote | None) -> Speaker | None:
    if quote is None or not quote.speaker_text:
        return None
    start = quote.speaker_start if quote.speaker_start is not None else quote.start
    end = quote.speaker_end if quote.speaker_end is not None else quote.end
    return Speaker(quote.speaker, quote.speaker_text, start, end)


def _without_edges(doc: Doc, first: int, end: int) -> Range:
    """A phrase without the prepositions, marks and commas at its edges ('de "saboteurs politiques"')."""
    while first < end and (doc[first].dep_ in ("case", "cc") or doc[first].is_punct):
        first += 1
    while end > first and doc[end - 1].is_punct and not (doc[end - 1].text == ")" and _balanced(doc[first:end].text)):
        end -= 1
    return first, end


def _balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and all(text.count(a) == text.count(b) for a, b in ("«»", "“”", "()"))


def _clean(text: str) -> str:
    """A target without the quotation marks left open or closed at its edges."""
    strip = " \u00a0\u202f,;:.!?–—-("
    text = text.strip(strip)
    for _ in range(2):
        if text[:1] in OPENING and not _balanced(text):
            text = text[1:].strip(strip)
        if text[-1:] in CLOSING and not _balanced(text):
            text = text[:-1].strip(strip)
    return text
