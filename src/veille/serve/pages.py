"""The HTML pages' routes (`router`) and what they compute for their templates (the map's places and
view box): each page is rendered from one or two store functions, with Jinja2 (`shared.page`).

    /                 search over articles, quotes and actors; what the store holds
    /articles/{id}    the text with what was extracted highlighted, and the list of it beside
    /actors           actors by name;  /actors/{id}  one actor across articles
    /timeline         events and statements by day
    /map              events placed by their places' coordinates
    /quotes           who said what, when
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, status
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from sqlalchemy import Connection

from ..store import browse, sources
from . import highlight
from .shared import STATIC, UNCERTAIN, Conn, page

router = APIRouter(include_in_schema=False)
DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
Text = Annotated[str | None, Query()]


def _day(value: str | None) -> str | None:
    """A day filter from a form: empty means none; a malformed one is refused by the store's callers."""
    value = (value or "").strip()
    if not value:
        return None
    if not DAY.fullmatch(value):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"not a day, month or year (YYYY-MM-DD): {value!r}")
    return value


def _clean(value: str | None) -> str | None:
    return (value or "").strip() or None


@router.get("/", response_class=HTMLResponse)
def home(request: Request, q: Text = None, conn: Connection = Conn) -> HTMLResponse:
    q = _clean(q)
    found = browse.search(conn, q, limit=10) if q else None
    latest = None if q else browse.article_page(conn, limit=10).items
    return page(request, "home.html", q=q or "", found=found, latest=latest, overview=browse.overview(conn))


@router.get("/articles/{id}", response_class=HTMLResponse)
def article(request: Request, id: str, conn: Connection = Conn) -> HTMLResponse:
    found = browse.article(conn, id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article {id!r}")
    analysis = found["analysis"]
    marks = highlight.marks(analysis, found["actors"], found["names"])
    body = highlight.render(found["text"], marks)
    entities = sorted(analysis.get("entities", []), key=lambda e: (-len(e.get("mentions", [])), e["name"]))
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity in entities:
        by_type[entity["type"]].append(entity)
    names = {e["id"]: found["names"].get(found["actors"].get(e["id"]), e["name"]) for e in entities}
    return page(request, "article.html", article=found, analysis=analysis, body=body, by_type=by_type,
                names=names, times=list(enumerate(analysis.get("times", []), start=1)),
                anchor=highlight.anchor)


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, conn: Connection = Conn) -> HTMLResponse:
    """The sources `veille watch` follows, with their health (last success, next try, last error) and
    the new articles each gave on each of the last two weeks' days."""
    listed = sources.listing(conn)
    days = sources.per_day(conn, CHART_DAYS)
    for source in listed:
        source["days"] = days.get(source["id"], [])
    most = max((n for counts in days.values() for _, n in counts), default=0)
    return page(request, "sources.html", sources=listed, most=max(most, 1), chart_days=CHART_DAYS)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Text = None, type: Text = None, cursor: Text = None,
           conn: Connection = Conn) -> HTMLResponse:
    q, type = _clean(q), _clean(type)
    listed = browse.actor_page(conn, q=q, type=type, cursor=_clean(cursor), limit=60)
    return page(request, "actors.html", q=q or "", type=type or "", listed=listed,
                next=_next(request, listed.next))


@router.get("/actors/{id}", response_class=HTMLResponse)
def actor(request: Request, id: int, conn: Connection = Conn) -> HTMLResponse:
    found = browse.actor_record(conn, id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no actor {id}")
    kinds = Counter(event["type"] for event in found["events"])
    return page(request, "actor.html", actor=found, kinds=kinds.most_common())


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, since: Annotated[str | None, Query(alias="from")] = None,
             until: Annotated[str | None, Query(alias="to")] = None, type: Text = None, actor: Text = None,
             place: Text = None, asserted: Text = None, conn: Connection = Conn) -> HTMLResponse:
    filters = {"from": _day(since), "to": _day(until), "type": _clean(type), "actor": _clean(actor),
               "place": _clean(place), "asserted": asserted == "1"}
    entries, cut = browse.timeline_entries(conn, since=filters["from"], until=filters["to"], actor=filters["actor"],
                                           place=filters["place"], type=filters["type"],
                                           modality="asserted" if filters["asserted"] else None)
    days: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries:
        days[entry["day"] or "undated"].append(entry)
    most = max((len(v) for v in days.values()), default=1)
    return page(request, "timeline.html", filters=filters, days=days, most=most, cut=cut, total=len(entries))


