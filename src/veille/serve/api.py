"""The REST API's routes under /api (`router`) and their request and response models: each route
reads its parameters and returns what one store function gives; writes go through `shared.require_token`.

Lists are pages (`store.browse`): `{"items": [...], "next": URL or null}`, `next` being this request's
URL with the cursor of the following page.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, select

from ..errors import BadInput
from ..model import EVENT_TYPES, Analysis
from ..store import alerts, browse, sources
from ..store.schema import articles
from .shared import Conn, require_token

router = APIRouter(prefix="/api", tags=["api"])

DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Since = Annotated[str | None, Query(alias="from", pattern=DAY, description="First day (YYYY, YYYY-MM or YYYY-MM-DD)")]
Until = Annotated[str | None, Query(alias="to", pattern=DAY, description="Last day, included")]
Cursor = Annotated[str | None, Query(description="Where the page starts: take it from the previous page's `next`")]
Limit = Annotated[int, Query(ge=1, le=browse.MAX_LIMIT, description="Items per page")]
Order = Annotated[Literal["newest", "oldest"], Query(
    description="By day: the fact's own date when it has a full one, else its article's publication day")]


class Listing(BaseModel):
    """One page of a list."""

    items: list[dict[str, Any]]
    next: str | None = Field(description="The next page's URL, null on the last page")


class NewArticle(BaseModel):
    """An article to analyse and store, as one record of the JSON Lines input."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's body")
    id: str | None = Field(None, description="Defaults to a hash of the text")
    title: str | None = None
    published: str | None = Field(None, description="ISO 8601; relative dates resolve against it",
                                  examples=["2025-08-21"])
    source: str | None = None
    url: str | None = None
    language: str | None = Field(None, description="Detected when absent")


def listing(request: Request, page: browse.Page) -> JSONResponse:
    next = str(request.url.include_query_params(cursor=page.next)) if page.next else None
    return JSONResponse({"items": page.items, "next": next})


# Routes answer JSONResponse themselves: the store's rows are JSON already, and FastAPI's generic
# encoder would walk every value of a large record again (a third of an actor record's time).


@router.get("/articles", response_model=Listing)
def list_articles(request: Request, q: Annotated[str | None, Query(
                      description="Words in the title or text, or part of a name the article mentions")] = None,
                  cursor: Cursor = None, limit: Limit = 50, conn: Connection = Conn) -> JSONResponse:
    """Stored articles, latest published first, with a snippet and how much was extracted."""
    return listing(request, browse.article_page(conn, q=q, cursor=cursor, limit=limit))


@router.get("/articles/{id}", responses={404: {"description": "No article has this id"}})
def get_article(id: str, conn: Connection = Conn) -> JSONResponse:
    """One article's analysis, in the contract's shape (`veille.analysis/1`)."""
    found = browse.article(conn, id)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no article {id!r}")
    return JSONResponse(found["analysis"])


@router.post("/articles", status_code=status.HTTP_201_CREATED, dependencies=[Depends(require_token)],
             responses={200: {"description": "This text was already stored: its stored analysis"},
                        401: {"description": "No bearer token, or not the server's"},
                        403: {"description": "The server was started without a token: writes are off"}})
async def post_article(article: NewArticle, request: Request, response: Response) -> dict[str, Any]:
    """Analyses one article and stores it; answers its analysis (contract shape), 201 when new."""
    state = request.app.state
    analysis = await state.analyser.analyse(article.model_dump())
    return await run_in_threadpool(_store, state, analysis, response)


def _store(state: Any, analysis: Analysis, response: Response) -> dict[str, Any]:
    """Stores the analysis through the server's one writer: requests take their turn to write."""
    with state.writing:
        outcome = state.writer.store([analysis])[0]
    if outcome.status == "stored":
        stored = analysis.to_dict()
    else:
        response.status_code = status.HTTP_200_OK
        with state.engine.connect() as conn:
            stored = _by_hash(conn, analysis.article.sha256)
    response.headers["Location"] = f"/api/articles/{stored['article']['id']}"
    return stored


def _by_hash(conn: Connection, sha256: str) -> dict[str, Any]:
    analysis: dict[str, Any] = conn.execute(select(articles.c.analysis).where(articles.c.sha256 == sha256)).scalar_one()
    return analysis


@router.get("/quotes", response_model=Listing)
def list_quotes(request: Request,
                speaker: Annotated[str | None, Query(description="Part of the speaker's name or alias")] = None,
                q: Annotated[str | None, Query(description="Words the quote must all hold")] = None,
                min_confidence: Annotated[float | None, Query(ge=0, le=1, description=(
                    "Keep quotes whose speaker was found with at least this confidence (0 to 1); a quote "
                    "whose analysis gives no confidence is then left out"))] = None,
                since: Since = None, until: Until = None, order: Order = "newest", cursor: Cursor = None,
                limit: Limit = 50, conn: Connection = Conn) -> JSONResponse:
    """Who said what, when: each quote of a wire story once, with every copy's article in `sources`,
    how sure the attribution is (`confidence`, 0 to 1) and how the speaker was found (`speaker_link`)."""
    page = browse.quote_page(conn, speaker=speaker, contains=q, since=since, until=until, cursor=cursor,
                             limit=limit, newest_first=order == "newest", min_confidence=min_confidence)
    return listing(request, page)


