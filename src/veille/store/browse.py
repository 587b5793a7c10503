"""Reading the store a page at a time, for the web app and its API: what each list (articles, quotes,
events, stances, actors, stories, the timeline, the map) reads and in which order. The paging
itself, `Page`, the cursors and the index range reads, is `keyset`'s.

Lists are cut by keyset, never by OFFSET: a cursor holds the sort key of the last row given, and the
next page starts after it, so the thousandth page costs what the first does. Facts (quotes, events,
stances) are listed by day (their own date when it is a full one, else their article's publication
day), article and reading order: columns of the fact's own table, indexed after its `lead` flag,
which marks each wire story's first copy of a fact (`leads`). A page is then one index range read
that stops at the page's end; each fact comes once, with every copy's article in `sources` (one
query per page through the story index), as in the command's listings. A filter by participant
reads through that participant's index in the same order; a filter by words either walks the list
in order or gathers the matches, whichever reads fewer rows (`plan`).

    >>> with reading("sqlite:///veille.db") as conn:
    ...     page = quote_page(conn, speaker="Lavrov", limit=20)
    ...     more = quote_page(conn, speaker="Lavrov", limit=20, cursor=page.next)

Dates filter by day as everywhere in the store (`since`, `until`: a year, month or day, both ends
included; a fact's own date when it is a full date, else its article's publication date).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Table,
    exists,
    func,
    or_,
    select,
    union,
)

from ..lang.text import fold
from . import schema
from .facts import (
    Taking,
    actor_identity,
    drive,
    event_query,
    participants,
    stance_query,
    taking_count,
    takings,
)
from .keyset import MAX_LIMIT, Page, decode_cursor, encode_cursor, fact_page, keyset_rows
from .plan import should_walk
from .query import Row, actor_matching, quote_filters, reading
from .schema import (
    actor_links,
    actors,
    articles,
    entities,
    event_actors,
    fetches,
    story_articles,
)
from .sources import plain
from .words import article_holds, articles_holding, quote_holds, quotes_holding

__all__ = ["MAX_LIMIT", "Page", "actor_page", "actor_record", "article", "article_page", "decode_cursor",
           "encode_cursor", "event_page", "map_places", "overview", "quote_page", "reading", "search", "stance_page",
           "story_page", "timeline_entries"]

SNIPPET = 240


# --- articles ---

def article_page(conn: Connection, q: str | None = None, cursor: str | None = None, limit: int = 50) -> Page:
    """Stored articles, latest published first (undated last), each with a snippet and what was found.

    `q` keeps articles whose title or text holds its words in that order (see `words`), or that name
    an actor whose name or alias holds it (ignoring case and accents: "zelensky" finds "Zelensky",
    "kiev" "Kyiv").
    """
    a = articles
    query = select(a.c.pk, a.c.id, a.c.title, a.c.published, a.c.source, a.c.url, a.c.language,
                   func.substr(a.c.text, 1, SNIPPET + 1).label("snippet"))
    if q and q.strip():
        query = query.where(_holding_or_naming(conn, q, limit))
    keys = [a.c.published, a.c.pk]
    rows, next = keyset_rows(conn, query, keys, cursor, limit, descending=True)
    counts = _counts(conn, [r["pk"] for r in rows])
    for row in rows:
        if len(row["snippet"]) > SNIPPET:
            row["snippet"] = row["snippet"][:SNIPPET].rsplit(" ", 1)[0] + " …"
        row.update(counts.get(row["pk"], {}))
        for name in ("entities", "quotes", "events"):
            row.setdefault(name, 0)
        del row["pk"]
    return Page(rows, next)


def _holding_or_naming(conn: Connection, q: str, limit: int) -> ColumnElement[bool]:
    """The articles whose words hold `q` or that name an actor matching it. On SQLite, a walk in
    date order testing each article when the matches are many (`plan`), else the two lists read
    from their indexes; elsewhere one list of both, read from the indexes (an OR of the two would
    make PostgreSQL read every article)."""
    a, link = articles, actor_links
    ids = list(conn.execute(actor_matching(fold(q.strip()))).scalars())
    if conn.dialect.name != "sqlite":
        holding = select(a.c.pk).where(article_holds(conn, q)).correlate(None)
        return a.c.pk.in_(union(holding, select(link.c.article).where(link.c.actor.in_(ids))))
    named = conn.execute(select(func.count()).select_from(link).where(link.c.actor.in_(ids))).scalar_one()
    walk = _walk(conn, a, named + (articles_holding(conn, q) or 0), limit)
    naming = (exists().where((link.c.article == a.c.pk) & link.c.actor.in_(ids)) if walk
              else a.c.pk.in_(select(link.c.article).where(link.c.actor.in_(ids))))
    return or_(article_holds(conn, q, walk), naming)


def article(conn: Connection, id: str) -> Row | None:
    """One stored article by its id (the last stored, when several share it): its text, its analysis
    in the contract's shape, `actors` (entity id → actor id), `names` (actor id → name) and `copies`
    (the other articles of its story), and `fetches` (each page its text was fetched from: URL,
    outlet, author, when)."""
    a = articles
    row = conn.execute(select(a).where(a.c.id == id).order_by(a.c.pk.desc()).limit(1)).mappings().first()
    if row is None:
        return None
    found = dict(row)
    links = conn.execute(select(actor_links.c.entity, actor_links.c.actor, actors.c.name)
                         .join(actors, actors.c.id == actor_links.c.actor)
                         .where(actor_links.c.article == found["pk"])).all()
    found["actors"] = {entity: actor for entity, actor, _ in links}
    found["names"] = {actor: name for _, actor, name in links}
    mine = select(story_articles.c.story).where(story_articles.c.article == found["pk"]).scalar_subquery()
    found["copies"] = [dict(r) for r in conn.execute(
        select(a.c.id, a.c.title, a.c.published, a.c.source).join(story_articles, story_articles.c.article == a.c.pk)
        .where((story_articles.c.story == mine) & (a.c.pk != found["pk"])).order_by(a.c.pk)).mappings()]
    f = fetches
    found["fetches"] = [plain(r) for r in conn.execute(
        select(f.c.url, f.c.outlet, f.c.author, f.c.fetched_at).where(f.c.article == found["pk"]).order_by(f.c.id))
        .mappings()]
    return found


# --- quotes ---

def quote_page(conn: Connection, speaker: str | None = None, contains: str | None = None,
               since: str | None = None, until: str | None = None, actor_ids: Iterable[int] | None = None,
               cursor: str | None = None, limit: int = 50, newest_first: bool = True,
               min_confidence: float | None = None) -> Page:
    """Quotes by day (newest first unless `newest_first` is False), then in reading order, each with
    `confidence` and `speaker_link`; `speaker` and `min_confidence` as in `store.quotes`, `contains`
    words the quote holds (as a word's beginning, see `words`), `actor_ids` the speakers' actors."""
    q, a, e = schema.quotes, articles, entities
    query = (
        select(a.c.id.label("article"), a.c.title, a.c.published, q.c.quote, q.c.kind,
               q.c.speaker_name.label("speaker"), e.c.role, q.c.text, q.c.cue, q.c.channel, q.c.date, q.c.day,
               q.c.start, q.c.end, q.c.speaker_actor, q.c.confidence, q.c.speaker_link)
        .join(a, a.c.pk == q.c.article)
        .outerjoin(e, (e.c.article == q.c.article) & (e.c.entity == q.c.speaker))
    )
    walk = _walk(conn, q, quotes_holding(conn, contains or ""), limit)
    query = query.where(*quote_filters(speaker, actor_ids, min_confidence),
                        *quote_holds(conn, contains or "", walk))
    return fact_page(conn, query, q, since, until, cursor, limit, newest_first)


# --- events ---

def event_page(conn: Connection, type: str | None = None, place: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None, actor_ids: Iterable[int] | None = None,
               cursor: str | None = None, limit: int = 50, newest_first: bool = True,
               modality: str | None = None) -> Page:
    """Events by day, with `actors`, `targets` and `places` as {id, name} (id None for an entity
    linked to no actor), and who reports or denies one the article does not assert; filters as in
    `store.events`."""
    query, keyed = _events(conn, type, takings(conn, place, actor, actor_ids), modality)
    page = fact_page(conn, query, schema.events, since, until, cursor, limit, newest_first, keyed=keyed)
    return Page(_finish_events(conn, page.items), page.next)


def _events(conn: Connection, type: str | None, taking: list[Taking],
            modality: str | None = None) -> tuple[list[Select[Any]], Table | None]:
    """The event queries for these filters, and the table their lists are keyed by. With participant
    filters, the events are read through the index of the most selective one, in list order: one
    query per actor it names (a place and its cities, say), which `keyset_rows` merges, so that each is
    a range read of the index however many events the actors have."""
    if not taking:
        return [event_query(type, modality=modality)], None
    counts = [taking_count(conn, [one]) or 0 for one in taking]
    roles, ids = through = taking[counts.index(min(counts))]
    others = [t for t in taking if t is not through]
    if not ids:  # no actor by that name: one query, which finds nothing
        return [event_query(type, others, through, modality)], drive
    return [event_query(type, others, through=(roles, [id]), modality=modality) for id in ids], drive


def _finish_events(conn: Connection, rows: list[Row]) -> list[Row]:
    taking_part = participants(conn, {r["pk"] for r in rows})
    for row in rows:
        for role, field in (("actor", "actors"), ("target", "targets"), ("location", "places")):
            row[field] = [{"id": i, "name": name} for i, name in taking_part.get((row["pk"], row["event"], role), [])]
        source = {"id": row.pop("reported_by_actor"), "name": row.pop("reported_by_name")}
        row["reported_by"] = source if source["name"] else None
        del row["pk"]
    return rows


def map_places(conn: Connection, type: str | None = None, actor: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 1000, modality: str | None = None) -> tuple[list[Row], bool]:
    """The places where events happened, each with its events (newest first), for a map: the place's
    actor id, name, kind (city or country), country, lat and lon (None for a country or an
    unresolved place), and the events there. Also whether `limit` events cut the list short.

    Only events with a place are read: those the map can show."""
    queries, keyed = _events(conn, type, takings(conn, actor=actor), modality)
    e, p = schema.events, event_actors
    # tested event by event as the date index is walked: a lookup each, where an IN list would read
    # every located event of the store first
    located = exists().where((p.c.article == e.c.article) & (p.c.event == e.c.event) & (p.c.role == "location"))
    page = fact_page(conn, [q.where(located) for q in queries], schema.events, since, until, None, limit, True,
                  cap=False, keyed=keyed)
    events = _finish_events(conn, page.items)
    ids = sorted({p["id"] for event in events for p in event["places"] if p["id"] is not None})
    known = {r["id"]: dict(r) for r in conn.execute(
        select(actors.c.id, actors.c.name, actors.c.place_kind.label("kind"), actors.c.country, actors.c.lat,
               actors.c.lon).where(actors.c.id.in_(ids))).mappings()}
    places: dict[int, Row] = {}
    for event in events:
        for id in {where["id"] for where in event["places"]} & known.keys():
            places.setdefault(id, {**known[id], "events": []})["events"].append(event)
    return sorted(places.values(), key=lambda p: (-len(p["events"]), p["name"])), page.next is not None


# --- stances ---

def stance_page(conn: Connection, holder: str | None = None, target: str | None = None,
                since: str | None = None, until: str | None = None, actor_ids: Iterable[int] | None = None,
                cursor: str | None = None, limit: int = 50, newest_first: bool = True) -> Page:
    """Stances (who supports, opposes or demands what) by day (their article's publication day);
    filters as in `store.stances`."""
    s = schema.stances
    query = stance_query(holder, target, actor_ids)
    page = fact_page(conn, query, s, since, until, cursor, limit, newest_first)
    for row in page.items:
        del row["stance"]
    return page


# --- actors ---

def actor_page(conn: Connection, q: str | None = None, type: str | None = None, cursor: str | None = None,
               limit: int = 50) -> Page:
    """Actors by name (ignoring case and accents), each with how many articles name it; `q` keeps
    those with a name or alias holding it, `type` one entity type (PER, ORG, LOC, MISC)."""
    query = select(actors.c.id, actors.c.name, actors.c.type, actors.c.country, actors.c.place, actors.c.lat,
                   actors.c.lon, actors.c.first_seen, actors.c.last_seen, actors.c.ambiguous, actors.c.articles)
    if q and q.strip():
        query = query.where(actors.c.id.in_(actor_matching(fold(q.strip()))))
    if type and type.strip():
        query = query.where(actors.c.type == type.strip().upper())
    rows, next = keyset_rows(conn, query, [actors.c.name_folded, actors.c.id], cursor, limit, descending=False)
    for row in rows:
        row["ambiguous"] = bool(row["ambiguous"])
    return Page(rows, next)


MAX_INTEGER = 2**63 - 1  # the largest id a store's integer columns hold


def actor_record(conn: Connection, id: int, limit: int = 50) -> Row | None:
    """One actor by id: its aliases, country, place, when first and last seen, roles over time, and
    its latest quotes, events (with `as`: the parts it plays), stances and the articles naming it,
    each list at most `limit` long with `more` saying which lists go on (their pages do). None when
    there is no such actor, an id beyond what a database integer holds included."""
    if not 0 < id <= MAX_INTEGER:
        return None
    identity = actor_identity(conn, id)
    if identity is None:
        return None
    quotes = quote_page(conn, actor_ids=[id], limit=limit)
    events = event_page(conn, actor_ids=[id], limit=limit)
    for event in events.items:
        event["as"] = [part for part, field in (("actor", "actors"), ("target", "targets"), ("location", "places"))
                       if any(p["id"] == id for p in event[field])]
    stances = stance_page(conn, actor_ids=[id], limit=limit)
    a, link = articles, actor_links
    naming = ((link.c.article == a.c.pk) & (link.c.actor == id))
    if _walk(conn, a, identity["named_by"], limit):  # named by so many that the latest come first
        naming = exists().where(naming)
    else:
        naming = a.c.pk.in_(select(link.c.article).where(link.c.actor == id))
    named = conn.execute(
        select(a.c.id, a.c.title, a.c.published, a.c.source).where(naming)
        .order_by(a.c.published.desc().nulls_last(), a.c.pk.desc()).limit(limit + 1)).mappings().all()
    return {
        **identity,
        "quotes": quotes.items, "events": events.items, "stances": stances.items,
        "articles": [dict(r) for r in named[:limit]],
        "more": {"quotes": quotes.next is not None, "events": events.next is not None,
                 "stances": stances.next is not None, "articles": len(named) > limit},
    }


# --- stories ---

def story_page(conn: Connection, cursor: str | None = None, limit: int = 50) -> Page:
    """Stories (copies of one text), latest first, each with its articles in the order they were stored
    and how similar each copy is to the one it was matched with."""
    st, a = schema.stories, articles
    query = (select(st.c.id, a.c.id.label("first_article"), a.c.title, a.c.published)
             .join(a, a.c.pk == st.c.first_article))
    rows, next = keyset_rows(conn, query, [st.c.id], cursor, limit, descending=True)
    members: dict[int, list[Row]] = defaultdict(list)
    for member in conn.execute(
            select(story_articles.c.story, a.c.id, a.c.title, a.c.published, a.c.source, story_articles.c.similarity)
            .join(a, a.c.pk == story_articles.c.article)
            .where(story_articles.c.story.in_([r["id"] for r in rows])).order_by(a.c.pk)).mappings():
        members[member["story"]].append({k: v for k, v in member.items() if k != "story"})
    for row in rows:
        row["articles"] = members[row["id"]]
    return Page(rows, next)


# --- across lists ---

def search(conn: Connection, q: str, limit: int = 8) -> dict[str, Page]:
    """What the home page's search finds: articles, quotes (by their words, or by their speaker) and
    actors."""
    quotes = quote_page(conn, contains=q, limit=limit)
    if not quotes.items:
        quotes = quote_page(conn, speaker=q, limit=limit)
    return {"articles": article_page(conn, q=q, limit=limit), "quotes": quotes,
            "actors": actor_page(conn, q=q, limit=limit)}


TIMELINE_KINDS = ("event", "quote", "stance")


def timeline_entries(conn: Connection, since: str | None = None, until: str | None = None,
                     actor: str | None = None, place: str | None = None, type: str | None = None,
                     limit: int = 150, modality: str | None = None) -> tuple[list[Row], bool]:
    """Events and statements by day (undated last), each with `fact` (event, quote or stance) and its
    row; also whether `limit` cut the list short.

    Without `since` the latest days are read, else the days from `since` on; when one kind has more
    than `limit` facts, every kind stops at the day it reached, so the days shown are whole.
    `type` is a kind, or an event type (ASSAULT…), which keeps only those events. A `place` keeps
    events at that place; statements have no place, so it leaves none of them. A `modality` keeps
    events of that modality ("asserted": what the articles state themselves).
    """
    kinds: Sequence[str] = TIMELINE_KINDS
    event_type = None
    if type and type.strip():
        kinds = [type.strip().lower()] if type.strip().lower() in TIMELINE_KINDS else ["event"]
        event_type = None if kinds != ["event"] or type.strip().lower() == "event" else type
    if place and place.strip():
        kinds = [k for k in kinds if k == "event"]
    ids = None
    if actor and actor.strip():
        ids = list(conn.execute(actor_matching(fold(actor.strip()))).scalars())
    latest = not since

    def read(kind: str, since: str | None, until: str | None, limit: int = limit) -> Page:
        bounds = {"since": since, "until": until, "actor_ids": ids, "limit": limit, "newest_first": latest}
        if kind == "event":
            return event_page(conn, type=event_type, place=place, modality=modality, **bounds)
        return quote_page(conn, **bounds) if kind == "quote" else stance_page(conn, **bounds)

    found: list[Row] = []
    reached: list[str] = []  # the day each cut kind stopped at
    for kind in kinds:
        page = read(kind, since, until)
        if page.next is not None and page.items:
            reached.append(page.items[-1]["day"] or "")
        found += [{"fact": kind, **row} for row in page.items]
    if reached:
        edge = max(reached) if latest else min(reached)
        found = [r for r in found if r["day"] is not None and (r["day"] > edge if latest else r["day"] < edge)]
        for kind in kinds:  # the edge day, whole unless one day alone holds more than twice `limit`
            found += [{"fact": kind, **row} for row in read(kind, edge, edge, 2 * limit).items]
    found.sort(key=lambda r: (r["day"] or "~", r["published"] or "~", r["article"], r["start"]))
    return found, bool(reached)


# --- the store at a glance ---

def overview(conn: Connection, limit: int = 12) -> Row:
    """What the store holds, for a dashboard's front: how many articles, actors, quotes, events and
    stances, the span of publication dates, and the actors most articles name."""
    counts = {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
              for name, table in (("articles", articles), ("actors", actors), ("quotes", schema.quotes),
                                  ("events", schema.events), ("stances", schema.stances))}
    first, last = conn.execute(select(func.min(articles.c.published), func.max(articles.c.published))).one()
    top = conn.execute(select(actors.c.id, actors.c.name, actors.c.type, actors.c.country, actors.c.articles)
                       .where(actors.c.articles > 0)
                       .order_by(actors.c.articles.desc(), actors.c.name_folded).limit(limit)).mappings()
    return {**counts, "first": first, "last": last, "prominent": [dict(r) for r in top]}


# --- shared ---

def _walk(conn: Connection, table: Table, matches: int | None, limit: int) -> bool:
    """Whether the filters, matching `matches` rows of `table` (None: no such filter), are better
    read by walking the list's index (see `plan`)."""
    return matches is not None and should_walk(conn, table, matches, max(1, min(limit, MAX_LIMIT)))


def _counts(conn: Connection, pks: list[int]) -> dict[int, dict[str, int]]:
    """How many entities, quotes and events each of the articles `pks` has: one grouped query each."""
    found: dict[int, dict[str, int]] = defaultdict(dict)
    if not pks:
        return found
    for name, table in (("entities", schema.entities), ("quotes", schema.quotes), ("events", schema.events)):
        query = (select(table.c.article, func.count()).where(table.c.article.in_(pks))
                 .group_by(table.c.article))
        for pk, count in conn.execute(query):
            found[pk][name] = count
    return found
