"""Random and truncated input to every importer: a clear error, and the database unchanged."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from mentor_desktop.domain.errors import ImportFormatError, MentorDesktopError
from mentor_desktop.domain.journal import EntryDraft, validate_entry
from mentor_desktop.services.journal import JournalService
from mentor_desktop.services.portability import PortabilityService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.orm import JournalEntryRow
from mentor_desktop.storage.uow import unit_of_work_factory

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports"
#: format -> (file name the bytes are written to, a real file of that format)
CASES = {
    "jrnl": ("journal.txt", FIXTURES / "jrnl" / "quirks.journal"),
    "jrnl-json": ("journal.json", FIXTURES / "jrnl" / "export.json"),
    "dayone": ("Journal.json", FIXTURES / "dayone" / "Journal.json"),
    "rednotebook": ("2024-03.txt", FIXTURES / "rednotebook" / "2024-03.txt"),
}


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    engine = open_database(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite3")
    service = PortabilityService(unit_of_work_factory(engine))
    service.import_journal(service.read_journal("jrnl", FIXTURES / "jrnl" / "export.json"))
    yield service
    engine.dispose()


def _snapshot(service: PortabilityService) -> dict[str, int]:
    return service.table_counts()


def _import_bytes(service: PortabilityService, case: str, data: bytes) -> None:
    """Import `data` as `case`; an ImportFormatError must name the file and change nothing."""
    name, _real = CASES[case]
    source_format = case.split("-")[0]
    before = _snapshot(service)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        target = Path(folder) if source_format == "rednotebook" else path
        try:
            parsed = service.read_journal(source_format, target)
        except ImportFormatError as error:
            assert str(target) in str(error)
            assert _snapshot(service) == before
            return
        preview = service.preview(parsed)
        assert preview.entries_found == len(parsed.entries) > 0


def _truncations_of(data: bytes) -> st.SearchStrategy[bytes]:
    return st.integers(min_value=0, max_value=len(data) - 1).map(lambda n: data[:n])


def _truncations(case: str) -> st.SearchStrategy[bytes]:
    return _truncations_of(CASES[case][1].read_bytes())


#: A small but complete Mentor Desktop JSON export.
EXPORT = json.dumps(
    {
        "format": "mentor-desktop",
        "format_version": 1,
        "schema_revision": None,
        "tables": {
            "tag": {"columns": ["id", "name"], "rows": [[1, "work"], [2, "c++"]]},
            "goal": {"columns": ["id", "title"], "rows": [[1, "Speak up"]]},
        },
    },
    indent=1,
).encode()


FUZZ = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("case", sorted(CASES))
@FUZZ
@given(data=st.binary(max_size=1500))
def test_random_bytes_give_a_clear_error(service: PortabilityService, case: str, data: bytes):
    _import_bytes(service, case, data)


@pytest.mark.parametrize("case", sorted(CASES))
@FUZZ
@given(text=st.text(max_size=1500))
def test_random_text_gives_a_clear_error(service: PortabilityService, case: str, text: str):
    _import_bytes(service, case, text.encode("utf-8"))


@FUZZ
@given(data=st.one_of(st.binary(max_size=800), _truncations_of(EXPORT)))
def test_random_or_truncated_json_export_gives_a_clear_error(
    service: PortabilityService, data: bytes
) -> None:
    before = _snapshot(service)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_bytes(data)
        with pytest.raises(MentorDesktopError) as error:
            service.import_json(path)
        assert str(path) in str(error.value)
    assert _snapshot(service) == before


@pytest.mark.parametrize("case", sorted(CASES))
@FUZZ
@given(data=st.data())
def test_truncated_files_give_a_clear_error(service: PortabilityService, case: str, data):
    _import_bytes(service, case, data.draw(_truncations(case)))


# ---------------------------------------------------------------- well-formed, hostile values

#: Characters that have broken imports before: NUL and other controls, commas and line
#: breaks (tags), markers the importers read.
_AWKWARD = st.sampled_from([*"\x00\x01\x1f\n\r\t,#@*=[]", "\u2028", "\x7f", "\ufeff", "😊"])
_TEXT = st.text(st.one_of(st.characters(), _AWKWARD), max_size=40)


@st.composite
def hostile_text(draw, long_sizes: tuple[int, ...] = (101, 301)) -> str:
    """Mostly awkward text; one time in ten a lone surrogate, one in ten a very long text."""
    roll = draw(st.integers(0, 9))
    if roll == 0:
        return draw(_TEXT) + draw(st.sampled_from(["\ud800", "\udfff"])) + draw(_TEXT)
    if roll == 1:
        return draw(st.sampled_from(["a", "b ", ", "])) * draw(st.sampled_from(long_sizes))
    return draw(_TEXT)


HOSTILE_TEXT = hostile_text()
PLAIN_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40)
HOSTILE_BODY = hostile_text((101, 301, 2_000_001))
#: JSON values where a text or a list is expected.
HOSTILE_VALUE = st.one_of(
    HOSTILE_TEXT,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(HOSTILE_TEXT, max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
JOURNAL_DATES = st.dates(date(1900, 1, 1), date(2999, 12, 31))


@st.composite
def mostly(draw, usual: st.SearchStrategy, unusual: st.SearchStrategy, one_in: int = 5):
    """A value of `unusual` one time in `one_in`, else of `usual`."""
    # sampled_from picks evenly (integers() favours its ends) and shrinks to the usual value
    return draw(unusual) if draw(st.sampled_from(range(one_in))) == 1 else draw(usual)


HOSTILE_DATE = mostly(
    JOURNAL_DATES.map(date.isoformat),
    st.one_of(
        st.dates().map(date.isoformat),
        st.sampled_from(
            ["0001-01-01", "9999-12-31", "2024-02-30", "0000-01-01", "1899-12-31", "3000-01-01"]
        ),
    ),
)
HOSTILE_MOMENT = st.builds(
    lambda moment, offset: moment.isoformat() + offset,
    mostly(st.datetimes(datetime(1900, 1, 2), datetime(2999, 12, 30)), st.datetimes()),
    st.sampled_from(["Z", "+14:00", "-12:00", "+05:30", ""]),
)
HOSTILE_ZONE = st.one_of(
    st.sampled_from(
        [
            "America",
            "Europe/Berlin",
            "../../../etc/passwd",
            "a\x00b",
            "\ud800",
            "",
            "UTC",
            "Etc/GMT+12",
        ]
    ),
    st.text(max_size=20),
)


def sometimes_wrong(strategy: st.SearchStrategy) -> st.SearchStrategy:
    """A value of `strategy`; one time in ten a JSON value of another type."""
    return mostly(strategy, HOSTILE_VALUE, one_in=10)


WELL_FORMED = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def _journal_rows(engine) -> list[tuple]:
    with unit_of_work_factory(engine)() as uow:
        return [
            (row.id, row.entry_date, row.title, row.body, tuple(t.name for t in row.tags))
            for row in uow.session.scalars(select(JournalEntryRow).order_by(JournalEntryRow.id))
        ]


def _import_well_formed(database: tuple, source_format: str, target: Path) -> None:
    """The real import path on `target`: a clean import whose every entry keeps the journal's
    rules, or an ImportFormatError naming the file (and the entry or line) that changes
    nothing."""
    service, engine = database
    before = _journal_rows(engine)
    try:
        parsed = service.read_journal(source_format, target)
        preview = service.preview(parsed)
        result = service.import_journal(parsed)
    except ImportFormatError as error:
        assert str(target) in str(error)
        assert error.where or "no entries" in error.reason or "JSON" in error.reason, error
        assert _journal_rows(engine) == before
        event(f"refused: {error.reason[:40]}")
        return
    event(f"imported {result.imported}, skipped {result.skipped}")
    assert result.imported + result.duplicates == preview.entries_found
    assert result.skipped == preview.skipped
    after = _journal_rows(engine)
    assert len(after) == len(before) + result.imported
    for _id, day, title, body, tags in after[len(before) :]:
        draft = validate_entry(EntryDraft(day, title, body, tags=tags))
        assert (draft.title, draft.tags) == (title, tags)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory):
    """(service, engine) of one database every well-formed hostile import goes into."""
    engine = open_database(tmp_path_factory.mktemp("hostile") / "hostile.sqlite3")
    yield PortabilityService(unit_of_work_factory(engine)), engine
    engine.dispose()


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty database file each JSON example starts from a copy of."""
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite3"
    open_database(path).dispose()
    return path


