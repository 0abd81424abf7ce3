"""Alembic environment: runs on the connection `history.db.migrate` hands over, inside the
transaction (and lock) it already holds."""

from __future__ import annotations

from alembic import context

from history.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
