"""The web dashboard and REST API on the store, for localhost: nothing is fetched from elsewhere.

    >>> from veille.serve import create_app, run
    >>> app = create_app("sqlite:///veille.db")        # an ASGI app (FastAPI)
    >>> run("sqlite:///veille.db", port=8000)           # what `veille serve` does

REST under /api (OpenAPI at /docs), pages at /, /articles/{id}, /actors/{id}, /timeline, /map,
/quotes. Writes (`POST /api/articles`) need the bearer token of VEILLE_API_TOKEN.
"""

from __future__ import annotations

from .app import create_app
from .shared import TOKEN_VARIABLE

__all__ = ["TOKEN_VARIABLE", "create_app", "run"]


def run(url: str | None = None, host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Serves the store at `url` until interrupted."""
    import uvicorn

    uvicorn.run(create_app(url, token=token), host=host, port=port, log_level="warning")
