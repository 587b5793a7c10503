"""Named entities: cleaned, one per referent, with every mention and the role the article gives.

spaCy finds the mentions; this stage drops its junk, strips articles, groups the mentions of one
referent ("Sergueï Lavrov", "M. Lavrov", "Lavrov"; "l'OTAN", "OTAN", "l'Alliance"; "Kiev", "Kyiv"),
finds the repetitions spaCy missed, and reads each person's role from titles and appositions.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..lang import Language
from ..lang.text import unaccent
from ..model import Entity, Span
from . import aliases, kinds, models, roles
from .context import Context, text_of
from .intervals import WORD, Intervals, WordIndex
from .kinds import LABELS

ABBREVIATED = re.compile(r"\b\w+(?=-)")  # the first parts of a hyphenated name: "St" of "St-Pierre"


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    tagged: bool = True  # False: found by looking for a name already known, not by the recogniser

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)

    def keys(self, lex: Lexicon) -> set[str]:
        return {lex.key(m.text) for m in self.mentions}

    def name(self, lex: Lexicon) -> str:
        named = [m.text for m in self.mentions if m.tagged] or [m.text for m in self.mentions]
        return max(named, key=lambda t: (len(lex.without_honorific(t).split()), len(t)))

    @property
    def label(self) -> str:
        counts = Counter(m.label for m in self.mentions)
        # a person named once in full outweighs several bare-surname mentions tagged otherwise
        if "PER" in counts and any(m.label == "PER" and " " in m.text for m in self.mentions):
            return "PER"
        # and a body's full name its acronym ("Bank Al-Maghrib", then "BAM" taken for a person)
        full = Counter(m.label for m in self.mentions if " " in m.text)
        return (full or counts).most_common(1)[0][0]


class Lexicon:
    """The entity knowledge of one language, ready to use."""

    @staticmethod
    @cache
    def of(language: Language) -> Lexicon:
        """The Lexicon of a language, built once per process."""
        return Lexicon(language)

    def __init__(self, language: Language) -> None:
        data, titles = language.entities, language.titles
        self.titles = {w.lower() for w in titles.heads + titles.pre_modifiers}
        self.demonyms = {self.fold(a) for entry in language.demonyms.values() for a in entry.adjectives}
        self.junk = {j.lower() for j in data.junk}
        self.stop_names = data.stop_names
        self.determiners = sorted(data.determiners, key=len, reverse=True)
        self.indefinite_articles = data.indefinite_articles
        self.variant_of: dict[str, str] = {}
        for group in data.variants:
            for name in group:
                self.variant_of[self.fold(name)] = self.fold(group[0])
        self.designators = data.designators
        self._keys: dict[str, str] = {}
        self.state_forms = {self.fold(w) for w in data.state_forms}
        self.honorifics = frozenset(titles.honorifics)
        self.linking = data.linking
        self.elided_articles = data.elided_articles
        gaps = "|".join(re.escape(g) for g in data.joining_gaps)
        self.joining_gap = re.compile(rf"\s*(?:{gaps})\s*", re.IGNORECASE)
        prefixes = "|".join(re.escape(p) for p in (*data.dropped_prefixes, *data.qualifying_prefixes))
        self.prefix = re.compile(rf"({prefixes})-(?=\w)")
        self.dropped_prefixes = frozenset(data.dropped_prefixes)
        self.body_words = data.body_words
        self.organisations = {self.fold(name) for name in data.organisations}
        self.given_names = language.names.feminine | language.names.masculine
        self.speech_verbs = language.speech.verbs
        articles = "|".join(re.escape(a) for a in sorted(data.people_articles, key=len, reverse=True))
        self.people_article = re.compile(rf"(?i)\b(?:{articles})\s+$")  # "les " before "Marseillais"
        self.demonym_endings = tuple(data.demonym_endings)
        self.generic_heads = {self.fold(h) for h in data.generic_heads}  # compared with folded keys
        self.abbreviations = data.abbreviations
        heads = "|".join(re.escape(h) for h in sorted(data.portfolio_heads, key=len, reverse=True))
        gaps = "|".join(re.escape(g) for g in sorted(data.joining_gaps, key=len, reverse=True))
        # "ministre de la ", "ministre wallon de l'", "ministères de la Santé, de la "
        self.body_portfolio_heads = {h.casefold() for h in data.body_portfolio_heads}
        self.portfolio = re.compile(rf"(?i)\b(?P<head>{heads})(?:\s+\w+)?\s+(?:{gaps})\s*"
                                    rf"(?:[^.;:!?]{{1,60}}?(?:,|\bet)\s+(?:{gaps})\s*)?$")
        self.institution_nouns = language.speech.body_nouns | language.speech.place_nouns
        self.countries = {self.fold(name) for entry in language.demonyms.values() for name in entry.names}
        self.named_after = [(re.compile(rf"(?i)\b{re.escape(noun)}\s+$"), label)
                            for nouns, label in ((data.bodies_named_after, "ORG"), (data.places_named_after, "LOC"))
                            for noun in nouns]

    def is_body_word(self, word: str) -> bool:
        """"Tribunal", and "tribunal" written in lower case: a word of a body's name."""
        return word[:1].upper() + word[1:] in self.body_words

    fold = staticmethod(unaccent)  # spelling-blind form: 'Isräel' and 'Israël', 'Elysée' and 'Élysée' fold alike

    def key(self, text: str) -> str:
        """What two mentions of one referent share once articles, courtesy titles and spellings go."""
        known = self._keys.get(text)
        if known is None:
            folded = self.fold(self._unabbreviated(self.without_honorific(text)))
            known = self._keys[text] = self.variant_of.get(folded, folded)
        return known

    def _unabbreviated(self, text: str) -> str:
        """'St-Pierre' → 'Saint-Pierre': the abbreviations of the lexicon written out."""
        return ABBREVIATED.sub(lambda m: self.abbreviations.get(m.group(), m.group()), text) if self.abbreviations else text

    def without_honorific(self, text: str) -> str:
        """'M. Lavrov' → 'Lavrov', and 'M.Bruneau' typed without its space; a courtesy title alone stays."""
        words = text.split()
        if len(words) > 1 and words[0] in self.honorifics:
            return " ".join(words[1:])
        glued = next((h for h in self.honorifics if h.endswith(".") and text.startswith(h)
                      and text[len(h):len(h) + 1].isupper()), None)
        return text[len(glued):] if glued else text


