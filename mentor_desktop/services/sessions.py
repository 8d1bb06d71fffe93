"""Agreements, cadence, sessions, agendas, action items, feedback and the brief's data.

Every method is one transaction that validates first. Upcoming sessions of a cadence are
computed, not stored: an occurrence gets a row only once something is recorded about it
(an agenda, a move, a cancellation, notes), so changing one never disturbs the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from mentor_desktop.domain import cadence as cadence_rules
from mentor_desktop.domain.errors import NotFoundError, ValidationError
from mentor_desktop.domain.progress import goal_progress
from mentor_desktop.domain.sessions import (
    MAX_AGENDA_ITEMS,
    MAX_AGENDA_TEXT,
    MAX_NAME,
    MAX_TEXT,
    ActionItem,
    ActionItemDraft,
    AgendaItem,
    AgendaKind,
    AgendaSource,
    Agreement,
    AgreementDraft,
    BriefData,
    Feedback,
    FeedbackDraft,
    FollowThrough,
    GoalProgressLine,
    MilestonePoint,
    Session,
    SessionDetail,
    SessionStatus,
    Suggestion,
    follow_through,
)
from mentor_desktop.storage.orm import (
    ActionItemRow,
    AgendaItemRow,
    CadenceRuleRow,
    FeedbackRow,
    MentorRow,
    MentorshipRow,
    SessionRow,
)
from mentor_desktop.storage.repositories import goal_reads
from mentor_desktop.storage.repositories.sessions import (
    SessionRepository,
    action_to_domain,
    agenda_to_domain,
    feedback_to_domain,
    session_to_domain,
)
from mentor_desktop.storage.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)

#: The longest personal update, notes or takeaways of one session (characters): a whole
#: book's worth, so that nothing typed is refused in practice.
MAX_SESSION_TEXT = 1_000_000
#: How far ahead the session list computes cadence occurrences.
UPCOMING_DAYS = 120
#: How far back the list shows cadence occurrences nobody recorded yet, so a session that
#: just happened can still be marked done (or cancelled) afterwards.
UNRECORDED_DAYS = 45


def _end(row: SessionRow | None) -> datetime | None:
    """When the session of `row` ended (None without one)."""
    return row.start + timedelta(minutes=row.duration_minutes) if row is not None else None


def _text_error(value: str, label: str, limit: int = MAX_TEXT) -> str | None:
    if len(value) > limit:
        return f"{label} is {len(value):,} characters long; keep it under {limit:,}."
    return None


def validate_agreement(draft: AgreementDraft) -> dict[str, str]:
    """Field -> message for everything wrong with `draft` (empty when it can be saved)."""
    errors: dict[str, str] = {}
    name = draft.mentor.name.strip()
    if not name:
        errors["mentor.name"] = "The mentor needs a name."
    elif len(name) > MAX_NAME:
        errors["mentor.name"] = (
            f"The mentor's name is {len(name):,} characters; keep it under {MAX_NAME}."
        )
    for attr in ("role", "organisation", "contact"):
        value = getattr(draft.mentor, attr)
        if len(value) > MAX_NAME:
            errors[f"mentor.{attr}"] = (
                f"The mentor's {attr} is too long (over {MAX_NAME} characters)."
            )
    for attr, label in (
        ("purpose", "The purpose"),
        ("hopes", "What I hope to gain"),
        ("offers", "What I offer"),
        ("mentor_expectations", "Expectations of my mentor"),
        ("mentee_expectations", "Expectations of me"),
        ("communication", "Preferred communication"),
        ("confidentiality", "Confidentiality"),
        ("cadence_notes", "Cadence notes"),
    ):
        message = _text_error(getattr(draft, attr), label)
        if message:
            errors[attr] = message
    if draft.start_date and draft.review_date and draft.review_date < draft.start_date:
        errors["review_date"] = "The review date is before the start date."
    if draft.start_date and draft.end_date and draft.end_date < draft.start_date:
        errors["end_date"] = "The end date is before the start date."
    for index, rule in enumerate(draft.rules):
        for field, message in cadence_rules.validate_rule(rule).items():
            errors[f"rules.{index}.{field}"] = f"Cadence rule {index + 1}: {message}"
    return errors


def _clean_agenda_text(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError.single("text", "An agenda item needs some text.")
    if len(cleaned) > MAX_AGENDA_TEXT:
        raise ValidationError.single(
            "text",
            f"The agenda item is {len(cleaned):,} characters long; keep it under "
            f"{MAX_AGENDA_TEXT:,} (put details in the notes).",
        )
    return cleaned


class SessionService:
    """Everything the Session prep tab, the brief and the calendar export do."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self._uow = uow_factory
        self._today = today
        self._now = now or (lambda: datetime.combine(self._today(), datetime.now().time()))

    def now(self) -> datetime:
        """The service's clock (fixed in tests and benchmarks)."""
        return self._now()

    # ------------------------------------------------------------------ agreements

    def list_agreements(self) -> list[Agreement]:
        """Every agreement, active ones first, then the most recent."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            return [repo.agreement(row.id) for row in repo.mentorships()]

    def agreement(self, mentorship_id: int) -> Agreement:
        with self._uow() as uow:
            return SessionRepository(uow.session).agreement(mentorship_id)

    def save_agreement(self, mentorship_id: int | None, draft: AgreementDraft) -> Agreement:
        """Create (`mentorship_id` None) or update an agreement with its cadence rules."""
        errors = validate_agreement(draft)
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            if mentorship_id is None:
                row = MentorshipRow(mentor=MentorRow(name=""))
                uow.session.add(row)
            else:
                row = repo.mentorship(mentorship_id)
            mentor = row.mentor
            mentor.name = draft.mentor.name.strip()
            mentor.role = draft.mentor.role.strip()
            mentor.organisation = draft.mentor.organisation.strip()
            mentor.contact = draft.mentor.contact.strip()
            row.purpose = draft.purpose
            row.hopes = draft.hopes
            row.offers = draft.offers
            row.mentor_expectations = draft.mentor_expectations
            row.mentee_expectations = draft.mentee_expectations
            row.communication = draft.communication
            row.confidentiality = draft.confidentiality
            row.cadence = draft.cadence_notes
            row.start_date = draft.start_date
            row.review_date = draft.review_date
            row.end_date = draft.end_date
            row.active = draft.active
            uow.session.flush()
            existing = {r.id: r for r in repo.rules(row.id)}
            kept: set[int] = set()
            for position, rule in enumerate(draft.rules):
                rule_row = existing.get(rule.id) if rule.id is not None else None
                if rule_row is None:
                    rule_row = CadenceRuleRow(mentorship_id=row.id)
                    uow.session.add(rule_row)
                else:
                    kept.add(rule_row.id)
                rule_row.label = rule.label.strip()
                rule_row.rrule = cadence_rules.normalise_rrule(rule.rrule)
                rule_row.first_start = rule.first_start.replace(
                    tzinfo=None, second=0, microsecond=0
                )
                rule_row.duration_minutes = rule.duration_minutes
                rule_row.position = position
            for rule_id, rule_row in existing.items():
                if rule_id not in kept:
                    uow.session.delete(rule_row)
            uow.session.flush()
            return repo.agreement(row.id)

    # ------------------------------------------------------------------ sessions

    def list_sessions(
        self,
        mentorship_id: int,
        upcoming_days: int = UPCOMING_DAYS,
        unrecorded_days: int = UNRECORDED_DAYS,
    ) -> list[Session]:
        """Stored sessions (past and future) plus the cadence's occurrences that have no row
        yet: upcoming ones, and recent past ones still waiting to be recorded."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            rows = repo.sessions(mentorship_id)
            counts = repo.agenda_counts([r.id for r in rows])
            stored = [session_to_domain(r, counts.get(r.id, 0)) for r in rows]
            rules = [r for r in repo.agreement(mentorship_id).rules]
        taken = {(s.rule_id, s.original_start) for s in stored if s.rule_id is not None}
        now = self._now().replace(second=0, microsecond=0)
        start = now - timedelta(days=unrecorded_days)
        end = now + timedelta(days=upcoming_days)
        virtual = [
            Session(
                id=None,
                mentorship_id=mentorship_id,
                label=rule.label,
                start=moment,
                duration_minutes=rule.duration_minutes,
                status=SessionStatus.PLANNED,
                rule_id=rule.id,
                original_start=moment,
            )
            for moment, rule in cadence_rules.merged_occurrences(usable_rules(rules), start, end)
            if (rule.id, moment) not in taken
        ]
        return sorted(stored + virtual, key=lambda s: (s.start, s.label))

    def next_session(self, mentorship_id: int | None = None) -> Session | None:
        """The next session that is not cancelled, of one mentorship or of all active ones."""
        if mentorship_id is None:
            ids = [a.id for a in self.list_agreements() if a.mentorship.active]
        else:
            ids = [mentorship_id]
        now = self._now().replace(second=0, microsecond=0)
        found: list[Session] = []
        for mid in ids:
            for session in self.list_sessions(mid):
                if session.start >= now and session.status in (
                    SessionStatus.PLANNED,
                    SessionStatus.MOVED,
                ):
                    found.append(session)
                    break
        return min(found, key=lambda s: s.start) if found else None

    def session(self, session_id: int) -> Session:
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            row = repo.get_session(session_id)
            return session_to_domain(row, repo.agenda_counts([row.id]).get(row.id, 0))

    def store(self, session: Session) -> Session:
        """The stored form of `session` (an occurrence gets its row now; stored ones as is)."""
        if session.id is not None:
            return self.session(session.id)
        with self._uow() as uow:
            row = self._store(SessionRepository(uow.session), session)
            return session_to_domain(row)

    def _store(self, repo: SessionRepository, session: Session) -> SessionRow:
        if session.id is not None:
            return repo.get_session(session.id)
        if session.rule_id is None or session.original_start is None:
            raise ValidationError.single("session", "This session has not been saved.")
        row = repo.occurrence(session.rule_id, session.original_start)
        if row is None:
            row = SessionRow(
                mentorship_id=session.mentorship_id,
                rule_id=session.rule_id,
                original_start=session.original_start,
                start=session.start,
                duration_minutes=session.duration_minutes,
                label=session.label,
                status=SessionStatus.PLANNED.value,
            )
            repo.session.add(row)
            repo.session.flush()
        return row

    def add_session(
        self,
        mentorship_id: int,
        start: datetime,
        duration_minutes: int = 60,
        label: str = "Session",
    ) -> Session:
        """An ad-hoc session outside the cadence."""
        errors: dict[str, str] = {}
        if start < self._now().replace(second=0, microsecond=0):
            errors["start"] = f"{start:%d %b %Y %H:%M} is in the past; plan sessions from now on."
        if not cadence_rules.MIN_MINUTES <= duration_minutes <= cadence_rules.MAX_MINUTES:
            errors["duration_minutes"] = (
                f"A session lasts between {cadence_rules.MIN_MINUTES} and "
                f"{cadence_rules.MAX_MINUTES} minutes."
            )
        if not label.strip() or len(label) > cadence_rules.MAX_LABEL:
            errors["label"] = "Give the session a short name."
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            SessionRepository(uow.session).mentorship(mentorship_id)
            row = SessionRow(
                mentorship_id=mentorship_id,
                start=start.replace(second=0, microsecond=0),
                duration_minutes=duration_minutes,
                label=label.strip(),
                status=SessionStatus.PLANNED.value,
            )
            uow.session.add(row)
            uow.session.flush()
            return session_to_domain(row)

    def move_session(self, session: Session, new_start: datetime) -> Session:
        """Move one session (or one occurrence) to `new_start`; the rest stay where they are."""
        if new_start < self._now().replace(second=0, microsecond=0):
            raise ValidationError.single(
                "start", f"{new_start:%d %b %Y %H:%M} is in the past; pick a time from now on."
            )
        with self._uow() as uow:
            row = self._store(SessionRepository(uow.session), session)
            if row.status == SessionStatus.DONE.value:
                raise ValidationError.single("status", "A session that took place cannot be moved.")
            row.start = new_start.replace(second=0, microsecond=0)
            row.status = SessionStatus.MOVED.value
            uow.session.flush()
            return session_to_domain(row)

    def set_status(self, session: Session, status: SessionStatus) -> Session:
        """Cancel, mark done, or plan again one session or occurrence."""
        with self._uow() as uow:
            row = self._store(SessionRepository(uow.session), session)
            if status is SessionStatus.DONE and row.start.date() > self._today():
                raise ValidationError.single(
                    "status", "This session is still in the future; mark it done once it happened."
                )
            if (
                status is SessionStatus.PLANNED
                and row.original_start
                and row.start != row.original_start
            ):
                status = SessionStatus.MOVED
            row.status = status.value
            uow.session.flush()
            return session_to_domain(row)

    def update_texts(
        self,
        session_id: int,
        personal_update: str | None = None,
        notes: str | None = None,
        takeaways: str | None = None,
    ) -> Session:
        """Save the texts given (None: leave as is); all or none, each under MAX_SESSION_TEXT."""
        errors = {}
        for field, value in (
            ("personal_update", personal_update),
            ("notes", notes),
            ("takeaways", takeaways),
        ):
            if value is not None and (
                message := _text_error(
                    value, field.replace("_", " ").capitalize(), MAX_SESSION_TEXT
                )
            ):
                errors[field] = message
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            row = SessionRepository(uow.session).get_session(session_id)
            if personal_update is not None:
                row.personal_update = personal_update
            if notes is not None:
                row.notes = notes
            if takeaways is not None:
                row.takeaways = takeaways
            uow.session.flush()
            return session_to_domain(row)

    def detail(self, session_id: int) -> SessionDetail:
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            row = repo.get_session(session_id)
            agenda = tuple(agenda_to_domain(r) for r in repo.agenda_rows(session_id))
            return SessionDetail(
                session=session_to_domain(row, len(agenda)),
                agenda=agenda,
                actions=tuple(repo.actions(session_id=session_id)),
                feedback=tuple(feedback_to_domain(r) for r in repo.feedback_rows(session_id)),
            )

    # ------------------------------------------------------------------ agenda

    def suggestions(self, session: Session) -> list[Suggestion]:
        """What the agenda builder proposes for `session`, minus what was accepted or dropped.

        In order: carried-over items, flagged journal entries, open action items (overdue
        first), milestones due by the session or overdue, recalibrations, wins; each counted
        from the last session that took place before this one.
        """
        today = self._today()
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            last = repo.last_done_before(session.mentorship_id, session.start)
            since = _end(last)
            until_day = max(session.start.date(), today)
            taken: set[tuple[str, int | None]] = set()
            if session.id is not None:
                taken = {
                    (r.source, r.source_id)
                    for r in repo.agenda_rows(session.id, include_dropped=True)
                }
            found: list[Suggestion] = []
            if last is not None:
                for row in repo.agenda_rows(last.id):
                    if not row.discussed:
                        found.append(
                            Suggestion(
                                AgendaSource.CARRIED,
                                row.id,
                                row.text,
                                f"Not discussed on {last.start:%d %b %Y}",
                                AgendaKind(row.kind),
                            )
                        )
            for entry in repo.flagged_entries(since, until_day):
                found.append(
                    Suggestion(
                        AgendaSource.JOURNAL,
                        entry.id,
                        entry.title or entry.body[:120],
                        f"Journal, {entry.entry_date:%d %b %Y}",
                    )
                )
            actions = repo.actions(open_only=True, mentorship_id=session.mentorship_id)
            actions.sort(key=lambda a: (not a.is_overdue(today), a.due_date or date.max, a.id))
            for action in actions:
                due = f"due {action.due_date:%d %b %Y}" if action.due_date else "no due date"
                overdue = action.is_overdue(today)
                found.append(
                    Suggestion(
                        AgendaSource.ACTION,
                        action.id,
                        action.text,
                        f"{action.owner.label}, {'OVERDUE, ' if overdue else ''}{due}",
                        AgendaKind.UPDATE,
                        overdue,
                    )
                )
            for milestone, goal_title in repo.milestones_due(session.start.date()):
                overdue = milestone.due_date is not None and milestone.due_date < today
                found.append(
                    Suggestion(
                        AgendaSource.MILESTONE,
                        milestone.id,
                        milestone.title,
                        f"{goal_title}: {'overdue since' if overdue else 'due'} "
                        f"{milestone.due_date:%d %b %Y}",
                        AgendaKind.UPDATE,
                        overdue,
                    )
                )
            for change in repo.recalibrations(
                since, datetime.combine(until_day, datetime.max.time())
            ):
                moved = (
                    f"{change.old_value:%d %b %Y} → {change.new_value:%d %b %Y}"
                    if change.old_value and change.new_value
                    else "date changed"
                )
                reason = f": {change.reason}" if change.reason else ""
                found.append(
                    Suggestion(
                        AgendaSource.RECALIBRATION,
                        change.id,
                        f"Moved “{change.subject}”",
                        f"{moved}{reason}",
                        AgendaKind.UPDATE,
                    )
                )
            for entry in repo.wins(since, until_day):
                found.append(
                    Suggestion(
                        AgendaSource.WIN,
                        entry.id,
                        entry.title or entry.body[:120],
                        f"Win, {entry.entry_date:%d %b %Y}",
                        AgendaKind.UPDATE,
                    )
                )
        return [s for s in found if (s.source.value, s.source_id) not in taken]

    def _agenda_row(
        self, repo: SessionRepository, session_id: int, kind: AgendaKind, text: str
    ) -> AgendaItemRow:
        count = len(repo.agenda_rows(session_id))
        if count >= MAX_AGENDA_ITEMS:
            raise ValidationError.single(
                "agenda",
                f"The agenda already has {count} items; that is the most one session can hold.",
            )
        row = AgendaItemRow(
            session_id=session_id,
            position=count,
            kind=kind.value,
            text=_clean_agenda_text(text),
        )
        repo.session.add(row)
        return row

    def accept_suggestion(
        self, session: Session, suggestion: Suggestion, text: str | None = None
    ) -> AgendaItem:
        """Put `suggestion` (optionally reworded) on the agenda of `session`."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            row = self._agenda_row(
                repo, self._store(repo, session).id, suggestion.kind, text or suggestion.text
            )
            row.source = suggestion.source.value
            row.source_id = suggestion.source_id
            if suggestion.source is AgendaSource.CARRIED:
                row.carried_from_id = suggestion.source_id
            uow.session.flush()
            return agenda_to_domain(row)

    def drop_suggestion(self, session: Session, suggestion: Suggestion) -> None:
        """Do not suggest this again for `session`."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            session_row = self._store(repo, session)
            row = AgendaItemRow(
                session_id=session_row.id,
                position=len(repo.agenda_rows(session_row.id)),
                kind=suggestion.kind.value,
                text=suggestion.text[:MAX_AGENDA_TEXT] or "(dropped)",
                source=suggestion.source.value,
                source_id=suggestion.source_id,
                dropped=True,
            )
            uow.session.add(row)

    def add_agenda_item(
        self, session: Session, text: str, kind: AgendaKind = AgendaKind.TOPIC
    ) -> AgendaItem:
        """One of my own topics, questions or updates."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            row = self._agenda_row(repo, self._store(repo, session).id, kind, text)
            uow.session.flush()
            return agenda_to_domain(row)

    def update_agenda_item(
        self,
        item_id: int,
        text: str | None = None,
        kind: AgendaKind | None = None,
        discussed: bool | None = None,
    ) -> AgendaItem:
        cleaned = _clean_agenda_text(text) if text is not None else None
        with self._uow() as uow:
            row = SessionRepository(uow.session).get_agenda_item(item_id)
            if cleaned is not None:
                row.text = cleaned
            if kind is not None:
                row.kind = kind.value
            if discussed is not None:
                row.discussed = discussed
            uow.session.flush()
            return agenda_to_domain(row)

    def remove_agenda_item(self, item_id: int, forget: bool = False) -> AgendaItem:
        """Take an item off the agenda; one that came from a suggestion is not suggested again
        (unless `forget`, which deletes it so the suggestion comes back: undoing an accept).

        Returns the item as it was, for `restore_agenda_item` (undo).
        """
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            row = repo.get_agenda_item(item_id)
            snapshot = agenda_to_domain(row)
            if forget or row.source == AgendaSource.OWN.value:
                uow.session.delete(row)
            else:
                row.dropped = True
            uow.session.flush()
            for position, item in enumerate(repo.agenda_rows(row.session_id)):
                item.position = position
            return snapshot

    def restore_agenda_item(self, item: AgendaItem) -> AgendaItem:
        """Put a removed item back where it was, with the same id."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            row = uow.session.get(AgendaItemRow, item.id)
            if row is None:
                repo.get_session(item.session_id)
                row = AgendaItemRow(
                    id=item.id,
                    session_id=item.session_id,
                    kind=item.kind.value,
                    text=item.text,
                    source=item.source.value,
                    source_id=item.source_id,
                    carried_from_id=item.carried_from_id,
                    discussed=item.discussed,
                    notes=item.notes,
                )
                uow.session.add(row)
            row.dropped = False
            uow.session.flush()
            rows = [r for r in repo.agenda_rows(item.session_id) if r.id != row.id]
            rows.insert(min(item.position, len(rows)), row)
            for position, each in enumerate(rows):
                each.position = position
            uow.session.flush()
            return agenda_to_domain(row)

    def move_agenda_item(self, item_id: int, new_index: int) -> list[AgendaItem]:
        """Reorder: put the item at `new_index`; returns the agenda in its new order."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            row = repo.get_agenda_item(item_id)
            rows = repo.agenda_rows(row.session_id)
            rows.remove(row)
            rows.insert(max(0, min(new_index, len(rows))), row)
            for position, item in enumerate(rows):
                item.position = position
            uow.session.flush()
            return [agenda_to_domain(r) for r in rows]

    # ------------------------------------------------------------------ after the session

    def add_action(self, session: Session, draft: ActionItemDraft) -> ActionItem:
        errors: dict[str, str] = {}
        text = " ".join(draft.text.split())
        if not text:
            errors["text"] = "Say what the commitment is."
        elif len(text) > MAX_AGENDA_TEXT:
            errors["text"] = f"Keep the commitment under {MAX_AGENDA_TEXT:,} characters."
        if draft.due_date is not None and draft.due_date < session.start.date():
            errors["due_date"] = (
                f"The due date {draft.due_date:%d %b %Y} is before the session "
                f"({session.start:%d %b %Y})."
            )
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            session_row = self._store(repo, session)
            if draft.goal_id is not None:
                goal_reads.load_goal(uow.session.connection(), draft.goal_id)
            row = ActionItemRow(
                session_id=session_row.id,
                owner=draft.owner.value,
                text=text,
                due_date=draft.due_date,
                goal_id=draft.goal_id,
            )
            uow.session.add(row)
            uow.session.flush()
            return action_to_domain(row)

    def set_action_done(self, action_id: int, done: bool, on: date | None = None) -> ActionItem:
        with self._uow() as uow:
            row = SessionRepository(uow.session).get_action(action_id)
            row.done_date = (on or self._today()) if done else None
            uow.session.flush()
            return action_to_domain(row)

    def open_actions(self, mentorship_id: int | None = None) -> list[ActionItem]:
        """Open commitments, overdue first, then by due date."""
        today = self._today()
        with self._uow() as uow:
            items = SessionRepository(uow.session).actions(
                open_only=True, mentorship_id=mentorship_id
            )
        return sorted(items, key=lambda a: (not a.is_overdue(today), a.due_date or date.max, a.id))

    def add_feedback(self, session_id: int, draft: FeedbackDraft) -> Feedback:
        errors: dict[str, str] = {}
        if not draft.situation.strip() and not draft.behaviour.strip():
            errors["situation"] = "Describe at least the situation or the behaviour."
        for field in ("situation", "behaviour", "impact", "response"):
            if message := _text_error(getattr(draft, field), field.capitalize()):
                errors[field] = message
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            SessionRepository(uow.session).get_session(session_id)
            row = FeedbackRow(
                session_id=session_id,
                situation=draft.situation.strip(),
                behaviour=draft.behaviour.strip(),
                impact=draft.impact.strip(),
                response=draft.response.strip(),
            )
            uow.session.add(row)
            uow.session.flush()
            return feedback_to_domain(row)

    def remove_action(self, action_id: int) -> ActionItem:
        """Delete an action item recorded by mistake; returns it as it was."""
        with self._uow() as uow:
            row = SessionRepository(uow.session).get_action(action_id)
            snapshot = action_to_domain(row)
            uow.session.delete(row)
            return snapshot

    def remove_feedback(self, feedback_id: int) -> Feedback:
        """Delete feedback recorded by mistake; returns it as it was."""
        with self._uow() as uow:
            row = SessionRepository(uow.session).get_feedback(feedback_id)
            snapshot = feedback_to_domain(row)
            uow.session.delete(row)
            return snapshot

    def follow_through(self, mentorship_id: int | None = None) -> FollowThrough:
        with self._uow() as uow:
            items = SessionRepository(uow.session).actions(mentorship_id=mentorship_id)
        return follow_through(items, self._today())

    # ------------------------------------------------------------------ brief

    def brief_data(self, session: Session) -> BriefData:
        """Everything the one-page brief for `session` shows."""
        today = self._today()
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            mentorship = repo.agreement(session.mentorship_id).mentorship
            if session.id is not None:
                session = session_to_domain(repo.get_session(session.id))
                agenda = tuple(agenda_to_domain(r) for r in repo.agenda_rows(session.id))
            else:
                agenda = ()
            goals = goal_reads.load_goals(uow.session.connection(), statuses=["active"])
            last = repo.last_done_before(session.mentorship_id, session.start)
            wins = tuple(
                e.title or e.body[:120]
                for e in repo.wins(_end(last), max(today, session.start.date()), 6)
            )
            actions = repo.actions(mentorship_id=session.mentorship_id)
            milestone_dates = repo.milestone_dates()
        open_items = sorted(
            (a for a in actions if not a.is_done),
            key=lambda a: (not a.is_overdue(today), a.due_date or date.max, a.id),
        )
        return BriefData(
            mentor=mentorship.mentor,
            purpose=mentorship.purpose,
            session=session,
            goals=tuple(GoalProgressLine(g.title, goal_progress(g), g.target_date) for g in goals),
            agenda=agenda,
            personal_update=session.personal_update,
            commitments=tuple(open_items),
            wins=wins,
            milestone_points=tuple(milestone_points(milestone_dates, today)),
            follow_through=follow_through(actions, today),
            today=today,
            suggested=tuple(self.suggestions(session)[:8]) if not agenda else (),
        )

    # ------------------------------------------------------------------ calendar

    def calendar_data(
        self, mentorship_id: int | None = None
    ) -> list[tuple[Agreement, list[Session]]]:
        """Active agreements (or one) with their stored upcoming sessions, for the .ics export."""
        now = self._now().replace(second=0, microsecond=0)
        agreements = self.list_agreements()
        chosen = [
            a
            for a in agreements
            if (a.id == mentorship_id if mentorship_id is not None else a.mentorship.active)
        ]
        if mentorship_id is not None and not chosen:
            raise NotFoundError("Mentorship", mentorship_id)
        result = []
        for agreement in chosen:
            with self._uow() as uow:
                stored = [
                    session_to_domain(r)
                    for r in SessionRepository(uow.session).sessions(agreement.id)
                ]
            result.append(
                (
                    agreement,
                    [s for s in stored if s.start >= now or (s.original_start or s.start) >= now],
                )
            )
        return result

    def with_now(self, now: datetime) -> SessionService:
        """The same service at a fixed moment (tests and benchmarks)."""
        return SessionService(self._uow, lambda: now.date(), lambda: now)


def usable_rules(rules: Iterable[cadence_rules.CadenceRule]) -> list[cadence_rules.CadenceRule]:
    """The rules that are valid; a stored one that no longer is (saved by an older version
    that let it through) is left out and logged, and the agreement summary says which."""
    usable = []
    for rule in rules:
        problem = cadence_rules.validate_rule(rule).get("rrule")
        if problem:
            log.warning("cadence rule “%s” (%s) left out: %s", rule.label, rule.rrule, problem)
        else:
            usable.append(rule)
    return usable


def milestone_points(
    dates: list[tuple[date | None, date | None]], today: date, months: int = 12
) -> list[MilestonePoint]:
    """Cumulative milestones due and done at the end of each of the last `months` months."""
    first = date(today.year, today.month, 1)
    starts = []
    for back in range(months - 1, -1, -1):
        year, month = divmod(first.year * 12 + first.month - 1 - back, 12)
        starts.append(date(year, month + 1, 1))
    points = []
    for index, month_start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else today + timedelta(days=1)
        due = sum(1 for d, _ in dates if d is not None and d < end)
        done = sum(1 for _, f in dates if f is not None and f < end)
        points.append(MilestonePoint(month_start, due, done))
    return points
