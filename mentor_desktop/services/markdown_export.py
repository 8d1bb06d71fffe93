"""The Markdown export: a folder a person can read without the app.

journal/YYYY/YYYY-MM-DD-title.md  one file per entry, YAML front matter (date, title, kind,
                                  mood, flagged, tags, goals, milestones), then the body
goals.md                          goals with milestones, steps, resources and recalibrations
sessions.md                       sessions with their agenda, actions and feedback (only when
                                  the database has sessions tables)

Front-matter strings are written as JSON strings, which are valid YAML double-quoted scalars.
Entry file names are unique even where the file system ignores case (Windows, macOS), and a
file is never written over: two entries can never end up in one file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from itertools import count
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from mentor_desktop.storage.files import FOLDER_MODE, make_private, write_new_file
from mentor_desktop.storage.orm import (
    Base,
    GoalChangeRow,
    GoalRow,
    JournalEntryGoalRow,
    JournalEntryMilestoneRow,
    JournalEntryRow,
    JournalEntryTagRow,
    MilestoneRow,
    ResourceRow,
    StepRow,
    TagRow,
)
from mentor_desktop.storage.repositories.portability import existing_tables

Progress = Callable[[int, int], None]
_SLUG = re.compile(r"[^\w]+")
_SESSION_CHILD_SKIP = {"id", "session_id", "created_at", "updated_at", "position"}
_CHILD_HEADINGS = {"agenda_item": "Agenda", "action_item": "Actions", "feedback": "Feedback"}


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _slug(title: str) -> str:
    slug = _SLUG.sub("-", title.casefold()).strip("-")[:60].rstrip("-")
    return slug or "entry"


def _name_key(name: str) -> str:
    """`name` as a file system that ignores case and Unicode normalisation compares it."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())


def _candidate_names(day: date, title: str, entry_id: int) -> Iterator[str]:
    base = f"{day.isoformat()}-{_slug(title)}"
    yield base
    yield f"{base}-{entry_id}"
    for number in count(2):
        yield f"{base}-{entry_id}-{number}"


def _unused_name(day: date, title: str, entry_id: int, used: set[str]) -> str:
    """The first of the entry's candidate names not used yet (compared case-insensitively);
    records it in `used`."""
    candidates = _candidate_names(day, title, entry_id)
    name = next(name for name in candidates if _name_key(name) not in used)
    used.add(_name_key(name))
    return name


def write_folder(session: Session, folder: Path, progress: Progress | None) -> dict[str, int]:
    folder.mkdir(parents=True, mode=FOLDER_MODE)
    make_private(folder)
    counts = {"entries": _write_journal(session, folder / "journal", progress)}
    counts["goals"] = _write_goals(session, folder / "goals.md")
    table_names = {table.name for table in existing_tables(session)}
    if "session" in table_names:
        counts["sessions"] = _write_sessions(session, folder / "sessions.md", table_names)
    return counts