def extract(doc: Doc, ctx: Context) -> list[Entity]:
    lex = Lexicon.of(ctx.language)
    mentions = [m for m in (_clean(doc, start, end, label, lex) for start, end, label in _joined(doc, lex)) if m]
    clusters = _cluster(mentions, lex, text_of(doc))
    _add_missed_mentions(text_of(doc), clusters, lex)
    settled = kinds.settle(clusters, doc, lex, models.common_words(ctx.language.code))
    entities = []
    for number, (cluster, kind) in enumerate(sorted(settled, key=lambda ck: min(m.start for m in ck[0].mentions)),
                                             start=1):
        spans = sorted({m.span for m in cluster.mentions}, key=lambda s: s.start)
        role = None
        if kind in ("PER", "ORG"):
            role = next((r for s in spans if (r := roles.find(doc, s.start, s.end, ctx.language, kind))), None)
        entities.append(Entity(id=f"e{number}", name=cluster.name(lex), type=kind,  # type: ignore[arg-type]
                               mentions=spans, role=role))
    return entities


def _joined(doc: Doc, lex: Lexicon) -> list[tuple[int, int, str]]:
    """The recogniser's spans, with an organisation joined to the name that completes it
    ("Parti des travailleurs" + "du" + "Kurdistan")."""
    ents = list(doc.ents)
    spans = []
    joined = set()
    for left, right in pairwise(ents):
        gap = text_of(doc)[left.end_char:right.start_char]
        ends_linked = left.text.split()[-1].lower() in lex.linking and gap.isspace()
        complete = left.text.isupper() or not any(c.isupper() for c in left.text)  # "OTAN", "à la"
        if (left.label_ in ("ORG", "MISC") and not complete and "\n" not in gap
                and (lex.joining_gap.fullmatch(gap) or ends_linked)):
            spans.append((left.start_char, right.end_char, "ORG"))
            joined |= {left.start_char, right.start_char}
    spans += [(e.start_char, _with_adjectives(e), e.label_) for e in ents if e.start_char not in joined]
    spans = _named_after_people(doc, spans, lex)
    return _widest_joins(spans)