CHART_DAYS = 14  # the Sources page's chart: new articles per day, over two weeks
MAP_LISTED = 25  # events listed beside the map for each place, the latest; the timeline has the rest


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, speaker: Text = None, q: Text = None,
           since: Annotated[str | None, Query(alias="from")] = None,
           until: Annotated[str | None, Query(alias="to")] = None, order: Text = None, cursor: Text = None,
           sure: Text = None, conn: Connection = Conn) -> HTMLResponse:
    filters = {"speaker": _clean(speaker), "q": _clean(q), "from": _day(since), "to": _day(until),
               "order": "oldest" if order == "oldest" else "newest", "sure": sure == "1"}
    listed = browse.quote_page(conn, speaker=filters["speaker"], contains=filters["q"], since=filters["from"],
                               until=filters["to"], cursor=_clean(cursor), limit=50,
                               newest_first=filters["order"] == "newest",
                               min_confidence=UNCERTAIN if filters["sure"] else None)
    return page(request, "quotes.html", filters=filters, listed=listed, next=_next(request, listed.next),
                first=bool(_clean(cursor)))


@router.get("/map", response_class=HTMLResponse)
def map(request: Request, type: Text = None, actor: Text = None,
        since: Annotated[str | None, Query(alias="from")] = None,
        until: Annotated[str | None, Query(alias="to")] = None, view: Text = None, asserted: Text = None,
        conn: Connection = Conn) -> HTMLResponse:
    filters = {"type": _clean(type), "actor": _clean(actor), "from": _day(since), "to": _day(until),
               "view": "world" if view == "world" else "fit", "asserted": asserted == "1"}
    places, cut = browse.map_places(conn, type=filters["type"], actor=filters["actor"], since=filters["from"],
                                    until=filters["to"], modality="asserted" if filters["asserted"] else None)
    placed, unplaced = _place(places)
    box = _view_box(placed) if filters["view"] == "fit" else (0.0, 0.0, 360.0, 180.0)
    shaded = sorted({p["country"] for p in placed if p["country"]})
    return page(request, "map.html", filters=filters, placed=placed, unplaced=unplaced, cut=cut, listed=MAP_LISTED,
                box=box, outlines=world_outlines(), shaded=shaded,
                events=sum(len(p["events"]) for p in placed + unplaced))


# --- the map ---

@cache
def world_outlines() -> Markup:
    """The country paths of static/world.svg (x = lon + 180, y = 90 - lat), to inline in the map."""
    svg = (STATIC / "world.svg").read_text(encoding="utf-8")
    return Markup(svg[svg.index('<g class="countries">'):svg.rindex("</g>") + 4])  # our own file, not input


@cache
def country_centres() -> dict[str, dict[str, Any]]:
    centres: dict[str, dict[str, Any]] = json.loads((STATIC / "countries.json").read_text(encoding="utf-8"))
    return centres


def _place(places: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Places with a point (a city's own; a country's centre, marked approximate), and those without."""
    placed, unplaced = [], []
    for place in places:
        lat, lon, approximate = place["lat"], place["lon"], False
        if lat is None and place["kind"] == "country" and place["country"] in country_centres():
            centre = country_centres()[place["country"]]
            lat, lon, approximate = centre["lat"], centre["lon"], True
        if lat is None or lon is None:
            unplaced.append(place)
            continue
        placed.append({**place, "x": round(lon + 180, 2), "y": round(90 - lat, 2), "approximate": approximate,
                       "radius": 1 + math.sqrt(len(place["events"]))})
    return placed, unplaced


def _view_box(placed: list[dict[str, Any]], margin: float = 8.0, smallest: float = 36.0) -> tuple[float, ...]:
    """The part of the world that holds every marker, with a margin, at least `smallest` degrees wide,
    in the map's 2:1 shape; the whole world when there is nothing to show."""
    if not placed:
        return (0.0, 0.0, 360.0, 180.0)
    xs, ys = [p["x"] for p in placed], [p["y"] for p in placed]
    width = max(max(xs) - min(xs) + 2 * margin, smallest, 2 * (max(ys) - min(ys) + 2 * margin))
    width = min(width, 360.0)
    height = width / 2
    x = min(max((max(xs) + min(xs)) / 2 - width / 2, 0.0), 360.0 - width)
    y = min(max((max(ys) + min(ys)) / 2 - height / 2, 0.0), 180.0 - height)
    return (round(x, 2), round(y, 2), round(width, 2), round(height, 2))


def _next(request: Request, cursor: str | None) -> str | None:
    """This page's URL (path and query) with the next page's cursor, or None on the last page."""
    if cursor is None:
        return None
    return f"{request.url.path}?{request.url.include_query_params(cursor=cursor).query}"
