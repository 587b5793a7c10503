"""Saved searches that alert: each new quote, event or stance that matches one is recorded once as
an alert item, in the transaction that stores its article (`check`, run by every ingest).

A saved search combines any of: `speaker` (who said it: quotes and stances), `actor` (who said it
or took part: quotes, stances, events), `contains` (every word, as a word's beginning, in the
evidence), `type` (a PLOVER event type), `place` (where an event happened, or its country) and
`asserted_only` (events the article asserts). The last three are about events, so an alert with
them never matches a quote or a stance; one with a `speaker` never matches an event. A fact a wire
story repeats alerts once, from the first copy stored.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from ..errors import BadInput
from ..lang.text import fold
from . import schema
from .facts import event_query, participants, stance_query, takings
from .query import quote_filters
from .schema import alert_items, alerts, articles
from .sources import now, plain, remove_named

Row = dict[str, Any]
FILTERS = ("speaker", "actor", "contains", "type", "place", "asserted_only")
EVENT_ONLY = ("type", "place", "asserted_only")


def add(conn: Connection, name: str, **filters: Any) -> Row:
    """A new saved search. The facts already stored that match it are recorded too, as seen, so
    that `items(new=True)` gives only what comes after."""
    given = {key: value for key, value in filters.items() if key in FILTERS and value not in (None, "", False)}
    if not name.strip():
        raise BadInput("alert", "give the alert a name")
    if not given:
        raise BadInput(f"alert {name!r}", "give at least one of --speaker, --actor, --contains, --type, --place, "
                                          "--asserted-only")
    if given.get("speaker") and any(given.get(key) for key in EVENT_ONLY):
        raise BadInput(f"alert {name!r}", "--speaker keeps quotes and stances, --type, --place and --asserted-only "
                                          "keep events: no fact can match both")
    if conn.execute(select(alerts.c.id).where(alerts.c.name == name)).first():
        raise BadInput(f"alert {name!r}", "an alert has this name already")
    conn.execute(insert(alerts).values(name=name, created_at=now(), checked=0, seen=0,
                                       asserted_only=bool(given.pop("asserted_only", False)), **given))
    check(conn)
    last = conn.execute(select(func.max(alert_items.c.id))).scalar() or 0
    conn.execute(update(alerts).where(alerts.c.name == name).values(seen=last))
    return listing(conn, name)[0]


def remove(conn: Connection, name: str) -> bool:
    return remove_named(conn, alerts, alert_items.c.alert, name)


def listing(conn: Connection, name: str | None = None) -> list[Row]:
    """The saved searches by name, each with how many items it holds and how many are new."""
    total = func.count(alert_items.c.id)
    new = func.count(alert_items.c.id).filter(alert_items.c.id > alerts.c.seen)
    query = (select(alerts, total.label("items"), new.label("new"))
             .outerjoin(alert_items, alert_items.c.alert == alerts.c.id)
             .group_by(alerts.c.id).order_by(alerts.c.name))
    if name is not None:
        query = query.where(alerts.c.name == name)
    return [plain(row) for row in conn.execute(query).mappings()]


def one(conn: Connection, name: str) -> Row:
    found = listing(conn, name)
    if not found:
        raise BadInput(f"alert {name!r}", "no alert has this name (see veille alerts list)")
    return found[0]


def items(conn: Connection, name: str, after: int = 0, limit: int | None = None) -> list[Row]:
    """The alert's items with an id above `after`, newest first, each with its article's id and title."""
    alert = one(conn, name)
    i = alert_items
    query = (select(i.c.id, i.c.kind, articles.c.id.label("article"), i.c.fact, articles.c.title, articles.c.source,
                    articles.c.url, i.c.day, i.c.who, i.c.what, i.c.text, i.c.start, i.c.end, i.c.found_at)
             .join(articles, articles.c.pk == i.c.article)
             .where(i.c.alert == alert["id"], i.c.id > after).order_by(i.c.id.desc()))
    if limit is not None:
        query = query.limit(limit)
    return [plain(row) for row in conn.execute(query).mappings()]


def mark_seen(conn: Connection, name: str, up_to: int) -> None:
    conn.execute(update(alerts).where(alerts.c.name == name, alerts.c.seen < up_to).values(seen=up_to))


def check(conn: Connection) -> int:
    """Records, for every saved search, the matching facts of the articles stored since it was last
    checked; returns how many items were recorded."""
    top = conn.execute(select(func.max(articles.c.pk))).scalar() or 0
    recorded = 0
    for alert in conn.execute(select(alerts).where(alerts.c.checked < top)).mappings().all():
        moment = now()
        found = [{**item, "alert": alert["id"], "found_at": moment} for item in _matches(conn, dict(alert), top)]
        if found:
            conn.execute(insert(alert_items), found)
        conn.execute(update(alerts).where(alerts.c.id == alert["id"]).values(checked=top))
        recorded += len(found)
    return recorded


def _matches(conn: Connection, alert: Row, top: int) -> list[Row]:
    """The alert's facts in the articles after its `checked` up to `top`, in storing and reading order."""
    words = fold(alert["contains"] or "").split()
    about_events = any(alert[key] for key in EVENT_ONLY)
    newer = (alert["checked"], top)
    found: list[Row] = []
    if not about_events:
        found += [row for row in _quotes(conn, alert, newer) if _holds(row["text"], words)]
        found += [row for row in _stances(conn, alert, newer) if _holds(f"{row['what']} {row['text']}", words)]
    if not alert["speaker"]:
        found += [row for row in _events(conn, alert, newer) if _holds(row["text"], words)]
    return sorted(found, key=lambda row: (row["article"], row["start"], row["kind"], row["fact"]))


