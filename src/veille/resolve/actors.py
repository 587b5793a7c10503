"""One actor per real-world referent across articles: entities linked by name, surname, variant and place.

An article's entities (the contract's `entities`) are linked one by one, in the order articles
are stored, to the actors already known:

- a person by their full name, folded and without courtesy titles ("M. Sergueï Lavrov" is
  "Sergueï Lavrov"); a full name seen for the first time joins the one actor with that surname and
  a compatible first name ("V. Poutine", "Vladimir Poutine"), or completes an actor known so far
  by surname alone;
- a person named by surname alone ("Poutine", "Le Pen") joins the one actor with that surname.
  When several share it, the country the article's title gives decides ("le président russe");
  failing that the mention stays apart, in an actor flagged `ambiguous`, rather than be guessed;
- an organisation or place by its name without article, the lexicon's variants joined ("OTAN",
  "NATO"); a place the gazetteer resolves by the place itself ("Kiev", "Kyiv").

Each link adds the entity's name and the mentions that name it (not its pronouns nor its
descriptions: "elle", "la ministre") to the actor's aliases and may give it a country:
from a person's title ("président russe" → RU), an organisation's name ("ministère turc des
Affaires étrangères" → TR), or a place's own country. Linking depends on what came before, so it is
replayed in storing order whenever the store is rebuilt: the same articles give the same actors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import countries, places
from .names import clean, name_key, name_like, person_key
from .places import Place

PERSON = "PER"
PLACE = "LOC"


@dataclass
class Actor:
    """A referent across articles: its name, type, country, place, aliases and when it was seen."""

    id: int
    name: str
    type: str
    country: str | None = None
    ambiguous: bool = False
    place: Place | None = None
    first_seen: str | None = None
    last_seen: str | None = None
    aliases: Counter[str] = field(default_factory=Counter)
    articles: int = 0  # how many articles name it

    def seen(self, published: str | None) -> None:
        if published:
            self.first_seen = min(filter(None, (self.first_seen, published)))
            self.last_seen = max(filter(None, (self.last_seen, published)))

    def person_keys(self) -> set[str]:
        """Keys of the actor's name and of its aliases that read as names ("Poutine", not "le président")."""
        written = [self.name, *(a for a in self.aliases if name_like(a))]
        return {key for key in map(person_key, written) if key}

    @property
    def bare(self) -> bool:
        """A person known so far by one name only ("Poutine"): a full name may complete it."""
        return self.type == PERSON and not self.ambiguous and len(person_key(self.name).split()) == 1