@router.get("/actors", response_model=Listing)
def list_actors(request: Request,
                q: Annotated[str | None, Query(description="Part of a name or alias")] = None,
                type: Annotated[Literal["PER", "ORG", "LOC", "MISC"] | None, Query()] = None,
                cursor: Cursor = None, limit: Limit = 50, conn: Connection = Conn) -> JSONResponse:
    """People, organisations and places across articles, by name, with how many articles name each."""
    return listing(request, browse.actor_page(conn, q=q, type=type, cursor=cursor, limit=limit))


@router.get("/actors/{id}", responses={404: {"description": "No actor has this id"}})
def get_actor(id: int, limit: Annotated[int, Query(ge=1, le=browse.MAX_LIMIT, description=(
                  "The latest quotes, events, stances and articles given, at most, in each list; `more` says "
                  "which lists go on"))] = 50, conn: Connection = Conn) -> JSONResponse:
    """One actor: aliases, country, place, roles over time, quotes, events, stances and articles."""
    found = browse.actor_record(conn, id, limit=limit)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no actor {id}")
    return JSONResponse(found)


@router.get("/events", response_model=Listing)
def list_events(request: Request,
                type: Annotated[str | None, Query(description=f"PLOVER type: {', '.join(EVENT_TYPES)}",
                                                  pattern="(?i)^(" + "|".join(EVENT_TYPES) + ")$")] = None,
                place: Annotated[str | None, Query(description="Part of a place's name, or a country")] = None,
                actor: Annotated[str | None, Query(description="Part of a source or target actor's name")] = None,
                modality: Annotated[Literal["asserted", "reported", "denied"] | None, Query(description=(
                    "asserted: events the article states itself; reported: those a source's statement "
                    "reports (with `reported_by`); denied: those a party denies"))] = None,
                since: Since = None, until: Until = None, order: Order = "newest", cursor: Cursor = None,
                limit: Limit = 50, conn: Connection = Conn) -> JSONResponse:
    """Who did what to whom, where, when, how many killed or injured, and whose word it is when the
    article does not state it itself; each of a story's events once."""
    page = browse.event_page(conn, type=type, place=place, actor=actor, since=since, until=until, cursor=cursor,
                             limit=limit, newest_first=order == "newest", modality=modality)
    return listing(request, page)


@router.get("/stances", response_model=Listing)
def list_stances(request: Request,
                 holder: Annotated[str | None, Query(description="Part of the holder's name or description")]
                 = None,
                 target: Annotated[str | None, Query(description="Words the target must all hold")] = None,
                 since: Since = None, until: Until = None, order: Order = "newest", cursor: Cursor = None,
                 limit: Limit = 50, conn: Connection = Conn) -> JSONResponse:
    """Who supports, opposes or demands what."""
    page = browse.stance_page(conn, holder=holder, target=target, since=since, until=until, cursor=cursor,
                              limit=limit, newest_first=order == "newest")
    return listing(request, page)


@router.get("/stories", response_model=Listing)
def list_stories(request: Request, cursor: Cursor = None, limit: Limit = 50,
                 conn: Connection = Conn) -> JSONResponse:
    """Stories: the copies of one text (a wire dispatch as several outlets ran it), latest first."""
    return listing(request, browse.story_page(conn, cursor=cursor, limit=limit))


@router.get("/sources")
def list_sources(conn: Connection = Conn) -> JSONResponse:
    """The sources `veille watch` follows, with their health: last success, next try, last error."""
    return JSONResponse({"items": sources.listing(conn)})


@router.get("/alerts")
def list_alerts(conn: Connection = Conn) -> JSONResponse:
    """The saved searches, each with how many items it holds."""
    return JSONResponse({"items": alerts.listing(conn)})


@router.get("/alerts/{name}/items", responses={404: {"description": "No alert has this name"}})
def list_alert_items(name: str, after: Annotated[int, Query(ge=0, le=browse.MAX_INTEGER, description=(
                         "Only items with a greater id: the largest id of the items already read"))] = 0,
                     limit: Limit = 100, conn: Connection = Conn) -> JSONResponse:
    """A saved search's items, newest first: the quote, event or stance, its evidence and article."""
    try:
        return JSONResponse({"items": alerts.items(conn, name, after=after, limit=limit)})
    except BadInput:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no alert {name!r}") from None
