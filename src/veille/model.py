"""The records every stage shares. `Analysis.to_dict()` is the contract's `veille.analysis/1` shape."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

SCHEMA = "veille.analysis/1"
ERROR_SCHEMA = "veille.error/1"

EntityType = Literal["PER", "ORG", "LOC", "MISC"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Polarity = Literal["support", "oppose", "demand", "neutral"]
Modality = Literal["asserted", "reported", "denied"]


def whose_word(modality: str | None, source: str | None) -> str | None:
    """How lists tell an event the article does not state itself: "according to X", "denied by X"."""
    if modality == "reported":
        return f"according to {source or 'a source'}"
    return f"denied by {source or 'a source'}" if modality == "denied" else None

# PLOVER's sixteen event types, the values of `Event.type`.
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


MentionKind = Literal["name", "pronoun", "description"]
SpeakerLink = Literal["name", "pronoun", "description", "continuation", "unnamed"]


@dataclass(frozen=True)
class Span:
    """A stretch of the article body: `body[start:end] == text`. As an entity's mention, `kind` says
    how it names the entity: by a name, a pronoun ("il", "ce dernier") or a description ("le ministre")."""

    start: int
    end: int
    text: str
    kind: MentionKind = "name"

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.kind != "name":  # the contract: absent means a name
            found["kind"] = self.kind
        return found


@dataclass
class Article:
    id: str
    text: str
    sha256: str
    language: str
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    # Where the text was fetched from the web: kept by the store, not part of the analysis.
    author: str | None = None
    fetched_at: str | None = None  # ISO 8601 date-time

    @property
    def published_on(self) -> date | None:
        """The day of publication: `published` is an ISO 8601 date or date-time, checked on reading."""
        return date.fromisoformat(self.published[:10]) if self.published else None

    def header(self) -> dict[str, Any]:
        return {
            "id": self.id, "sha256": self.sha256, "title": self.title, "published": self.published,
            "language": self.language, "source": self.source, "url": self.url, "path": self.path,
        }


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: list[Span]
    role: str | None = None
    affiliation: str | None = None


@dataclass
class Quote:
    id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: str | None
    speaker_text: str | None
    cue: str | None = None
    channel: str | None = None
    date: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    confidence: float | None = None  # how sure the attribution is, 0 to 1
    speaker_link: SpeakerLink | None = None  # how the speaker was found


@dataclass
class TimeExpr:
    text: str
    start: int
    end: int
    value: str | None
    type: TimeType = "DATE"


@dataclass
class Event:
    id: str
    type: str
    text: str
    start: int
    end: int
    mode: str | None = None
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    date: str | None = None
    killed: int | None = None
    injured: int | None = None
    # asserted: the article states it; reported: someone's statement does ("selon X", "X affirme
    # que"); denied: a statement denies it. `reported_by` is the source's entity id, or failing one
    # `reported_by_text` the words naming it ("une source policière").
    modality: Modality = "asserted"
    reported_by: str | None = None
    reported_by_text: str | None = None


@dataclass
class Stance:
    holder: str | None
    holder_text: str | None
    polarity: Polarity
    target: str
    start: int
    end: int
    date: str | None = None  # the day of the statement that expresses it


@dataclass
class Analysis:
    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.header(),
            "entities": [{**asdict(e), "mentions": [m.to_dict() for m in e.mentions]} for e in self.entities],
            "quotes": [asdict(q) for q in self.quotes],
            "times": [asdict(t) for t in self.times],
            "events": [asdict(e) for e in self.events],
            "stances": [asdict(s) for s in self.stances],
        }


def analysis_from_dict(data: dict[str, Any], text: str) -> Analysis:
    """The Analysis `to_dict()` gave `data` (the contract's shape), with its article's `text`, which
    the contract leaves out: what comes back from another process or machine."""
    header = data["article"]
    article = Article(header["id"], text, header["sha256"], header["language"], header.get("published"),
                      header.get("title"), header.get("source"), header.get("url"), header.get("path"))
    entities = [Entity(**{**entity, "mentions": [Span(**mention) for mention in entity["mentions"]]})
                for entity in data.get("entities", [])]
    return Analysis(article, entities, [Quote(**quote) for quote in data.get("quotes", [])],
                    [TimeExpr(**time) for time in data.get("times", [])],
                    [Event(**event) for event in data.get("events", [])],
                    [Stance(**stance) for stance in data.get("stances", [])])


@dataclass(frozen=True)
class Known:
    """A record whose text the store already holds: left unparsed by an ingest."""

    article: Article


@dataclass
class Failure:
    """A record that could not be analysed, and why, in one line."""

    id: str
    error: str
    transient: bool = False  # a page that may be fetched on a later try (a server busy or down)

    def to_dict(self) -> dict[str, Any]:
        return {"schema": ERROR_SCHEMA, "id": self.id, "error": self.error}
