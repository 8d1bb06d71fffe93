"""Full-text search: the safe query builder and FTS5 behaviour on a real database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from mentor_desktop.domain.journal import HIGHLIGHT_END, HIGHLIGHT_START, EntryDraft, EntryKind
from mentor_desktop.services.journal import JournalService
from mentor_desktop.storage.migrate import memory_engine
from mentor_desktop.storage.repositories import journal_search as journal_repository
from mentor_desktop.storage.search import (
    build_match_query,
    check_search_index,
    rebuild_search_index,
)
from mentor_desktop.storage.uow import unit_of_work_factory


@pytest.fixture(scope="module")
def search_engine() -> Iterator[Engine]:
    engine = memory_engine()
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def journal(search_engine: Engine) -> JournalService:
    """A small journal shared by the read-only tests of this module."""
    service = JournalService(unit_of_work_factory(search_engine))
    entries = [
        ("Mentoring session", "We talked about delegation and trust.", ("leadership",)),
        ("Coffee chat", "A long talk at the café about public speaking.", ("talks",)),
        ("Notes", "The mentor said: write the plan before the meeting.", ()),
        ("Delegation", "Delegation again, delegation everywhere.", ("leadership",)),
        ("Résumé update", "Updated my résumé with the new project.", ("career",)),
        ("Quiet day", "Nothing special. Read a book about naïve estimates.", ()),
        ("עברית", "טקסט מימין לשמאל", ("rtl",)),
        ("Emoji day 🎉", "Shipped it 🚀 and celebrated with the team", ("wins",)),
    ]
    for index, (title, body, tags) in enumerate(entries):
        service.create_entry(EntryDraft(date(2024, 1, 1 + index), title, body, tags=tags))
    return service


def titles(hits) -> list[str]:
    return [hit.title for hit in hits]


# ---------------------------------------------------------------- the query builder


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mentor", '"mentor"'),
        ("mentor*", '"mentor"*'),
        ('"public speaking"', '"public speaking"'),
        ("cats dogs", '"cats" AND "dogs"'),
        ("cats OR dogs", '"cats" OR "dogs"'),
        ("cats -dogs", '("cats") NOT "dogs"'),
        ("cats NOT dogs", '("cats") NOT "dogs"'),
        ("don't", '"don t"'),
        ('"unbalanced quote', '"unbalanced quote"'),
        ("AND", None),
        ("OR", None),
        ("NOT", None),
        ("*", None),
        ("-", None),
        ("", None),
        ("   ", None),
        ("🎉🎉", None),
        ("-dogs", None),
    ],
)
def test_build_match_query(typed: str, expected: str | None) -> None:
    assert build_match_query(typed) == expected


def test_search_as_you_type_makes_the_last_word_a_prefix() -> None:
    assert build_match_query("public spea", prefix_last=True) == '"public" AND "spea"*'
    assert build_match_query("public spea ", prefix_last=True) == '"public" AND "spea"'


# ---------------------------------------------------------------- FTS behaviour


def test_word_search_finds_title_body_and_tags(journal: JournalService) -> None:
    assert titles(journal.search("trust")) == ["Mentoring session"]
    assert titles(journal.search("speaking")) == ["Coffee chat"]
    assert set(titles(journal.search("leadership"))) == {"Mentoring session", "Delegation"}


def test_ranking_puts_the_best_match_first(journal: JournalService) -> None:
    # "delegation" is in the title and three times in the body of one entry
    assert titles(journal.search("delegation"))[0] == "Delegation"


def test_prefix_matching(journal: JournalService) -> None:
    assert set(titles(journal.search("mentor*"))) == {"Mentoring session", "Notes"}
    assert titles(journal.search("mentor")) == ["Notes"]


def test_phrase_matching(journal: JournalService) -> None:
    assert titles(journal.search('"public speaking"')) == ["Coffee chat"]
    assert titles(journal.search('"speaking public"')) == []


def test_accents_fold_both_ways(journal: JournalService) -> None:
    assert titles(journal.search("cafe")) == ["Coffee chat"]
    assert titles(journal.search("café")) == ["Coffee chat"]
    assert titles(journal.search("resume")) == ["Résumé update"]
    assert titles(journal.search("naive")) == ["Quiet day"]
    assert titles(journal.search("CAFÉ")) == ["Coffee chat"]


def test_right_to_left_and_emoji_text_are_searchable(journal: JournalService) -> None:
    assert titles(journal.search("מימין")) == ["עברית"]
    assert titles(journal.search("shipped 🚀")) == ["Emoji day 🎉"]


def test_snippet_marks_the_matching_words(journal: JournalService) -> None:
    (hit,) = journal.search("trust")
    assert f"{HIGHLIGHT_START}trust{HIGHLIGHT_END}" in hit.snippet


def test_exclusion_and_or(journal: JournalService) -> None:
    assert titles(journal.search("leadership -trust")) == ["Delegation"]
    assert set(titles(journal.search("café OR résumé"))) == {"Coffee chat", "Résumé update"}


HOSTILE = [
    '"',
    '""',
    '"""',
    "'",
    "AND",
    "OR",
    "NOT",
    "*",
    "-",
    "+",
    "^",
    ":",
    "(",
    ")",
    "()",
    "NEAR",
    "NEAR(",
    "NEAR(a b, 2)",
    "title:",
    "title:mentor",
    "{title body}: x",
    "a AND",
    "OR b",
    "AND OR NOT",
    "mentor NOT",
    '"unbalanced',
    "mentor*)",
    "**",
    "-mentor",
    "🎉",
    "🎉 mentor",
    "c++",
    "'; DROP TABLE journal_entry; --",
    "\x00",
    "\\",
    "%_",
    "a" * 5000,
    "word " * 200,
    "ﷺ",
    "\u200f",
]


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_input_never_raises(journal: JournalService, typed: str) -> None:
    for as_you_type in (False, True):
        hits = journal.search(typed, as_you_type=as_you_type)
        assert isinstance(hits, list)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_no_string_raises(journal: JournalService, typed: str) -> None:
    journal.search(typed)
    journal.search(typed, as_you_type=True)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(['"', "*", "-", "AND", "OR", "NOT", "(", ")", "mentor", " ",
                                 "café", ":", "^", "NEAR"]), max_size=12))  # fmt: skip
