"""The cross-article tables, kept as articles are stored: each article's actors and story.

For each batch, `Linker` loads only the actors the batch's entities can meet and it does not hold
yet: those the store keeps under one of the keys linking will look them up by (`actor_keys`, an
indexed table), with their aliases, into its `resolve.actors.Actors`. It links the batch's
articles in order and writes back what changed, new keys included. What it loaded stays for the
next batches, up to MAX_ACTORS, unless another writer stored articles in between. Memory and time
per batch do not grow with the store, and nothing is compared pairwise. Stories need no memory either: the LSH band keys are an indexed
table, so finding an article's earlier copies is a lookup in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from ..lang.text import fold
from ..resolve import stories
from ..resolve.actors import Actor, Actors, index_keys
from ..resolve.places import Place
from .schema import actor_aliases, actor_keys, actors, articles, story_articles, story_bands
from .schema import stories as stories_table

Row = dict[str, Any]
CHUNK = 500  # values in one IN (…): well under what SQLite and PostgreSQL take
MAX_ACTORS = 200_000  # actors kept in memory between batches (a few hundred MB at most)


class Linker:
    """Links stored articles to actors and stories; one per ingest or rebuild, used batch by batch."""

    def __init__(self) -> None:
        self.forget()

    def forget(self) -> None:
        """Drops what was loaded or changed in memory (after a rolled-back transaction)."""
        self.actors: Actors | None = None
        self._stored_actors: set[int] = set()
        self._stored_aliases: set[tuple[int, str]] = set()
        self._last_article: int | None = None
        self._roles: list[Row] = []
        self._links: list[Row] = []
        self._joined: set[int] = set()

    def prepare(self, conn: Connection, analyses: Iterable[Mapping[str, Any]]) -> None:
        """Loads the actors the entities of `analyses` (a batch about to be linked) can meet and
        that are not in memory yet. What earlier batches loaded stays, up to MAX_ACTORS, unless
        another writer stored articles since: then it is loaded again."""
        last = conn.execute(select(func.max(articles.c.pk))).scalar()
        if self.actors is None or last != self._last_article or len(self.actors) > MAX_ACTORS:
            self.forget()
            self.actors = Actors()
        self._last_article = last
        wanted = sorted({key for analysis in analyses for entity in analysis.get("entities", [])
                         for key in self.actors.lookups(entity)})
        ids: set[int] = set()
        for first in range(0, len(wanted), CHUNK):
            ids.update(conn.execute(select(actor_keys.c.actor).where(
                actor_keys.c.key.in_(wanted[first:first + CHUNK]))).scalars())
        loaded = _load(conn, sorted(ids - set(self.actors.by_id)))
        top = conn.execute(select(func.max(actors.c.id))).scalar() or 0
        self.actors.add(loaded, next_id=top + 1)
        self._stored_actors.update(a.id for a in loaded)
        self._stored_aliases.update((a.id, alias) for a in loaded for alias in a.aliases)

    def add(self, conn: Connection, article: int, analysis: Mapping[str, Any],
            text: str) -> tuple[dict[str, int], int]:
        """Links one just-stored article (its pk, analysis and body); returns entity id → actor id,
        and its story."""
        assert self.actors is not None, "prepare() first"
        published = (analysis.get("article") or {}).get("published")
        entities = analysis.get("entities", [])
        linked = self.actors.link(entities, published)
        for entity in entities:
            actor = linked.get(entity["id"])
            if actor is None:
                continue
            self._links.append({"article": article, "entity": entity["id"], "actor": actor})
            if entity.get("role"):
                self._roles.append({"actor": actor, "article": article, "entity": entity["id"],
                                   "role": entity["role"], "published": published, "folded": fold(entity["role"])})
        story = assign_story(conn, article, text)
        if story != article:
            self._joined.add(story)
        self._last_article = max(article, self._last_article or 0)
        return linked, story

    def flush(self, conn: Connection) -> dict[str, Any]:
        """Writes the actors and aliases changed since the last flush; returns the link and role rows,
        which the caller writes with the other derived rows (they refer to articles and actors), and
        the stories that gained a copy (`joined`)."""
        assert self.actors is not None
        changed = [self.actors.by_id[i] for i in sorted(self.actors.touched)]
        new = [_actor_row(a) for a in changed if a.id not in self._stored_actors]
        old = [_actor_row(a) for a in changed if a.id in self._stored_actors]
        if new:
            conn.execute(insert(actors), new)
        if old:
            # bind names may not be column names in an UPDATE's SET clause: prefix them
            conn.execute(update(actors).where(actors.c.id == bindparam("_id"))
                         .values({c: bindparam(f"_{c}") for c in old[0] if c != "id"}),
                         [{f"_{c}": v for c, v in row.items()} for row in old])
        added: list[Row] = []
        counted: list[Row] = []
        for actor in changed:
            for alias, count in actor.aliases.items():
                row = {"actor": actor.id, "alias": alias, "folded": fold(alias), "count": count}
                (counted if (actor.id, alias) in self._stored_aliases else added).append(row)
        if added:
            conn.execute(insert(actor_aliases), added)
        if counted:
            conn.execute(update(actor_aliases)
                         .where((actor_aliases.c.actor == bindparam("_actor"))
                                & (actor_aliases.c.alias == bindparam("_alias")))
                         .values(count=bindparam("count")),
                         [{"_actor": r["actor"], "_alias": r["alias"], "count": r["count"]} for r in counted])
        _store_keys(conn, changed)
        self._stored_actors.update(a.id for a in changed)
        self._stored_aliases.update((r["actor"], r["alias"]) for r in added)
        self.actors.touched.clear()
        rows = {"links": self._links, "roles": self._roles, "joined": self._joined}
        self._links, self._roles, self._joined = [], [], set()
        return rows


def assign_story(conn: Connection, article: int, text: str) -> int:
    """Puts the article in the story of its most similar earlier copy, found through the LSH bands,
    or starts a story of its own; returns the story id (the pk of the story's first article)."""
    signature = stories.signature(text)
    keys = stories.band_keys(signature)
    candidates = conn.execute(
        select(story_articles.c.article, story_articles.c.story, story_articles.c.minhash)
        .where(story_articles.c.article.in_(
            select(story_bands.c.article).where(story_bands.c.key.in_(keys)).distinct()))
        .where(story_articles.c.article != article)
        .order_by(story_articles.c.article)
    ).all()
    best: tuple[float, int] | None = None
    for _, earlier, minhash in candidates:
        score = stories.similarity(signature, stories.from_bytes(minhash))
        if score >= stories.THRESHOLD and (best is None or score > best[0]):
            best = (score, earlier)
    similarity, story = best if best is not None else (None, article)
    if best is None:
        conn.execute(insert(stories_table).values(id=article, first_article=article))
    conn.execute(insert(story_articles).values(article=article, story=story, similarity=similarity,
                                               minhash=stories.to_bytes(signature)))
    conn.execute(insert(story_bands), [{"key": key, "article": article} for key in keys])
    return story


def _actor_row(actor: Actor) -> Row:
    place = actor.place
    return {
        "id": actor.id, "name": actor.name, "type": actor.type, "country": actor.country,
        "ambiguous": actor.ambiguous, "place": place.name if place else None,
        "place_kind": place.kind if place else None, "geonameid": place.geonameid if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "first_seen": actor.first_seen, "last_seen": actor.last_seen, "name_folded": fold(actor.name),
        "articles": actor.articles,
    }


def _store_keys(conn: Connection, changed: list[Actor]) -> None:
    """Adds the keys the changed actors are indexed by that the store does not hold yet (keys only
    grow, as an `Actors` index does)."""
    for first in range(0, len(changed), CHUNK):
        part = changed[first:first + CHUNK]
        held = {(actor, key) for actor, key in conn.execute(
            select(actor_keys.c.actor, actor_keys.c.key).where(actor_keys.c.actor.in_([a.id for a in part])))}
        fresh = [{"actor": a.id, "key": key} for a in part for key in sorted(index_keys(a)) if (a.id, key) not in held]
        if fresh:
            conn.execute(insert(actor_keys), fresh)


def _load(conn: Connection, ids: list[int]) -> list[Actor]:
    """The actors of `ids` with their aliases, in id order (the order an index is built in)."""
    known: dict[int, Actor] = {}
    for first in range(0, len(ids), CHUNK):
        part = ids[first:first + CHUNK]
        for row in conn.execute(select(actors).where(actors.c.id.in_(part))).mappings():
            place = None
            if row["place_kind"]:
                place = Place(row["place"], row["country"], row["lat"], row["lon"], row["place_kind"],
                              row["geonameid"])
            known[row["id"]] = Actor(row["id"], row["name"], row["type"], row["country"], bool(row["ambiguous"]),
                                     place, row["first_seen"], row["last_seen"], articles=row["articles"])
        aliases = select(actor_aliases.c.actor, actor_aliases.c.alias, actor_aliases.c.count)
        for actor, alias, count in conn.execute(aliases.where(actor_aliases.c.actor.in_(part))
                                                .order_by(actor_aliases.c.actor, actor_aliases.c.alias)):
            known[actor].aliases[alias] = count
    return [known[i] for i in sorted(known)]
