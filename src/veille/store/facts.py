"""Reading the store across articles: events, stances, a day-by-day timeline, and one actor's record.

Like quotes, each of a story's facts is listed once, from its earliest copy, with every copy in
`sources`. Dates filter by day (`since`, `until`: a year, month or day, both ends included); an
event's or quote's own date counts when it is a full date, else its article's publication date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, Select, func, or_, select, tuple_, union

from ..lang.text import fold
from ..model import whose_word
from ..resolve import countries
from . import schema
from .leads import listed
from .query import (
    Row,
    actor_matching,
    in_range,
    quote_rows,
    reading,
    warn_if_unlinked,
)
from .schema import (
    actor_aliases,
    actor_links,
    actor_roles,
    actors,
    articles,
    entities,
    event_actors,
)

PARTICIPANTS = {"actor": "actors", "target": "targets", "location": "places"}


def events(type: str | None = None, place: str | None = None, actor: str | None = None,
           since: str | None = None, until: str | None = None, modality: str | None = None,
           url: str | None = None) -> list[Row]:
    """Stored events, oldest first, each of a story's events once with its `sources`.

    `type` is a PLOVER type (ASSAULT, CONSULT…); `actor` matches part of a name or alias of a source
    or target actor; `place` part of a location's name or alias, or a country ("Ukraine" keeps
    events in Soumy). Names ignore case and accents. `modality` keeps the events the article
    asserts, those a source's statement reports (`reported_by`), or those a party denies.
    """
    with reading(url) as conn:
        warn_if_unlinked(conn)
        return event_rows(conn, type=type, place=place, actor=actor, since=since, until=until, modality=modality)


def stances(holder: str | None = None, target: str | None = None, url: str | None = None) -> list[Row]:
    """Stored stances (who supports, opposes or demands what), oldest first, once per story.

    `holder` matches part of the holder's name, alias or description ("coalition"); `target` keeps
    stances whose target holds every one of its words.
    """
    with reading(url) as conn:
        warn_if_unlinked(conn)
        return stance_rows(conn, holder=holder, target=target)


def timeline(since: str | None = None, until: str | None = None, actor: str | None = None,
             modality: str | None = None, url: str | None = None) -> list[Row]:
    """Events and statements (quotes and stances) by day, each with who, what, the evidence and sources.

    Undated facts (no full date of their own and an article without one) come last. `modality`
    keeps events of that modality (statements are all kept: they are what was said).
    """
    with reading(url) as conn:
        warn_if_unlinked(conn)
        ids = None if actor is None else _ids(conn, actor_matching(fold(actor.strip())))
        found = [_event_entry(e) for e in event_rows(conn, since=since, until=until, actor_ids=ids,
                                                     modality=modality)]
        found += [_quote_entry(q) for q in quote_rows(conn, actor_ids=ids)]
        found += [_stance_entry(s) for s in stance_rows(conn, actor_ids=ids)]
    found = [entry for entry in found if in_range(entry["day"], since, until)]
    return sorted(found, key=lambda entry: entry["day"] or "~")


def actor(name: str, url: str | None = None) -> list[Row]:
    """The record of each actor `name` designates: aliases, country, place, when first and last seen,
    roles over time, how many articles name it (`named_by`), and the quotes, events and stances that
    are theirs, by date.

    Actors whose name or alias is `name`, or ends with it as a surname does, are taken (ignoring
    case and accents); failing any, every actor whose name or alias holds it. Several come back when
    several match, most named first: "Le Pen" gives Marine Le Pen, Jean-Marie Le Pen, and the
    mentions that could not be told apart between them. Empty when none matches.
    """
    folded = fold(name.strip())
    with reading(url) as conn:
        warn_if_unlinked(conn)
        exact = union(
            select(actor_aliases.c.actor).where(actor_aliases.c.folded == folded),
            select(actors.c.id).where(actors.c.name_folded == folded),
            select(actor_aliases.c.actor).join(actors, actors.c.id == actor_aliases.c.actor)
            .where((actors.c.type == "PER") & actor_aliases.c.folded.endswith(f" {folded}", autoescape=True)),
        )
        ids = _ids(conn, exact) or _ids(conn, actor_matching(folded))
        return [_profile(conn, i) for i in _by_prominence(conn, ids)]


# --- rows, on an open connection ---

def event_rows(conn: Connection, type: str | None = None, place: str | None = None, actor: str | None = None,
               since: str | None = None, until: str | None = None,
               actor_ids: Iterable[int] | None = None, modality: str | None = None) -> list[Row]:
    found = listed(conn, event_query(type, takings(conn, place, actor, actor_ids), modality=modality),
                   schema.events)
    found = [r for r in found if in_range(r["day"], since, until)]
    taking_part = participants(conn, {r["pk"] for r in found})
    for row in found:
        for role, field in PARTICIPANTS.items():
            row[field] = [name for _, name in taking_part.get((row["pk"], row["event"], role), [])]
        del row["reported_by_actor"]
        row["reported_by"] = row.pop("reported_by_name")
        if actor_ids is not None:  # the parts the actors asked for play in it
            wanted = set(actor_ids)
            row["as"] = [role for role in PARTICIPANTS
                         if any(i in wanted for i, _ in taking_part.get((row["pk"], row["event"], role), []))]
        del row["pk"]
    return found


Taking = tuple[tuple[str, ...], list[int]]  # events where one of these actors plays one of these parts


def takings(conn: Connection, place: str | None = None, actor: str | None = None,
            actor_ids: Iterable[int] | None = None) -> list[Taking]:
    """The participant filters of an event listing, each as the parts and the actor ids it keeps:
    `actor` a source or target by part of a name or alias, `actor_ids` any part, `place` a location
    by part of its name or alias, or a country (the actors of that country)."""
    found: list[Taking] = []
    if actor and actor.strip():
        found.append((("actor", "target"), _ids(conn, actor_matching(fold(actor.strip())))))
    if actor_ids is not None:
        found.append((("actor", "target", "location"), sorted(set(actor_ids))))
    if place and place.strip():
        ids = set(_ids(conn, actor_matching(fold(place.strip()))))
        code = countries.code_of(place.strip())
        if code:
            ids.update(_ids(conn, select(actors.c.id).where(actors.c.country == code)))
        found.append((("location",), sorted(ids)))
    return found


def event_query(type: str | None = None, taking: Iterable[Taking] = (), through: Taking | None = None,
                modality: str | None = None) -> Select[Any]:
    """Events (with their article's id, pk, title and date) of a `type` and a `modality`, with
    participants as `taking` says, each filter read once as a list of events. `through` reads the
    events from one participant filter's index instead (`drive`), in list order: the query then has
    one row per matching participant, keyed by `drive`'s day, article, start and event (see `browse`)."""
    e, a, p = schema.events, articles, event_actors
    columns = (a.c.id.label("article"), e.c.article.label("pk"), a.c.title, a.c.published, e.c.event, e.c.type,
               e.c.mode, e.c.date, e.c.day, e.c.killed, e.c.injured, e.c.modality, e.c.reported_by_name,
               e.c.reported_by_actor, e.c.text, e.c.start, e.c.end)
    if through is None:
        query = select(*columns).join(a, a.c.pk == e.c.article)
    else:
        roles, ids = through
        query = (select(*columns).select_from(drive.join(e, (e.c.article == drive.c.article)
                                                          & (e.c.event == drive.c.event)))
                 .join(a, a.c.pk == e.c.article).where(drive.c.actor.in_(ids)))
        if set(roles) != set(PARTICIPANTS):
            query = query.where(drive.c.role.in_(roles))
    if type and type.strip():
        query = query.where(e.c.type == type.strip().upper())
    if modality and modality.strip():
        query = query.where(e.c.modality == modality.strip().lower())
    for roles, ids in taking:
        who = p.c.role.in_(roles) & p.c.actor.in_(ids)
        query = query.where(tuple_(e.c.article, e.c.event).in_(select(p.c.article, p.c.event).where(who)))
    return query


drive = event_actors.alias("taking")  # the participant filter an event listing is read through


def taking_count(conn: Connection, taking: Iterable[Taking]) -> int | None:
    """How many events at most the participant filters keep (an index count), None without any."""
    p = event_actors
    counts = [conn.execute(select(func.count()).select_from(p).where(p.c.role.in_(roles) & p.c.actor.in_(ids)))
              .scalar_one() for roles, ids in taking]
    return min(counts) if counts else None


def stance_rows(conn: Connection, holder: str | None = None, target: str | None = None,
                actor_ids: Iterable[int] | None = None) -> list[Row]:
    return listed(conn, stance_query(holder, target, actor_ids), schema.stances)


def stance_query(holder: str | None = None, target: str | None = None,
                 actor_ids: Iterable[int] | None = None) -> Select[Any]:
    """Stances (with their article's id, title and date, and the stance's own `date` when the analysis
    gives it), filtered as `stances` says; `actor_ids` keeps those the actors hold."""
    s, a = schema.stances, articles
    query = (
        select(a.c.id.label("article"), a.c.title, a.c.published, s.c.stance, s.c.day,
               func.coalesce(actors.c.name, s.c.holder_name).label("holder"), s.c.holder_text, s.c.holder_actor,
               s.c.polarity, s.c.target, s.c.date, s.c.text, s.c.start, s.c.end)
        .join(a, a.c.pk == s.c.article)
        .outerjoin(actors, actors.c.id == s.c.holder_actor)
    )
    if holder and holder.strip():
        folded = fold(holder.strip())
        query = query.where(or_(s.c.holder_folded.contains(folded, autoescape=True),
                                s.c.holder_actor.in_(actor_matching(folded))))
    for word in fold(target or "").split():
        query = query.where(s.c.target_folded.contains(word, autoescape=True))
    if actor_ids is not None:
        query = query.where(s.c.holder_actor.in_(list(actor_ids)))
    return query


# --- one actor ---

def actor_identity(conn: Connection, id: int) -> Row | None:
    """Who an actor is, whatever lists follow: its stored fields, aliases with their counts, and the
    roles the articles give it with when they were first and last given, and how many articles name it
    (`named_by`); None when there is no such actor."""
    row = conn.execute(select(actors).where(actors.c.id == id)).mappings().first()
    if row is None:
        return None
    aliases = conn.execute(select(actor_aliases.c.alias, actor_aliases.c.count)
                           .where(actor_aliases.c.actor == id)
                           .order_by(actor_aliases.c.count.desc(), actor_aliases.c.alias)).all()
    r = actor_roles
    spelt: dict[str, tuple[str, str]] = {}  # each role as first written (its earliest date, the spelling)
    for folded, role, first in conn.execute(select(r.c.folded, r.c.role, func.min(r.c.published))
                                            .where(r.c.actor == id).group_by(r.c.folded, r.c.role)):
        spelt[folded] = min(spelt.get(folded, (first or "~", role)), (first or "~", role))
    roles = [{"role": spelt[folded][1], "first_seen": first, "last_seen": last, "articles": count}
             for folded, first, last, count in conn.execute(
                 select(r.c.folded, func.min(r.c.published), func.max(r.c.published),
                        func.count(r.c.article.distinct()))
                 .where(r.c.actor == id).group_by(r.c.folded))]
    roles.sort(key=lambda role: (role["first_seen"] or "", role["role"]))
    return {
        "id": row["id"], "name": row["name"], "type": row["type"], "country": row["country"],
        "ambiguous": bool(row["ambiguous"]), "place": row["place"], "lat": row["lat"], "lon": row["lon"],
        "first_seen": row["first_seen"], "last_seen": row["last_seen"], "named_by": row["articles"],
        "aliases": [{"alias": alias, "count": count} for alias, count in aliases],
        "roles": roles,
    }


def _profile(conn: Connection, id: int) -> Row:
    identity = actor_identity(conn, id)
    assert identity is not None  # _profile is called with ids found in the store
    named = conn.execute(select(func.count(actor_links.c.article.distinct()))
                         .where(actor_links.c.actor == id)).scalar_one()
    quotes = quote_rows(conn, actor_ids=[id])
    for quote in quotes:
        del quote["speaker_actor"]
    own_events = event_rows(conn, actor_ids=[id])
    return {
        **identity, "articles": named,
        "quotes": sorted(quotes, key=lambda q: q["day"] or "~"),
        "events": sorted(own_events, key=lambda e: e["day"] or "~"),
        "stances": stance_rows(conn, actor_ids=[id]),
    }


def _by_prominence(conn: Connection, ids: list[int]) -> list[int]:
    """The actors most articles name first; among equals, the one stored first."""
    if not ids:
        return []
    counts: dict[int, int] = dict(conn.execute(select(actors.c.id, actors.c.articles).where(actors.c.id.in_(ids))).all())
    return sorted(ids, key=lambda i: (-counts.get(i, 0), i))


def _ids(conn: Connection, query: Any) -> list[int]:
    return sorted(set(conn.execute(query).scalars()))


def participants(conn: Connection, pks: set[int]) -> dict[tuple[int, str, str], list[tuple[int | None, str]]]:
    """Each event's actors, targets and places (by article pk, event id and part): actor id and name,
    the actor's name when the entity is linked to one, else the entity's."""
    p, e = event_actors, entities
    found: dict[tuple[int, str, str], list[tuple[int | None, str]]] = defaultdict(list)
    keys = sorted(pks)
    for first in range(0, len(keys), 500):
        query = (select(p.c.article, p.c.event, p.c.role, p.c.actor,
                        func.coalesce(actors.c.name, e.c.name, p.c.entity))
                 .outerjoin(actors, actors.c.id == p.c.actor)
                 .outerjoin(e, (e.c.article == p.c.article) & (e.c.entity == p.c.entity))
                 .where(p.c.article.in_(keys[first:first + 500])).order_by(p.c.position))
        for article, event, role, actor, name in conn.execute(query):
            taking_part = found[(article, event, role)]
            if (actor, name) not in taking_part:
                taking_part.append((actor, name))
    return found


# --- timeline entries ---

def _event_entry(event: Row) -> Row:
    return {"day": event["day"], "kind": "event",
            "who": ", ".join(event["actors"]) or None,
            "what": _event_what(event),
            "where": ", ".join(event["places"]) or None, "text": event["text"], "article": event["article"],
            "sources": event["sources"]}


def _event_what(event: Row) -> str:
    what = f"{event['type']} ({event['mode']})" if event["mode"] else event["type"]
    source = whose_word(event["modality"], event["reported_by"])
    return f"{what}, {source}" if source else what


def _quote_entry(quote: Row) -> Row:
    return {"day": quote["day"], "kind": "quote", "who": quote["speaker"],
            "what": quote["kind"], "where": None, "text": quote["text"], "article": quote["article"],
            "sources": quote["sources"]}


def _stance_entry(stance: Row) -> Row:
    return {"day": stance["day"], "kind": "stance", "who": stance["holder"],
            "what": f"{stance['polarity']}: {stance['target']}", "where": None, "text": stance["text"],
            "article": stance["article"], "sources": stance["sources"]}
