"""Use cases: validate input, run one unit of work, return plain dataclasses."""
