"""Export everything (JSON, Markdown) and import it back or from other journal apps.

`PortabilityService` joins the two halves: `exports` (JSON document, Markdown folder) and
`imports` (a full JSON export, other apps' journals); `json_format` is the JSON layout and its
checks, `markdown` the folder layout, `results` what the operations answer.
"""

from __future__ import annotations

from mentor_desktop.services.portability.exports import Exports
from mentor_desktop.services.portability.imports import Imports
from mentor_desktop.services.portability.json_format import FORMAT_NAME, FORMAT_VERSION
from mentor_desktop.services.portability.results import (
    ExportSummary,
    ImportPreview,
    ImportResult,
    PreviewRow,
    Progress,
)
from mentor_desktop.storage.uow import UnitOfWorkFactory

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "ExportSummary",
    "ImportPreview",
    "ImportResult",
    "PortabilityService",
    "PreviewRow",
    "Progress",
]


class PortabilityService(Exports, Imports):
    """Whole-database export and import, and imports from other journal apps."""

    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory
