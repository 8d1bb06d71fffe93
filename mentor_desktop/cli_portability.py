"""Subcommands for data safety and portability: backup, restore, export, import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mentor_desktop.cli_common import opened
from mentor_desktop.paths import data_dir, resolve_db_path

EXPORT_FORMATS = ("json", "markdown")
IMPORT_FORMATS = ("json", "jrnl", "dayone", "rednotebook")


def backup_service(args: argparse.Namespace):
    from mentor_desktop.cli_secrets import unlock_if_encrypted
    from mentor_desktop.services.backups import BackupService

    db_path = resolve_db_path(args.db)
    unlock_if_encrypted(args, db_path)
    return BackupService(db_path, data_dir() / "backups")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{value:,} {name}" for name, value in counts.items()) or "no data"


# ---------------------------------------------------------------- backup / restore


def _cmd_backup(args: argparse.Namespace) -> int:
    from mentor_desktop.services.database_file import refuse_if_not_a_database

    service = backup_service(args)
    if not service.db_path.exists():
        print(
            f"mentor-desktop: there is no database at {service.db_path} to back up.",
            file=sys.stderr,
        )
        return 2
    refuse_if_not_a_database(service.db_path)
    if args.output:
        info = service.backup_to(Path(args.output).expanduser())
    else:
        info = service.backup_now()
    print(f"Backed up {service.db_path} to {info.path} ({_counts(info.counts)}).")
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    service = backup_service(args)
    result = service.restore(Path(args.file).expanduser())
    counts = _counts(result.restored.counts)
    print(f"Restored {result.restored.path} into {service.db_path} ({counts}).")
    if result.kept_aside is not None:
        print(f"The database it replaced was kept as {result.kept_aside}.")
    return 0


def _cmd_backups(args: argparse.Namespace) -> int:
    service = backup_service(args)
    backups = service.list_backups()
    if not backups:
        print(f"No backups yet in {service.backup_dir}.")
    for info in backups:
        state = _counts(info.counts) if info.ok else f"DAMAGED: {info.problem}"
        print(f"{info.made_at:%Y-%m-%d %H:%M}  {info.kind:<15} {info.path}  {state}")
    return 0


def add_backup_commands(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help="back up the database now",
        description="Back up the database now with SQLite's online backup API. Without -o, "
        "the backup joins the automatic rotation in the user data folder.",
    )
    backup.add_argument("-o", "--output", metavar="FILE", help="write the backup to FILE")
    backup.set_defaults(handler=_cmd_backup)

    restore = commands.add_parser(
        "restore",
        help="replace the database with a backup (the current one is kept aside)",
        description="Check FILE, keep the current database aside in the backup folder, and "
        "put FILE in its place.",
    )
    restore.add_argument("file", metavar="FILE", help="a backup made by Mentor Desktop")
    restore.set_defaults(handler=_cmd_restore)

    listing = commands.add_parser(
        "backups", help="list the backups", description="List the backups, newest first."
    )
    listing.set_defaults(handler=_cmd_backups)


# ---------------------------------------------------------------- export / import


def _cmd_export(args: argparse.Namespace) -> int:
    with opened(args) as (_engine, services):
        target = Path(args.output).expanduser()
        from mentor_desktop.cli_privacy import warn_plain_export

        warn_plain_export(resolve_db_path(args.db))
        if args.format == "json":
            summary = services.portability.export_json(target)
        else:
            summary = services.portability.export_markdown(target)
    print(f"Exported {_counts(summary.counts)} to {summary.path}.")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    source = Path(args.path).expanduser()
    if args.format == "json":
        with opened(args) as (_engine, services):
            summary = services.portability.import_json(source)
        print(f"Imported {_counts(summary.counts)} from {source}.")
        return 0
    from mentor_desktop.services.portability import PortabilityService

    parsed = PortabilityService.read_journal(args.format, source)  # before opening the database
    with opened(args) as (_engine, services):
        service = services.portability
        preview = service.preview(parsed)
        span = f"{preview.first_date} to {preview.last_date}" if preview.first_date else "-"
        print(f"{source}: {preview.entries_found:,} entries from {span}")
        print(f"  new: {preview.new_entries:,}, already in the journal: {preview.duplicates:,}")
        print(f"  tags: {', '.join(preview.tags) or '-'}")
        for problem in preview.problems:
            print(f"  note: {problem}")
        if args.dry_run:
            print("Dry run: nothing was imported.")
            return 0
        result = service.import_journal(parsed)
    print(
        f"Imported {result.imported:,} entries ({result.duplicates:,} already there, "
        f"{result.tags_created:,} new tags)."
    )
    return 0


def add_portability_commands(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser(
        "export",
        help="export everything as JSON or as a folder of Markdown files",
        description="Export everything: --format json writes one JSON document (every "
        "table, with a format version); --format markdown writes a folder a person can "
        "read without the app.",
    )
    export.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    export.add_argument(
        "-o", "--output", metavar="PATH", required=True, help="the JSON file or new folder"
    )
    export.set_defaults(handler=_cmd_export)

    importer = commands.add_parser(
        "import",
        help="import a JSON export or another journal app's files",
        description="Import a Mentor Desktop JSON export into an empty database, or the "
        "entries of another journal app (jrnl, Day One, RedNotebook). Entries already in "
        "the journal are skipped, so importing twice adds nothing.",
    )
    importer.add_argument("--format", choices=IMPORT_FORMATS, required=True)
    importer.add_argument("path", metavar="PATH", help="file or folder to import")
    importer.add_argument(
        "--dry-run", action="store_true", help="show what would be imported, change nothing"
    )
    importer.set_defaults(handler=_cmd_import)
