"""The keys actors are found under (`actor_keys`), so that an ingest loads only the actors its
batch can meet. A derived table: `veille migrate` then rebuilds the derived tables (`reindex`),
which fills it.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actor_keys",
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("actor", sa.Integer, sa.ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    )
    op.create_index("actor_keys_key", "actor_keys", ["key"])
    op.create_index("actor_keys_actor", "actor_keys", ["actor"])


def downgrade() -> None:
    raise NotImplementedError("veille's stores are not downgraded: keep a copy before `veille migrate`")
