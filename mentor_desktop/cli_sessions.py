"""`mentor-desktop brief` and `mentor-desktop sessions`: the brief PDF and the calendar export."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import TYPE_CHECKING

from mentor_desktop.cli_common import (
    opened,
    output_path,
    positive_int,
    read_and_draw,
    read_quickly,
    whole_number_between,
    written_pages,
)
from mentor_desktop.domain.errors import MentorDesktopError

if TYPE_CHECKING:
    from pathlib import Path

    from mentor_desktop.app import Services
    from mentor_desktop.domain.sessions import BriefData
    from mentor_desktop.services.quick_reads import AgreementSessions

#: What `brief` says when it is not given a session and none is coming.
NO_UPCOMING_SESSION = (
    "There is no upcoming session: add a cadence to an active agreement or plan a session "
    "first (or pass --session ID)."
)

#: The furthest ahead `sessions --days` lists: ten years.
MAX_DAYS = 3660

# ---------------------------------------------------------------- brief


def _cmd_brief(args: argparse.Namespace) -> int:
    from mentor_desktop.reports.chart_images import brief_image_jobs

    output = output_path(args.output, (".pdf",), "the brief")

    def read(services: Services) -> BriefData:
        sessions = services.sessions
        if args.session is not None:
            return sessions.brief_data(sessions.session(args.session))
        session = sessions.next_session()
        if session is None:
            raise MentorDesktopError(NO_UPCOMING_SESSION)
        return sessions.brief_data(session)

    def quick(db_path: Path) -> BriefData:
        from mentor_desktop.services.quick_reads import brief_data

        now = datetime.now()
        data = brief_data(db_path, args.session, now.date(), now)
        if data is None:
            raise MentorDesktopError(NO_UPCOMING_SESSION)
        return data

    with read_and_draw(args, read, brief_image_jobs, quick=quick) as (data, images):
        from mentor_desktop.reports.brief import write_brief

        pages = written_pages(args, output, lambda paper: write_brief(data, output, paper, images))
    plural = "s" if pages != 1 else ""
    from mentor_desktop.domain.dates import date_time_text

    when = date_time_text(data.session.start)
    print(f"Wrote the brief for {when} ({pages} page{plural}) to {output}")
    return 0


def _add_brief(commands: argparse._SubParsersAction) -> None:
    brief = commands.add_parser(
        "brief",
        help="write the printable one-page brief for a session as PDF",
        description="Write the printable brief for a session (the next one by default) as PDF.",
    )
    which = brief.add_mutually_exclusive_group()
    which.add_argument("--session", type=int, metavar="ID", help="the session with this id")
    which.add_argument("--next", action="store_true", help="the next session (the default)")
    brief.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="PDF to write")
    brief.add_argument(
        "--page-size",
        choices=["a4", "letter"],
        help="paper size (default: from your locale)",
    )
    brief.set_defaults(handler=_cmd_brief)


# ---------------------------------------------------------------- sessions


def _write_calendar(args: argparse.Namespace) -> int:
    if not args.output:
        raise MentorDesktopError("--ics needs -o FILE.ics (or -o - for standard output).")
    from mentor_desktop.reports.calendar import sessions_calendar

    with opened(args) as (_engine, services):
        calendar = services.sessions.calendar_data(args.mentorship)
    data = sessions_calendar(calendar, datetime.now().replace(second=0, microsecond=0))
    if args.output == "-":
        sys.stdout.buffer.write(data)
    else:
        from mentor_desktop.reports.calendar import write_calendar

        path = write_calendar(output_path(args.output, (".ics",), "the calendar"), data)
        print(f"Wrote upcoming sessions to {path}")
    return 0


def _session_lists(args: argparse.Namespace) -> list[AgreementSessions]:
    from mentor_desktop.services.quick_reads import AgreementSessions, session_lists

    def full(services: Services) -> list[AgreementSessions]:
        sessions = services.sessions
        if args.mentorship is not None:
            agreements = [sessions.agreement(args.mentorship)]
        else:
            agreements = [a for a in sessions.list_agreements() if a.mentorship.active]
        return [
            AgreementSessions(a, sessions.list_sessions(a.id, upcoming_days=args.days))
            for a in agreements
        ]

    def quick(db_path: Path) -> list[AgreementSessions]:
        return session_lists(db_path, args.mentorship, datetime.now(), args.days)

    return read_quickly(args, quick, full)


def _cmd_sessions(args: argparse.Namespace) -> int:
    if args.ics:
        return _write_calendar(args)
    lists = _session_lists(args)
    if not lists:
        print("No active agreement yet.")
        return 0
    now = datetime.now()
    for listed in lists:
        agreement = listed.agreement
        print(f"# {agreement.mentor.name} (agreement {agreement.id})")
        past = [s for s in listed.sessions if s.start < now][-5:]
        upcoming = [s for s in listed.sessions if s.start >= now][: args.limit]
        for session in past + upcoming:
            sid = str(session.id) if session.id is not None else "-"
            print(
                f"{sid:>5}  {session.start:%Y-%m-%d %H:%M}  {session.duration_minutes:>3} min  "
                f"{session.status.label:<9}  {session.label}  ({session.agenda_count} items)"
            )
    return 0


def _add_sessions(commands: argparse._SubParsersAction) -> None:
    sessions = commands.add_parser(
        "sessions",
        help="list sessions, or export upcoming ones to a calendar file (--ics)",
        description="List recent and upcoming sessions, or export the upcoming ones as .ics.",
    )
    sessions.add_argument("--ics", action="store_true", help="write an iCalendar file")
    sessions.add_argument("-o", "--output", metavar="FILE.ics", help="file to write (- for stdout)")
    sessions.add_argument("--mentorship", type=int, metavar="ID", help="only this agreement")
    sessions.add_argument(
        "--days",
        type=whole_number_between(1, MAX_DAYS),
        default=90,
        help=f"days ahead to list, 1 to {MAX_DAYS} (90)",
    )
    sessions.add_argument(
        "--limit", type=positive_int, default=20, help="upcoming sessions to list (20)"
    )
    sessions.set_defaults(handler=_cmd_sessions)


def add_session_commands(commands: argparse._SubParsersAction) -> None:
    _add_brief(commands)
    _add_sessions(commands)
