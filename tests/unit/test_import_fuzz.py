"""Random and truncated input to every importer: a clear error, and the database unchanged."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentor_desktop.domain.errors import ImportFormatError, MentorDesktopError
from mentor_desktop.services.portability import PortabilityService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
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
