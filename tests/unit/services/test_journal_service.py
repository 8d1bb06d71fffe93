"""The journal service on a temporary database: entries, validation, lists, calendar, prompts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import text

from mentor_desktop.domain.errors import NotFoundError, ValidationError
from mentor_desktop.domain.journal import (
    MAX_BODY,
    EntryDraft,
    EntryFilter,
    EntryKind,
    PageCursor,
    TemplateDraft,
    parse_entry_date,
    parse_tags,
)
from mentor_desktop.domain.models import GoalDraft, MilestoneDraft
from mentor_desktop.services.journal import JournalService


@pytest.fixture
def journal(services) -> JournalService:
    return services.journal


def count_rows(engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


# ---------------------------------------------------------------- entries


def test_create_and_read_back_every_field(journal: JournalService, services) -> None:
    goal = services.goals.create_goal(GoalDraft("Speak at a meetup", target_date=date(2030, 1, 1)))
    milestone = services.goals.add_milestone(goal.id, MilestoneDraft("First talk"))
    entry = journal.create_entry(
        EntryDraft(
            date(2025, 3, 4),
            "  First talk  ",
            "# Went well\n\nMostly.",
            EntryKind.WIN,
            mood=4,
            flagged=True,
            tags=("#Public Speaking", "confidence", "public   speaking"),
            milestone_ids=(milestone.id,),
        )
    )
    again = journal.get_entry(entry.id)
    assert again == entry
    assert again.title == "First talk"
    assert again.tags == ("confidence", "Public Speaking")
    assert again.goal_ids == (goal.id,)  # linked through its milestone
    assert again.milestone_ids == (milestone.id,)
    assert (again.kind, again.mood, again.flagged) == (EntryKind.WIN, 4, True)


def test_new_entry_starts_today_and_several_a_day_are_fine(services) -> None:
    journal = JournalService(services.journal._uow, today=lambda: date(2026, 2, 3))
    first = journal.new_entry()
    second = journal.new_entry(EntryKind.INSIGHT)
    assert first.entry_date == second.entry_date == date(2026, 2, 3)
    assert first.id != second.id
    assert journal.count() == 2


def test_save_text_writes_title_and_body(journal: JournalService) -> None:
    entry = journal.new_entry()
    journal.save_text(entry.id, "Title", "Body text")
    again = journal.get_entry(entry.id)
    assert (again.title, again.body) == ("Title", "Body text")
    with pytest.raises(NotFoundError):
        journal.save_text(entry.id + 99, "x", "y")


@pytest.mark.parametrize(
    "body",
    [
        "x" * 1_000_000,  # a 1 MB paste
        "שלום, זה טקסט מימין לשמאל",
        "emoji 🎉🚀👩🏽‍💻 everywhere",
        "   \n\t  \n",
        "",
    ],
)
def test_unusual_text_is_kept_exactly(journal: JournalService, body: str) -> None:
    entry = journal.new_entry()
    journal.save_text(entry.id, "title", body)
    assert journal.get_entry(entry.id).body == body


def test_too_long_or_bad_text_is_refused_and_nothing_is_written(journal: JournalService) -> None:
    entry = journal.new_entry()
    journal.save_text(entry.id, "kept", "kept body")
    with pytest.raises(ValidationError) as error:
        journal.save_text(entry.id, "new", "x" * (MAX_BODY + 1))
    assert "body" in error.value.errors
    with pytest.raises(ValidationError) as error:
        journal.save_text(entry.id, "two\nlines", "fine")
    assert "title" in error.value.errors
    assert (journal.get_entry(entry.id).title, journal.get_entry(entry.id).body) == (
        "kept",
        "kept body",
    )


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("31/02/2025", "YYYY-MM-DD"),
        ("2025-02-31", "not a day of the calendar"),
        ("yesterday", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
    ],
)
def test_bad_dates_are_refused_with_a_clear_message(typed: str, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        parse_entry_date(typed)
    assert message in error.value.errors["entry_date"]


def test_tags_with_spaces_and_hashes_are_accepted_and_tidied() -> None:
    assert parse_tags("#career,  public   speaking , #C++, career") == (
        "career",
        "public speaking",
        "C++",
    )
    with pytest.raises(ValidationError, match="no letters"):
        parse_tags("ok, ##")


def test_invalid_update_changes_nothing(journal: JournalService) -> None:
    entry = journal.create_entry(EntryDraft(date(2025, 1, 1), "Keep", "body", tags=("a",)))
    bad = EntryDraft(date(2025, 1, 2), "Changed", "new body", mood=9, tags=("b",))
    with pytest.raises(ValidationError) as error:
        journal.update_entry(entry.id, bad)
    assert "mood" in error.value.errors
    with pytest.raises(ValidationError) as error:
        journal.update_entry(entry.id, EntryDraft(date(2025, 1, 2), "Changed", goal_ids=(999,)))
    assert "goal #999" in error.value.errors["goals"]
    assert journal.get_entry(entry.id) == entry


def test_delete_and_restore_with_the_same_id(journal: JournalService, engine) -> None:
    entry = journal.create_entry(EntryDraft(date(2025, 1, 1), "Gone", "soon", tags=("solo",)))
    snapshot = journal.delete_entry(entry.id)
    assert journal.count() == 0
    assert journal.tags() == []  # an unused tag goes with its last entry
    restored = journal.restore_entry(snapshot)
    assert restored.id == entry.id
    assert restored.tags == ("solo",)
    assert restored.created_at == entry.created_at
    assert count_rows(engine, "journal_entry_tag") == 1


# ---------------------------------------------------------------- lists


def make_days(journal: JournalService, days: int, start: date = date(2024, 1, 1)) -> None:
    for index in range(days):
        journal.create_entry(
            EntryDraft(
                start + timedelta(days=index),
                f"Day {index}",
                f"Body of day {index}\nsecond line",
                EntryKind.WIN if index % 3 == 0 else EntryKind.REFLECTION,
                flagged=index % 5 == 0,
                tags=("even",) if index % 2 == 0 else ("odd",),
            )
        )


def test_pages_are_newest_first_without_gaps_or_repeats(journal: JournalService) -> None:
    make_days(journal, 25)
    journal.create_entry(EntryDraft(date(2024, 1, 25), "Second on the last day", "x"))
    seen = []
    after = None
    while True:
        page = journal.list_page(after=after, limit=7)
        seen.extend(page)
        if len(page) < 7:
            break
        after = PageCursor(page[-1].entry_date, page[-1].id)
    assert len(seen) == 26
    assert len({s.id for s in seen}) == 26
    keys = [(s.entry_date, s.id) for s in seen]
    assert keys == sorted(keys, reverse=True)
    assert seen[0].title == "Second on the last day"
    assert seen[1].first_line == "Body of day 24"


def test_filters_narrow_the_list(journal: JournalService, services) -> None:
    make_days(journal, 20)
    goal = services.goals.create_goal(GoalDraft("Goal"))
    linked = journal.create_entry(EntryDraft(date(2023, 6, 1), "Linked", goal_ids=(goal.id,)))

    def ids(entry_filter: EntryFilter) -> list[str]:
        return [s.title for s in journal.list_page(entry_filter)]

    assert len(ids(EntryFilter(kinds=(EntryKind.WIN,)))) == 7
    assert ids(EntryFilter(goal_id=goal.id)) == [linked.title]
    assert len(ids(EntryFilter(tag="EVEN"))) == 10  # tags ignore case
    assert len(ids(EntryFilter(flagged_only=True))) == 4
    assert ids(EntryFilter(date_from=date(2024, 1, 19))) == ["Day 19", "Day 18"]
    assert ids(EntryFilter(date_to=date(2024, 1, 1))) == ["Day 0", "Linked"]
    both = EntryFilter(kinds=(EntryKind.WIN,), tag="even", flagged_only=True)
    assert ids(both) == ["Day 0"]  # days 0 (win, even, flagged) only; 15 is odd
    assert journal.count(both) == 1


def test_calendar_days_and_on_this_day(journal: JournalService) -> None:
    for year in (2021, 2022, 2024):
        journal.create_entry(EntryDraft(date(year, 3, 7), f"March 7th {year}"))
    journal.create_entry(EntryDraft(date(2024, 3, 7), "Another on the same day"))
    journal.create_entry(EntryDraft(date(2024, 3, 9), "Later"))
    days = journal.days_with_entries(2024, 3)
    assert [(d.day, d.count) for d in days] == [(date(2024, 3, 7), 2), (date(2024, 3, 9), 1)]
    assert journal.days_with_entries(2024, 2) == []
    earlier = journal.on_this_day(date(2025, 3, 7))
    assert [e.entry_date.year for e in earlier] == [2024, 2024, 2022, 2021]
    assert [e.title for e in journal.on_this_day(date(2022, 3, 7))] == ["March 7th 2021"]


def test_tags_are_counted(journal: JournalService) -> None:
    make_days(journal, 5)
    assert [(t.name, t.count) for t in journal.tags()] == [("even", 3), ("odd", 2)]


# ---------------------------------------------------------------- prompts


def test_default_prompts_ask_the_right_questions(journal: JournalService) -> None:
    reflection = journal.prompt_for(EntryKind.REFLECTION)
    setback = journal.prompt_for(EntryKind.SETBACK)
    win = journal.prompt_for(EntryKind.WIN)
    assert reflection and "What happened" in reflection.body and "learned" in reflection.body
    assert "differently" in reflection.body
    assert setback and "Another way to see it" in setback.body and "try next" in setback.body
    assert win and "Evidence" in win.body and "Impact" in win.body


def test_prompts_can_be_edited_added_and_deleted(journal: JournalService) -> None:
    win = journal.prompt_for(EntryKind.WIN)
    assert win is not None
    journal.update_template(win.id, TemplateDraft("Win", "## What I did\n", EntryKind.WIN))
    assert journal.prompt_for(EntryKind.WIN).body == "## What I did\n"
    mine = journal.add_template(TemplateDraft("Book notes", "## Book\n", None))
    assert mine in journal.templates(EntryKind.SETBACK)  # fits every kind
    assert mine in journal.templates()
    with pytest.raises(ValidationError) as error:
        journal.add_template(TemplateDraft("  ", "x"))
    assert "name" in error.value.errors
    journal.delete_template(mine.id)
    assert mine not in journal.templates()


# ---------------------------------------------------------------- demo


def test_demo_writes_about_one_entry_a_day(engine, services) -> None:
    import random

    from mentor_desktop.demo.context import DemoContext
    from mentor_desktop.demo.goals import write_goals_demo
    from mentor_desktop.demo.journal import write_journal_demo
    from mentor_desktop.storage.search import check_search_index
    from mentor_desktop.storage.uow import unit_of_work_factory

    today = date(2026, 1, 31)
    ctx = DemoContext(random.Random(3), today, today - timedelta(days=365), years=1)
    with unit_of_work_factory(engine)() as uow:
        write_goals_demo(uow.session, ctx)
        uow.session.flush()
        write_journal_demo(uow.session, ctx)
    journal: JournalService = services.journal
    total = journal.count()
    assert 300 <= total <= 430
    entries = journal.list_page(limit=2000)
    per_day: dict[date, int] = {}
    for entry in entries:
        per_day[entry.entry_date] = per_day.get(entry.entry_date, 0) + 1
    assert max(per_day.values()) == 2
    assert len(per_day) < 366  # some days have none
    sample = [journal.get_entry(e.id) for e in entries[::25]]
    assert all(150 <= len(e.body.split()) <= 330 for e in sample)
    assert {e.kind for e in entries} == set(EntryKind)
    stats = journal.stats()
    assert 0 < stats.flagged < total / 5
    assert stats.tags > 10
    assert count_rows(engine, "journal_entry_goal") > total / 3
    with engine.connect() as connection:
        goal_id = connection.execute(text("SELECT goal_id FROM journal_entry_goal")).scalar()
    assert journal.count(EntryFilter(goal_id=goal_id)) > 0
    assert journal.search("mentor")  # the index was built
    check_search_index(engine)


def test_the_list_line_is_the_first_line_of_prose() -> None:
    from mentor_desktop.domain.journal import first_line

    assert first_line("## The win\n\nWe *shipped* it.\nMore") == "We *shipped* it."
    assert first_line("\n\n- a list item") == "a list item"
    assert first_line("# Only a heading\n\n") == "Only a heading"
    assert first_line("   \n\t") == ""


def test_flag_an_entry_to_raise_at_the_next_session(journal: JournalService) -> None:
    entry = journal.create_entry(EntryDraft(date(2025, 1, 1), "Ask about the reorg", "body"))
    assert journal.set_flagged(entry.id, True).flagged
    assert [e.title for e in journal.list_page(EntryFilter(flagged_only=True))] == [entry.title]
    assert not journal.set_flagged(entry.id, False).flagged
    assert journal.get_entry(entry.id).body == "body"


def test_a_locked_database_becomes_a_clear_error_and_changes_nothing(
    journal: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from mentor_desktop.domain.errors import MentorDesktopError
    from mentor_desktop.storage.repositories.journal import JournalRepository

    entry = journal.create_entry(EntryDraft(date(2025, 1, 1), "Title", "old"))

    def locked(*_args: object) -> bool:
        raise OperationalError(
            "UPDATE journal_entry ...", {}, sqlite3.OperationalError("database is locked")
        )

    monkeypatch.setattr(JournalRepository, "update_text", locked)
    with pytest.raises(MentorDesktopError) as caught:
        journal.save_text(entry.id, "Title", "new")
    assert str(caught.value) == (
        "Could not save the text: the database is busy (another program is using it)."
    )
    assert "UPDATE" not in str(caught.value)
    monkeypatch.undo()
    assert journal.get_entry(entry.id).body == "old"


def test_putting_back_an_entry_whose_id_was_taken_is_refused_cleanly(
    journal: JournalService,
) -> None:
    from mentor_desktop.domain.errors import MentorDesktopError

    entry = journal.create_entry(EntryDraft(date(2025, 1, 1), "First", "text"))
    snapshot = journal.delete_entry(entry.id)
    journal.restore_entry(snapshot)
    with pytest.raises(MentorDesktopError, match="Could not put the entry back"):
        journal.restore_entry(snapshot)
    assert journal.count() == 1


def test_service_builds_no_queries_itself() -> None:
    import inspect

    import mentor_desktop.services.journal as module

    source = inspect.getsource(module)
    assert "sqlalchemy" not in source and "storage.orm" not in source
