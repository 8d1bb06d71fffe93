"""Queries and row <-> dataclass mapping, one module per area. Used inside a unit of work."""
