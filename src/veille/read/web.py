"""Article pages fetched over HTTP(S), politely: robots.txt obeyed, a User-Agent that names veille and
whom to contact, one request a second per host, retries with back-off on 429 and 5xx that honour
Retry-After, a connect and a total timeout, a size cap, a bounded number of redirects, and only
HTML read.

    >>> page = Fetcher(contact="desk@example.org").get("https://example.org/article.html")

Every failure is a FetchError whose message is one line naming the URL's problem.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib.metadata import version
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

MAX_BYTES = 5_000_000  # a page larger than this is no article
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0  # seconds
TOTAL_TIMEOUT = 60.0  # seconds for a whole request, body included: a page that never ends stops here
PER_HOST_INTERVAL = 1.0  # seconds between two requests to one host
ATTEMPTS = 4  # tries of a request answered 429 or 5xx, or cut off
MAX_RETRY_AFTER = 120.0  # seconds: a longer Retry-After gives up instead of waiting
PAGE_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/x-rss+xml")


class FetchError(Exception):
    """A page that could not be fetched; the message says why, in one line. `transient`: the server
    was busy, failing or out of reach, so a later try may do (a 404 or a page too large will not)."""

    def __init__(self, reason: str, transient: bool = False) -> None:
        super().__init__(reason)
        self.transient = transient


class _Retry(Exception):
    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.wait = wait


@dataclass(frozen=True)
class Page:
    url: str  # where the page was found, after redirects
    data: bytes
    fetched_at: datetime
    etag: str | None = None  # for the next conditional request
    last_modified: str | None = None


class Fetcher:
    """One client for a run: its connections, each host's robots.txt and the time of its last request."""

    def __init__(self, contact: str | None = None, interval: float | None = None) -> None:
        agent = f"veille/{version('veille')} (news monitoring; +{contact or 'no contact given'})"
        self.client = httpx.Client(headers={"User-Agent": agent}, follow_redirects=True,
                                   max_redirects=MAX_REDIRECTS,
                                   timeout=httpx.Timeout(TOTAL_TIMEOUT, connect=CONNECT_TIMEOUT))
        self.agent = agent
        self.interval = PER_HOST_INTERVAL if interval is None else interval
        self._robots: dict[str, RobotFileParser] = {}
        self._last: dict[str, float] = {}
        self._site_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, url: str, types: tuple[str, ...] = PAGE_TYPES, etag: str | None = None,
            last_modified: str | None = None) -> Page | None:
        """The page at `url` when its type is one of `types`, or FetchError. With `etag` or
        `last_modified` (what the server said last time), None when it has not changed since (304)."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("not an http(s) URL")
        if not self._robots_for(url).can_fetch(self.agent, url):
            raise FetchError("its site's robots.txt does not allow it")
        retrying = Retrying(retry=retry_if_exception(lambda e: isinstance(e, _Retry)),
                            stop=stop_after_attempt(ATTEMPTS), wait=_wait, reraise=True)
        try:
            for attempt in retrying:
                with attempt:
                    return self._fetch(url, types, _conditions(etag, last_modified))
        except _Retry as error:
            raise FetchError(f"{error} (tried {ATTEMPTS} times)", transient=True) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        self.client.close()

    def _fetch(self, url: str, types: tuple[str, ...], headers: dict[str, str]) -> Page | None:
        self._wait_turn(url)
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304 and headers:
                    return None
                if response.status_code == 429 or response.status_code >= 500:
                    raise _Retry(f"the server answered {response.status_code}", _retry_after(response))
                if response.status_code >= 400:
                    raise FetchError(f"the server answered {response.status_code}")
                kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if kind not in types:
                    wanted = "an HTML page" if types == PAGE_TYPES else "a feed, a sitemap or a page"
                    raise FetchError(f"not {wanted} but {kind or 'an unnamed type'}")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > MAX_BYTES:
                    raise FetchError(f"the page is larger than {MAX_BYTES:,} bytes")
                data = bytearray()
                for chunk in response.iter_bytes():
                    data += chunk
                    if len(data) > MAX_BYTES:
                        raise FetchError(f"the page is larger than {MAX_BYTES:,} bytes")
                    if time.monotonic() - started > TOTAL_TIMEOUT:
                        raise FetchError(f"the page took more than {TOTAL_TIMEOUT:g} s to come", transient=True)
                return Page(str(response.url), bytes(data), datetime.now(UTC), response.headers.get("etag"),
                            response.headers.get("last-modified"))
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
        except httpx.TimeoutException:
            raise _Retry("the server did not answer in time") from None
        except httpx.TransportError as error:
            raise _Retry(f"cannot reach the server ({type(error).__name__})") from None

    def _robots_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            site_lock = self._site_locks.setdefault(site, threading.Lock())
        with site_lock:  # one thread asks each site for its robots.txt; the others wait for its answer
            with self._lock:
                known = self._robots.get(site)
            if known is not None:
                return known
            robots = self._read_robots(site)
            with self._lock:
                self._robots[site] = robots
            return robots

    def _read_robots(self, site: str) -> RobotFileParser:
        robots = RobotFileParser()
        try:
            self._wait_turn(site)
            answer = self.client.get(f"{site}/robots.txt")
        except httpx.HTTPError:
            answer = None
        if answer is None or answer.status_code >= 500:
            robots.disallow_all = True  # unreachable: assume the site allows nothing (RFC 9309)
        elif answer.status_code >= 400:
            robots.allow_all = True  # none: everything is allowed
        else:
            robots.parse(answer.text.splitlines())
        return robots

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc
        with self._lock:
            now = time.monotonic()
            turn = max(now, self._last.get(host, 0.0) + self.interval)
            self._last[host] = turn
        if turn > now:
            time.sleep(turn - now)


def _conditions(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"If-None-Match": etag} if etag else {}
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _retry_after(response: httpx.Response) -> float | None:
    """The seconds Retry-After asks for (a number or an HTTP date), or None."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _wait(state: RetryCallState) -> float:
    """Retry-After when the server gave one (up to MAX_RETRY_AFTER), else 1, 2, 4 … seconds."""
    error = state.outcome.exception() if state.outcome else None
    asked = error.wait if isinstance(error, _Retry) else None
    if asked is not None:
        if asked > MAX_RETRY_AFTER:
            raise FetchError(f"the server asks to wait {asked:g} s before trying again")
        return asked
    return float(2 ** (state.attempt_number - 1))
