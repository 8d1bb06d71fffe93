"""The timeline as drawn on the demo: sessions still to come, a legend, practice packed into
rows, and no text drawn over another (measured on the painted canvas)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations

import pytest
from PySide6.QtCore import QPointF, Qt

from mentor_desktop.domain.timeline import TimelineItem, TimelineKind
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.models.timeline_items import TimelineItemModel
from mentor_desktop.ui.timeline.canvas import TimelineCanvas
from mentor_desktop.ui.timeline.legend import ENTRIES
from mentor_desktop.ui.timeline.navigation import ZOOMS
from mentor_desktop.ui.timeline.tab import TimelineTab
from tests.factories import TODAY, write_demo_db


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    path = write_demo_db(tmp_path_factory.mktemp("demo") / "demo.sqlite3", years=3)
    engine = open_database(path)
    yield TimelineService(unit_of_work_factory(engine), today=lambda: TODAY)
    engine.dispose()


def overlaps(labels) -> list[tuple[str, str]]:
    return [(a, b) for (a, ra), (b, rb) in combinations(labels, 2) if ra.intersected(rb).isValid()]


@pytest.mark.parametrize("width", [1366, 1024])
@pytest.mark.parametrize("zoom", ZOOMS)
def test_no_label_is_drawn_over_another(qtbot, demo, dialogs, zoom: str, width: int) -> None:
    tab = TimelineTab(demo, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.resize(width, 700)
    tab.show()
    tab.set_zoom(zoom)
    canvas = tab.view.canvas
    canvas.grab()  # paints it
    labels = canvas.label_rects()
    names = {name for name, _rect in labels}
    assert {"month", "Sessions", "growth", "legend"} <= names
    assert len([n for n in names if n.startswith("goal ")]) >= 2
    assert overlaps(labels) == []
    today = next(rect for name, rect in labels if name == "Today")
    sessions = next(rect for name, rect in labels if name == "Sessions")
    assert today.bottom() <= sessions.top() - 10  # above the lanes, in a band of its own


def test_sessions_still_to_come_are_drawn_hollow_and_open_nothing(qtbot, demo, dialogs) -> None:
    tab = TimelineTab(demo, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    tab.set_zoom("year")
    canvas = tab.view.canvas
    future = [
        s.item
        for s in canvas.shapes()
        if s.item.kind is TimelineKind.SESSION and s.item.start > TODAY
    ]
    assert len(future) >= 4 and all(i.status == "planned" for i in future)
    assert any(i.id < 0 for i in future)  # from the cadence, not stored yet
    planned = next(i for i in future if i.id < 0)
    opened, said = [], []
    canvas.item_activated.connect(lambda kind, item_id: opened.append(item_id))
    canvas.current_changed.connect(said.append)
    centre = canvas.centre_of(TimelineKind.SESSION, planned.id)
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert opened == [] and "from the cadence" in said[-1]
    image = canvas.grab().toImage()
    inside = image.pixelColor(centre.toPoint())
    ring = image.pixelColor(centre.toPoint() + QPointF(4, 0).toPoint())
    assert inside == canvas.palette().color(canvas.backgroundRole())  # hollow
    assert ring != inside


def test_the_legend_names_every_mark(qtbot, demo, dialogs) -> None:
    tab = TimelineTab(demo, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    canvas = tab.view.canvas
    canvas.grab()
    legend = [rect for name, rect in canvas.label_rects() if name == "legend"]
    assert len(legend) == len(ENTRIES)
    assert min(r.top() for r in legend) >= canvas.legend_top()
    assert max(r.bottom() for r in legend) <= canvas.height()


def practice(item_id: int, start: date, days: int) -> TimelineItem:
    return TimelineItem(
        TimelineKind.PRACTICE, item_id, f"Practice {item_id}", start, start + timedelta(days=days)
    )


def test_overlapping_practice_gets_as_many_rows_as_it_needs(qtbot) -> None:
    model = TimelineItemModel()
    canvas = TimelineCanvas(model)
    qtbot.addWidget(canvas)
    canvas.resize(1000, 400)
    start = date(2026, 1, 5)
    one_row = [practice(1, start, 30)]
    model.set_items(one_row)
    model.set_window(date(2026, 1, 1), date(2026, 6, 30))
    single = canvas.growth_height()
    items = [practice(1, start, 60), practice(2, start + timedelta(10), 60)]
    items += [practice(3, start + timedelta(20), 60), practice(4, start + timedelta(75), 20)]
    model.set_items(items)
    bars = {s.item.id: s.rect for s in canvas.shapes() if s.item.kind is TimelineKind.PRACTICE}
    assert [(a, b) for a, b in combinations(bars, 2) if bars[a].intersects(bars[b])] == []
    assert len({bars[i].top() for i in (1, 2, 3)}) == 3  # three at once: three rows
    assert bars[4].top() == bars[1].top()  # after the first ended: back on the first row
    assert canvas.growth_height() > single  # the lane grew
    assert canvas.sizeHint().height() >= canvas.legend_top()
