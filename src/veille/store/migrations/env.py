"""Alembic's environment for veille's store: migrations run on the connection `store.migrate` hands
over (`config.attributes["connection"]`), inside its transaction."""

from __future__ import annotations

from alembic import context

from veille.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
