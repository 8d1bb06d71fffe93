"""The one way the UI tells the person that something could not be done.

Services raise MentorDesktopError for anything the person should hear about: bad input
(ValidationError), a record gone (NotFoundError), or the database unusable for a reason
outside the app (StorageFailedError and its kinds: busy, read-only, disk full, I/O error,
damaged; sorted once by the unit of work). `describe` puts any of them into words with what
the person can do; `ErrorReporter` shows them through `Dialogs` (so tests can read them) and
guards Qt slots, so none of these ever escapes a slot:

    self.errors = ErrorReporter(dialogs, self)
    button.clicked.connect(self.errors.guard("Could not add the goal", self._add_goal))

    @reports_errors("Could not save the step")   # on a method of an object with `errors`
    def _save_step(self) -> None: ...

Anything else is a bug: it is not caught here, so it reaches the log (and fails a test).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from mentor_desktop.domain.errors import MentorDesktopError, StorageFailedError
from mentor_desktop.ui.dialogs import Dialogs

P = ParamSpec("P")
R = TypeVar("R")


def describe(exc: MentorDesktopError) -> str:
    """What went wrong and, for a database the app cannot use now, what to do about it."""
    if isinstance(exc, StorageFailedError):
        return f"{exc}\n\n{exc.advice}"
    return str(exc)


def is_retryable(exc: BaseException) -> bool:
    """True for failures that may pass by themselves or once the person acts (a lock, a disk)."""
    return isinstance(exc, StorageFailedError)


class ErrorReporter:
    """Shows MentorDesktopErrors in an error dialog over `parent`, through `dialogs`."""

    def __init__(self, dialogs: Dialogs, parent: QWidget | None) -> None:
        self.dialogs = dialogs
        self.parent = parent

    def show(self, title: str, exc: MentorDesktopError) -> None:
        self.dialogs.error(self.parent, title, describe(exc))

    def guard(self, title: str, slot: Callable[P, R]) -> Callable[P, R | None]:
        """`slot` that shows a MentorDesktopError (returning None) instead of raising it."""

        @functools.wraps(slot)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return slot(*args, **kwargs)
            except MentorDesktopError as exc:
                self.show(title, exc)
                return None

        return guarded


class HasErrorReporter(Protocol):
    errors: ErrorReporter


S = TypeVar("S", bound=HasErrorReporter)


def reports_errors(
    title: str,
) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R | None]]:
    """Decorate a slot method: a MentorDesktopError is shown by `self.errors`, not raised."""

    def decorate(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R | None]:
        def guarded(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return method(self, *args, **kwargs)
            except MentorDesktopError as exc:
                self.errors.show(title, exc)
                return None

        functools.update_wrapper(guarded, method)
        return guarded

    return decorate


def show_error(
    dialogs: Dialogs, parent: QWidget | None, title: str, exc: MentorDesktopError
) -> None:
    """Show `exc` (a MentorDesktopError) once, in the app's words; for one-off call sites."""
    ErrorReporter(dialogs, parent).show(title, exc)
