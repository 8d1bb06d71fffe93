"""Where the app keeps its files (platformdirs), and which database file to open.

platformdirs is imported when a default folder is first asked for: a command given `--db`
never needs it (it costs about a tenth of the quick `search` command's time).
"""

from __future__ import annotations

import os
from pathlib import Path

from mentor_desktop import APP_ID

DB_ENV_VAR = "MENTOR_DESKTOP_DB"
DB_FILENAME = "mentor.sqlite3"


def data_dir() -> Path:
    """The user's data folder for this app (not created here)."""
    from platformdirs import user_data_path

    return user_data_path(APP_ID, appauthor=False)


def config_dir() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_ID, appauthor=False)


def settings_file() -> Path:
    return config_dir() / "settings.ini"


def resolve_db_path(cli_path: str | os.PathLike[str] | None = None) -> Path:
    """`--db PATH` first, then $MENTOR_DESKTOP_DB, then the platform's user data folder."""
    if cli_path:
        return Path(cli_path).expanduser()
    env_path = os.environ.get(DB_ENV_VAR, "").strip()
    if env_path:
        return Path(env_path).expanduser()
    return data_dir() / DB_FILENAME
