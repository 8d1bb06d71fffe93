"""Help menu windows: the user guide (the README's sections, rendered) and About."""
