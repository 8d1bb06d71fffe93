"""The SQLAlchemy engine on an encrypted file: the `sqlite+pysqlcipher` dialect on sqlcipher3.

The raw key goes in as the URL's password (SQLAlchemy hides it whenever the URL is shown), so
the dialect keys each new connection first; no connection derives anything from a passphrase.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, Engine, create_engine
from sqlalchemy.pool import QueuePool

from mentor_desktop.storage.cipher import DatabaseKey, cipher_module


def cipher_engine(path: Path, key: DatabaseKey) -> Engine:
    """An engine on the encrypted file `path` (pooled like the plain engine)."""
    url = URL.create("sqlite+pysqlcipher", password=key.pragma_value, database=str(path))
    return create_engine(
        url,
        module=cipher_module(),
        poolclass=QueuePool,
        connect_args={"check_same_thread": False},
    )
