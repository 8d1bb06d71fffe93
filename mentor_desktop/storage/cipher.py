"""Encrypted database files: SQLCipher keys, the recovery key, and connections to either kind.

An encrypted file is an SQLCipher 4 database keyed with a raw 256-bit key. That key is
derived from the passphrase with scrypt and the 16 random bytes SQLCipher keeps at the very
start of the file (its salt), so the file and the passphrase are all it takes: there is no
side file to lose. The recovery key is the raw key itself, written out; it opens the file on
its own (in any SQLCipher tool too: ``PRAGMA key = "x'<its 64 hex digits>'"``).

A key is derived once per process and remembered here by its salt. Every connection to a
file that starts with that salt (the database, its backups, copies being checked) uses it
without deriving it again, so the layers above never pass keys around.

The key-making modules (hashlib, secrets, unicodedata) are imported where a key is made: a
plain file is opened without them.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

SALT_BYTES = 16
KEY_BYTES = 32
PAGE_SIZE = 4096
#: scrypt's cost: about 0.15 s and 32 MiB on a laptop, once per opening.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
_SQLITE_HEADER = b"SQLite format 3\x00"
#: Page cache of a read-only connection to an encrypted file (a check, a backup's source).
CHECK_CACHE_KIB = 65536
_HEX_GROUP = 4


class DriverConnection(Protocol):
    """What this app uses of a DB-API connection from `sqlite3` or `sqlcipher3`."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...
    def backup(self, target: Any, *, progress: Any = ...) -> None: ...
    def commit(self) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class DatabaseKey:
    """The raw SQLCipher key of one encrypted file and that file's salt (never printed)."""

    raw: bytes = field(repr=False)
    salt: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.raw) != KEY_BYTES or len(self.salt) != SALT_BYTES:
            raise ValueError("a database key has 32 bytes and a salt of 16")

    @property
    def pragma_value(self) -> str:
        """The value of `PRAGMA key`: the raw key and the salt, so new files get the salt."""
        return f"x'{self.raw.hex()}{self.salt.hex()}'"

    @property
    def recovery_key(self) -> str:
        """The raw key as 16 groups of 4 hex digits (all it takes to open the file)."""
        return format_recovery_key(self.raw)


def format_recovery_key(raw: bytes) -> str:
    digits = raw.hex().upper()
    return "-".join(digits[i : i + _HEX_GROUP] for i in range(0, len(digits), _HEX_GROUP))


def parse_recovery_key(text: str) -> bytes | None:
    """The raw key written in `text` (dashes, spaces and case do not matter), else None."""
    cleaned = re.sub(r"[\s\-]", "", text.strip())
    if cleaned[:2].lower() == "x'" and cleaned.endswith("'"):
        cleaned = cleaned[2:-1]
    if len(cleaned) != KEY_BYTES * 2 or re.fullmatch(r"[0-9A-Fa-f]+", cleaned) is None:
        return None
    return bytes.fromhex(cleaned)


def derive_key(passphrase: str, salt: bytes) -> DatabaseKey:
    """The key a passphrase gives with `salt` (scrypt; Unicode-normalised, so the same
    passphrase typed on another keyboard gives the same key)."""
    import hashlib
    import unicodedata

    secret = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
    raw = hashlib.scrypt(
        secret, salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=64 * 2**20, dklen=KEY_BYTES
    )
    return DatabaseKey(raw, salt)


def new_key(passphrase: str) -> DatabaseKey:
    """A key for a file about to be encrypted: a fresh random salt, then `derive_key`."""
    import secrets

    return derive_key(passphrase, secrets.token_bytes(SALT_BYTES))


def keys_from_secret(secret: str, salt: bytes) -> Iterator[DatabaseKey]:
    """The keys `secret` may stand for: the recovery key it spells (if it spells one), then
    the passphrase it is (derived only when asked for). A wrong guess costs only a read."""
    raw = parse_recovery_key(secret)
    if raw is not None:
        yield DatabaseKey(raw, salt)
    yield derive_key(secret, salt)


# ---------------------------------------------------------------- recognising files


def read_start(path: Path) -> bytes:
    """The first 16 bytes of `path` (fewer for a shorter file; empty when unreadable)."""
    try:
        with path.open("rb") as handle:
            return handle.read(SALT_BYTES)
    except OSError:
        return b""


