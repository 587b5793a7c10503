"""What the app, the API and the pages all use: where the static files and templates are, the
per-request connection (`Conn`), the bearer token check on writes (`require_token`), the HTML
rendering of a page (`page`) and of an error (`error_page`), and when a quote's speaker is shown as
uncertain (`uncertain`).

It imports none of the other serve modules: `app` builds on it, `api` and `pages` take from it.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status
from fastapi.responses import HTMLResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy import Connection

from ..model import EVENT_TYPES

HERE = Path(__file__).parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"
TOKEN_VARIABLE = "VEILLE_API_TOKEN"


# --- the store ---

def connection(request: Request) -> Iterator[Connection]:
    """A connection for one request, on the app's engine."""
    with request.app.state.engine.connect() as conn:
        yield conn


Conn = Depends(connection)


# --- writes ---

_bearer = HTTPBearer(auto_error=False, description=f"The token in {TOKEN_VARIABLE} when the server started.")


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> None:
    """Lets a write through only with the configured bearer token: 403 when the server has none
    (writes are off), 401 when the request has none or another."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            f"writes are disabled: start the server with {TOKEN_VARIABLE} set")
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "a bearer token is required (Authorization: Bearer …)",
                            headers={"WWW-Authenticate": "Bearer"})


# --- HTML ---

UNCERTAIN = 0.6  # an attribution less sure than this is shown as uncertain
SPEAKER_FOUND = {  # why an attribution may be unsure: how its speaker was found
    "pronoun": "speaker found through a pronoun",
    "description": "speaker found through a description",
    "continuation": "speaker taken from the previous speaker's turn going on",
    "unnamed": "speaker is an unnamed source",
}


def uncertain(confidence: Any, speaker_link: Any = None) -> str | None:
    """Why a quote's attribution is shown as uncertain (its confidence below UNCERTAIN), for a
    tooltip: "uncertain attribution (confidence 0.40): speaker found through a pronoun"; None when
    it is sure enough or its analysis gives no confidence."""
    if not isinstance(confidence, int | float) or isinstance(confidence, bool) or confidence >= UNCERTAIN:
        return None
    why = SPEAKER_FOUND.get(speaker_link) if isinstance(speaker_link, str) else None
    return f"uncertain attribution (confidence {confidence:.2f})" + (f": {why}" if why else "")


env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                  trim_blocks=True, lstrip_blocks=True)
env.globals["EVENT_TYPES"] = EVENT_TYPES
env.globals["uncertain"] = uncertain
env.filters["n"] = lambda count, word: f"{count} {word}{'' if count == 1 else 's'}"


def page(request: Request, template: str, code: int = 200, **context: Any) -> HTMLResponse:
    """The template rendered for this request, which it sees as `request` and `path`."""
    html = env.get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=code)


def error_page(request: Request, code: int, message: str) -> Response:
    return page(request, "error.html", code=code, code_=code, message=message)