def _widest_joins(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A chain of joins keeps only its widest span: an ORG span that another ORG span strictly
    holds (starting no later, ending later) is dropped; a sweep by start finds them."""
    held = set()
    reach = -1  # the farthest end of the ORG spans that start no later than the current one
    for span in sorted((sp for sp in spans if sp[2] == "ORG"), key=lambda sp: (sp[0], -sp[1])):
        if span[1] < reach:
            held.add(span)
        reach = max(reach, span[1])
    return [sp for sp in spans if sp not in held]


def _named_after_people(doc: Doc, spans: list[tuple[int, int, str]], lex: Lexicon) -> list[tuple[int, int, str]]:
    """"le Centre hospitalier William Morey", "la rue Jean-Jaurès": a person's name right after the noun
    of a body or a place names that body or place; the recogniser's pieces become one name."""
    text = text_of(doc)
    out = list(spans)
    for start, end, label in spans:
        if label != "PER":
            continue
        line = text[text.rfind("\n", 0, start) + 1:start]
        found = next(((m.start(), kind) for pattern, kind in lex.named_after
                      if (m := pattern.search(line)) is not None), None)
        if found is None:
            continue
        begin = start - len(line) + found[0]
        out = [sp for sp in out if not (begin <= sp[0] and sp[1] <= end)] + [(begin, end, found[1])]
    return out


def _with_adjectives(ent: SpacySpan) -> int:
    """'Conseil constitutionnel', 'Parlement européen': the recogniser often stops before the
    adjectives that finish an institution's one-word name."""
    end = ent.end
    if ent.label_ == "ORG" and len(ent) == 1:
        doc = ent.doc
        while end < len(doc) and end - ent.end < 2 and doc[end].pos_ == "ADJ" and doc[end].text.islower() \
                and doc[end - 1].whitespace_ != "":
            end += 1
    return ent.doc[end - 1].idx + len(ent.doc[end - 1].text)


def _clean(doc: Doc, start: int, end: int, label: str, lex: Lexicon) -> Mention | None:
    """The mention without articles, titles, stray punctuation or line breaks; None for junk."""
    text = text_of(doc)
    if "\n" in text[start:end]:
        end = start + text[start:end].index("\n")
    if text[start:end].startswith(lex.indefinite_articles):
        return None
    opening, _, rest = text[start:end].partition(" ")
    if rest and opening in lex.stop_names:
        start += len(opening) + 1  # "Selon la Maison Blanche": a sentence's first word taken into the name
    person = _after_portfolio(text, start, end, lex)
    if person is not None:
        start, label = person, "PER"  # "le ministre de l'Économie Bruno Le Maire": the portfolio is no name
    for det in lex.determiners:
        if text[start:end].startswith(det):
            start += len(det)
            break
    prefix = lex.prefix.match(text[start:end])
    if prefix:
        if prefix.group(1) not in lex.dropped_prefixes:
            return None  # "anti-Turquie" qualifies something else; it names nobody
        start += len(prefix.group())
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    if text[end - 1:end] == ")" and "(" not in text[start:end]:
        end -= 1
    trimmed = _without_leading_words(text[start:end], lex)
    if trimmed is None:
        return None
    if trimmed and text[start:end].split()[0].lower() in lex.titles or _beside_title(doc, start, end, lex):
        label = "PER"  # what follows a title, or stands beside it, is the person who holds it
    start += trimmed
    surface = text[start:end]
    if surface.split()[0] in lex.body_words and len(surface.split()) > 1:
        label = "ORG"  # "Bank Al-Maghrib", "Fondation X": a body's name the recogniser took for another kind
    if not surface or _is_junk(doc, start, end, surface, LABELS.get(label, "MISC"), lex):
        return None
    return Mention(start, end, surface, LABELS.get(label, "MISC"))


def _after_portfolio(text: str, start: int, end: int, lex: Lexicon) -> int | None:
    """Where the person's name starts in a span that took in a portfolio ("Culture Rachida Dati" after
    "la ministre de la", or "ministre de la Culture Rachida Dati" whole): at the first given name
    after the portfolio."""
    offset, portfolio = start, False
    for word in text[start:end].split(" ")[:8]:
        if portfolio and (word in lex.given_names or word.split("-")[0] in lex.given_names):
            return offset
        portfolio = portfolio or (word[:1].isupper() and bool(lex.portfolio.search(text[max(0, offset - 40):offset])))
        offset += len(word) + 1
    return None


def _beside_title(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """"le ministre de la Santé, Aden Duale," (a name the tagger took for a town): a name of two words
    or more set in apposition to a person's title."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) < 2 or span.start < 2 or doc[span.start - 1].text != ",":
        return False
    node = doc[span.start - 2]  # the last word of the phrase before the comma: the title or its complement
    for _ in range(4):
        if node.pos_ == "NOUN" and node.lemma_.lower() in lex.titles:
            return any(c.dep_ == "det" for c in node.children)
        if node.dep_ not in ("nmod", "amod") or node.head.i >= node.i:
            return False
        node = node.head
    return False


def _without_leading_words(surface: str, lex: Lexicon) -> int | None:
    """How many characters of leading title or common words to drop ("Premier ministre Ulf Kristersson",
    "conflit au Moyen-Orient"); None when nothing named is left ("ministre de la Défense civile")."""
    words = list(re.finditer(r"\S+", surface))
    first = words[0].group().lower()
    led_by_title = first in lex.titles
    if not (led_by_title or words[0].group()[0].islower()):
        return 0
    for before, word in pairwise(words):
        if word.group()[0].isupper():
            linking = before.group().lower()
            if linking in lex.linking or linking.endswith("'"):
                return None if led_by_title else 0
            if not led_by_title and before is words[0]:
                return 0  # "mer Noire", "rue Royale": the common noun is part of the name
            return word.start()
    return None if led_by_title else 0


def _is_junk(doc: Doc, start: int, end: int, surface: str, label: str, lex: Lexicon) -> bool:
    letters = [c for c in surface if c.isalpha()]
    if len(letters) == 1 and surface.endswith("."):
        return True  # "catégorie B."
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if label != "PER" and tokens is not None and len(tokens) and tokens[0].pos_ == "VERB" and set(
            tokens[0].morph.get("VerbForm")) & {"Inf", "Part"}:
        return True  # a heading's first words: "Sombrer dans le chaos", "Concernant l'énergie"
    demonym = lex.fold(surface).lower() in lex.demonyms and not (
        lex.fold(surface) in lex.countries and _after_article_of_a_place(text_of(doc)[:start], lex))  # "la Suisse"
    return (surface.lower() in lex.junk or surface in lex.stop_names or demonym
            or not any(c.isupper() for c in surface) or _alone_on_its_line(text_of(doc), start, end))


def _after_article_of_a_place(before: str, lex: Lexicon) -> bool:
    """"la Suisse", "en Suisse": the country; "un Suisse", "les Suisses": its people."""
    return lex.people_article.search(before) is None


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """A name that makes a whole line is a heading or a leftover of the page, not a mention."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:line_end if line_end >= 0 else len(text)].strip() == text[start:end]


def _merge_bracketed(clusters: list[Cluster], text: str) -> list[Cluster]:
    """'Parti des travailleurs du Kurdistan (PKK)': the name in brackets right after a name is its alias."""
    owner = {(m.start, m.end): c for c in clusters for m in c.mentions}
    for (start, end), cluster in list(owner.items()):
        if text[end:end + 2] != " (" or text[start:end].isupper():
            continue  # "PARIS (AFP) –" is a dateline, not a name and its acronym
        if " " not in text[start:end].strip():
            continue  # "Gironde (Reuters)": one word and a bracket is a place and the agency of a dateline
        inner = next((c for (s, e), c in owner.items() if s == end + 2 and text[e:e + 1] == ")"), None)
        if inner is not None and inner is not cluster and inner in clusters and cluster in clusters:
            cluster.mentions.extend(inner.mentions)
            clusters.remove(inner)
            for m in inner.mentions:
                owner[(m.start, m.end)] = cluster
    return clusters


def _cluster(mentions: list[Mention], lex: Lexicon, text: str) -> list[Cluster]:
    by_key: dict[str, Cluster] = {}
    for mention in mentions:
        by_key.setdefault(lex.key(mention.text), Cluster()).mentions.append(mention)
    clusters = _split_compounds(list(by_key.values()), lex)
    clusters = _merge(clusters, lex, lambda *pair: aliases.is_short_form(*pair, lex))
    clusters = _merge(clusters, lex, lambda *pair: aliases.is_plainer_form(*pair, lex))
    clusters = _merge(clusters, lex, aliases.is_misspelling, naming=False)
    clusters = _merge(clusters, lex, aliases.differs_by_case, naming=False)
    clusters = _merge(clusters, lex, lambda *pair: aliases.is_acronym(*pair, lex.linking))
    clusters = _merge_bracketed(clusters, text)
    nouns = {d.noun.lower() for d in lex.designators}
    clusters = _merge(clusters, lex, lambda short, full, *_: _designates(short, full, lex), naming=False,
                      may_refer=lambda keys: any(k.lower() in nouns for k in keys))
    return clusters


def _designates(noun: str, name: str, lex: Lexicon) -> bool:
    """'Alliance' for 'OTAN', when the lexicon says the noun stands for that name."""
    return any(noun.lower() == d.noun.lower() and name in {lex.key(n) for n in d.refers_to}
               for d in lex.designators)


def _split_compounds(clusters: list[Cluster], lex: Lexicon) -> list[Cluster]:
    """'Trump-Poutine' (a summit, a duel) is two mentions when both halves name people of the article."""
    surnames = {k.split()[-1] for c in clusters if c.label == "PER" for k in c.keys(lex)}
    out = []
    for cluster in clusters:
        parts = [k.split("-") for k in cluster.keys(lex)]
        if all(len(p) == 2 and set(p) <= surnames for p in parts):
            for m in cluster.mentions:
                cut = m.text.index("-")
                out.append(Cluster([Mention(m.start, m.start + cut, m.text[:cut], "PER")]))
                out.append(Cluster([Mention(m.start + cut + 1, m.end, m.text[cut + 1:], "PER")]))
        else:
            out.append(cluster)
    return out


def _merge(clusters: list[Cluster], lex: Lexicon, refers: Any, naming: bool = True,
           may_refer: Any = None) -> list[Cluster]:
    """Folds each cluster into the one longer cluster it refers to; ambiguous ones stay apart.

    With `naming` False the folded mentions never give the entity its name ("l'Alliance"). A short
    form, a plainer form, a misspelling, a change of case and an acronym all share the first letter
    of a word with the name they refer to, so only clusters that share one are compared (else an
    article of many names costs their square); `may_refer`, when given, picks the clusters that may
    refer at all and compares those with every other.
    """
    alive = {id(c): c for c in clusters}
    keys = {id(c): c.keys(lex) for c in clusters}
    by_initial: dict[str, list[Cluster]] = defaultdict(list)
    for cluster in clusters:
        for initial in _initials(keys[id(cluster)]):
            by_initial[initial].append(cluster)
    for short in sorted(clusters, key=lambda c: min(len(k) for k in keys[id(c)])):
        if may_refer is not None:
            if not may_refer(keys[id(short)]):
                continue
            near: Iterable[Cluster] = alive.values()
        else:
            near = {id(c): c for i in _initials(keys[id(short)]) for c in by_initial[i]}.values()
        hosts = [c for c in near if c is not short and id(c) in alive
                 and any(refers(s, k, short, c) for s in keys[id(short)] for k in keys[id(c)])]
        if len(hosts) == 1:
            host = hosts[0]
            for mention in short.mentions:
                mention.tagged = mention.tagged and naming
            host.mentions.extend(short.mentions)
            for initial in _initials(keys[id(short)]) - _initials(keys[id(host)]):
                by_initial[initial].append(host)
            keys[id(host)] |= keys[id(short)]
            del alive[id(short)]
    return [c for c in clusters if id(c) in alive]


def _initials(keys: set[str]) -> set[str]:
    """The first letters of the words of the keys, elided articles apart ("l'ONU": l and o)."""
    return {word[0].lower() for key in keys for word in WORD.findall(key)}


def _add_missed_mentions(text: str, clusters: list[Cluster], lex: Lexicon) -> None:
    """Repetitions of a known name that spaCy did not tag ("Trump" in "le sommet Trump-Poutine"),
    the spelling variants of the lexicon, and designators ("l'alliance" for the OTAN)."""
    taken = Intervals((m.start, m.end) for c in clusters for m in c.mentions)
    words = WordIndex(text)
    for cluster in clusters:
        forms = {m.text for m in cluster.mentions} | {lex.without_honorific(m.text) for m in cluster.mentions}
        if cluster.label == "PER":
            forms |= {f.split()[-1] for f in forms if len(f.split()) > 1}
        keys = cluster.keys(lex)
        forms |= {v for v, canon in _variants(lex).items() if canon in keys}
        for designator in lex.designators:
            if keys & {lex.key(name) for name in designator.refers_to}:
                forms.add(designator.noun)
                forms.add(designator.noun.lower())
        for form in sorted(forms, key=len, reverse=True):
            if len(form) < 2:
                continue
            for start, end in words.find(form):
                if not taken.overlaps(start, end):
                    cluster.mentions.append(Mention(start, end, text[start:end], cluster.label, False))
                    taken.add(start, end)


def _variants(lex: Lexicon) -> dict[str, str]:
    return {variant: canon for variant, canon in lex.variant_of.items() if variant != canon}
