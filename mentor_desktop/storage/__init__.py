"""SQLite through SQLAlchemy: ORM, engine, unit of work, repositories and migrations."""