def _jrnl_entry(draw) -> dict:
    entry = {
        "date": draw(HOSTILE_DATE),
        "title": draw(sometimes_wrong(HOSTILE_TEXT)),
        "body": draw(sometimes_wrong(HOSTILE_BODY)),
        "tags": draw(sometimes_wrong(st.lists(HOSTILE_TEXT, max_size=60))),
        "starred": draw(sometimes_wrong(st.booleans())),
    }
    if draw(st.booleans()):
        times = st.sampled_from(["09:30", "12:00 PM", "7:05 am", "23:59:59"])
        entry["time"] = draw(mostly(times, st.one_of(st.just("25:00"), HOSTILE_TEXT)))
    return entry


@WELL_FORMED
@given(data=st.data())
def test_jrnl_json_with_hostile_values(hostile_db: tuple, data) -> None:
    entries = [_jrnl_entry(data.draw) for _ in range(data.draw(st.integers(1, 3)))]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.json"
        path.write_text(json.dumps({"tags": {}, "entries": entries}), encoding="utf-8")
        _import_well_formed(hostile_db, "jrnl", path)


@WELL_FORMED
@given(data=st.data())
def test_jrnl_text_with_hostile_values(hostile_db: tuple, data) -> None:
    line_free = HOSTILE_TEXT.map(lambda text: text.replace("\n", " ").replace("\r", " "))
    blocks = []
    for _ in range(data.draw(st.integers(1, 3))):
        day = data.draw(mostly(JOURNAL_DATES, st.dates()))
        clock = data.draw(st.sampled_from(["", " 00:00", " 23:59", " 12:00 AM", " 7:05 pm"]))
        title = data.draw(line_free)
        body = data.draw(HOSTILE_BODY)
        blocks.append(f"[{day.year:04d}-{day.month:02d}-{day.day:02d}{clock}] {title}\n{body}\n")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.txt"
        # a lone surrogate cannot be UTF-8: written as the bytes an app would have to write
        path.write_bytes("\n".join(blocks).encode("utf-8", "surrogatepass"))
        _import_well_formed(hostile_db, "jrnl", path)


