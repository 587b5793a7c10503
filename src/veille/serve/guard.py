"""What stands between the network and the app: checks made before a request reaches a route, and
headers added to every answer (app.py puts them in front of the routes).

- `Host` must name this server (Starlette's TrustedHostMiddleware): a page on another site that
  rebinds its own DNS name to 127.0.0.1 cannot read the API.
- A write (`POST` under /api/) must carry the bearer token before its body is read; a client that
  fails it too often is told to wait (429).
- A body larger than `max_body` is refused with 413 as soon as its announced length, or the bytes
  received, pass the limit; nothing larger is ever held in memory.
- Every answer carries a Content-Security-Policy, X-Frame-Options, X-Content-Type-Options and
  Referrer-Policy.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections import defaultdict, deque
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 2_000_000  # bytes: an article of the largest size veille analyses (200,000 characters) is ~400 KB
FAILURES_ALLOWED = 10  # failed authentications per client and window before it must wait
FAILURE_WINDOW = 60.0  # seconds
PAGES_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Swagger UI's page starts itself with an inline script (served from this process, see app.py)
DOCS_POLICY = PAGES_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
HEADERS = {"x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer"}


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> list[str]:
    """The names a request's Host may give: the address the server is bound to, this machine's
    loopback names, and any the operator adds."""
    names = {bound, "localhost", "127.0.0.1", "::1", "[::1]", *extra}
    return sorted(name for name in names if name and name not in ("0.0.0.0", "::"))


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = DOCS_POLICY if scope["path"].startswith("/docs") else PAGES_POLICY

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                headers.append((b"content-security-policy", policy.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class Writes:
    """The token and size checks on requests with a body, before the app reads it."""

    def __init__(self, app: ASGIApp, token: str | None, max_body: int) -> None:
        self.app = app
        self.token = token
        self.max_body = max_body
        self.failures: dict[str, deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if scope["path"].startswith("/api/"):
            refusal = self._refusal(headers, _client(scope))
            if refusal is not None:
                await _answer(send, *refusal)
                return
        length = headers.get("content-length", "")
        if length and (not length.isdigit() or int(length) > self.max_body):
            await _answer(send, 413, f"the body is larger than {self.max_body:,} bytes")
            return
        await self.app(scope, *_capped(receive, send, self.max_body))

    def _refusal(self, headers: dict[str, str], client: str) -> tuple[int, str, dict[str, str]] | None:
        if not self.token:
            return 403, "writes are disabled: start the server with VEILLE_API_TOKEN set", {}
        now = time.monotonic()
        with self.lock:
            failed = self.failures[client]
            while failed and failed[0] < now - FAILURE_WINDOW:
                failed.popleft()
            if len(failed) >= FAILURES_ALLOWED:
                wait = int(failed[0] + FAILURE_WINDOW - now) + 1
                return 429, "too many failed authentications: wait before trying again", {"retry-after": str(wait)}
        given = headers.get("authorization", "")
        scheme, _, credentials = given.partition(" ")
        if scheme.lower() == "bearer" and secrets.compare_digest(credentials.strip().encode(), self.token.encode()):
            return None
        with self.lock:
            self.failures[client].append(now)
        return 401, "a bearer token is required (Authorization: Bearer …)", {"www-authenticate": "Bearer"}


def _capped(receive: Receive, send: Send, limit: int) -> tuple[Receive, Send]:
    """`receive` and `send` for an app whose body may grow past `limit` bytes as it comes: then the
    client is answered 413 at once, the app is told the client left, and whatever it sends after is
    dropped."""
    received = 0
    answered = False

    async def capped_receive() -> Message:
        nonlocal received, answered
        if answered:
            return {"type": "http.disconnect"}
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                answered = True
                await _answer(send, 413, f"the body is larger than {limit:,} bytes")
                return {"type": "http.disconnect"}
        return message

    async def guarded_send(message: Message) -> None:
        if not answered:
            await send(message)

    return capped_receive, guarded_send


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


async def _answer(send: Send, code: int, detail: str, headers: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": detail}).encode()
    extra = [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": code,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *extra]})
    await send({"type": "http.response.body", "body": body})
