"""The `mentor-desktop` command: no subcommand opens the window; subcommands work headless."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from mentor_desktop import APP_NAME, __version__
from mentor_desktop.cli_common import opened, positive_int
from mentor_desktop.cli_secrets import add_passphrase_option
from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.paths import DB_ENV_VAR, resolve_db_path, settings_file

Handler = Callable[[argparse.Namespace], int]


# ---------------------------------------------------------------- demo


def _cmd_demo(args: argparse.Namespace) -> int:
    from mentor_desktop.demo import DemoOptions, write_demo

    with opened(args) as (engine, _services):
        summary = write_demo(engine, DemoOptions(years=args.years, seed=args.seed), args.force)
    print(f"Wrote a {args.years}-year demo mentorship to {resolve_db_path(args.db)}: {summary}")
    return 0


def _add_demo(commands: argparse._SubParsersAction) -> None:
    demo = commands.add_parser(
        "demo",
        help="fill an empty database with a realistic sample mentorship",
        description="Fill an empty database with a realistic sample mentorship.",
    )
    demo.add_argument("--years", type=positive_int, default=2, help="years of history (2)")
    demo.add_argument("--seed", type=int, default=7, help="random seed (same seed, same data)")
    demo.add_argument(
        "--force", action="store_true", help="write even if the database already has data"
    )
    demo.set_defaults(handler=_cmd_demo)


def _subcommands() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Each adds its subcommands. Imported only when a command (or --help) is asked for, so
    opening the window does not pay for them."""
    from mentor_desktop.cli_growth import add_growth_commands
    from mentor_desktop.cli_journal import add_journal_commands
    from mentor_desktop.cli_portability import add_backup_commands, add_portability_commands
    from mentor_desktop.cli_privacy import add_privacy_commands
    from mentor_desktop.cli_sessions import add_session_commands
    from mentor_desktop.cli_timeline import add_timeline_commands

    return [
        _add_demo,
        add_journal_commands,
        add_backup_commands,
        add_portability_commands,
        add_session_commands,
        add_timeline_commands,
        add_privacy_commands,
        add_growth_commands,
    ]


#: Commands that write a document with charts: their chart helper (charts/helper_process.py)
#: is forked before anything else is loaded, so it imports Matplotlib that much sooner.
DRAWING_COMMANDS = frozenset({"brief", "report"})
#: Commands that only read the database. Its integrity check starts on a second thread
#: before their modules load, as the window's does. (Every other command starts it in
#: `cli_common.opened`, after `brief` and `report` have forked their chart helper.)
READING_COMMANDS = frozenset(
    {"search", "sessions", "practice", "skills", "opportunities", "export"}
)


def _named_command(argv: Sequence[str]) -> tuple[str | None, str | None]:
    """The command `argv` names ("-h" or "--help" when it asks for help; None when it opens
    the window), and the value it gives `--db`, read before the parser is built."""
    option = None
    db = None
    for token in argv:
        if option is not None:
            db = token if option == "--db" else db
            option = None
        elif token in ("--db", "--passphrase-file"):
            option = token
        elif token.startswith("--db="):
            db = token.partition("=")[2]
        elif token in ("-h", "--help") or not token.startswith("-"):
            return token, db
    return None, db


def _asks_for_command(argv: Sequence[str]) -> bool:
    """True when `argv` names a command or asks for help (anything but opening the window)."""
    return _named_command(argv)[0] is not None


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mentor-desktop",
        description=f"{APP_NAME}: run your own mentorship. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"database file to open (default: ${DB_ENV_VAR}, else the user data folder)",
    )
    add_passphrase_option(parser)
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    if with_commands:
        commands = parser.add_subparsers(title="commands", metavar="COMMAND")
        for add in _subcommands():
            add(commands)
    return parser


def _leave_at_once(code: int) -> NoReturn:
    """End the process now. A document command's work is done and on disk by then (the PDF
    written and synced, the database closed, the chart helper gone), and tearing Qt,
    Matplotlib and SQLAlchemy down object by object would take about a quarter of a second
    and change nothing."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv` (the process's own arguments when None: then a document
    command ends the process itself once its work is done, see `_leave_at_once`)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    command, db = _named_command(arguments)
    if command in DRAWING_COMMANDS and not {"-h", "--help"} & set(arguments):
        from mentor_desktop.charts.helper_process import ChartProcess
        from mentor_desktop.reports import chart_images

        ChartProcess.start_early(
            prepare=chart_images.import_brief_chart_modules
            if command == "brief"
            else chart_images.import_review_chart_modules
        )
    elif command in READING_COMMANDS:
        from mentor_desktop.app import begin_start_checks

        begin_start_checks(resolve_db_path(db))
    args = build_parser(command is not None).parse_args(arguments)
    handler: Handler | None = getattr(args, "handler", None)
    try:
        if handler is None:
            from mentor_desktop.app import begin_start_checks, run_gui
            from mentor_desktop.cli_secrets import unlock_if_given

            db_path = resolve_db_path(args.db)
            unlock_if_given(args, db_path)
            begin_start_checks(db_path)
            return run_gui(db_path, settings_file(), args.quit_after_show, own_process=argv is None)
        code = handler(args)
        if argv is None and command in DRAWING_COMMANDS:
            _leave_at_once(code)
        return code
    except MentorDesktopError as exc:
        print(f"mentor-desktop: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the command reads or writes: one line, never a traceback
        from mentor_desktop.services.database_file import describe_os_error

        where = f"{exc.filename}: " if exc.filename else ""
        print(f"mentor-desktop: {where}{describe_os_error(exc)}.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
