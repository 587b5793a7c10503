"""The store's tables, in SQLAlchemy Core with portable types so one schema serves SQLite and PostgreSQL.

`articles` keeps each analysis whole (`analysis`, the contract's JSON); every other table is derived
from that JSON by `index.rows` and can be dropped and rebuilt (`reindex`) when the extractors improve.
Derived tables carry no primary keys of their own: they mirror whatever the analysis holds, and a
duplicate id from a faulty extractor must not stop an article from being stored.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()


def _article() -> Column[int]:
    return Column("article", Integer, ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False)


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
    Index("mentions_article", "article", "entity"),
)

quotes = Table(
    "quotes", metadata,
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
    # Accent- and case-folded copies: SQLite's lower() and LIKE fold ASCII only, and a reader
    # searching "zelensky" or "securite" should find "Zelensky" and "sécurité" on any backend.
    Column("speaker_folded", Text),
    Column("text_folded", Text, nullable=False),
    Index("quotes_article", "article", "speaker"),
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

DERIVED = (entities, mentions, quotes, times)
