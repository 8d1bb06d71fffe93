"""`mentor-desktop practice`, `skills` and `opportunities`: read-only listings of the growth loop.

Only argparse and the standard library are imported here; the services are imported when a
command runs, and nothing imports Qt. `--json` prints the same rows for scripts.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from mentor_desktop.cli_common import read_quickly

Row = dict[str, Any]


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _print(rows: list[Row], as_json: bool, line: Callable[[Row], str], empty: str) -> int:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print(empty)
    else:
        for row in rows:
            print(line(row))
    return 0


# ---------------------------------------------------------------- practice


def _cmd_practice(args: argparse.Namespace) -> int:
    from mentor_desktop.services.quick_reads import practice_list

    items, names = read_quickly(
        args,
        practice_list,
        lambda services: (
            services.growth.practice.list_practice(),
            dict(services.growth.choices()["skills"]),
        ),
    )
    if args.status:
        items = [p for p in items if p.status.value == args.status]
    rows = [
        {
            "id": p.id, "title": p.title, "kind": p.kind.value, "origin": p.origin.value,
            "status": p.status.value, "start": _day(p.start_date), "due": _day(p.due_date),
            "finished": _day(p.finished_on), "hypothesis": p.hypothesis,
            "metric": p.metric_summary() or None,
            "measurements": [{"day": m.measured_on.isoformat(), "value": m.value, "note": m.note}
                             for m in p.measurements],
            "skills": [names.get(s, str(s)) for s in p.skill_ids],
            "debrief": {"what_happened": p.debrief.what_happened, "lessons": p.debrief.lessons,
                        "gaps_found": p.debrief.gaps_found, "next_step": p.debrief.next_step},
            "needs_debrief": p.needs_debrief,
        }
        for p in items
    ]  # fmt: skip

    def line(r: Row) -> str:
        due = r["due"] or "no due date"
        flag = "  (debrief?)" if r["needs_debrief"] else ""
        metric = f"  · {r['metric']}" if r["metric"] else ""
        return f"{r['id']:>5}  {r['status']:<8} {due:<11} {r['title']}{metric}{flag}"

    return _print(rows, args.json, line, "No practice yet.")


# ---------------------------------------------------------------- skills


def _cmd_skills(args: argparse.Namespace) -> int:
    from mentor_desktop.services.quick_reads import skill_list

    skills = read_quickly(args, skill_list, lambda services: services.growth.skills.list_skills())
    today = date.today()
    rows = [
        {
            "id": s.id, "name": s.name, "area": s.area, "current": s.current_level,
            "target": s.target_level, "gap": s.gap, "since": s.since.isoformat(),
            "gap_last_moved": s.gap_moved_on.isoformat(), "stale": s.is_stale(today),
            "why": s.why,
            "changes": [{"day": c.changed_on.isoformat(), "level": c.field.value,
                         "from": c.old_level, "to": c.new_level, "reason": c.reason}
                        for c in s.changes],
        }
        for s in skills
    ]  # fmt: skip

    def line(r: Row) -> str:
        stale = "  (stale)" if r["stale"] else ""
        return (
            f"{r['id']:>5}  {r['current']} → {r['target']}  gap {r['gap']}  "
            f"{r['name']} ({r['area']}){stale}"
        )

    return _print(rows, args.json, line, "No skills on the map yet.")


# ---------------------------------------------------------------- opportunities


def _cmd_opportunities(args: argparse.Namespace) -> int:
    from mentor_desktop.services.quick_reads import opportunity_list

    items = read_quickly(
        args, opportunity_list, lambda services: services.growth.opportunities.list_opportunities()
    )
    if args.open:
        items = [o for o in items if not o.status.is_closed]
    rows = [
        {
            "id": o.id, "title": o.title, "kind": o.kind.value, "source": o.source.value,
            "status": o.status.value, "deadline": _day(o.deadline), "impact": o.impact,
            "risk": o.risk, "value_pitch": o.value_pitch, "outcome": o.outcome,
            "moves": [{"day": m.moved_on.isoformat(), "to": m.to_status.value, "note": m.note}
                      for m in o.moves],
        }
        for o in items
    ]  # fmt: skip

    def line(r: Row) -> str:
        deadline = r["deadline"] or "no deadline"
        return (
            f"{r['id']:>5}  {r['status']:<9} {deadline:<11} impact {r['impact']} risk "
            f"{r['risk']}  {r['title']}"
        )

    return _print(rows, args.json, line, "No opportunities yet.")


def add_growth_commands(commands: argparse._SubParsersAction) -> None:
    practice = commands.add_parser(
        "practice",
        help="list practice (experiments, assignments, small projects)",
        description="List practice, newest first, with its status, due date and metric.",
    )
    practice.add_argument(
        "--status", choices=["planned", "running", "done", "dropped"], help="only this status"
    )
    practice.add_argument("--json", action="store_true", help="print JSON for scripts")
    practice.set_defaults(handler=_cmd_practice)
    skills = commands.add_parser(
        "skills",
        help="list the skills map, biggest gap first",
        description="List skills with current and target level (1-5), biggest gap first.",
    )
    skills.add_argument("--json", action="store_true", help="print JSON for scripts")
    skills.set_defaults(handler=_cmd_skills)
    opportunities = commands.add_parser(
        "opportunities",
        help="list opportunities, open ones by nearest deadline",
        description="List opportunities: open ones by nearest deadline, then closed ones.",
    )
    opportunities.add_argument("--open", action="store_true", help="only open ones")
    opportunities.add_argument("--json", action="store_true", help="print JSON for scripts")
    opportunities.set_defaults(handler=_cmd_opportunities)
