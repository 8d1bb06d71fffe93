"""Desktop entries: Exec quoting, the command that starts this installation, autostart."""

from __future__ import annotations

import sys
from pathlib import Path

from mentor_desktop import DESKTOP_ID
from mentor_desktop.desktop_entry import (
    autostart_enabled,
    autostart_path,
    exec_line,
    launcher_command,
    set_autostart,
)


def test_exec_arguments_are_quoted_as_the_spec_asks() -> None:
    assert exec_line(["/usr/bin/mentor-desktop"]) == "/usr/bin/mentor-desktop"
    assert exec_line(["/opt/my apps/run", "--db", 'a$b`c"d\\e.sqlite3']) == (
        '"/opt/my apps/run" --db "a\\$b\\`c\\"d\\\\e.sqlite3"'
    )
    assert exec_line(["50%"]) == '"50%%"'


def test_the_launcher_is_this_installation(monkeypatch) -> None:
    command = launcher_command()
    assert Path(command[0]).is_absolute()
    if len(command) == 1:
        assert Path(command[0]).name == "mentor-desktop"  # the venv's script
    else:
        assert command[1:] == ["-m", "mentor_desktop"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert launcher_command() == [str(Path(sys.executable).resolve())]  # the bundle


def test_autostart_lives_in_the_xdg_config_folder_and_goes_away(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    path = autostart_path()
    assert path == tmp_path / "config" / "autostart" / f"{DESKTOP_ID}.desktop"
    assert not autostart_enabled()
    set_autostart(True, ["/usr/bin/mentor-desktop"])
    assert autostart_enabled()
    assert "Exec=/usr/bin/mentor-desktop\n" in path.read_text()
    set_autostart(False, ["/usr/bin/mentor-desktop"])
    assert not path.exists() and not autostart_enabled()
    set_autostart(False, [])  # removing what is not there is fine