def _quotes(conn: Connection, alert: Row, newer: tuple[int, int]) -> list[Row]:
    q = schema.quotes
    query = (select(q.c.article, q.c.quote.label("fact"), q.c.day, q.c.speaker_name.label("who"), q.c.text,
                    q.c.start, q.c.end)
             .where(q.c.article > newer[0], q.c.article <= newer[1], q.c.lead.is_(True),
                    *quote_filters(alert["speaker"], None), *quote_filters(alert["actor"], None)))
    return [{**row, "kind": "quote", "what": None} for row in conn.execute(query).mappings()]


def _stances(conn: Connection, alert: Row, newer: tuple[int, int]) -> list[Row]:
    s = schema.stances
    query = stance_query(holder=alert["speaker"] or alert["actor"]).where(
        s.c.article > newer[0], s.c.article <= newer[1], s.c.lead.is_(True))
    if alert["speaker"] and alert["actor"]:  # the holder must match both
        query = query.where(stance_query(holder=alert["actor"]).whereclause)
    query = query.add_columns(s.c.article.label("pk"))
    return [{"kind": "stance", "article": row["pk"], "fact": str(row["stance"]), "day": row["day"],
             "who": row["holder"] or row["holder_text"], "what": f"{row['polarity']} {row['target']}",
             "text": row["text"] or "", "start": row["start"], "end": row["end"]}
            for row in conn.execute(query).mappings()]


def _events(conn: Connection, alert: Row, newer: tuple[int, int]) -> list[Row]:
    e = schema.events
    query = event_query(alert["type"], takings(conn, alert["place"], alert["actor"]),
                        modality="asserted" if alert["asserted_only"] else None)
    rows = [dict(row) for row in conn.execute(
        query.where(e.c.article > newer[0], e.c.article <= newer[1], e.c.lead.is_(True))).mappings()]
    taking_part = participants(conn, {row["pk"] for row in rows})
    return [{"kind": "event", "article": row["pk"], "fact": row["event"], "day": row["day"],
             "who": ", ".join(name for _, name in taking_part.get((row["pk"], row["event"], "actor"), [])) or None,
             "what": row["type"], "text": row["text"], "start": row["start"], "end": row["end"]}
            for row in rows]


def _holds(text: str, words: list[str]) -> bool:
    """Whether `text` holds each of `words` (folded) as a word's beginning."""
    folded = fold(text)
    return all(re.search(rf"(?<!\w){re.escape(word)}", folded) for word in words)
