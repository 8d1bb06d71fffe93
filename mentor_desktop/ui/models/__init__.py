"""Qt item models that feed every list, table and tree."""
