"""Rows of the derived tables, computed from an analysis's JSON alone, so they can always be rebuilt."""

from __future__ import annotations

import unicodedata
from typing import Any

from sqlalchemy import Connection, Table, delete, insert, select

from .schema import DERIVED, articles, entities, mentions, quotes, times

Rows = dict[Table, list[dict[str, Any]]]
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def fold(text: str) -> str:
    """Lower case without accents, for searches that should not depend on either."""
    decomposed = unicodedata.normalize("NFKD", text.translate(APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def rows(article: int, analysis: dict[str, Any]) -> Rows:
    """The derived rows of one stored article (`article` is its `articles.pk`)."""
    found: Rows = {table: [] for table in DERIVED}
    names: dict[str, str] = {}
    for entity in analysis.get("entities", []):
        names[entity["id"]] = entity["name"]
        found[entities].append({
            "article": article, "entity": entity["id"], "name": entity["name"], "type": entity["type"],
            "role": entity.get("role"), "affiliation": entity.get("affiliation"),
        })
        found[mentions].extend(
            {"article": article, "entity": entity["id"], "start": m["start"], "end": m["end"],
             "text": m["text"]}
            for m in entity.get("mentions", [])
        )
    for quote in analysis.get("quotes", []):
        speaker_name = names.get(quote.get("speaker") or "") or quote.get("speaker_text")
        found[quotes].append({
            "article": article, "quote": quote["id"], "kind": quote["kind"], "text": quote["text"],
            "start": quote["start"], "end": quote["end"], "speaker": quote.get("speaker"),
            "speaker_name": speaker_name, "cue": quote.get("cue"), "channel": quote.get("channel"),
            "date": quote.get("date"), "speaker_folded": fold(speaker_name) if speaker_name else None,
            "text_folded": fold(quote["text"]),
        })
    found[times].extend(
        {"article": article, "text": t["text"], "start": t["start"], "end": t["end"], "value": t.get("value"),
         "type": t.get("type") or "DATE"}
        for t in analysis.get("times", [])
    )
    return found


def write(conn: Connection, found: Rows) -> None:
    """Inserts derived rows, one executemany per table."""
    for table, values in found.items():
        if values:
            conn.execute(insert(table), values)


def rebuild(conn: Connection, batch_size: int = 200) -> int:
    """Empties the derived tables and fills them again from every stored analysis; returns the count.

    Runs in the caller's transaction, so a failure leaves the old index in place.
    """
    for table in DERIVED:
        conn.execute(delete(table))
    keys = list(conn.execute(select(articles.c.pk).order_by(articles.c.pk)).scalars())
    for first in range(0, len(keys), batch_size):
        chunk = keys[first:first + batch_size]
        found: Rows = {table: [] for table in DERIVED}
        stored = select(articles.c.pk, articles.c.analysis).where(articles.c.pk.in_(chunk))
        for pk, analysis in conn.execute(stored):
            for table, values in rows(pk, analysis).items():
                found[table].extend(values)
        write(conn, found)
    return len(keys)