@WELL_FORMED
@given(data=st.data())
def test_dayone_json_with_hostile_values(hostile_db: tuple, data) -> None:
    entries = []
    for _ in range(data.draw(st.integers(1, 3))):
        entry = {
            "creationDate": data.draw(sometimes_wrong(HOSTILE_MOMENT)),
            "text": data.draw(sometimes_wrong(HOSTILE_BODY)),
            "tags": data.draw(sometimes_wrong(st.lists(HOSTILE_TEXT, max_size=60))),
            "starred": data.draw(sometimes_wrong(st.booleans())),
            "timeZone": data.draw(sometimes_wrong(HOSTILE_ZONE)),
            "photos": [{"identifier": data.draw(HOSTILE_TEXT), "md5": data.draw(HOSTILE_VALUE)}],
        }
        entries.append(entry)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "Journal.json"
        path.write_text(json.dumps({"metadata": {}, "entries": entries}), encoding="utf-8")
        _import_well_formed(hostile_db, "dayone", path)


#: YAML cannot hold a lone surrogate; every other awkward value can.
YAML_TEXT = HOSTILE_TEXT.map(lambda text: text.replace("\ud800", "?").replace("\udfff", "?"))
YAML_VALUE = st.one_of(
    YAML_TEXT,
    st.none(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.dates(),
    st.lists(YAML_TEXT, max_size=3),
    st.dictionaries(YAML_TEXT, st.none(), max_size=3),
)


@WELL_FORMED
@given(data=st.data())
def test_rednotebook_month_with_hostile_values(hostile_db: tuple, data) -> None:
    import yaml

    days = data.draw(
        st.dictionaries(
            st.one_of(st.integers(1, 31), st.integers(-(2**70), 2**70)),
            st.fixed_dictionaries(
                {"text": st.one_of(YAML_TEXT, YAML_VALUE)},
                optional={data.draw(YAML_TEXT): YAML_VALUE},
            ),
            min_size=1,
            max_size=3,
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "2024-02.txt").write_text(
            yaml.safe_dump(days, allow_unicode=True), encoding="utf-8"
        )
        _import_well_formed(hostile_db, "rednotebook", Path(folder))


@WELL_FORMED
@given(data=st.data())
def test_json_export_with_hostile_values(empty_db: Path, data) -> None:
    row = {
        "id": data.draw(sometimes_wrong(st.integers(1, 10))),
        "entry_date": data.draw(sometimes_wrong(HOSTILE_DATE)),
        "title": data.draw(sometimes_wrong(mostly(PLAIN_TEXT, HOSTILE_TEXT))),
        "body": data.draw(sometimes_wrong(mostly(PLAIN_TEXT, HOSTILE_BODY))),
        "kind": data.draw(sometimes_wrong(st.sampled_from(["win", "insight", "bogus"]))),
        "mood": data.draw(sometimes_wrong(st.integers(0, 6))),
        "flagged": data.draw(sometimes_wrong(st.booleans())),
        "created_at": data.draw(sometimes_wrong(HOSTILE_MOMENT)),
        "updated_at": "2024-01-01T10:00:00",
    }
    tag = [data.draw(st.integers(1, 3)), data.draw(sometimes_wrong(HOSTILE_TEXT))]
    columns = list(row)
    if data.draw(st.sampled_from(range(10))) == 1:
        columns[0] = data.draw(st.one_of(st.integers(), st.lists(st.text(max_size=3))))
    document = {
        "format": "mentor-desktop",
        "format_version": 1,
        "schema_revision": None,
        "tables": {
            "tag": {"columns": ["id", "name"], "rows": [tag]},
            "journal_entry": {"columns": columns, "rows": [list(row.values())]},
        },
    }
    folder = Path(tempfile.mkdtemp(dir=empty_db.parent))
    shutil.copy(empty_db, folder / "empty.sqlite3")
    engine = open_database(folder / "empty.sqlite3")
    try:
        service = PortabilityService(unit_of_work_factory(engine))
        before = service.table_counts()
        path = folder / "export.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        try:
            service.import_json(path)
        except ImportFormatError as error:
            assert str(path) in str(error)
            assert error.where.startswith("table ") or "JSON" in error.reason, error
            assert service.table_counts() == before
            event(f"refused: {error.reason[:40]}")
            return
        event("imported")
        journal = JournalService(unit_of_work_factory(engine))
        (entry_id,) = [row[0] for row in _rows_of(engine)]
        entry = journal.get_entry(entry_id)
        validate_entry(entry.draft())
    finally:
        engine.dispose()


def _rows_of(engine) -> list[tuple]:
    with unit_of_work_factory(engine)() as uow:
        return list(uow.session.execute(select(JournalEntryRow.id)))
