"""What following sources and alerting added: the pages each article was fetched from (`fetches`),
saved searches and their items (`alerts`, `alert_items`), and whether a source's item gave a new
article (`source_items.stored`, false for the items taken before).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _article() -> sa.Column[int]:
    return sa.Column("article", sa.Integer, sa.ForeignKey("articles.pk", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "fetches",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _article(),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("outlet", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_fetches_url", "fetches", ["url"])
    op.create_index("fetches_article", "fetches", ["article"])
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("speaker", sa.Text),
        sa.Column("actor", sa.Text),
        sa.Column("contains", sa.Text),
        sa.Column("type", sa.String(16)),
        sa.Column("place", sa.Text),
        sa.Column("asserted_only", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked", sa.Integer, nullable=False),
        sa.Column("seen", sa.Integer, nullable=False),
    )
    op.create_table(
        "alert_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert", sa.Integer, sa.ForeignKey("alerts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        _article(),
        sa.Column("fact", sa.Text, nullable=False),
        sa.Column("day", sa.String(10)),
        sa.Column("who", sa.Text),
        sa.Column("what", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("alert_items_once", "alert_items", ["alert", "article", "kind", "fact"], unique=True)
    with op.batch_alter_table("source_items") as table:  # SQLite rebuilds the table; PostgreSQL alters it
        table.add_column(sa.Column("stored", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    raise NotImplementedError("veille's stores are not downgraded: keep a copy before `veille migrate`")
