"""Alembic environment: runs on the connection that `storage.migrate` hands over."""

from alembic import context

from mentor_desktop.storage.orm import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
