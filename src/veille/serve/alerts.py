"""The saved searches in the dashboard: `/alerts` (each with what is new since this browser's last
visit), `/alerts/{name}` (its items, the new ones marked) and `/alerts/{name}.atom` (the same as an
Atom feed, for the feed reader an analyst already uses). What a browser has seen is kept in a
cookie per alert, so reading a page never writes to the store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.responses import HTMLResponse, Response
from feedgen.feed import FeedGenerator
from sqlalchemy import Connection

from ..errors import BadInput
from ..store import alerts
from .shared import Conn, page

router = APIRouter(include_in_schema=False)
FEED_ITEMS = 100  # the newest items a feed or a page shows
ANCHOR_LAYER = {"quote": "quote", "event": "event"}  # the article page's highlight layers; stances have none


def _alert(conn: Connection, name: str) -> dict[str, Any]:
    try:
        return alerts.one(conn, name)
    except BadInput:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no alert {name!r}") from None


def _seen(request: Request, alert: dict[str, Any]) -> int:
    value = request.cookies.get(f"veille_alert_{alert['id']}", "")
    return int(value) if value.isdigit() else 0


def _link(item: dict[str, Any]) -> str:
    from urllib.parse import quote

    layer = ANCHOR_LAYER.get(item["kind"])
    return f"/articles/{quote(item['article'], safe='')}" + (f"#m-{layer}-{item['fact']}" if layer else "")


@router.get("/alerts", response_class=HTMLResponse)
def alerts_page(request: Request, conn: Connection = Conn) -> HTMLResponse:
    """Each saved search with how many of its items this browser has not seen."""
    listed = alerts.listing(conn)
    for alert in listed:
        seen = _seen(request, alert)
        alert["unseen"] = sum(1 for item in alerts.items(conn, alert["name"], after=seen, limit=FEED_ITEMS + 1))
    return page(request, "alerts.html", alerts=listed, most=FEED_ITEMS)


@router.get("/alerts/{name}.atom")
def alert_feed(request: Request, name: str, conn: Connection = Conn) -> Response:
    """The alert's newest items as an Atom feed, each linking to its evidence."""
    alert = _alert(conn, name)
    found = alerts.items(conn, name, limit=FEED_ITEMS)
    base = str(request.base_url).rstrip("/")
    feed = FeedGenerator()
    feed.id(f"{base}/alerts/{alert['id']}")
    feed.title(f"veille: {alert['name']}")
    feed.link(href=f"{base}{request.url.path}", rel="self")
    feed.link(href=f"{base}/alerts/{request.path_params['name']}", rel="alternate")
    feed.updated(datetime.fromisoformat(found[0]["found_at"] if found else alert["created_at"]))
    for item in reversed(found):  # feedgen puts the last added first
        entry = feed.add_entry()
        entry.id(f"{base}/alerts/{alert['id']}/items/{item['id']}")
        entry.title(_title(item))
        entry.link(href=f"{base}{_link(item)}")
        entry.updated(datetime.fromisoformat(item["found_at"]))
        entry.summary(f"{item['text']} ({item['source'] or item['article']}, {item['day'] or 'undated'})")
    return Response(feed.atom_str(pretty=True), media_type="application/atom+xml; charset=utf-8")


@router.get("/alerts/{name}", response_class=HTMLResponse)
def alert_page(request: Request, name: str, conn: Connection = Conn) -> HTMLResponse:
    """The alert's newest items, those this browser has not seen marked new; the visit marks them seen."""
    alert = _alert(conn, name)
    seen = _seen(request, alert)
    found = alerts.items(conn, name, limit=FEED_ITEMS)
    for item in found:
        item["new"] = item["id"] > seen
        item["link"] = _link(item)
        item["headline"] = _title(item)
    response = page(request, "alert.html", alert=alert, items=found, unseen=sum(item["new"] for item in found))
    if found:
        response.set_cookie(f"veille_alert_{alert['id']}", str(found[0]["id"]), max_age=10 * 365 * 86400,
                            httponly=True, samesite="lax", path="/alerts")
    return response


def _title(item: dict[str, Any]) -> str:
    who = item["who"] or "someone"
    if item["kind"] == "quote":
        return f"{who}: « {_cut(item['text'])} »"
    if item["kind"] == "stance":
        return f"{who} {_cut(item['what'] or '')}"
    return f"{item['what']}: {_cut(item['text'])}"


def _cut(text: str, most: int = 90) -> str:
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + " …"
