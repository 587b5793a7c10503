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

from .model import Analysis, Failure


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
        grid.add_row(*(_cell(item.get(column)) for column in columns))
    console(out).print(grid)


def console(out: IO[str]) -> Console:
    # Off a terminal Rich would wrap at 80 columns; quotes are long, so give tables room.
    return Console(file=out, width=None if out.isatty() else 160, soft_wrap=False)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)
