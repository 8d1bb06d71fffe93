"""Journal subcommands: `search QUERY` and `journal add` (the body is read from stdin)."""

from __future__ import annotations

import argparse
import sys

from mentor_desktop.cli_common import opened, positive_int, read_quickly
from mentor_desktop.domain.journal import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    EntryDraft,
    EntryKind,
    parse_entry_date,
    parse_kind,
)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cmd_search(args: argparse.Namespace) -> int:
    from mentor_desktop.services.quick_reads import search_journal

    text = " ".join(args.query)
    hits = read_quickly(
        args,
        lambda db_path: search_journal(db_path, text, args.limit),
        lambda services: services.journal.search(text, limit=args.limit),
    )
    bold, plain = ("\x1b[1m", "\x1b[0m") if sys.stdout.isatty() else ("[", "]")
    for hit in hits:
        snippet = (
            _one_line(hit.snippet).replace(HIGHLIGHT_START, bold).replace(HIGHLIGHT_END, plain)
        )
        print(f"{hit.entry_date.isoformat()}  {hit.display_title}  —  {snippet}")
    return 0


def _cmd_journal_add(args: argparse.Namespace) -> int:
    entry_date = parse_entry_date(args.date) if args.date else None
    kind = parse_kind(args.kind) if args.kind else EntryKind.REFLECTION
    if sys.stdin.isatty():
        print("Write the entry, then press Ctrl+D on a new line to save it.", file=sys.stderr)
    body = sys.stdin.read()
    with opened(args) as (_engine, services):
        journal = services.journal
        draft = EntryDraft(
            entry_date=entry_date or journal.today(),
            title=args.title,
            body=body,
            kind=kind,
            flagged=args.flag,
            tags=tuple(args.tag or ()),
        )
        entry = journal.create_entry(draft)
    tags = f" [{', '.join(entry.tags)}]" if entry.tags else ""
    print(
        f"Added journal entry #{entry.id} on {entry.entry_date.isoformat()}: "
        f"{entry.title or '(untitled)'} ({entry.kind.label}){tags}"
    )
    return 0


def add_journal_commands(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser(
        "search",
        help="search the journal (titles, text and tags), best matches first",
        description=(
            'Search the journal. Words must all match; use "exact phrases", prefix* '
            "and -word to exclude. Prints one line per match: date, title, passage."
        ),
    )
    search.add_argument("query", nargs="+", help="what to look for")
    search.add_argument("--limit", type=positive_int, default=20, help="most matches to print (20)")
    search.set_defaults(handler=_cmd_search)

    journal = commands.add_parser(
        "journal", help="work with the learning journal", description="The learning journal."
    )
    actions = journal.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add",
        help="add an entry; the text is read from standard input",
        description="Add a journal entry. The Markdown text is read from standard input.",
    )
    add.add_argument("--title", required=True, help="the entry's title")
    add.add_argument(
        "--kind",
        help=f"one of {', '.join(k.value for k in EntryKind)} (reflection)",
    )
    add.add_argument("--tag", action="append", metavar="TAG", help="a tag (repeat for several)")
    add.add_argument("--date", metavar="YYYY-MM-DD", help="the entry's date (today)")
    add.add_argument("--flag", action="store_true", help="raise it at the next session")
    add.set_defaults(handler=_cmd_journal_add)
