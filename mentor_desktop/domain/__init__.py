"""Plain data, enums, errors and pure rules. No I/O, no Qt, no SQLAlchemy."""
