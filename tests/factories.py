"""Builders shared by the tests: sample databases, drafts and journal files.

Tests import what they need from here, never from each other.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.sessions import AgreementDraft, MentorDraft
from mentor_desktop.storage.orm import (
    ActionItemRow,
    FeedbackRow,
    GoalChangeRow,
    GoalRow,
    JournalEntryGoalRow,
    JournalEntryMilestoneRow,
    JournalEntryRow,
    MentorRow,
    MentorshipRow,
    MilestoneRow,
    SessionRow,
)
from mentor_desktop.storage.uow import unit_of_work_factory

#: The day the timeline sample and the demo databases are written for.
TODAY = date(2026, 6, 15)


def write_demo_db(path: Path, years: int, today: date = TODAY) -> Path:
    """A demo database of `years` years at `path` (for chart, tab and document tests)."""
    from mentor_desktop.demo import DemoOptions, write_demo
    from mentor_desktop.storage.migrate import open_database

    engine = open_database(path)
    write_demo(engine, DemoOptions(years=years, today=today))
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def write_sample(engine) -> dict[str, int]:
    """Three goals (one without dates), four milestones (one moved twice), sessions,
    commitments, journal entries and feedback; returns their ids by name."""
    with unit_of_work_factory(engine)() as uow:
        s = uow.session
        talk = GoalRow(title="Speak at a conference", kind="career", status="active",
                       start_date=date(2026, 1, 1), target_date=date(2026, 12, 31))  # fmt: skip
        run = GoalRow(title="Run a half marathon", kind="personal", status="achieved",
                      start_date=date(2025, 9, 1), target_date=date(2026, 4, 30),
                      position=1)  # fmt: skip
        undated = GoalRow(title="Someday", kind="personal", status="paused", position=2)
        s.add_all([talk, run, undated])
        s.flush()
        outline = MilestoneRow(goal_id=talk.id, title="Outline the talk",
                               due_date=date(2026, 4, 20), done_date=date(2026, 4, 25))  # fmt: skip
        submit = MilestoneRow(goal_id=talk.id, title="Submit the proposal",
                              due_date=date(2026, 9, 1), position=1)  # fmt: skip
        ten_k = MilestoneRow(goal_id=run.id, title="Run 10 km",
                             due_date=date(2026, 2, 1), done_date=date(2026, 1, 28))  # fmt: skip
        race = MilestoneRow(goal_id=run.id, title="Race day", due_date=date(2026, 4, 26),
                            done_date=date(2026, 4, 26), position=1)  # fmt: skip
        s.add_all([outline, submit, ten_k, race])
        s.flush()
        s.add_all(
            [
                GoalChangeRow(goal_id=talk.id, milestone_id=outline.id, field="milestone_due",
                              subject="Outline the talk", old_value=date(2026, 3, 1),
                              new_value=date(2026, 4, 1), reason="Launch took all my time",
                              changed_at=datetime(2026, 2, 25, 18)),
                GoalChangeRow(goal_id=talk.id, milestone_id=outline.id, field="milestone_due",
                              subject="Outline the talk", old_value=date(2026, 4, 1),
                              new_value=date(2026, 4, 20), reason="",
                              changed_at=datetime(2026, 3, 30, 18)),
                GoalChangeRow(goal_id=talk.id, field="goal_target", subject=talk.title,
                              old_value=date(2026, 10, 1), new_value=date(2026, 12, 31),
                              reason="Conference moved", changed_at=datetime(2025, 12, 1, 9)),
            ]
        )  # fmt: skip
        mentor = MentorRow(name="Amara")
        mentorship = MentorshipRow(mentor=mentor)
        s.add(mentorship)
        s.flush()
        held = SessionRow(mentorship_id=mentorship.id, start=datetime(2026, 3, 3, 17),
                          status="done", label="Session")  # fmt: skip
        held2 = SessionRow(mentorship_id=mentorship.id, start=datetime(2026, 5, 5, 17),
                           status="done", label="Session")  # fmt: skip
        cancelled = SessionRow(mentorship_id=mentorship.id, start=datetime(2026, 4, 7, 17),
                               status="cancelled", label="Session")  # fmt: skip
        old = SessionRow(mentorship_id=mentorship.id, start=datetime(2025, 10, 7, 17),
                         status="done", label="Session")  # fmt: skip
        s.add_all([held, held2, cancelled, old])
        s.flush()
        s.add_all(
            [
                ActionItemRow(session_id=held.id, owner="me", text="Draft the abstract",
                              due_date=date(2026, 3, 20), done_date=date(2026, 3, 18)),
                ActionItemRow(session_id=held.id, owner="me", text="Ask for a slot",
                              due_date=date(2026, 4, 1), done_date=date(2026, 4, 9)),
                ActionItemRow(session_id=held2.id, owner="me", text="Rehearse",
                              due_date=date(2026, 5, 30)),
                ActionItemRow(session_id=held2.id, owner="mentor", text="Send contacts",
                              due_date=date(2026, 5, 20)),
                ActionItemRow(session_id=held2.id, owner="me", text="Later",
                              due_date=date(2026, 8, 1)),
                FeedbackRow(session_id=held.id, situation="Team demo", behaviour="Rushed",
                            impact="Lost the room", response="Practised pauses"),
                FeedbackRow(session_id=old.id, situation="Old", behaviour="Outside the range"),
            ]
        )  # fmt: skip
        linked = JournalEntryRow(entry_date=date(2026, 4, 22), title="Outline reviewed by Tom",
                                 kind="insight")  # fmt: skip
        win = JournalEntryRow(entry_date=date(2026, 4, 10), title="First run-through went well",
                              kind="win")  # fmt: skip
        other_win = JournalEntryRow(entry_date=date(2026, 5, 2), title="Promoted", kind="win")
        s.add_all([linked, win, other_win])
        s.flush()
        s.add_all(
            [
                JournalEntryMilestoneRow(entry_id=linked.id, milestone_id=outline.id),
                JournalEntryGoalRow(entry_id=win.id, goal_id=talk.id),
            ]
        )
        return {
            "talk": talk.id, "run": run.id, "undated": undated.id, "outline": outline.id,
            "submit": submit.id, "race": race.id, "ten_k": ten_k.id, "held": held.id,
            "cancelled": cancelled.id,
        }  # fmt: skip


#: The sessions sample's clock.
NOW = datetime(2026, 3, 10, 12, 0)  # a Tuesday; the next first Tuesday is 7 April
MONTHLY = CadenceRule("Session", "FREQ=MONTHLY;BYDAY=1TU", datetime(2026, 1, 6, 17), 60)
FORTNIGHTLY = CadenceRule(
    "Check-in", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", datetime(2026, 1, 9, 9), 15
)


def agreement_draft(name: str = "Zoë Ångström", **changes) -> AgreementDraft:
    values = dict(
        mentor=MentorDraft(name, "Principal engineer", "Fjord AB", "zoe@example.org"),
        purpose="Become a technical leader",
        start_date=date(2026, 1, 1),
        review_date=date(2026, 7, 1),
        rules=(MONTHLY, FORTNIGHTLY),
    )
    values.update(changes)
    return AgreementDraft(**values)


WORDS = [
    *("mentor", "goal", "feedback", "session", "learned", "today", "plan", "review"),
    *("team", "project", "progress", "meeting", "code", "talk", "career", "book"),
    *("focus", "habit", "energy", "listen", "decide", "ask", "write", "reflect"),
    *("the", "a", "and", "of", "to", "in", "my", "I", "we", "was", "it", "for", "with"),
]


def write_jrnl_journal(path: Path, entries: int, words_per_entry: int, seed: int = 1) -> int:
    """A jrnl journal file of `entries` daily entries; returns the number of words written."""
    rng = random.Random(seed)
    start = date(2016, 1, 1)
    total = 0
    with path.open("w", encoding="utf-8") as handle:
        for number in range(entries):
            day = start + timedelta(days=number)
            title = " ".join(rng.choices(WORDS, k=6)).capitalize() + "."
            star = " *" if number % 17 == 0 else ""
            paragraphs = []
            remaining = words_per_entry - 6
            while remaining > 0:
                size = min(remaining, rng.randint(40, 90))
                words = rng.choices(WORDS, k=size)
                if rng.random() < 0.3:
                    words[rng.randrange(size)] = "@" + rng.choice(["work", "mentor", "c++"])
                paragraphs.append(" ".join(words) + ".")
                remaining -= size
            handle.write(
                f"[{day} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}] {title}{star}\n"
            )
            handle.write("\n\n".join(paragraphs) + "\n\n")
            total += words_per_entry
    return total


class FullDisk:
    """A really small file system (a 1 MB tmpfs) mounted at `root` for one test."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def fill(self, leave: int = 0) -> None:
        """Take up all its free space but about `leave` bytes (a filler file)."""
        import os

        with (self.root / ".filler").open("ab") as handle:
            block = b"\0" * 4096
            try:
                while os.statvfs(self.root).f_bavail * os.statvfs(self.root).f_frsize > leave:
                    handle.write(block)
                    handle.flush()
            except OSError:
                pass

    def free(self) -> None:
        (self.root / ".filler").unlink(missing_ok=True)


