"""What may be saved in the sessions area: limits and the checks that name what is wrong.

Each check returns field -> message (empty when the input can be saved) or raises
`ValidationError`, so nothing is written before the input is known to be good.
"""

from __future__ import annotations

from datetime import datetime

from mentor_desktop.domain import cadence as cadence_rules
from mentor_desktop.domain.dates import date_text, date_time_text
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.sessions.agreement import AgreementDraft
from mentor_desktop.domain.sessions.records import ActionItemDraft, FeedbackDraft, Session

MAX_NAME = 300
MAX_AGENDA_TEXT = 2_000
MAX_TEXT = 20_000
MAX_AGENDA_ITEMS = 500
#: The longest personal update, notes or takeaways of one session (characters): a whole
#: book's worth, so that nothing typed is refused in practice.
MAX_SESSION_TEXT = 1_000_000

_AGREEMENT_TEXTS = (
    ("purpose", "The purpose"),
    ("hopes", "What I hope to gain"),
    ("offers", "What I offer"),
    ("mentor_expectations", "Expectations of my mentor"),
    ("mentee_expectations", "Expectations of me"),
    ("communication", "Preferred communication"),
    ("confidentiality", "Confidentiality"),
    ("cadence_notes", "Cadence notes"),
)


def text_error(value: str, label: str, limit: int = MAX_TEXT) -> str | None:
    """Why `value` is too long to keep (None when it fits)."""
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
    for attr, label in _AGREEMENT_TEXTS:
        message = text_error(getattr(draft, attr), label)
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


def validate_new_session(
    start: datetime, duration_minutes: int, label: str, now: datetime
) -> dict[str, str]:
    """What is wrong with an ad-hoc session planned at `now`."""
    errors: dict[str, str] = {}
    if start < now:
        errors["start"] = f"{date_time_text(start)} is in the past; plan sessions from now on."
    if not cadence_rules.MIN_MINUTES <= duration_minutes <= cadence_rules.MAX_MINUTES:
        errors["duration_minutes"] = (
            f"A session lasts between {cadence_rules.MIN_MINUTES} and "
            f"{cadence_rules.MAX_MINUTES} minutes."
        )
    if not label.strip() or len(label) > cadence_rules.MAX_LABEL:
        errors["label"] = "Give the session a short name."
    return errors


def validate_session_texts(texts: dict[str, str | None]) -> dict[str, str]:
    """Personal update, notes and takeaways (None: not changed), each under MAX_SESSION_TEXT."""
    errors: dict[str, str] = {}
    for name, value in texts.items():
        label = name.replace("_", " ").capitalize()
        if value is not None and (message := text_error(value, label, MAX_SESSION_TEXT)):
            errors[name] = message
    return errors


def clean_agenda_text(text: str) -> str:
    """An agenda item's text on one line; ValidationError when empty or too long."""
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


def check_agenda_room(count: int) -> None:
    """ValidationError when an agenda of `count` items cannot take another."""
    if count >= MAX_AGENDA_ITEMS:
        raise ValidationError.single(
            "agenda",
            f"The agenda already has {count} items; that is the most one session can hold.",
        )


def clean_action(session: Session, draft: ActionItemDraft) -> str:
    """The commitment's text on one line; ValidationError naming every problem."""
    errors: dict[str, str] = {}
    text = " ".join(draft.text.split())
    if not text:
        errors["text"] = "Say what the commitment is."
    elif len(text) > MAX_AGENDA_TEXT:
        errors["text"] = f"Keep the commitment under {MAX_AGENDA_TEXT:,} characters."
    if draft.due_date is not None and draft.due_date < session.start.date():
        errors["due_date"] = (
            f"The due date {date_text(draft.due_date)} is before the session "
            f"({date_text(session.start)})."
        )
    if errors:
        raise ValidationError(errors)
    return text


def validate_feedback(draft: FeedbackDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not draft.situation.strip() and not draft.behaviour.strip():
        errors["situation"] = "Describe at least the situation or the behaviour."
    for name in ("situation", "behaviour", "impact", "response"):
        if message := text_error(getattr(draft, name), name.capitalize()):
            errors[name] = message
    return errors
