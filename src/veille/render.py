"""Writing results in the formats every command shares: json, jsonl, csv and a Rich table."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from .model import Analysis, Failure, whose_word


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def default_format(out: IO[str] | None = None) -> Format:
    """A table for a person at a terminal, JSON Lines for a pipe or a file."""
    out = out or sys.stdout
    return Format.table if out.isatty() else Format.jsonl


def dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def analyses(results: Iterable[Analysis | Failure], fmt: Format, out: IO[str],
             on_failure: Callable[[Failure], None]) -> int:
    """Writes each result as it comes (jsonl) or all at the end; returns how many were analysed.

    In JSON and JSON Lines a Failure keeps its place as a `veille.error/1` object, so output item N
    is input record N; every Failure is also reported through `on_failure`.
    """
    analysed = 0
    collected: list[Analysis | Failure] = []
    for result in results:
        if isinstance(result, Failure):
            on_failure(result)
        else:
            analysed += 1
        if fmt is Format.jsonl:
            out.write(dumps(result.to_dict()) + "\n")
            out.flush()
        else:
            collected.append(result)
    if fmt is Format.json:
        dicts = [r.to_dict() for r in collected]
        out.write(dumps(dicts[0] if len(dicts) == 1 else dicts, indent=2) + "\n")
    elif fmt is Format.table:
        table(_summary_rows(collected), SUMMARY_COLUMNS, out, title="Analyses")
    return analysed


SUMMARY_COLUMNS = ("id", "published", "language", "entities", "quotes", "times", "events", "stances", "error")


def _summary_rows(results: Sequence[Analysis | Failure]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for r in results:
        if isinstance(r, Failure):
            rows.append({"id": r.id, "error": r.error})
        else:
            rows.append({"id": r.article.id, "published": r.article.published, "language": r.article.language,
                         "entities": len(r.entities), "quotes": len(r.quotes), "times": len(r.times),
                         "events": len(r.events), "stances": len(r.stances)})
    return rows


def rows(items: Iterable[dict[str, Any]], fmt: Format, columns: Sequence[str], out: IO[str],
         title: str | None = None) -> None:
    """Query results: one object per row (json, jsonl), one line per row (csv), or a table."""
    if fmt is Format.jsonl:
        for item in items:
            out.write(dumps(item) + "\n")
    elif fmt is Format.json:
        out.write(dumps(list(items), indent=2) + "\n")
    elif fmt is Format.csv:
        writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for item in items:
            writer.writerow({key: _cell(item.get(key)) for key in columns})
    else:
        table(items, columns, out, title=title)


def table(items: Iterable[dict[str, Any]], columns: Sequence[str], out: IO[str],
          title: str | None = None) -> None:
    grid = Table(title=title, show_lines=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    for item in items:
        grid.add_row(*(_cell(item.get(column), decimals=2) for column in columns))
    console(out).print(grid)


def console(out: IO[str]) -> Console:
    # Off a terminal Rich would wrap at 80 columns; quotes are long and their table wide, so give tables room.
    return Console(file=out, width=None if out.isatty() else 180, soft_wrap=False)


def _cell(value: Any, decimals: int | None = None) -> str:
    """A value as text; a float rounded to `decimals` when given (tables show a confidence as 0.85)."""
    if value is None:
        return ""
    if decimals is not None and isinstance(value, float):
        return f"{value:.{decimals}f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


PROFILE_COLUMNS = ("id", "name", "type", "country", "place", "first_seen", "last_seen", "articles", "aliases")
PROFILE_FACT_COLUMNS = ("actor", "kind", "date", "until", "what", "text", "sources")


def profiles(found: Sequence[dict[str, Any]], fmt: Format, out: IO[str]) -> None:
    """Actors' records (`store.actor`): whole in JSON (one object for one actor) and JSON Lines (one a
    line); in CSV one row per role, quote, event and stance; as tables, each actor then its facts."""
    if fmt is Format.json:
        out.write(dumps(found[0] if len(found) == 1 else list(found), indent=2) + "\n")
    elif fmt is Format.jsonl:
        for profile in found:
            out.write(dumps(profile) + "\n")
    elif fmt is Format.csv:
        rows([fact for p in found for fact in profile_facts(p)], fmt, PROFILE_FACT_COLUMNS, out)
    else:
        for profile in found:
            summary = {**profile, "aliases": [a["alias"] for a in profile["aliases"]],
                       "name": f"{profile['name']} (ambiguous)" if profile["ambiguous"] else profile["name"]}
            table([summary], PROFILE_COLUMNS, out, title="Actor")
            table(profile_facts(profile), PROFILE_FACT_COLUMNS[1:], out, title=f"{profile['name']}: record")


def profile_facts(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """An actor's record as flat rows: its roles (first and last seen), then quotes, events, stances."""
    name = profile["name"]
    facts: list[dict[str, Any]] = [
        {"actor": name, "kind": "role", "date": r["first_seen"], "until": r["last_seen"], "what": r["role"],
         "text": f"{r['articles']} article{'s' if r['articles'] > 1 else ''}"}
        for r in profile["roles"]
    ]
    facts += [{"actor": name, "kind": "quote", "date": q["date"] or q["published"], "what": q["kind"],
               "text": q["text"], "sources": q["sources"]} for q in profile["quotes"]]
    facts += [{"actor": name, "kind": "event", "date": e["date"] or e["published"],
               "what": " ".join(filter(None, [e["type"], e["mode"] and f"({e['mode']})",
                                              e.get("as") and f"as {'/'.join(e['as'])}",
                                              whose_word(e.get("modality"), e.get("reported_by"))])),
               "text": e["text"], "sources": e["sources"]} for e in profile["events"]]
    facts += [{"actor": name, "kind": "stance", "date": s.get("date") or s["published"], "what": f"{s['polarity']}: {s['target']}",
               "text": s["text"], "sources": s["sources"]} for s in profile["stances"]]
    return facts

