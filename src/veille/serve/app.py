"""The FastAPI application: `create_app` opens one engine on the store for the app's whole life,
mounts the static files, includes the API's routes (`api`) and the pages' (`pages`), and answers
errors: in JSON under /api, as an HTML page elsewhere.

Everything a page loads (scripts, styles, the map's outlines, the API docs' Swagger UI) is served
from this process: nothing is fetched from elsewhere, so the dashboard works on a closed network.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib.metadata import version

from fastapi import FastAPI, Request, status
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..errors import BadInput, StoreError, VeilleError
from ..store import Writer
from ..store.db import describe, errors, open_engine
from . import alerts as alert_pages
from . import api, guard, pages
from .analyser import Analyser, AnalyserDown
from .shared import STATIC, TOKEN_VARIABLE, error_page

__all__ = ["TOKEN_VARIABLE", "create_app"]

log = logging.getLogger(__name__)

UNAVAILABLE = "the store cannot answer just now: try again in a moment"
CONNECTIONS = 20  # store connections kept open for requests answered at once (as many more may open)

DESCRIPTION = """\
Who said what, who did what to whom, where and when, from French news: every record points at the
characters of the article it comes from.

Lists answer `{"items": [...], "next": URL or null}`: follow `next` until it is null. Dates filter by
day (`from`, `to`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, both included). Names ignore case and accents.
`POST /api/articles` needs `Authorization: Bearer TOKEN`, the token the server was started with
(`VEILLE_API_TOKEN`); a server started without one refuses writes.
"""


def create_app(url: str | None = None, token: str | None = None, host: str = "127.0.0.1",
               allowed: Iterable[str] = (), max_body: int = guard.MAX_BODY) -> FastAPI:
    """The app on the store at `url` (by default the `db` setting).

    `token` is the bearer token that `POST /api/articles` requires, by default `VEILLE_API_TOKEN`;
    without one, writes are refused. Requests must name `host` (the address the server is bound
    to), a loopback name or one of `allowed` in their Host header; bodies larger than `max_body`
    bytes are refused (`guard`). Raises StoreError when there is no store at `url`.
    """
    if url is None:
        from ..settings import load

        url = load().db
    engine = open_engine(url, create=False, connections=CONNECTIONS)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # What is alive once the app has started lives as long as the server: frozen, it is left out
        # of the collector's full passes, which otherwise stalled one request in twenty or so
        # (the map page: p95 141 ms against a median of 103, bench/RESULTS.md).
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()
            app.state.analyser.close()
            engine.dispose()

    app = FastAPIOffline(
        title="veille", version=version("veille"), description=DESCRIPTION, lifespan=lifespan,
        static_url="/static/docs", favicon_url="/static/favicon.svg",
        # Swagger UI would otherwise ask validator.swagger.io about the spec
        swagger_ui_parameters={"validatorUrl": None, "defaultModelsExpandDepth": 0},
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.writer = Writer(engine)
    app.state.analyser = Analyser()
    app.state.writing = threading.Lock()  # the server's one writer path: one POST stores at a time
    app.state.url = url
    app.state.store = describe(engine.url)  # for the operator's log, never shown to clients: it names a path
    app.state.backend = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(engine.dialect.name, engine.dialect.name)
    app.state.token = token if token is not None else (os.environ.get(TOKEN_VARIABLE) or None)
    app.state.hosts = guard.allowed_hosts(host, allowed)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(alert_pages.router)
    _handle_errors(app)
    app.add_middleware(guard.Writes, token=app.state.token, max_body=max_body)
    app.add_middleware(guard.SecurityHeaders)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=app.state.hosts)

    return app


def _handle_errors(app: FastAPI) -> None:
    """VeilleErrors in the user's terms: bad input is the client's (400), the store's failure ours (503).
    The API answers errors in JSON, the pages in HTML."""
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return await http_exception_handler(request, error)
        return _error(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError) -> Response:
        # FastAPI's own answer echoes each wrong value, which may be megabytes, or a lone surrogate
        # that no JSON answer can encode: say where and what is wrong, without the value
        problems = [{key: value for key, value in problem.items() if key in ("type", "loc", "msg")}
                    for problem in error.errors()]
        if _wants_json(request):
            return JSONResponse({"detail": problems}, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)
        first = problems[0] if problems else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return error_page(request, status.HTTP_422_UNPROCESSABLE_CONTENT, f"{where}: {first.get('msg')}")

    @app.exception_handler(BadInput)
    async def bad_input(request: Request, error: BadInput) -> Response:
        return _error(request, status.HTTP_400_BAD_REQUEST, str(error))

    @app.exception_handler(VeilleError)
    async def veille_error(request: Request, error: VeilleError) -> Response:
        if isinstance(error, StoreError):
            log.error("%s", error)  # the whole story for the operator; the client learns no path
            return _error(request, status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE)
        if isinstance(error, AnalyserDown):
            log.error("%s", error)
            return _error(request, status.HTTP_503_SERVICE_UNAVAILABLE, str(error))
        return _error(request, 400, str(error))

    @app.exception_handler(SQLAlchemyError)
    async def store_error(request: Request, error: SQLAlchemyError) -> Response:
        try:
            with errors(f"cannot read {request.app.state.store}"):
                raise error
        except StoreError as store_error:
            log.error("%s", store_error)
        return _error(request, status.HTTP_503_SERVICE_UNAVAILABLE, UNAVAILABLE)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/static/", "/docs", "/openapi"))


def _error(request: Request, code: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=code)
    return error_page(request, code, message)