def _links(session: Session, link, column, names: dict[int, str]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = defaultdict(list)
    for entry_id, other_id in session.execute(select(link.entry_id, column)):
        result[entry_id].append(names[other_id])
    return result


def _write_journal(session: Session, folder: Path, progress: Progress | None) -> int:
    tag_names = dict(session.execute(select(TagRow.id, TagRow.name)).all())
    goal_names = dict(session.execute(select(GoalRow.id, GoalRow.title)).all())
    milestone_names = dict(session.execute(select(MilestoneRow.id, MilestoneRow.title)).all())
    tags = _links(session, JournalEntryTagRow, JournalEntryTagRow.tag_id, tag_names)
    goals = _links(session, JournalEntryGoalRow, JournalEntryGoalRow.goal_id, goal_names)
    milestones = _links(
        session, JournalEntryMilestoneRow, JournalEntryMilestoneRow.milestone_id, milestone_names
    )
    t = JournalEntryRow
    rows = session.execute(
        select(t.id, t.entry_date, t.title, t.body, t.kind, t.mood, t.flagged).order_by(
            t.entry_date, t.id
        )
    ).all()
    used: set[str] = set()
    made: set[Path] = set()
    total = len(rows)
    for index, (entry_id, day, title, body, kind, mood, flagged) in enumerate(rows, start=1):
        year_folder = folder / f"{day.year}"
        name = _unused_name(day, title, entry_id, used)
        front = [
            "---",
            f"date: {day.isoformat()}",
            f"title: {_q(title)}",
            f"kind: {kind}",
            f"mood: {mood if mood is not None else 'null'}",
            f"flagged: {'true' if flagged else 'false'}",
            f"tags: [{', '.join(_q(n) for n in sorted(tags.get(entry_id, []), key=str.casefold))}]",
            f"goals: [{', '.join(_q(n) for n in goals.get(entry_id, []))}]",
            f"milestones: [{', '.join(_q(n) for n in milestones.get(entry_id, []))}]",
            "---",
            "",
            "",
        ]
        heading = f"# {title}\n\n" if title else ""
        if year_folder not in made:
            year_folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
            make_private(year_folder.parent)
            make_private(year_folder)
            made.add(year_folder)
        # A new file only: a name that somehow collided fails the export instead of losing
        # an entry.
        write_new_file(
            year_folder / f"{name}.md", "\n".join(front) + heading + body.rstrip() + "\n"
        )
        if progress is not None and (index % 200 == 0 or index == total):
            progress(index, total + 1)
    return total


def _write_goals(session: Session, path: Path) -> int:
    goals = session.scalars(select(GoalRow).order_by(GoalRow.position, GoalRow.id)).all()
    milestones: dict[int, list[MilestoneRow]] = defaultdict(list)
    for milestone in session.scalars(select(MilestoneRow).order_by(MilestoneRow.position)):
        milestones[milestone.goal_id].append(milestone)
    steps: dict[int, list[StepRow]] = defaultdict(list)
    for step in session.scalars(select(StepRow).order_by(StepRow.position)):
        steps[step.milestone_id].append(step)
    resources: dict[int, list[ResourceRow]] = defaultdict(list)
    for resource in session.scalars(select(ResourceRow).order_by(ResourceRow.position)):
        resources[resource.goal_id].append(resource)
    changes: dict[int, list[GoalChangeRow]] = defaultdict(list)
    for change in session.scalars(select(GoalChangeRow).order_by(GoalChangeRow.changed_at)):
        changes[change.goal_id].append(change)
    out = ["# Goals", ""]
    for goal in goals:
        out += [f"## {goal.title}", ""]
        dates = " → ".join(str(d) for d in (goal.start_date, goal.target_date) if d)
        out.append(f"*{goal.kind.title()} goal, {goal.status}*" + (f" · {dates}" if dates else ""))
        out.append("")
        if goal.why:
            out += [f"**Why:** {goal.why}", ""]
        if goal.success_measure:
            out += [f"**Success looks like:** {goal.success_measure}", ""]
        if milestones[goal.id]:
            out += ["### Milestones", ""]
            for milestone in milestones[goal.id]:
                mark = "x" if milestone.done_date else " "
                due = f" (due {milestone.due_date})" if milestone.due_date else ""
                done = f", done {milestone.done_date}" if milestone.done_date else ""
                out.append(f"- [{mark}] {milestone.title}{due}{done}")
                out += [f"  - [{'x' if s.done else ' '}] {s.title}" for s in steps[milestone.id]]
            out.append("")
        if resources[goal.id]:
            out += ["### Resources", ""]
            for resource in resources[goal.id]:
                where = f" — {resource.location}" if resource.location else ""
                out.append(f"- {resource.title} ({resource.kind}, {resource.status}){where}")
            out.append("")
        if changes[goal.id]:
            out += ["### Recalibrations", ""]
            for change in changes[goal.id]:
                why = f": {change.reason}" if change.reason else ""
                out.append(
                    f"- {change.changed_at:%Y-%m-%d} {change.subject} moved from "
                    f"{change.old_value} to {change.new_value}{why}"
                )
            out.append("")
    write_new_file(path, "\n".join(out).rstrip() + "\n")
    return len(goals)


def _children_of_sessions(table_names: set[str]) -> list[Table]:
    """Tables with a foreign key to session.id (agenda, actions, feedback, and later ones)."""
    children = []
    for table in Base.metadata.sorted_tables:
        if table.name in table_names and any(
            fk.column.table.name == "session" for fk in table.foreign_keys
        ):
            children.append(table)
    return children


def _describe_row(table: Table, row: Any) -> str:
    parts = []
    for column in table.columns:
        if column.name in _SESSION_CHILD_SKIP or column.name.endswith("_id"):
            continue
        value = getattr(row, column.name)
        if value in (None, "", False):
            continue
        if value is True:
            parts.append(column.name.replace("_", " "))
        elif column.name in {"text", "situation"}:
            parts.insert(0, str(value))
        else:
            parts.append(f"{column.name.replace('_', ' ')}: {value}")
    return " · ".join(parts)


def _write_sessions(session: Session, path: Path, table_names: set[str]) -> int:
    sessions = Base.metadata.tables["session"]
    rows = session.execute(select(sessions).order_by(sessions.c.start)).all()
    children = _children_of_sessions(table_names)
    by_session: dict[str, dict[int, list[str]]] = {}
    for child in children:
        column = next(fk.parent for fk in child.foreign_keys if fk.column.table.name == "session")
        grouped: dict[int, list[str]] = defaultdict(list)
        order = [c for c in (child.c.get("position"), child.c.get("id")) if c is not None]
        for row in session.execute(select(child).order_by(*order)):
            key = getattr(row, column.name)
            if key is not None:
                grouped[key].append(_describe_row(child, row))
        by_session[child.name] = grouped
    out = ["# Sessions", ""]
    for row in rows:
        out += [f"## {row.start:%Y-%m-%d %H:%M} — {row.label} ({row.status})", ""]
        for field in ("personal_update", "notes", "takeaways"):
            value = getattr(row, field, "")
            if value:
                out += [f"**{field.replace('_', ' ').capitalize()}:**", "", value.rstrip(), ""]
        for child in children:
            items = by_session[child.name].get(row.id)
            if items:
                heading = _CHILD_HEADINGS.get(child.name, child.name.replace("_", " ").capitalize())
                out += [f"### {heading}", ""]
                out += [f"- {item}" for item in items]
                out.append("")
    write_new_file(path, "\n".join(out).rstrip() + "\n")
    return len(rows)
