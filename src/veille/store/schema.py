"""The store's tables, in SQLAlchemy Core with portable types so one schema serves SQLite and PostgreSQL.

`articles` keeps each analysis whole (`analysis`, the contract's JSON); every other table is derived
and can be dropped and rebuilt (`reindex`) when the extractors improve. Two kinds:

- per article (`PER_ARTICLE`): entities, mentions, quotes, times, events and their participants,
  stances; computed from one analysis by `index.rows`. Their keys are not unique: they mirror
  whatever the analysis holds, and a duplicate id from a faulty extractor must not stop an article
  from being stored. Quotes, events and stances also carry what their lists are sorted and cut by
  (day, story, lead: see `_listed`).
- across articles (`ACROSS_ARTICLES`): actors with their aliases, roles and entity links, and
  stories with each article's MinHash signature and LSH band keys; computed by replaying every
  article in storing order (`links.Linker`). Their ids are assigned by veille, not the database,
  so a rebuild gives the same ids on every backend.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _article() -> Column[int]:
    return Column("article", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False)


def _listed() -> list[Column[Any]]:
    """What a fact carries to be listed without its article: its day (its own date when full, else
    its article's publication day), its article's story, and whether it is its story's first copy of
    the fact (`lead`): lists read the leads in day order straight from one index."""
    return [Column("day", String(10)), Column("story", Integer), Column("lead", Boolean, nullable=False)]


def _listing(table: str, id: str, first: str | None = None) -> list[Index]:
    """The indexes a fact list walks: in day order over the leads, optionally after one equal column
    (a type, a speaker's actor), and the story's copies of a fact."""
    order = ("lead", "day", "article", "start", id)
    found = [Index(f"{table}_listing", *order), Index(f"{table}_story", "story")]
    if first:
        found.append(Index(f"{table}_by_{first}", first, *order))
    return found


articles = Table(
    "articles", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, index=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("title", Text),
    Column("published", Text, index=True),
    Column("language", String(16), nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("path", Text),
    Column("text", Text, nullable=False),
    Column("analysis", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

entities = Table(
    "entities", metadata,
    _article(),
    Column("entity", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("role", Text),
    Column("affiliation", Text),
    Index("entities_article", "article", "entity"),
    Index("entities_type_name", "type", "name"),
)

mentions = Table(
    "mentions", metadata,
    _article(),
    Column("entity", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16)),  # pronoun or description; null for a name
    Index("mentions_article", "article", "entity"),
)

quotes = Table(
    "quotes", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),  # the row, for the word index
    _article(),
    Column("quote", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker", Text),
    Column("speaker_name", Text),
    Column("cue", Text),
    Column("channel", Text),
    Column("date", Text),
    Column("confidence", Float),  # how sure the attribution is, 0 to 1; null when the analysis does not say
    Column("speaker_link", String(16)),  # how the speaker was found: name, pronoun, description, continuation, unnamed
    # Accent- and case-folded copies: SQLite's lower() and LIKE fold ASCII only, and a reader
    # searching "zelensky" or "securite" should find "Zelensky" and "sécurité" on any backend.
    Column("speaker_folded", Text),
    Column("text_folded", Text, nullable=False),
    Column("speaker_actor", Integer),  # the actor the speaker was linked to
    *_listed(),
    Index("quotes_article", "article", "speaker"),
    *_listing("quotes", "quote", first="speaker_actor"),
)

times = Table(
    "times", metadata,
    _article(),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", Text),
    Column("type", String(16), nullable=False),
    Index("times_article", "article"),
)


# --- across articles: actors ---

def _actor(name: str = "actor", nullable: bool = False) -> Column[int]:
    return Column(name, Integer, ForeignKey("actors.id", ondelete="CASCADE"), nullable=nullable)


actors = Table(
    "actors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("type", String(8), nullable=False),
    Column("country", String(8)),  # ISO 3166-1 alpha-2 (XK, EU as the demonym file has them)
    # Several people share the surname this actor was named by: its mentions are kept apart.
    Column("ambiguous", Boolean, nullable=False),
    Column("place", Text),  # the gazetteer's name of a resolved place
    Column("place_kind", String(16)),  # city or country
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("first_seen", Text),
    Column("last_seen", Text),
    Column("name_folded", Text, nullable=False),
    Column("articles", Integer, nullable=False, default=0),  # how many articles name it
    Index("actors_type_name", "type", "name_folded"),
    Index("actors_name", "name_folded", "id"),
    Index("actors_named", "articles"),
)

actor_aliases = Table(
    "actor_aliases", metadata,
    _actor(),
    Column("alias", Text, nullable=False),
    Column("folded", Text, nullable=False),
    Column("count", Integer, nullable=False),  # articles naming the actor so
    Index("actor_aliases_actor", "actor", "alias"),
    Index("actor_aliases_folded", "folded"),
)

# The keys linking finds an actor under (`resolve.actors.index_keys`: full name, surname, name,
# place): an ingest loads only the actors its batch's entities can meet, never all of them.
actor_keys = Table(
    "actor_keys", metadata,
    Column("key", Text, nullable=False),
    _actor("actor"),
    Index("actor_keys_key", "key"),
    Index("actor_keys_actor", "actor"),
)

actor_links = Table(
    "actor_links", metadata,
    _article(),
    Column("entity", Text, nullable=False),
    _actor(),
    Index("actor_links_article", "article", "entity"),
    Index("actor_links_actor", "actor"),
)

actor_roles = Table(
    "actor_roles", metadata,
    _actor(),
    _article(),
    Column("entity", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("published", Text),
    Column("folded", Text, nullable=False),  # the role without case and accents: one role, however written
    Index("actor_roles_actor", "actor", "folded", "role", "published", "article"),  # covers roles over time
)

# --- per article: events and stances ---

events = Table(
    "events", metadata,
    _article(),
    Column("event", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", Text),
    Column("date", Text),
    Column("killed", Integer),
    Column("injured", Integer),
    # asserted by the article, reported by a source's statement, or denied by a party
    Column("modality", String(10), nullable=False),
    Column("reported_by", Text),  # the source's entity id
    _actor("reported_by_actor", nullable=True),
    Column("reported_by_name", Text),  # the source's name, or the words naming it ("une source policière")
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text_folded", Text, nullable=False),
    *_listed(),
    Index("events_article", "article", "event"),
    *_listing("events", "event", first="type"),
)

event_actors = Table(
    "event_actors", metadata,
    _article(),
    Column("event", Text, nullable=False),
    Column("role", String(16), nullable=False),  # actor, target or location
    Column("position", Integer, nullable=False),  # its place in the event's list for that role
    Column("entity", Text, nullable=False),
    _actor(nullable=True),
    # the event's day, lead and start, so that one actor's events are read in list order from the index
    Column("day", String(10)),
    Column("lead", Boolean, nullable=False),
    Column("start", Integer, nullable=False),
    Index("event_actors_event", "article", "event"),
    Index("event_actors_listing", "actor", "lead", "day", "article", "start", "event", "role"),
)

stances = Table(
    "stances", metadata,
    _article(),
    Column("stance", Integer, nullable=False),  # its place in the analysis: stances have no id
    Column("holder", Text),
    _actor("holder_actor", nullable=True),
    Column("holder_text", Text),
    Column("holder_name", Text),
    Column("polarity", String(16), nullable=False),
    Column("target", Text, nullable=False),
    Column("text", Text),  # the evidence: the article's characters start to end
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("date", Text),  # the day of the statement that expresses it, when the analysis gives it
    Column("holder_folded", Text),
    Column("target_folded", Text, nullable=False),
    *_listed(),
    Index("stances_article", "article", "stance"),
    *_listing("stances", "stance", first="holder_actor"),
)

# --- the store itself ---

# The version of the derived tables' shape: a store whose derived tables are older is refused
# until `veille reindex` makes them again (they are all rebuilt from the stored analyses).
store_meta = Table(
    "store_meta", metadata,
    Column("key", String(32), primary_key=True),
    Column("value", Text, nullable=False),
)

# --- across articles: stories ---

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # the pk of its first article
    Column("first_article", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False),
)

# The story of each article, kept beside `articles` rather than in it: it is derived, and rebuilt.
story_articles = Table(
    "story_articles", metadata,
    Column("article", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), primary_key=True,
           autoincrement=False),
    Column("story", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("similarity", Float),  # to the copy it was matched with; null for a story's first article
    Column("minhash", LargeBinary, nullable=False),
    Index("story_articles_story", "story"),
)

# The persisted LSH index: one row per article and band; articles sharing a key are candidates.
story_bands = Table(
    "story_bands", metadata,
    Column("key", BigInteger, nullable=False),
    _article(),
    Index("story_bands_key", "key"),
)

# What `veille watch` follows (not derived: `reindex` keeps them): each source, how often it is read,
# what its server said last (for conditional GET), how it went, and each item of it already taken.
sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("url", Text, nullable=False, unique=True),
    Column("kind", String(16), nullable=False),  # rss, atom, sitemap, page
    Column("every", Integer, nullable=False),  # seconds between two reads
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_success", DateTime(timezone=True)),
    Column("next_try", DateTime(timezone=True), nullable=False),
    Column("last_error", Text),
    Column("failures", Integer, nullable=False, default=0),  # in a row: the wait after a failure grows
    Column("found", Integer, nullable=False, default=0),  # articles stored from it
)

source_items = Table(
    "source_items", metadata,
    Column("source", Integer, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("url", Text, primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    Column("stored", Boolean, nullable=False, default=False),  # it gave a new article
)

# Where each article's text was fetched (not derived): its page, outlet, author and fetch time. A text
# found again at another address (a wire story another outlet ran word for word) adds a row to the
# article it already is, so an article lists every page that carried it.
fetches = Table(
    "fetches", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article(),
    Column("url", Text, nullable=False, index=True),
    Column("outlet", Text),
    Column("author", Text),
    Column("fetched_at", DateTime(timezone=True), nullable=False),
    Index("fetches_article", "article"),
)

# Saved searches (not derived): each alert's filters, the last article it was checked against
# (`checked`), and each quote, event or stance that matched it, recorded once, in the transaction
# that stored its article.
alerts = Table(
    "alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("speaker", Text),
    Column("actor", Text),
    Column("contains", Text),
    Column("type", String(16)),
    Column("place", Text),
    Column("asserted_only", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("checked", Integer, nullable=False, default=0),  # articles up to this pk are checked
    Column("seen", Integer, nullable=False, default=0),  # items up to this id were shown by `alerts show --new`
)

alert_items = Table(
    "alert_items", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("alert", Integer, ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(8), nullable=False),  # quote, event or stance
    _article(),
    Column("fact", Text, nullable=False),  # the quote's or event's id, the stance's place, in the analysis
    Column("day", String(10)),
    Column("who", Text),  # the speaker, the stance's holder, or the event's actors
    Column("what", Text),  # the event's type, the stance's polarity and target
    Column("text", Text, nullable=False),  # the evidence
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("found_at", DateTime(timezone=True), nullable=False),
    Index("alert_items_once", "alert", "article", "kind", "fact", unique=True),
)

PER_ARTICLE = (entities, mentions, quotes, times, events, event_actors, stances)
ACROSS_ARTICLES = (actors, actor_aliases, actor_keys, actor_links, actor_roles, stories, story_articles, story_bands)
# Parents before children: filled in this order, emptied in the reverse.
DERIVED = (actors, actor_aliases, actor_keys, stories, story_articles, story_bands, *PER_ARTICLE, actor_links, actor_roles)
