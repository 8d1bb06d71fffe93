"""Agreements, cadence, sessions, agendas, action items, feedback and the brief's data.

Every method is one transaction that validates first (the rules live in
`domain.sessions`; the rows in `storage.repositories.sessions`). One module per use case:

* `agreements`: list, read, save agreements;
* `schedule`: the session list, ad-hoc sessions, moves, status, the calendar export's data;
* `agenda`: the agenda builder's suggestions and the agenda;
* `after_session`: notes, action items, feedback, follow-through;
* `brief`: the brief's data;
* `service`: `SessionService`, all of them together.
"""

from mentor_desktop.domain.sessions.schedule import UNRECORDED_DAYS, UPCOMING_DAYS
from mentor_desktop.domain.sessions.validation import MAX_SESSION_TEXT
from mentor_desktop.services.sessions.service import SessionService

__all__ = ["MAX_SESSION_TEXT", "UNRECORDED_DAYS", "UPCOMING_DAYS", "SessionService"]
