"""The reminder rules: which notification, when, for which data; no tray, no clock."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from mentor_desktop.domain.reminders import (
    Channel,
    Deadline,
    DueAction,
    ReminderData,
    ReminderKind,
    ReminderPreferences,
    Target,
    UpcomingSession,
    due_reminders,
    locked_view,
    next_due_at,
    next_session,
    notification_channel,
    planned_reminders,
    still_relevant,
    tray_tooltip,
)

SESSION = UpcomingSession(
    key="r1@2026-12-08T17:00:00",
    session_id=None,
    label="Session (60 min)",
    start=datetime(2026, 12, 8, 17, 0),
    mentor="Dr. Amara Okafor",
    suggestions=5,
)
ACTION = DueAction(id=12, text="Send the draft to Amara", due=date(2026, 12, 3), session_id=4)
DEADLINE = Deadline(id=3, title="Conference talk proposal", due=date(2026, 12, 20))
DATA = ReminderData(sessions=(SESSION,), actions=(ACTION,), deadlines=(DEADLINE,))
PREFS = ReminderPreferences()


def test_session_prep_falls_due_the_morning_before_and_lasts_until_the_session() -> None:
    assert due_reminders(DATA, PREFS, datetime(2026, 12, 7, 8, 59)) == []
    (prep,) = due_reminders(DATA, PREFS, datetime(2026, 12, 7, 9, 0))
    assert prep.kind is ReminderKind.SESSION_PREP
    assert prep.body == "Prepare your agenda: 5 suggestions waiting."
    assert prep.title == "Session (60 min) with Dr. Amara Okafor: Tue 08 Dec at 17:00"
    assert (prep.target, prep.target_id, prep.target_key) == (Target.SESSION, None, SESSION.key)
    # started late on the day itself: still shown, until the session begins
    assert [r.key for r in due_reminders(DATA, PREFS, datetime(2026, 12, 8, 16, 59))] == [prep.key]
    assert due_reminders(DATA, PREFS, datetime(2026, 12, 8, 17, 0)) == []


def test_one_suggestion_and_none_read_well() -> None:
    one = ReminderData(sessions=(UpcomingSession("s1", 1, "Check-in", SESSION.start, "", 1),))
    none = ReminderData(sessions=(UpcomingSession("s1", 1, "Check-in", SESSION.start),))
    moment = datetime(2026, 12, 7, 12, 0)
    assert due_reminders(one, PREFS, moment)[0].body == "Prepare your agenda: 1 suggestion waiting."
    assert "no suggestions waiting" in due_reminders(none, PREFS, moment)[0].body
    assert due_reminders(none, PREFS, moment)[0].title == "Check-in: Tue 08 Dec at 17:00"


def test_action_item_reminds_on_the_morning_it_is_due() -> None:
    assert due_reminders(DATA, PREFS, datetime(2026, 12, 2, 23, 0)) == []
    (due,) = due_reminders(DATA, PREFS, datetime(2026, 12, 3, 9, 30))
    assert (due.kind, due.title, due.body) == (
        ReminderKind.ACTION_DUE,
        "Action item due today",
        "Send the draft to Amara",
    )
    assert (due.target, due.target_id) == (Target.ACTION_ITEM, 12)
    assert due_reminders(DATA, PREFS, datetime(2026, 12, 4, 0, 0)) == []


def test_opportunity_deadline_warns_days_before() -> None:
    (warn,) = due_reminders(DATA, PREFS, datetime(2026, 12, 17, 10, 0))
    assert warn.kind is ReminderKind.OPPORTUNITY_DEADLINE
    assert warn.title == "Deadline in 3 days, Sun 20 Dec"
    assert warn.body == "Conference talk proposal"
    assert (warn.target, warn.target_id) == (Target.OPPORTUNITY, 3)
    same_day = ReminderPreferences(deadline_days=0)
    assert due_reminders(DATA, same_day, datetime(2026, 12, 17, 10, 0)) == []
    assert due_reminders(DATA, same_day, datetime(2026, 12, 20, 9, 0))[0].title == "Deadline today"
    assert due_reminders(DATA, PREFS, datetime(2026, 12, 21, 0, 0)) == []


def test_each_kind_can_be_turned_off_and_the_morning_moved() -> None:
    everything = planned_reminders(DATA, PREFS)
    assert [r.kind for r in everything] == [
        ReminderKind.ACTION_DUE,
        ReminderKind.SESSION_PREP,
        ReminderKind.OPPORTUNITY_DEADLINE,
    ]
    for off in (
        ReminderPreferences(session_prep=False),
        ReminderPreferences(action_due=False),
        ReminderPreferences(opportunity_deadline=False),
    ):
        kinds = {r.kind for r in planned_reminders(DATA, off)}
        assert len(kinds) == 2 and all(off.wants(kind) for kind in kinds)
    late = ReminderPreferences(morning=time(11, 15))
    assert planned_reminders(DATA, late)[0].due_at == datetime(2026, 12, 3, 11, 15)


def test_shown_once_and_the_next_one_scheduled() -> None:
    moment = datetime(2026, 12, 3, 9, 0)
    (first,) = due_reminders(DATA, PREFS, moment)
    assert due_reminders(DATA, PREFS, moment, shown={first.key}) == []
    assert next_due_at(DATA, PREFS, moment, shown={first.key}) == datetime(2026, 12, 7, 9, 0)
    assert next_due_at(DATA, PREFS, datetime(2026, 12, 30)) is None
    # a session that moved is a new occurrence: it reminds again
    moved = ReminderData(
        sessions=(UpcomingSession(SESSION.key, 7, "Session", datetime(2026, 12, 9, 17)),)
    )
    assert planned_reminders(moved, PREFS)[0].key != planned_reminders(DATA, PREFS)[1].key
    assert still_relevant({first.key, "action_due:99@2020-01-01"}, DATA, PREFS) == {first.key}


def test_tooltip_names_the_next_session_and_nothing_while_locked() -> None:
    now = datetime(2026, 12, 7, 12, 0)
    assert next_session(DATA, now) == SESSION
    assert tray_tooltip(SESSION, now) == (
        "Mentor Desktop: next session tomorrow at 17:00 with Dr. Amara Okafor"
    )
    assert "today at 17:00" in tray_tooltip(SESSION, datetime(2026, 12, 8, 9, 0))
    assert "Tue 08 Dec at 17:00" in tray_tooltip(SESSION, datetime(2026, 12, 1, 9, 0))
    assert tray_tooltip(None, now) == "Mentor Desktop: no session planned"
    assert tray_tooltip(SESSION, now, locked=True) == "Mentor Desktop (locked)"
    assert next_session(DATA, datetime(2026, 12, 9)) is None


def test_locked_view_keeps_no_content() -> None:
    for reminder in planned_reminders(DATA, PREFS):
        hidden = locked_view(reminder)
        assert hidden.key == reminder.key and hidden.target_id == reminder.target_id
        for secret in ("Amara", "draft", "Conference", "suggestion"):
            assert secret not in hidden.title + hidden.body


@pytest.mark.parametrize(
    ("tray", "service", "channel"),
    [
        (True, True, Channel.TRAY),  # the tray, where the desktop has one
        (True, False, Channel.TRAY),
        (False, True, Channel.DESKTOP),  # plain GNOME: no tray, a notification service
        (False, False, Channel.NONE),  # neither: nothing shows, nothing fails
    ],
)
def test_which_channel_a_notification_takes(tray: bool, service: bool, channel: Channel) -> None:
    assert notification_channel(tray, service) is channel
