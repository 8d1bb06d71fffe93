"""Help > User guide: the README's sections for people using the app, rendered as Markdown."""

from __future__ import annotations

import email.message
import importlib.metadata
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

#: Sections of the README that are for developers, not for people using the app.
_LEFT_OUT = ("development",)
_README = Path(__file__).parents[3] / "README.md"


def guide_text() -> str:
    """The README: the copy beside the source when there is one, else the one installed."""
    try:
        return _README.read_text(encoding="utf-8")
    except OSError:
        try:
            meta = importlib.metadata.metadata("mentor-desktop")
        except importlib.metadata.PackageNotFoundError:
            return ""
        # the metadata is an email message; its body is the README
        payload = meta.get_payload() if isinstance(meta, email.message.Message) else None
        return str(payload or "")


def guide_sections(text: str) -> list[tuple[str, str]]:
    """(title, Markdown) for each `## ` section, the introduction first as “Introduction”."""
    sections: list[tuple[str, list[str]]] = [("Introduction", [])]
    fenced = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            sections.append((line[3:].strip(), [line]))
        elif not (not fenced and line.startswith("# ") and len(sections) == 1):
            sections[-1][1].append(line)
    return [
        (title, "\n".join(lines).strip())
        for title, lines in sections
        if title.lower() not in _LEFT_OUT and "\n".join(lines).strip()
    ]


class UserGuideDialog(QDialog):
    """Sections on the left, the chosen one rendered on the right.

    Signals: those of QDialog.
    """

    def __init__(self, parent: QWidget | None = None, text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("User guide")
        self.setObjectName("user_guide")
        self.sections = guide_sections(guide_text() if text is None else text)
        self.contents = QListWidget(self)
        self.contents.setObjectName("guide_contents")
        self.contents.setAccessibleName("Sections of the guide")
        self.page = QTextBrowser(self)
        self.page.setObjectName("guide_page")
        self.page.setAccessibleName("Guide text")
        self.page.setOpenExternalLinks(False)
        for title, _body in self.sections:
            self.contents.addItem(title)
        self.contents.currentRowChanged.connect(self.show_section)
        split = QSplitter(self)
        split.addWidget(self.contents)
        split.addWidget(self.page)
        split.setStretchFactor(1, 3)
        split.setSizes([200, 600])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        available = self.screen().availableGeometry().size()
        self.resize(min(900, available.width() - 40), min(640, available.height() - 80))
        if self.sections:
            self.contents.setCurrentRow(0)
        else:
            self.page.setPlainText("The guide is not installed with this copy of the app.")

    def show_section(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.page.setMarkdown(self.sections[row][1])