def test_no_mix_of_operators_raises(journal: JournalService, pieces: list[str]) -> None:
    journal.search("".join(pieces))
    journal.search(" ".join(pieces), as_you_type=True)


# ---------------------------------------------------------------- the index in step


def test_triggers_keep_the_index_in_step(engine, services) -> None:
    journal: JournalService = services.journal
    entry = journal.create_entry(
        EntryDraft(date(2024, 5, 1), "Original", "alpha text", tags=("first",))
    )
    assert titles(journal.search("alpha")) == ["Original"]
    journal.save_text(entry.id, "Renamed", "beta text")
    assert journal.search("alpha") == []
    assert titles(journal.search("beta")) == ["Renamed"]
    assert titles(journal.search("renamed")) == ["Renamed"]
    updated = journal.update_entry(
        entry.id, EntryDraft(date(2024, 5, 1), "Renamed", "beta text", tags=("second", "third"))
    )
    assert updated.tags == ("second", "third")
    assert journal.search("first") == []
    assert titles(journal.search("third")) == ["Renamed"]
    check_search_index(engine)
    snapshot = journal.delete_entry(entry.id)
    assert journal.search("beta") == []
    check_search_index(engine)
    journal.restore_entry(snapshot)
    assert titles(journal.search("second")) == ["Renamed"]
    check_search_index(engine)


def test_renaming_a_tag_updates_the_index(engine, services) -> None:
    journal: JournalService = services.journal
    journal.create_entry(EntryDraft(date(2024, 5, 1), "Tagged", "text", tags=("oldname",)))
    with engine.begin() as connection:
        connection.exec_driver_sql("UPDATE tag SET name = 'newname' WHERE name = 'oldname'")
    assert journal.search("oldname") == []
    assert titles(journal.search("newname")) == ["Tagged"]
    check_search_index(engine)


def test_rebuild_after_a_bulk_load_that_bypassed_the_triggers(engine, services) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER journal_search_after_insert")
        connection.exec_driver_sql(
            "INSERT INTO journal_entry (entry_date, title, body, kind, flagged, created_at, "
            "updated_at) VALUES ('2024-01-01', 'Imported', 'zanzibar', 'reflection', 0, "
            "'2024-01-01 00:00:00', '2024-01-01 00:00:00')"
        )
    assert services.journal.search("zanzibar") == []
    with engine.begin() as connection:
        rebuild_search_index(connection)
    assert titles(services.journal.search("zanzibar")) == ["Imported"]
    check_search_index(engine)