class Actors:
    """The actors known so far, indexed by every key an entity may meet them under.

    `link` changes actors in place and notes their ids in `touched`, so a store can write back
    only what changed. Built from the stored actors (with their aliases), it finds exactly what it
    found when those actors were made: the indexes are a function of names, aliases and places.
    """

    def __init__(self, known: Iterable[Actor] = (),
                 resolve_place: Callable[[str], Place | None] = places.resolve, next_id: int | None = None) -> None:
        self.by_id: dict[int, Actor] = {}
        self.touched: set[int] = set()
        self._resolve_place = resolve_place
        self._full: dict[str, set[int]] = {}  # person: full name → actors
        self._surname: dict[str, set[int]] = {}  # person: surname (any tail of a full name) → actors
        self._vague: dict[str, int] = {}  # person: surname shared by several → the ambiguous actor
        self._names: dict[str, set[int]] = {}  # others: name key → actors
        self._places: dict[str, int] = {}  # place key → actor
        self._indexed: dict[int, set[tuple[str, bool]]] = {}  # names read so far (as name or alias)
        self._next_id = 1
        self.add(known, next_id)

    def add(self, known: Iterable[Actor], next_id: int | None = None) -> None:
        """Takes in actors a store holds (those not known yet), and the id a new actor would get."""
        for actor in sorted(known, key=lambda a: a.id):
            if actor.id not in self.by_id:
                self.by_id[actor.id] = actor
                self._index(actor)
        self._next_id = max(self._next_id, max(self.by_id, default=0) + 1, next_id or 1)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    def link(self, entities: Iterable[Mapping[str, Any]], published: str | None = None) -> dict[str, int]:
        """Links each entity of one article (contract shape) to an actor; returns entity id → actor id."""
        links: dict[str, int] = {}
        for entity in entities:
            actor = self._person(entity) if entity["type"] == PERSON else self._other(entity)
            if actor is None:
                continue
            self._record(actor, entity, published)
            links[entity["id"]] = actor.id
        for id in set(links.values()):
            self.by_id[id].articles += 1
        return links

    # --- people ---

    def _person(self, entity: Mapping[str, Any]) -> Actor | None:
        key = person_key(entity["name"])
        if not key:
            return None
        tokens = key.split()
        country = countries.country_in(entity.get("role")) or countries.country_in(entity.get("affiliation"))
        # "Le Pen" may be one person's full alias and another's surname: both are candidates
        known = self._full.get(key, set()) | self._surname.get(key, set())
        if known:
            return self._choose(known, country) or self._ambiguous(key, entity)
        if len(tokens) > 1:
            same = {i for i in self._surname.get(tokens[-1], ()) if _compatible(self.by_id[i], tokens)}
            chosen = self._choose(same, country) if same else None
            if chosen is not None:
                if chosen.bare:
                    chosen.name = clean(entity["name"])
                return chosen
        return self._new(entity)

    def _choose(self, ids: set[int], country: str | None) -> Actor | None:
        """The one actor of `ids`, or the one of them from `country`; None when that leaves several."""
        if len(ids) == 1:
            return self.by_id[next(iter(ids))]
        if country:
            of_country = [i for i in sorted(ids) if self.by_id[i].country == country]
            if len(of_country) == 1:
                return self.by_id[of_country[0]]
        return None

    def _ambiguous(self, key: str, entity: Mapping[str, Any]) -> Actor:
        if key in self._vague:
            return self.by_id[self._vague[key]]
        return self._new(entity, ambiguous=True)

    # --- organisations, places and the rest ---

    def _other(self, entity: Mapping[str, Any]) -> Actor:
        place = self._resolve_place(entity["name"]) if entity["type"] == PLACE else None
        written = [entity["name"], *(m for m in named(entity) if name_like(m))]
        keys = [key for key in map(name_key, written) if key]
        if place is not None:
            if place.key in self._places:
                return self.by_id[self._places[place.key]]
            # the place named before without being resolved (an organisation's "Washington") becomes it
            for key in keys:
                for i in sorted(self._names.get(key, ())):
                    actor = self.by_id[i]
                    if actor.place is None:
                        actor.place = place
                        actor.country = place.country or actor.country
                        return actor
            return self._new(entity, place=place)
        for key in keys:
            if key in self._names:
                return self.by_id[min(self._names[key])]
        return self._new(entity)

    # --- bookkeeping ---

    def _new(self, entity: Mapping[str, Any], ambiguous: bool = False, place: Place | None = None) -> Actor:
        actor = Actor(id=self._next_id, name=clean(entity["name"]), type=entity["type"],
                      ambiguous=ambiguous, place=place, country=place.country if place else None)
        self.by_id[actor.id] = actor
        self._next_id += 1
        return actor

    def _record(self, actor: Actor, entity: Mapping[str, Any], published: str | None) -> None:
        written = {clean(entity["name"])} | {clean(m) for m in named(entity)}
        actor.aliases.update(sorted(a for a in written if a))
        actor.seen(published)
        if actor.country is None:
            actor.country = _country(entity)
        self._index(actor)
        self.touched.add(actor.id)

    def _index(self, actor: Actor) -> None:
        """Adds the keys of the actor's names not indexed yet: indexes only grow, so each writing of a
        name is read once (an actor named in a thousand articles is not re-read a thousand times)."""
        done = self._indexed.setdefault(actor.id, set())
        fresh = [(w, w == actor.name) for w in [actor.name, *actor.aliases] if (w, w == actor.name) not in done]
        done.update(fresh)
        for kind, key in _keys(actor, fresh):
            if kind in (VAGUE, PLACE_KEY):  # one actor a key: the first made, whatever order they come in
                first = {VAGUE: self._vague, PLACE_KEY: self._places}[kind]
                first[key] = min(first.get(key, actor.id), actor.id)
            else:
                {FULL: self._full, SURNAME: self._surname, NAME: self._names}[kind].setdefault(key, set()).add(actor.id)

    def lookups(self, entity: Mapping[str, Any]) -> set[str]:
        """Every key `link` may look `entity` up under, as `index_keys` writes them: the actors a
        store holds under these keys are all that linking it can meet."""
        if entity["type"] == PERSON:
            key = person_key(entity["name"])
            return {f"{FULL}:{key}", f"{SURNAME}:{key}", f"{VAGUE}:{key}", f"{SURNAME}:{key.split()[-1]}"} if key else set()
        written = [entity["name"], *(m for m in named(entity) if name_like(m))]
        found = {f"{NAME}:{key}" for key in map(name_key, written) if key}
        place = self._resolve_place(entity["name"]) if entity["type"] == PLACE else None
        return found | ({f"{PLACE_KEY}:{place.key}"} if place is not None else set())


