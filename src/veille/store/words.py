"""Word search over articles and quotes: SQLite's FTS5 indexes where the store is SQLite, LIKE elsewhere.

A LIKE '%…%' reads every row, so a search that finds nothing costs a whole table; the FTS5 indexes
answer it from the words, ignoring case and accents and matching words by their beginning ("kiev"
finds "Kiev" and "Kievan"). Elsewhere a LIKE over folded text answers the same for whole words
(PostgreSQL: lower() and translate() fold the article, the quotes are stored folded); a SQLite
without FTS5 folds the case of ASCII letters only.

- `articles_words`: every article's title and text, kept in step with `articles` by triggers
  (PostgreSQL: a GIN index of the generated column `articles.words`).
- `quotes_words`: every quote's folded text, kept in step with `quotes` the same way; it goes with
  the derived tables when they are rebuilt.

    >>> query.where(article_holds(conn, "garanties de sécurité"))   # the words, in this order
    >>> query.where(*quote_holds(conn, "sécurité Ukraine"))         # each word, anywhere
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, false, func, literal_column, or_, select, table, text

from ..lang.text import ACCENTED, UNACCENTED, fold
from . import plan
from .schema import articles, quotes

ARTICLES = "articles_words"
QUOTES = "quotes_words"
TOKENIZER = "unicode61 remove_diacritics 2"

_CREATE = {
    ARTICLES: [
        f"""CREATE VIRTUAL TABLE {ARTICLES} USING fts5(title, text, content='articles', content_rowid='pk',
            tokenize='{TOKENIZER}')""",
        f"""CREATE TRIGGER IF NOT EXISTS {ARTICLES}_insert AFTER INSERT ON articles BEGIN
            INSERT INTO {ARTICLES}(rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
        f"""CREATE TRIGGER IF NOT EXISTS {ARTICLES}_delete AFTER DELETE ON articles BEGIN
            INSERT INTO {ARTICLES}({ARTICLES}, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
            END""",
        f"""CREATE TRIGGER IF NOT EXISTS {ARTICLES}_update AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO {ARTICLES}({ARTICLES}, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
            INSERT INTO {ARTICLES}(rowid, title, text) VALUES (new.pk, new.title, new.text); END""",
    ],
    QUOTES: [
        f"""CREATE VIRTUAL TABLE {QUOTES} USING fts5(text_folded, content='quotes', content_rowid='pk',
            tokenize='{TOKENIZER}')""",
        f"""CREATE TRIGGER IF NOT EXISTS {QUOTES}_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO {QUOTES}(rowid, text_folded) VALUES (new.pk, new.text_folded); END""",
        f"""CREATE TRIGGER IF NOT EXISTS {QUOTES}_delete AFTER DELETE ON quotes BEGIN
            INSERT INTO {QUOTES}({QUOTES}, rowid, text_folded) VALUES ('delete', old.pk, old.text_folded); END""",
    ],
}


def install(conn: Connection) -> None:
    """Creates the word indexes a store lacks, filled from the rows already there: FTS5 tables on
    SQLite (one built without FTS5 keeps searching with LIKE), GIN indexes of text-search vectors
    on PostgreSQL."""
    if conn.dialect.name == "postgresql":
        # looked up first: the DDL would lock the tables on every opening of the store
        if not _indexed(conn, ARTICLES):
            # stored, not computed per row: a search that matches many articles reads them all
            conn.exec_driver_sql(f"ALTER TABLE articles ADD COLUMN IF NOT EXISTS words tsvector "
                                 f"GENERATED ALWAYS AS ({_vectors()}) STORED")
            conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {ARTICLES} ON articles USING gin (words)")
        if not _indexed(conn, QUOTES):
            conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {QUOTES} ON quotes USING gin ({_quote_vectors('')})")
        return
    if conn.dialect.name != "sqlite":
        return
    for name, statements in _CREATE.items():
        if _exists(conn, name):
            continue
        try:
            for statement in statements:
                conn.exec_driver_sql(statement)
        except Exception as error:  # a SQLite without FTS5 says "no such module: fts5"
            if "fts5" not in str(error):
                raise
            return
        conn.exec_driver_sql(f"INSERT INTO {name}({name}) VALUES ('rebuild')")