def mount_full_disk(root: Path) -> FullDisk | None:
    """Mount a 1 MB tmpfs at `root`; None where mounting is not allowed (not root, no
    tmpfs, a container without the right)."""
    import subprocess

    root.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(root)],
        capture_output=True,
        check=False,
    )
    return FullDisk(root) if done.returncode == 0 else None


def unmount(disk: FullDisk) -> None:
    import subprocess

    subprocess.run(["umount", "-l", str(disk.root)], capture_output=True, check=False)


#: Passphrase of the encrypted test databases (strong enough for the passphrase rules).
TEST_PASSPHRASE = "amber-violin-quietly-nine"
#: Words of the demo data that must never appear in an encrypted file's bytes.
DEMO_WORDS = (b"feedback", b"Okafor", b"delegation", b"journal_entry", b"mentor")


def all_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the plain database `path`, sorted (round-trip checks)."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        names = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'journal_search%'"
        )]  # fmt: skip
        return {
            name: sorted(connection.execute(f'SELECT * FROM "{name}"'), key=repr) for name in names
        }
    finally:
        connection.close()


def fill_with_goals(path: Path, count: int = 300) -> Path:
    """`count` goals written into the database at `path`, checkpointed into the main file."""
    from mentor_desktop.storage.migrate import open_database

    engine = open_database(path)
    with engine.begin() as connection:
        for number in range(count):
            connection.exec_driver_sql(
                "INSERT INTO goal (title, kind, status, why, success_measure, position, "
                "created_at, updated_at) VALUES (?, 'career', 'active', ?, '', ?, "
                "'2026-01-01 00:00:00', '2026-01-01 00:00:00')",
                (f"Goal {number}", "why " * 50, number),
            )
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


def damage_page(path: Path, page: int) -> None:
    """Overwrite 400 bytes at the start of page `page` (of 4,096 bytes) of the file."""
    data = bytearray(path.read_bytes())
    start = 4096 * page
    data[start : start + 400] = b"\x55" * 400
    path.write_bytes(bytes(data))
