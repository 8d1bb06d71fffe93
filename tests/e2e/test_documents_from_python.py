"""A document laid out or written from plain Python, in a process with no Qt application yet
(a script or a benchmark, not the window), starts the offscreen Qt it needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from mentor_desktop.reports.pipeline import Report, laid_out, write_pdf
report = Report(title="Notes", html="<h1>Notes</h1><p>" + "A line of notes. " * 400 + "</p>")
assert QGuiApplication.instance() is None
pages = laid_out(report, None).pageCount()
print(pages, write_pdf(report, Path(sys.argv[1])))
"""


@pytest.mark.slow
def test_a_document_is_laid_out_and_written_without_a_running_app(tmp_path: Path) -> None:
    out = tmp_path / "notes.pdf"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(out)],
        capture_output=True,
        text=True,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    laid, written = (int(n) for n in done.stdout.split())
    assert laid == written >= 1
    assert out.read_bytes().startswith(b"%PDF")
