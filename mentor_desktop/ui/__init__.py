"""PySide6 widgets, item models and dialogs. Talks to services only, never to SQLAlchemy."""
