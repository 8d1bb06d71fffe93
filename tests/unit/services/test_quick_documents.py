"""The documents' quick read paths (used by `report` before SQLAlchemy is loaded) give what
the services give."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentor_desktop.app import build_services
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.services.quick_reads import NeedsFullOpen, review_data
from mentor_desktop.storage.migrate import open_database
from tests.factories import TODAY, write_demo_db


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_db(tmp_path_factory.mktemp("demo") / "demo.sqlite3", years=3)


@pytest.mark.parametrize(
    ("start", "end", "reflection"),
    [
        (None, None, None),  # the last six months, the saved reflection
        (date(2024, 1, 1), TODAY, "Looking back, the talks went well."),
        (date(2025, 3, 1), date(2025, 9, 30), None),  # a range that ended in the past
        (date(1990, 1, 1), date(1990, 12, 31), None),  # nothing recorded in it
    ],
)
def test_the_quick_review_pack_is_the_services_pack(
    demo: Path, start: date | None, end: date | None, reflection: str | None
) -> None:
    engine = open_database(demo)
    try:
        timeline = build_services(engine).timeline.with_today(TODAY)
        expected = timeline.review_data(start, end, reflection)
    finally:
        engine.dispose()
    quick = review_data(demo, TODAY, start, end, reflection)
    assert quick == expected
    if start is None:
        assert quick.completed and quick.goals.goals and quick.burnup.points


def test_the_quick_review_pack_refuses_what_the_service_refuses(
    demo: Path, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="after the end date"):
        review_data(demo, TODAY, date(2026, 5, 1), date(2026, 4, 1), None)
    with pytest.raises(ValidationError, match="last possible day"):
        review_data(demo, TODAY, None, date.max, None)
    with pytest.raises(NeedsFullOpen):
        review_data(tmp_path / "new.sqlite3", TODAY, None, None, None)
