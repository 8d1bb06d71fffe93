"""The passphrase dialog at start and the lock on the window (Lock now, and after idle time)."""
