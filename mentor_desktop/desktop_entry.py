"""Desktop entries (freedesktop.org): the command that starts this app, the autostart entry.

The menu entry itself is `resources/<desktop id>.desktop`; `make install-desktop` copies it
with its `Exec=` pointed at the bundle or the venv (packaging/desktop_install.py). The
autostart entry is written here, by the app, only while "Start at login" is on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mentor_desktop import APP_NAME, DESKTOP_ID

#: Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def quote_exec_argument(argument: str) -> str:
    """One argument of an `Exec=` line, quoted and escaped as the spec asks."""
    if argument and not (_RESERVED & set(argument)) and "%" not in argument:
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument).replace("%", "%%")
    return f'"{escaped}"'


def exec_line(argv: Sequence[str]) -> str:
    return " ".join(quote_exec_argument(argument) for argument in argv)


def launcher_command() -> list[str]:
    """The command that starts this same installation of the app.

    The frozen bundle's executable; else the `mentor-desktop` script beside this Python
    (a venv or an installed package); else `python -m mentor_desktop`.
    """
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).with_name("mentor-desktop")
    if script.is_file():
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "mentor_desktop"]


def autostart_path(config_home: Path | None = None) -> Path:
    """`$XDG_CONFIG_HOME/autostart/<desktop id>.desktop` (~/.config when unset)."""
    if config_home is None:
        configured = os.environ.get("XDG_CONFIG_HOME", "").strip()
        config_home = Path(configured) if configured else Path.home() / ".config"
    return config_home / "autostart" / f"{DESKTOP_ID}.desktop"


def autostart_entry(argv: Sequence[str]) -> str:
    """The autostart entry's text: start `argv` at login, in the tray when one is chosen."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Reminders for your mentor sessions and action items\n"
        f"Exec={exec_line(argv)}\n"
        f"Icon={DESKTOP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def set_autostart(enabled: bool, argv: Sequence[str], path: Path | None = None) -> Path:
    """Write the autostart entry (enabled) or remove it (disabled); returns its path.

    Raises OSError when the file cannot be written or removed.
    """
    target = path or autostart_path()
    if not enabled:
        target.unlink(missing_ok=True)
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(autostart_entry(argv), encoding="utf-8")
    os.replace(temporary, target)
    return target


def autostart_enabled(path: Path | None = None) -> bool:
    return (path or autostart_path()).is_file()
