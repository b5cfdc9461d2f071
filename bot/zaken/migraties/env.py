"""Alembic environment: the URL comes from the caller (bot.zaken.opslag.migrate)."""
from alembic import context
from sqlalchemy import engine_from_config, pool

from bot.zaken.model import Base

config = context.config
connectable = config.attributes.get("connection")
if connectable is None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section), prefix="sqlalchemy.", poolclass=pool.NullPool
    )
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connectable, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
