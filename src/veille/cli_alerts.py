"""The CLI's saved searches: `veille alerts add|list|show|remove` (cli.py adds them)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import render, settings
from .cli import AssertedOnly, Db, EventType, QueryFormat, _errors, _message
from .cli_watch import in_store

if TYPE_CHECKING:
    from sqlalchemy import Connection

alerts_app = typer.Typer(help="Saved searches: each new quote, event or stance that matches one is kept for you.",
                         no_args_is_help=True)
ALERT_COLUMNS = ("name", "speaker", "actor", "contains", "type", "place", "asserted_only", "items", "new")
ITEM_COLUMNS = ("kind", "day", "who", "what", "text", "article", "source", "found_at")
Name = Annotated[str, typer.Argument(help="The alert's name.", show_default=False)]


@alerts_app.command("add", epilog='Example: veille alerts add lavrov-ukraine --speaker Lavrov --contains Ukraine')
def add(name: Name,
        speaker: Annotated[str | None, typer.Option(
            help="Part of the speaker's name (quotes and stances).", show_default=False)] = None,
        actor: Annotated[str | None, typer.Option(
            help="Part of the name of who speaks or takes part.", show_default=False)] = None,
        contains: Annotated[str | None, typer.Option(
            help="Words the evidence must hold, each as a word's beginning.", show_default=False)] = None,
        type: Annotated[EventType | None, typer.Option(
            "--type", case_sensitive=False, help="PLOVER event type (events only).", show_default=False)] = None,
        place: Annotated[str | None, typer.Option(
            help="Part of a place's name, or a country (events only).", show_default=False)] = None,
        asserted_only: AssertedOnly = False, db: Db = None) -> None:
    """Save a search: from now on, each new matching quote, event or stance is recorded once (the
    facts already stored are recorded too, as seen)."""
    from .store import alerts

    with _errors():
        row = in_store(settings.load({"db": db}).db, lambda conn: alerts.add(
            conn, name, speaker=speaker, actor=actor, contains=contains, type=type.value if type else None,
            place=place, asserted_only=asserted_only), "cannot add the alert")
    _message(f"alert {row['name']} saved: {row['items']} matching fact(s) already stored; "
             f"`veille alerts show {row['name']} --new` gives what comes next")


@alerts_app.command("list", epilog="Example: veille alerts list")
def list_alerts(db: Db = None, format: QueryFormat = None) -> None:
    """List the saved searches with how many items each holds and how many are new."""
    from .store import alerts

    with _errors():
        found = in_store(settings.load({"db": db}).db, alerts.listing)
    render.rows(found, format or render.default_format(), ALERT_COLUMNS, sys.stdout, title="Alerts")


@alerts_app.command("show", epilog="Example: veille alerts show lavrov-ukraine --new")
def show(name: Name,
         new: Annotated[bool, typer.Option("--new", help="Only the items not shown by an earlier --new, "
                                                         "which are then marked seen.")] = False,
         db: Db = None, format: QueryFormat = None) -> None:
    """Show an alert's items, newest first: the fact, its evidence, its article and when it was found."""
    from .store import alerts

    def read(conn: Connection) -> list[dict[str, Any]]:
        alert = alerts.one(conn, name)
        found = alerts.items(conn, name, after=alert["seen"] if new else 0)
        if new and found:
            alerts.mark_seen(conn, name, max(int(item["id"]) for item in found))
        return found

    with _errors():
        found = in_store(settings.load({"db": db}).db, read, "cannot read the alert")
    render.rows(found, format or render.default_format(), ITEM_COLUMNS, sys.stdout, title=f"Alert {name}")


@alerts_app.command("remove", epilog="Example: veille alerts remove lavrov-ukraine")
def remove(name: Name, db: Db = None) -> None:
    """Delete a saved search and its items (the articles stay stored)."""
    from .store import alerts

    with _errors():
        gone = in_store(settings.load({"db": db}).db, lambda conn: alerts.remove(conn, name), "cannot remove the alert")
    if not gone:
        _message(f"error: no alert named {name!r} (see veille alerts list)")
        raise typer.Exit(1)
    _message(f"alert {name} removed")
