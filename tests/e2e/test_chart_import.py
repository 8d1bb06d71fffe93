"""Matplotlib imported the documents' quicker way (`charts.base.import_matplotlib`, which skips
the artists' help text and `set()` signatures) draws exactly what a plain import draws, and
every property is still set through `set()`, aliases included."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

DRAW = """
import hashlib, sys
from datetime import date
if sys.argv[1] == "quick":
    from mentor_desktop.charts.base import import_matplotlib
    import_matplotlib()
else:
    import matplotlib.figure
import matplotlib.artist
from matplotlib.lines import Line2D
from mentor_desktop.charts.base import render_png
from mentor_desktop.charts.catalog import draw_chart
from mentor_desktop.domain.timeline import MilestoneDates, burnup

line = Line2D([0, 1], [0, 1])
line.set(lw=3, color="red", label="kept", linestyle="--")
assert (line.get_linewidth(), line.get_color(), line.get_label()) == (3, "red", "kept")
quick = sys.argv[1] == "quick"
assert (matplotlib.artist.kwdoc(Line2D) == "") == quick
data = burnup(
    [MilestoneDates(1, 1, date(2026, 2, 1), date(2026, 3, 1), date(2026, 2, 20)),
     MilestoneDates(2, 1, date(2026, 4, 1), date(2026, 5, 1), None)],
    [(1, "Speak at a conference", date(2026, 9, 1))],
    date(2026, 6, 15),
)
print(hashlib.sha256(render_png(draw_chart("burnup", data), 100)).hexdigest())
"""


@pytest.mark.slow
def test_the_quick_import_draws_what_the_plain_import_draws() -> None:
    def drawn(how: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", DRAW, how],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert drawn("quick") == drawn("plain") != ""
