"""Rows of the derived tables: per article from its analysis JSON alone, across articles by replaying
every article in storing order, so they can always be rebuilt."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select

from ..lang.text import fold
from .leads import FACTS, settle_leads
from .links import Linker
from .query import day
from .schema import (
    DERIVED,
    PER_ARTICLE,
    actor_links,
    actor_roles,
    articles,
    entities,
    event_actors,
    events,
    mentions,
    quotes,
    stances,
    times,
)

Rows = dict[Table, list[dict[str, Any]]]

PARTICIPANTS = (("actor", "actors"), ("target", "targets"), ("location", "locations"))


def rows(article: int, analysis: dict[str, Any], text: str | None = None,
         actors: Mapping[str, int] | None = None, story: int | None = None) -> Rows:
    """The per-article rows of one stored article (`article` is its `articles.pk`).

    `text` is the article body, for the evidence of stances (which carry offsets only); `actors`
    maps entity ids to the actors they were linked to; `story` is the article's story (itself when
    not given). Each fact is its story's lead when it is the article's first of its kind; a story
    with other articles has its leads settled by `settle_leads` once the rows are written.
    """
    actors = actors or {}
    story = article if story is None else story
    published = (analysis.get("article") or {}).get("published")
    found: Rows = {table: [] for table in PER_ARTICLE}
    names = _entity_rows(found, article, analysis)
    fact = {"article": article, "story": story}
    for quote in analysis.get("quotes", []):
        speaker_name = names.get(quote.get("speaker") or "") or quote.get("speaker_text")
        found[quotes].append({
            **fact, "quote": quote["id"], "kind": quote["kind"], "text": quote["text"],
            "start": quote["start"], "end": quote["end"], "speaker": quote.get("speaker"),
            "speaker_name": speaker_name, "cue": quote.get("cue"), "channel": quote.get("channel"),
            "date": quote.get("date"), "confidence": quote.get("confidence"),
            "speaker_link": quote.get("speaker_link"), "speaker_folded": fold(speaker_name) if speaker_name else None,
            "text_folded": fold(quote["text"]), "speaker_actor": actors.get(quote.get("speaker") or ""),
            "day": day(quote.get("date"), published),
        })
    found[times].extend(
        {"article": article, "text": t["text"], "start": t["start"], "end": t["end"], "value": t.get("value"),
         "type": t.get("type") or "DATE"}
        for t in analysis.get("times", [])
    )
    _event_rows(found, fact, analysis, actors, names, published)
    for number, stance in enumerate(analysis.get("stances", [])):
        holder = stance.get("holder")
        holder_name = names.get(holder or "") or stance.get("holder_text")
        found[stances].append({
            **fact, "stance": number, "holder": holder, "holder_actor": actors.get(holder or ""),
            "holder_text": stance.get("holder_text"), "holder_name": holder_name,
            "polarity": stance["polarity"], "target": stance["target"],
            "text": text[stance["start"]:stance["end"]] if text is not None else None,
            "start": stance["start"], "end": stance["end"], "date": stance.get("date"),
            "holder_folded": fold(holder_name) if holder_name else None, "target_folded": fold(stance["target"]),
            "day": day(stance.get("date"), published),
        })
    _mark_leads(found)
    return found


def _entity_rows(found: Rows, article: int, analysis: dict[str, Any]) -> dict[str, str]:
    """The rows of the article's entities and their mentions; returns each entity's name by id."""
    names: dict[str, str] = {}
    for entity in analysis.get("entities", []):
        names[entity["id"]] = entity["name"]
        found[entities].append({
            "article": article, "entity": entity["id"], "name": entity["name"], "type": entity["type"],
            "role": entity.get("role"), "affiliation": entity.get("affiliation"),
        })
        found[mentions].extend(
            {"article": article, "entity": entity["id"], "start": m["start"], "end": m["end"],
             "text": m["text"], "kind": None if m.get("kind", "name") == "name" else m["kind"]}
            for m in entity.get("mentions", [])
        )
    return names


def _event_rows(found: Rows, fact: dict[str, int], analysis: dict[str, Any], actors: Mapping[str, int],
                names: Mapping[str, str], published: str | None) -> None:
    """The rows of the article's events, and of their participants with the event's day and start."""
    for event in analysis.get("events", []):
        source = event.get("reported_by")
        found[events].append({
            **fact, "event": event["id"], "type": event["type"], "mode": event.get("mode"),
            "date": event.get("date"), "killed": event.get("killed"), "injured": event.get("injured"),
            "modality": event.get("modality") or "asserted", "reported_by": source,
            "reported_by_actor": actors.get(source or ""),
            "reported_by_name": names.get(source or "") or event.get("reported_by_text"),
            "text": event["text"], "start": event["start"], "end": event["end"],
            "text_folded": fold(event["text"]), "day": day(event.get("date"), published),
        })
        found[event_actors].extend(
            {"article": fact["article"], "event": event["id"], "role": role, "position": position,
             "entity": entity, "actor": actors.get(entity), "day": found[events][-1]["day"],
             "start": event["start"]}
            for role, field in PARTICIPANTS for position, entity in enumerate(event.get(field) or [])
        )


def _mark_leads(found: Rows) -> None:
    """Each fact is its story's lead when it is the article's first of its kind; participants follow
    their event."""
    for table, same in FACTS.items():
        firsts: set[tuple[Any, ...]] = set()
        for row in sorted(found[table], key=lambda r: r["start"]):
            row["lead"] = same(row) not in firsts
            firsts.add(same(row))
    leading = {row["event"]: row["lead"] for row in found[events]}
    for row in found[event_actors]:
        row["lead"] = leading[row["event"]]


def link(conn: Connection, linker: Linker, article: int, analysis: dict[str, Any], text: str,
         found: Rows) -> None:
    """Links one stored article to actors and a story, and adds its derived rows to `found`."""
    actors, story = linker.add(conn, article, analysis, text)
    for table, values in rows(article, analysis, text, actors, story).items():
        found.setdefault(table, []).extend(values)


def write(conn: Connection, found: Rows) -> None:
    """Inserts derived rows, one executemany per table, parents first."""
    for table in DERIVED:
        values = found.get(table)
        if values:
            conn.execute(insert(table), values)


def finish(conn: Connection, linker: Linker, found: Rows) -> None:
    """Writes a batch: the actors it changed, then every derived row, links and roles included, then
    which copy leads each fact of the stories the batch added copies to."""
    written = linker.flush(conn)
    found.setdefault(actor_links, []).extend(written["links"])
    found.setdefault(actor_roles, []).extend(written["roles"])
    write(conn, found)
    settle_leads(conn, written["joined"])


def rebuild(conn: Connection, batch_size: int = 200) -> int:
    """Empties the derived tables and fills them again from every stored analysis; returns the count.

    Articles are replayed in the order they were stored, so actors and stories come out as they
    were built on ingest. Runs in the caller's transaction: a failure leaves the old index in place.
    """
    for table in reversed(DERIVED):
        conn.execute(delete(table))
    linker = Linker()
    keys = list(conn.execute(select(articles.c.pk).order_by(articles.c.pk)).scalars())
    for first in range(0, len(keys), batch_size):
        chunk = keys[first:first + batch_size]
        found: Rows = {}
        stored = conn.execute(select(articles.c.pk, articles.c.analysis, articles.c.text)
                              .where(articles.c.pk.in_(chunk)).order_by(articles.c.pk)).all()
        linker.prepare(conn, [analysis for _, analysis, _ in stored])
        for pk, analysis, text in stored:
            link(conn, linker, pk, analysis, text, found)
        finish(conn, linker, found)
    return len(keys)
