"""A Dialogs stand-in whose answers a test queues up front, and which records every question."""

from __future__ import annotations

from collections import deque
from pathlib import Path

from mentor_desktop.ui.dialogs import Dialogs


class ScriptedDialogs(Dialogs):
    """Answers `confirm` and `ask_text` from queues; records errors and infos shown."""

    def __init__(self, settings=None) -> None:
        super().__init__(settings)
        self.confirm_answers: deque[bool] = deque()
        self.text_answers: deque[str | None] = deque()
        self.choice_answers: deque[str] = deque()
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.infos: list[str] = []
        #: Answers to `ask_save_path` (None: cancelled), and (title, kind, name) of each ask.
        self.save_answers: deque[Path | None] = deque()
        self.save_requests: list[tuple[str, str, str]] = []

    def confirm(  # type: ignore[override]
        self, parent, title: str, text: str, action: str = "OK", cancel: str = "Cancel"
    ) -> bool:
        self.asked.append(text)
        if not self.confirm_answers:
            raise AssertionError(f"unexpected confirmation asked: {text}")
        return self.confirm_answers.popleft()

    def ask_text(self, parent, title: str, label: str, default: str = "") -> str | None:  # type: ignore[override]
        self.asked.append(label)
        if not self.text_answers:
            raise AssertionError(f"unexpected question asked: {label}")
        return self.text_answers.popleft()

    def choose(self, parent, title: str, text: str, choices, default: str) -> str:  # type: ignore[override]
        self.asked.append(text)
        if not self.choice_answers:
            raise AssertionError(f"unexpected choice asked: {text}")
        answer = self.choice_answers.popleft()
        assert answer in {key for key, _label in choices}, answer
        return answer

    def error(self, parent, title: str, text: str) -> None:  # type: ignore[override]
        self.errors.append(text)

    def info(self, parent, title: str, text: str) -> None:  # type: ignore[override]
        self.infos.append(text)

    def about(self, parent, title: str, text: str) -> None:  # type: ignore[override]
        self.infos.append(text)

    def ask_save_path(  # type: ignore[override]
        self, parent, title: str, kind: str, suggested_name: str, filters: str = ""
    ) -> Path | None:
        self.asked.append(title)
        self.save_requests.append((title, kind, suggested_name))
        if not self.save_answers:
            raise AssertionError(f"unexpected save dialog: {title}")
        answer = self.save_answers.popleft()
        if answer is not None:
            self.remember_folder(kind, answer.parent)
        return answer