def test_rebuild_accepts_a_session_and_an_engine(engine) -> None:
    from sqlalchemy.orm import Session

    rebuild_search_index(engine)
    with Session(engine) as session, session.begin():
        rebuild_search_index(session)
    check_search_index(engine)


def test_a_very_common_word_ranks_only_the_newest_matches(
    services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past RANK_WINDOW matches, only the most recently written ones are ranked."""
    journal: JournalService = services.journal
    ids = []
    for index in range(8):
        # the oldest entries mention the word most often: they would rank first
        body = " ".join(["common"] * (8 - index)) + " filler" * 20
        ids.append(journal.create_entry(EntryDraft(date(2024, 1, 1 + index), f"E{index}", body)).id)
    assert titles(journal.search("common"))[0] == "E0"
    monkeypatch.setattr(journal_repository, "RANK_WINDOW", 3)
    hits = journal.search("common", limit=3)
    assert [hit.id for hit in hits] == ids[-3:]


def test_paging_reaches_every_match_past_the_ranked_window(
    services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ranked window comes first, then the older matches newest first, page after page."""
    journal: JournalService = services.journal
    ids = []
    for index in range(9):
        body = " ".join(["common"] * (9 - index)) + " filler" * 20
        ids.append(journal.create_entry(EntryDraft(date(2024, 1, 1 + index), f"E{index}", body)).id)
    other = journal.create_entry(EntryDraft(date(2024, 2, 1), "Other", "common once")).id
    monkeypatch.setattr(journal_repository, "RANK_WINDOW", 3)
    everything = [hit.id for hit in journal.search("common", limit=100)]
    assert set(everything[:3]) == {other, ids[8], ids[7]}  # the newest three, ranked
    assert everything[3:] == ids[6::-1]  # then the older matches, newest first
    for size in (1, 2, 4):
        paged = []
        while page := journal.search("common", limit=size, offset=len(paged)):
            paged += [hit.id for hit in page]
        assert paged == everything
    assert ids[0] in everything  # the best match of all (most mentions), the oldest


def test_kinds_filter_combines_with_search(journal: JournalService) -> None:
    from mentor_desktop.domain.journal import EntryFilter

    assert journal.search("leadership", EntryFilter(kinds=(EntryKind.WIN,))) == []
    hits = journal.search("leadership", EntryFilter(date_from=date(2024, 1, 4)))
    assert titles(hits) == ["Delegation"]


def test_a_bulk_load_with_the_index_suspended_is_indexed_once_at_the_end(engine, services) -> None:
    from sqlalchemy.orm import Session

    from mentor_desktop.storage.search import INDEX_TRIGGERS, search_index_suspended

    def triggers() -> set[str]:
        with engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
            return {name for (name,) in rows} & set(INDEX_TRIGGERS)

    insert = (
        "INSERT INTO journal_entry (entry_date, title, body, kind, flagged, created_at, "
        "updated_at) VALUES ('2024-01-01', 'Bulk', 'quetzal', 'reflection', 0, "
        "'2024-01-01 00:00:00', '2024-01-01 00:00:00')"
    )
    with Session(engine) as session, session.begin(), search_index_suspended(session):
        session.connection().exec_driver_sql(insert)
        names = session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger'"
        )
        assert not {name for (name,) in names} & set(INDEX_TRIGGERS)
    assert triggers() == set(INDEX_TRIGGERS)
    assert titles(services.journal.search("quetzal")) == ["Bulk"]
    check_search_index(engine)

    with (
        pytest.raises(RuntimeError),
        Session(engine) as session,
        session.begin(),
        search_index_suspended(session),
    ):
        session.connection().exec_driver_sql(insert)
        raise RuntimeError("the import failed")
    assert triggers() == set(INDEX_TRIGGERS)  # rolled back with the transaction
    assert len(services.journal.search("quetzal")) == 1


def test_a_one_letter_prefix_is_the_word_itself() -> None:
    assert build_match_query("a*") == '"a"'
    assert build_match_query("i", prefix_last=True) == '"i"'
    assert build_match_query("ab", prefix_last=True) == '"ab"*'
