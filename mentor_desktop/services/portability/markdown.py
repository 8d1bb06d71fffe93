"""The Markdown export: a folder a person can read without the app.

journal/YYYY/YYYY-MM-DD-title.md  one file per entry, YAML front matter (date, title, kind,
                                  mood, flagged, tags, goals, milestones), then the body
goals.md                          goals with milestones, steps, resources and recalibrations
sessions.md                       sessions with their agenda, actions and feedback (only when
                                  the database has sessions tables)
growth.md                         practice, the skills map and opportunities

Front-matter strings are written as JSON strings, which are valid YAML double-quoted scalars.
Entry file names are unique even where the file system ignores case (Windows, macOS), and a
file is never written over: two entries can never end up in one file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from itertools import count
from pathlib import Path

from mentor_desktop.storage.files import FOLDER_MODE, make_private, write_new_file
from mentor_desktop.storage.repositories.portability import PortabilityRepository, SessionOutline

Progress = Callable[[int, int], None]
_SLUG = re.compile(r"[^\w]+")
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


def write_folder(
    repo: PortabilityRepository,
    folder: Path,
    progress: Progress | None,
    growth: tuple[str, int] | None = None,
) -> dict[str, int]:
    """Write the export into the new `folder`; returns what was written, by kind.

    `growth` is growth.md's text and how many items it holds (None: no growth tables).
    """
    folder.mkdir(parents=True, mode=FOLDER_MODE)
    make_private(folder)
    counts = {"entries": _write_journal(repo, folder / "journal", progress)}
    counts["goals"] = _write_goals(repo, folder / "goals.md")
    outlines = repo.session_outlines()
    if outlines is not None:
        counts["sessions"] = _write_sessions(outlines, folder / "sessions.md")
    if growth is not None:
        text, items = growth
        write_new_file(folder / "growth.md", text)
        counts["growth items"] = items
    return counts


def _write_journal(repo: PortabilityRepository, folder: Path, progress: Progress | None) -> int:
    entries = repo.exported_entries()
    used: set[str] = set()
    made: set[Path] = set()
    total = len(entries)
    for index, entry in enumerate(entries, start=1):
        day, title = entry.entry_date, entry.title
        year_folder = folder / f"{day.year}"
        name = _unused_name(day, title, entry.id, used)
        front = [
            "---",
            f"date: {day.isoformat()}",
            f"title: {_q(title)}",
            f"kind: {entry.kind}",
            f"mood: {entry.mood if entry.mood is not None else 'null'}",
            f"flagged: {'true' if entry.flagged else 'false'}",
            f"tags: [{', '.join(_q(n) for n in entry.tags)}]",
            f"goals: [{', '.join(_q(n) for n in entry.goals)}]",
            f"milestones: [{', '.join(_q(n) for n in entry.milestones)}]",
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
            year_folder / f"{name}.md", "\n".join(front) + heading + entry.body.rstrip() + "\n"
        )
        if progress is not None and (index % 200 == 0 or index == total):
            progress(index, total + 1)
    return total


def _write_goals(repo: PortabilityRepository, path: Path) -> int:
    goals = repo.exported_goals()
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
        if goal.milestones:
            out += ["### Milestones", ""]
            for milestone in goal.milestones:
                mark = "x" if milestone.done_date else " "
                due = f" (due {milestone.due_date})" if milestone.due_date else ""
                done = f", done {milestone.done_date}" if milestone.done_date else ""
                out.append(f"- [{mark}] {milestone.title}{due}{done}")
                out += [f"  - [{'x' if s.done else ' '}] {s.title}" for s in milestone.steps]
            out.append("")
        if goal.resources:
            out += ["### Resources", ""]
            for resource in goal.resources:
                where = f" — {resource.location}" if resource.location else ""
                out.append(f"- {resource.title} ({resource.kind}, {resource.status}){where}")
            out.append("")
        if goal.changes:
            out += ["### Recalibrations", ""]
            for change in goal.changes:
                why = f": {change.reason}" if change.reason else ""
                out.append(
                    f"- {change.changed_at:%Y-%m-%d} {change.subject} moved from "
                    f"{change.old_value} to {change.new_value}{why}"
                )
            out.append("")
    write_new_file(path, "\n".join(out).rstrip() + "\n")
    return len(goals)


def _write_sessions(outlines: list[SessionOutline], path: Path) -> int:
    out = ["# Sessions", ""]
    for outline in outlines:
        out += [f"## {outline.start:%Y-%m-%d %H:%M} — {outline.label} ({outline.status})", ""]
        for field, value in outline.texts:
            out += [f"**{field.replace('_', ' ').capitalize()}:**", "", value.rstrip(), ""]
        for child, items in outline.sections:
            heading = _CHILD_HEADINGS.get(child, child.replace("_", " ").capitalize())
            out += [f"### {heading}", ""]
            out += [f"- {item}" for item in items]
            out.append("")
    write_new_file(path, "\n".join(out).rstrip() + "\n")
    return len(outlines)
