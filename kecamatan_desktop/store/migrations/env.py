"""Alembic environment: runs on the connection handed in by `store.migrate`."""

from alembic import context

from kecamatan_desktop.store import account_models, models, round_models  # noqa: F401 - every table
from kecamatan_desktop.store.models import SQLModel

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
