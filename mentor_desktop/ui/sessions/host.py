"""What the Session prep tab offers the sub-controllers of its panels."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from mentor_desktop.domain.sessions import Session


class SessionHost(Protocol):
    """The selected session and the tab-wide ways to act on it."""

    def current_session(self) -> Session | None:
        """The selected session (a cadence occurrence may not be stored yet)."""
        ...

    def stored_current(self) -> Session | None:
        """The selected session, given its own row first if it is a cadence occurrence."""
        ...

    def replace_current(self, session: Session) -> None:
        """Keep `session` (just saved) as the selected session's latest state."""
        ...

    def is_loading(self) -> bool:
        """True while the tab fills its widgets from the database (edits are not typing)."""
        ...

    def refresh_current(self) -> None:
        """Reload the list and the selected session after a change, and tell other tabs."""
        ...

    def session_changed(
        self, agenda: bool = False, actions: bool = False, feedback: bool = False
    ) -> None:
        """After an edit of the selected session: show again only what it changed."""
        ...

    def slot(self, title: str, action: Callable[[], object]) -> Callable[..., None]:
        """A Qt slot running `action`: a refusal or a database problem is shown under
        `title` (through the app's one error path) instead of escaping the slot."""
        ...

    def run(self, action: Callable[[], object], what: str) -> bool:
        """Run a service call; on a refusal show why under the title `what` (False)."""
        ...

    def show_status(self, text: str) -> None:
        """A short message in the status bar."""
        ...
