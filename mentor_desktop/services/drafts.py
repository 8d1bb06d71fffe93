"""Drafts of long text typed in a dialog, kept on disk until the dialog is done with them.

A dialog's text is not in the database until its OK succeeds; if the app is killed first,
the draft (one small JSON file per dialog, 0600, in the data folder's `drafts` folder,
written whole by the one file writer) is still there, and the dialog offers it back the
next time it opens. OK or Cancel removes it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from mentor_desktop.storage.files import private_folder, write_text


class DraftStore:
    """Drafts by key (a dialog and the record it edits) in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{digest}.json"

    def save(self, key: str, fields: dict[str, str]) -> None:
        """Keep `fields` (field name -> text) as the draft for `key`; raises FileWriteError."""
        private_folder(self.folder)
        write_text(self._path(key), json.dumps({"key": key, "fields": fields}, ensure_ascii=False))

    def load(self, key: str) -> dict[str, str] | None:
        """The draft kept for `key` (None when there is none or it cannot be read)."""
        try:
            document = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        fields = document.get("fields") if isinstance(document, dict) else None
        if document.get("key") != key or not isinstance(fields, dict):
            return None
        return {str(name): str(text) for name, text in fields.items()}

    def discard(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)
