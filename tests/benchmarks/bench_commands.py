"""The commands as whole processes, against jrnl and a bare interpreter in the same run.

`search` is compared with jrnl's `-contains` on the same 10-year journal: jrnl is installed
into a throw-away virtual environment in the benchmark cache, the 10-year demo's journal is
written as jrnl's own journal file, and a new Mentor Desktop database imports that file.
The read-only listings should answer without importing Qt; `brief -o` and `report -o` are
timed on the 10-year demo.

Targets (issue 14): `search` <= 0.3x jrnl's `-contains`; `brief -o`, `report -o` <= 1.0 s.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from tests.benchmarks.common import (
    CACHE,
    Row,
    compile_bytecode,
    demo_db,
    print_table,
    process_ms,
    python_cmd,
)


def _jrnl() -> Path:
    """jrnl's command, installed once into the cache."""
    env_dir = CACHE / "jrnl-venv"
    command = env_dir / "bin" / "jrnl"
    if not command.exists():
        venv.create(env_dir, with_pip=True)
        subprocess.run(
            [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--quiet", "jrnl>=4"],
            check=True,
        )
    return command


def _jrnl_config(home: Path, journal: Path) -> dict[str, str]:
    """An environment whose jrnl reads `journal` without asking anything."""
    config = home / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
        "highlight: false\nindent_character: '|'\n"
        f"journals: {{default: {{journal: '{journal}'}}}}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %H:%M'\nversion: v4.6\n",
        encoding="utf-8",
    )
    return {**os.environ, "XDG_CONFIG_HOME": str(home), "HOME": str(home)}


def _journal_files() -> tuple[Path, Path]:
    """(jrnl's 10-year journal file, a Mentor Desktop database that imported it)."""
    journal = CACHE / "jrnl-10y.txt"
    database = CACHE / "jrnl-10y.sqlite3"
    if not journal.exists():
        demo = sqlite3.connect(demo_db(10))
        with journal.open("w", encoding="utf-8") as out:
            for day, title, body in demo.execute(
                "SELECT entry_date, title, body FROM journal_entry ORDER BY entry_date, id"
            ):
                out.write(f"[{day} 09:00] {title}\n{body}\n\n")
        demo.close()
    if not database.exists():
        for leftover in CACHE.glob(database.name + "*"):
            leftover.unlink()
        command = python_cmd("-m", "mentor_desktop", "--db", str(database), "import")
        subprocess.run([*command, "--format", "jrnl", str(journal)], check=True)
    return journal, database


def _rare_and_common(database: Path) -> tuple[str, str]:
    """A word found in two to four entries, and the word found in the most entries."""
    connection = sqlite3.connect(database)
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, journal_search, 'row')"
        )
        (rare,) = connection.execute(
            "SELECT term FROM temp.vocab WHERE doc BETWEEN 2 AND 4 AND length(term) > 6 "
            "ORDER BY term LIMIT 1"
        ).fetchone()
        (common,) = connection.execute(
            "SELECT term FROM temp.vocab WHERE length(term) > 3 ORDER BY doc DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    return rare, common


def _imports_qt(args: list[str]) -> bool:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args[1:]],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    return "PySide6" in done.stderr


def main() -> None:
    compile_bytecode()
    CACHE.mkdir(parents=True, exist_ok=True)
    journal, database = _journal_files()
    jrnl = _jrnl()
    demo = str(demo_db(10))
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as home:
        jrnl_env = _jrnl_config(Path(home), journal)
        rare, common = _rare_and_common(database)
        for word in (rare, common):
            ours = process_ms(python_cmd("-m", "mentor_desktop", "--db", str(database), "search",
                                         word))  # fmt: skip
            theirs = process_ms([str(jrnl), "-contains", word], env=jrnl_env)
            rows += [
                Row(f"`search {word}` (10-year journal imported from jrnl)", ours),
                Row(f"jrnl -contains {word} (same journal, same run)", theirs),
                Row(f"ratio to jrnl ({word})", ours / theirs, unit="x", target="<= 0.3x"),
            ]
    rows.append(Row("floor: python -c pass", process_ms([sys.executable, "-c", "pass"])))
    listings = {
        "sessions": python_cmd("-m", "mentor_desktop", "--db", demo, "sessions"),
        "backups": python_cmd("-m", "mentor_desktop", "--db", demo, "backups"),
        "practice": python_cmd("-m", "mentor_desktop", "--db", demo, "practice"),
        "skills": python_cmd("-m", "mentor_desktop", "--db", demo, "skills"),
        "opportunities": python_cmd("-m", "mentor_desktop", "--db", demo, "opportunities"),
        "search": python_cmd("-m", "mentor_desktop", "--db", demo, "search", common),
    }
    for name, command in listings.items():
        qt = "imports Qt" if _imports_qt(command) else "no Qt"
        rows.append(Row(f"`{name}` on the 10-year demo ({qt})", process_ms(command)))
    with tempfile.TemporaryDirectory() as out:
        brief = python_cmd("-m", "mentor_desktop", "--db", demo, "brief", "-o", f"{out}/b.pdf")
        report = python_cmd("-m", "mentor_desktop", "--db", demo, "report", "-o", f"{out}/r.pdf")
        rows.append(Row("`brief -o` on the 10-year demo", process_ms(brief), target="<= 1,000 ms"))
        rows.append(
            Row("`report -o` on the 10-year demo", process_ms(report), target="<= 1,000 ms")
        )
    print_table("Commands as whole processes (median of 5 runs)", rows)


if __name__ == "__main__":
    main()