def drop(conn: Connection) -> None:
    """Removes the quotes' word index (with the derived tables, before they are made again)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {QUOTES}")


def article_holds(conn: Connection, phrase: str, walk: bool = False) -> ColumnElement[bool]:
    """Articles whose title or text holds the words of `phrase` in that order, the last one as a
    word's beginning. `walk`: tested row by row as another index is walked (see `plan`)."""
    words = _words(phrase)
    if not words:
        return false()
    if _exists(conn, ARTICLES):
        return plan.tested(articles.c.pk, walk).in_(_matching(ARTICLES, _in_order(words)))
    if conn.dialect.name == "postgresql":
        return literal_column("articles.words").op("@@")(_query(words, "<->"))
    if conn.dialect.name == "sqlite":  # without FTS5: lower() and LIKE fold ASCII letters only
        like = f"%{_escape(' '.join(phrase.split()))}%"
        return or_(articles.c.title.ilike(like, escape="\\"), articles.c.text.ilike(like, escape="\\"))
    like = f"%{_escape(fold(phrase))}%"
    return or_(_folded(articles.c.title).like(like, escape="\\"), _folded(articles.c.text).like(like, escape="\\"))


def _vectors() -> str:
    """PostgreSQL: the words of an article's title and text, folded as `fold` does, as a text-search
    vector (the column `articles.words`)."""
    text = "coalesce(title, '') || ' ' || text"
    return f"to_tsvector('simple', translate(lower({text}), '{ACCENTED}', '{UNACCENTED.replace(chr(39), chr(39) * 2)}'))"


def _quote_vectors(table: str) -> str:
    return f"to_tsvector('simple', {table}text_folded)"


def _query(words: list[str], operator: str, every: bool = False) -> ColumnElement[Any]:
    """A PostgreSQL text-search query of folded words joined by `operator` ("<->": followed by,
    "&": and); the last word, or every word when `every`, matches as a word's beginning."""
    terms = [f"{w}:*" if every or i == len(words) - 1 else w for i, w in enumerate(words)]
    return func.to_tsquery(literal_column("'simple'"), f" {operator} ".join(terms))


def _folded(column: ColumnElement[str]) -> ColumnElement[str]:
    """A text column lower-cased without the accents of the Latin letters, in SQL (PostgreSQL and
    most others have translate())."""
    return func.translate(func.lower(column), ACCENTED, UNACCENTED)


def quote_holds(conn: Connection, words: str, walk: bool = False) -> list[ColumnElement[bool]]:
    """Quotes holding each of `words` (as a word's beginning), in any order. `walk` as for articles."""
    found = _words(words)
    if not found:
        return []
    if _exists(conn, QUOTES):
        return [plan.tested(quotes.c.pk, walk).in_(_matching(QUOTES, _each(found)))]
    if conn.dialect.name == "postgresql":
        return [literal_column(_quote_vectors("quotes.")).op("@@")(_query(found, "&", every=True))]
    return [quotes.c.text_folded.contains(w, autoescape=True) for w in found]


def articles_holding(conn: Connection, phrase: str) -> int | None:
    """How many articles `article_holds` keeps, from the word index (None without one)."""
    words = _words(phrase)
    return _count(conn, ARTICLES, _in_order(words)) if words else None


def quotes_holding(conn: Connection, words: str) -> int | None:
    """How many quotes `quote_holds` keeps, from the word index (None without one, or no words)."""
    found = _words(words)
    return _count(conn, QUOTES, _each(found)) if found else None


def _count(conn: Connection, name: str, expression: str) -> int | None:
    if not _exists(conn, name):
        return None
    return int(conn.execute(text(f"SELECT count(*) FROM {name} WHERE {name} MATCH :words"), {"words": expression})
               .scalar_one())


def _matching(name: str, expression: str) -> object:
    return select(text("rowid")).select_from(table(name)).where(and_(text(f"{name} MATCH :words").bindparams(
        words=expression)))


def _in_order(words: list[str]) -> str:
    """An FTS5 query: these words in this order, the last as a word's beginning."""
    return '"' + " ".join(words) + '"*'


def _each(words: list[str]) -> str:
    """An FTS5 query: each of these words, anywhere, as a word's beginning."""
    return " AND ".join(f'"{w}"*' for w in words)


def _indexed(conn: Connection, name: str) -> bool:
    """PostgreSQL: whether the index `name` exists."""
    return conn.exec_driver_sql("SELECT 1 FROM pg_indexes WHERE indexname = %(name)s",
                                {"name": name}).first() is not None


def _words(phrase: str) -> list[str]:
    return re.findall(r"\w+", fold(phrase or ""))


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _exists(conn: Connection, name: str) -> bool:
    return conn.dialect.name == "sqlite" and conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).first() is not None