FULL, SURNAME, VAGUE, NAME, PLACE_KEY = "F", "S", "V", "N", "P"  # the kinds of key an actor is indexed by


def index_keys(actor: Actor) -> set[str]:
    """Every key the actor is indexed by, each as "KIND:key" (what a store keeps to find it again)."""
    writings = [(w, w == actor.name) for w in dict.fromkeys([actor.name, *actor.aliases])]
    return {f"{kind}:{key}" for kind, key in _keys(actor, writings)}


def _keys(actor: Actor, writings: list[tuple[str, bool]]) -> list[tuple[str, str]]:
    """The (kind, key) pairs the writings of an actor's names give (`is_name`: its own name)."""
    found: list[tuple[str, str]] = []
    if actor.type == PERSON:
        if actor.ambiguous:
            return [(VAGUE, person_key(actor.name))]
        for written, is_name in writings:
            key = person_key(written) if is_name or name_like(written) else ""
            tokens = key.split()
            if len(tokens) > 1:
                found.append((FULL, key))
                found += [(SURNAME, " ".join(tokens[start:])) for start in range(1, len(tokens))]
        if actor.bare:
            found.append((SURNAME, person_key(actor.name)))
        return found
    if actor.place is not None:
        found.append((PLACE_KEY, actor.place.key))
    for written, is_name in writings:
        key = name_key(written) if is_name or name_like(written) else ""
        if key:
            found.append((NAME, key))
    return found


def named(entity: Mapping[str, Any]) -> list[str]:
    """The words of an entity's mentions that name it: not a pronoun ("Elle", "ce dernier") nor a
    description ("la ministre"), which say nothing of its name (the contract: no `kind` is a name)."""
    return [m["text"] for m in entity.get("mentions", []) if m.get("kind", "name") == "name"]


def _compatible(actor: Actor, tokens: list[str]) -> bool:
    """Whether the full name `tokens` can be `actor`'s: same surname, and a first name that agrees
    ("Vladimir" or "V."), or an actor known by that surname alone."""
    if actor.bare:
        return person_key(actor.name) == tokens[-1]
    for key in actor.person_keys():
        known = key.split()
        if len(known) > 1 and known[-1] == tokens[-1] and _same_first_name(known[0], tokens[0]):
            return True
    return False


def _same_first_name(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _country(entity: Mapping[str, Any]) -> str | None:
    """The country an entity's own words give: a person's title, an organisation's name."""
    if entity["type"] == PERSON:
        return countries.country_in(entity.get("role")) or countries.country_in(entity.get("affiliation"))
    return countries.country_in(entity["name"]) or countries.country_in(entity.get("role"))
