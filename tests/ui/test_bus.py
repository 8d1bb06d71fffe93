"""Changes carry what changed, who changed it and the ids they touched."""

from __future__ import annotations

from mentor_desktop.ui.bus import EXTERNAL, Change, ChangeBus, ChangeKind


def test_a_change_names_its_kind_origin_and_ids(qtbot) -> None:
    bus = ChangeBus()
    heard: list[Change] = []
    bus.changed.connect(heard.append)
    tab = object()
    bus.announce(ChangeKind.GOALS, tab, ids=[3, 5])
    bus.announce(ChangeKind.JOURNAL, EXTERNAL)
    assert heard == [
        Change(ChangeKind.GOALS, tab, (3, 5)),
        Change(ChangeKind.JOURNAL, EXTERNAL, ()),
    ]
    assert heard[0].origin is tab and heard[1].origin == "external"
