"""Exports: the whole database as one JSON document, or as a Markdown folder to read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from mentor_desktop.domain.errors import FileWriteError, MentorDesktopError
from mentor_desktop.services.portability.json_format import new_document, write_document
from mentor_desktop.services.portability.results import ExportSummary, Progress, report
from mentor_desktop.storage.files import describe_os_error, make_private, sync_folder
from mentor_desktop.storage.repositories.portability import PortabilityRepository
from mentor_desktop.storage.uow import UnitOfWorkFactory


class Exports:
    """The export half of PortabilityService; nothing here changes the database."""

    _uow: UnitOfWorkFactory

    def export_json(self, target: Path, progress: Progress | None = None) -> ExportSummary:
        """Write every table as one JSON document (written aside, then renamed into place)."""
        with self._uow() as uow:
            repo = PortabilityRepository(uow.session)
            tables = repo.tables()
            document = new_document(repo.schema_revision())
            counts = {}
            for index, table in enumerate(tables):
                rows = repo.encoded_rows(table.name)
                tables_out: dict[str, Any] = document["tables"]
                tables_out[table.name] = {"columns": list(table.columns), "rows": rows}
                counts[table.name] = len(rows)
                report(progress, index + 1, len(tables) + 1)
        write_document(target, json.dumps(document, ensure_ascii=False, indent=1))
        report(progress, len(tables) + 1, len(tables) + 1)
        return ExportSummary(target, counts)

    def export_markdown(self, folder: Path, progress: Progress | None = None) -> ExportSummary:
        """A folder a person can read without the app: journal/ (one file per entry with YAML
        front matter), goals.md, growth.md and, when there are sessions, sessions.md."""
        from mentor_desktop.services.growth.markdown import growth_export
        from mentor_desktop.services.portability import markdown

        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise MentorDesktopError(
                f"Cannot export to {folder}: choose a new or empty folder "
                "(nothing in an existing folder is overwritten)."
            )
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        try:
            with self._uow() as uow:
                repo = PortabilityRepository(uow.session)
                growth = growth_export(uow) if repo.has_growth_tables() else None
                counts = markdown.write_folder(repo, partial, progress, growth)
            sync_folder(partial)
            if folder.exists():
                folder.rmdir()
            os.replace(partial, folder)
            make_private(folder)
        except OSError as exc:
            shutil.rmtree(partial, ignore_errors=True)
            reason = exc.reason if isinstance(exc, FileWriteError) else describe_os_error(exc)
            raise FileWriteError(folder, f"{reason.rstrip('.')}. Nothing was written.") from exc
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        return ExportSummary(folder, counts)

    def has_user_data(self) -> bool:
        with self._uow() as uow:
            return PortabilityRepository(uow.session).has_user_data()

    def table_counts(self) -> dict[str, int]:
        """Rows per table (for checks and summaries)."""
        with self._uow() as uow:
            return PortabilityRepository(uow.session).table_counts()
