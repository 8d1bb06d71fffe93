"""Demo data for the timeline's journal rhythm: quiet months and busy months.

Runs after the journal and session writers. Each August (a holiday) and a few random months
keep only about a fifth of their entries; a few other months (a launch, a conference) get
extra short entries on most days. Entries that are flagged, linked to a milestone, or
referenced by a session's agenda are never removed, and the last two months are left alone.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from mentor_desktop.demo.context import DemoContext

QUIET_SHARE = 0.08
BUSY_SHARE = 0.1
KEEP_IN_QUIET = 0.2
BUSY_TITLES = [
    ("reflection", "Launch week, day {n}: what I noticed"),
    ("insight", "Conference notes, day {n}"),
    ("win", "Launch week, day {n}: it shipped"),
    ("reflection", "Busy stretch, day {n}: keeping my head above water"),
]
BUSY_BODY = (
    "A short note in a busy stretch.\n\n"
    "- What happened: too much at once, but I kept the main thing the main thing.\n"
    "- What I learned: writing two lines is better than writing nothing.\n"
)


def _months(start: date, end: date) -> list[date]:
    months = []
    cursor = date(start.year, start.month, 1)
    while cursor <= end:
        months.append(cursor)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    return months


def write_timeline_demo(session: Session, ctx: DemoContext) -> None:
    rng = ctx.rng
    run = session.connection().exec_driver_sql
    protected = {
        row[0]
        for row in run(
            "SELECT id FROM journal_entry WHERE flagged = 1 UNION "
            "SELECT entry_id FROM journal_entry_milestone UNION "
            "SELECT source_id FROM agenda_item WHERE source IN ('journal', 'win') "
            "AND source_id IS NOT NULL"
        )
    }
    settled = ctx.today - timedelta(days=60)
    removed = added = 0
    for month in _months(ctx.start, settled):
        end = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        roll = rng.random()
        if month.month == 8 or roll < QUIET_SHARE:
            ids = [
                row[0]
                for row in run(
                    "SELECT id FROM journal_entry WHERE entry_date >= ? AND entry_date < ? "
                    "ORDER BY id",
                    (month.isoformat(), end.isoformat()),
                )
                if row[0] not in protected
            ]
            doomed = [i for i in ids if rng.random() > KEEP_IN_QUIET]
            for entry_id in doomed:
                run("DELETE FROM journal_entry WHERE id = ?", (entry_id,))
            removed += len(doomed)
        elif roll > 1 - BUSY_SHARE:
            day, n = month, 0
            while day < end and day <= settled:
                if rng.random() < 0.7:
                    n += 1
                    kind, title = rng.choice(BUSY_TITLES)
                    written = datetime.combine(day, time(rng.randint(7, 8), rng.randint(0, 59)))
                    run(
                        "INSERT INTO journal_entry (entry_date, title, body, kind, flagged, "
                        "created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)",
                        (day.isoformat(), title.format(n=n), BUSY_BODY, kind,
                         written.isoformat(" "), written.isoformat(" ")),
                    )  # fmt: skip
                    added += 1
                day += timedelta(days=1)
    if "journal entries" in ctx.counts:
        ctx.counts["journal entries"] += added - removed