def looks_encrypted(path: Path) -> bool:
    """True for a file that could be an SQLCipher database: whole pages, no SQLite header.

    Random bytes look the same, so only a key can tell; a wrong key is reported as
    "wrong passphrase, or not a Mentor Desktop database".
    """
    try:
        size = path.stat().st_size
    except OSError:
        return False
    if not path.is_file() or size < PAGE_SIZE or size % PAGE_SIZE:
        return False
    return read_start(path) != _SQLITE_HEADER


# ---------------------------------------------------------------- the keys of this process

_known: dict[bytes, DatabaseKey] = {}


def remember(key: DatabaseKey) -> None:
    """Use `key` for every file with its salt from now on (in this process)."""
    _known[key.salt] = key


def forget(key: DatabaseKey) -> None:
    _known.pop(key.salt, None)


def forget_all() -> None:
    """Drop every key this process knows (tests; after decrypting)."""
    _known.clear()


def key_for(path: Path) -> DatabaseKey | None:
    """The remembered key of the encrypted file `path`, or None (plain, or not known)."""
    if not _known:
        return None
    start = read_start(path)
    return _known.get(start) if len(start) == SALT_BYTES else None


# ---------------------------------------------------------------- connections


_prepared = False


def cipher_module() -> Any:
    """The sqlcipher3 module, set up once: SQLCipher 4 settings for every new connection,
    and no log lines on stderr (a wrong key is reported by the app, in its own words)."""
    global _prepared
    import sqlcipher3

    if not _prepared:
        setup = sqlcipher3.connect(":memory:")
        try:
            setup.execute("PRAGMA cipher_default_compatibility = 4")
            setup.execute("PRAGMA cipher_log_level = NONE")
        finally:
            setup.close()
        _prepared = True
    return sqlcipher3


def driver_errors() -> tuple[type[Exception], ...]:
    """The `Error` classes of the drivers in use (sqlcipher3's only once it is loaded)."""
    loaded = sys.modules.get("sqlcipher3")
    return (sqlite3.Error,) if loaded is None else (sqlite3.Error, loaded.Error)


def is_operational_error(exc: BaseException) -> bool:
    return type(exc).__name__ == "OperationalError"


def apply_key(connection: Any, key: DatabaseKey) -> None:
    """Key a new sqlcipher3 connection (before it reads anything)."""
    connection.execute(f'PRAGMA key = "{key.pragma_value}"')


def connect(
    path: Path | str,
    *,
    key: DatabaseKey | None = None,
    read_only: bool = False,
    timeout: float = 5.0,
) -> DriverConnection:
    """A DB-API connection to `path`: sqlcipher3 keyed with `key` (default: the remembered
    key for the file), else the standard sqlite3 module. `read_only` can never write."""
    target = Path(path)
    key = key if key is not None else key_for(target)
    module: Any = sqlite3 if key is None else cipher_module()
    if read_only:
        connection = module.connect(
            f"{target.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout
        )
    else:
        connection = module.connect(os.fspath(target), timeout=timeout)
    if key is not None:
        try:
            apply_key(connection, key)
            if read_only:  # a check reads every page once: decrypting twice costs most
                with contextlib.suppress(module.DatabaseError):  # damage: the next read says
                    connection.execute(f"PRAGMA cache_size = -{CHECK_CACHE_KIB}")
        except BaseException:
            connection.close()
            raise
    return connection  # type: ignore[no-any-return]


def opens_with(path: Path, key: DatabaseKey) -> bool:
    """True when `key` decrypts `path` (read-only: the file is never changed)."""
    module = cipher_module()
    try:
        connection = connect(path, key=key, read_only=True)
    except module.Error:
        return False
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError:
        return False
    finally:
        connection.close()
    return True


def unlock(path: Path, secret: str, backups: Iterable[Path] = ()) -> DatabaseKey | None:
    """The key the passphrase or recovery key `secret` gives for `path`, remembered for the
    rest of the process; None when it does not open the file (which is left unchanged).

    When it does not open `path` but opens the first of `backups` (newest first) made with
    the same salt, `path` is damaged rather than the secret wrong: the key is remembered
    so that opening reports the damage and can offer that backup.
    """
    start = read_start(path)
    if len(start) < SALT_BYTES or start == _SQLITE_HEADER:
        return None
    tried = []
    for key in keys_from_secret(secret, start):
        if opens_with(path, key):
            remember(key)
            return key
        tried.append(key)
    twin = next((backup for backup in backups if read_start(backup) == start), None)
    if twin is None:
        return None
    for key in tried:
        if opens_with(twin, key):
            remember(key)
            return key
    return None
