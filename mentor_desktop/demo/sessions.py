"""Demo data for sessions: cadence rules, an earlier mentor, past sessions with agendas, notes,
feedback and action items (most kept, some late, a few open), and a prepared next session."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta, weekday
from dateutil.rrule import FR, TU
from sqlalchemy.orm import Session

from mentor_desktop.demo.context import DemoContext
from mentor_desktop.domain.cadence import CadenceRule, merged_occurrences, occurrences
from mentor_desktop.storage.orm import (
    ActionItemRow,
    AgendaItemRow,
    CadenceRuleRow,
    FeedbackRow,
    MentorRow,
    MentorshipRow,
    SessionRow,
)

MONTHLY_RULE = "FREQ=MONTHLY;BYDAY=1TU"
CHECK_IN_RULE = "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"
CADENCE_NOTE = (
    "A 60-minute session on the first Tuesday of each month, plus a 15-minute check-in "
    "every other Friday."
)
TOPICS = [
    "How to push back on scope without sounding negative",
    "Feedback on my design review last week",
    "Preparing for the promotion conversation",
    "Delegating the on-call rotation",
    "Running a calmer incident review",
    "Building trust with the new product manager",
    "Saying no to a second project",
    "Making my one-to-ones more useful",
    "Getting visibility for the platform work",
    "Handling a disagreement with another lead",
]
QUESTIONS = [
    "How did you decide when to stop coding day to day?",
    "What do you look for in a staff engineer's written proposals?",
    "How do you keep a big-picture view when everything is urgent?",
    "Who else should I talk to about the architecture guild?",
    "What would you do differently in my position?",
]
COMMITMENTS_ME = [
    "Write a one-page proposal for the migration",
    "Ask two peers for feedback on my last talk",
    "Block a focus morning every week",
    "Draft the promotion case and send it for review",
    "Shadow the incident commander once",
    "Read the chapter on influence without authority",
]
COMMITMENTS_MENTOR = [
    "Introduce me to the head of data",
    "Share the template for architecture reviews",
    "Send notes from the leadership offsite",
]
TAKEAWAYS = [
    "Say the trade-off out loud before the recommendation.",
    "Ask for the decision I need, not for general feedback.",
    "Protect the first hour of the day for deep work.",
    "Visibility comes from writing things down, not from meetings.",
]
FEEDBACK = [
    (
        "Architecture review",
        "I answered every question myself",
        "Others stopped contributing",
        "Next time I will invite the team to answer first",
    ),
    (
        "Quarterly planning",
        "I brought data on support load",
        "The roadmap changed in our favour",
        "Keep doing it, share the dashboard",
    ),
    (
        "Team retro",
        "I summarised too quickly",
        "Quiet people felt cut off",
        "Use a round-robin before summarising",
    ),
]


def write_mentorship_demo(session: Session, ctx: DemoContext) -> None:
    """The current mentor and the mentorship agreement (runs first: others refer to it)."""
    mentor = MentorRow(
        name="Dr. Amara Okafor",
        role="VP of Engineering",
        organisation="Northwind Labs",
        contact="amara.okafor@example.org",
    )
    ctx.mentorship = MentorshipRow(
        mentor=mentor,
        purpose="Grow from senior engineer to a technical leader people trust.",
        hopes="Honest feedback, perspective on leadership, and help with tough calls.",
        offers="Preparation before each session, follow-through, and a view from the team.",
        mentor_expectations="Candour, confidentiality, and pointing me to people and resources.",
        mentee_expectations="I set the agenda, come prepared and do what I commit to.",
        cadence="RRULE:FREQ=MONTHLY;BYDAY=1TU;BYHOUR=17;BYMINUTE=0",
        communication="Email for scheduling; chat for quick questions; no weekend messages.",
        confidentiality="What we discuss stays between us unless we both agree otherwise.",
        start_date=ctx.start,
        review_date=ctx.today + timedelta(days=60),
        active=True,
    )
    session.add(ctx.mentorship)
    ctx.counts["mentors"] = 1


def _first_weekday_on_or_after(day: date, which: weekday) -> date:
    moved: date = day + relativedelta(weekday=which)
    return moved


def _now_for(ctx: DemoContext) -> datetime:
    if ctx.today == date.today():
        return datetime.now().replace(second=0, microsecond=0)
    return datetime.combine(ctx.today, time(12))


def write_session_demo(session: Session, ctx: DemoContext) -> None:
    """Cadence, an earlier agreement, past and next sessions for the demo mentorship."""
    rng = ctx.rng
    mentorship = ctx.mentorship
    if mentorship is None:
        return
    mentorship.cadence = CADENCE_NOTE
    first_tuesday = _first_weekday_on_or_after(ctx.start.replace(day=1), TU(1))
    if first_tuesday < ctx.start:
        first_tuesday = _first_weekday_on_or_after(
            (ctx.start + relativedelta(months=1)).replace(day=1), TU(1)
        )
    monthly = CadenceRuleRow(
        label="Session",
        rrule=MONTHLY_RULE,
        first_start=datetime.combine(first_tuesday, time(17)),
        duration_minutes=60,
        position=0,
    )
    monthly.mentorship_id = mentorship.id
    check_in = CadenceRuleRow(
        label="Check-in",
        rrule=CHECK_IN_RULE,
        first_start=datetime.combine(
            _first_weekday_on_or_after(ctx.today - timedelta(days=70), FR), time(9, 30)
        ),
        duration_minutes=15,
        position=1,
    )
    check_in.mentorship_id = mentorship.id
    session.add_all([monthly, check_in])
    earlier = MentorshipRow(
        mentor=MentorRow(
            name="Jonas Weber", role="Engineering manager", organisation="Previous employer"
        ),
        purpose="Find my feet as a new senior engineer.",
        start_date=ctx.start - timedelta(days=400),
        end_date=ctx.start - timedelta(days=10),
        active=False,
    )
    session.add(earlier)
    session.flush()
    ctx.counts["mentors"] = ctx.counts.get("mentors", 0) + 1

    now = _now_for(ctx)
    rule = CadenceRule("Session", MONTHLY_RULE, monthly.first_start, 60, monthly.id)
    past = occurrences(rule, monthly.first_start, now)
    check_in_rule = CadenceRule("Check-in", CHECK_IN_RULE, check_in.first_start, 15, check_in.id)
    upcoming = merged_occurrences([rule, check_in_rule], now, now + timedelta(days=70))
    counts = {"sessions": 0, "agenda items": 0, "action items": 0, "feedback": 0}
    previous_open: list[AgendaItemRow] = []
    for index, original in enumerate(past):
        recent = index >= len(past) - 3
        roll = rng.random()
        start, status = original, "done"
        if roll < 0.05:
            status = "cancelled"
        elif roll < 0.12:
            start = original + timedelta(days=rng.choice([1, 2, 7]))
            if start >= now:
                start = original
        row = SessionRow(
            mentorship_id=mentorship.id,
            rule_id=monthly.id,
            original_start=original,
            start=start,
            duration_minutes=60,
            label="Session",
            status=status,
        )
        session.add(row)
        counts["sessions"] += 1
        if status == "cancelled":
            continue
        row.personal_update = rng.choice(
            [
                "Busy month: release plus hiring.",
                "Felt more confident in meetings.",
                "Energy was low; took a week off.",
                "Started running again.",
            ]
        )
        row.notes = rng.choice(
            [
                "We went through my proposal line by line.",
                "Mostly about the reorg and what it means for my role.",
                "Talked about influence without authority.",
            ]
        )
        row.takeaways = rng.choice(TAKEAWAYS)
        session.flush()
        items: list[AgendaItemRow] = []
        for carried in previous_open:
            items.append(
                AgendaItemRow(
                    session_id=row.id,
                    text=carried.text,
                    kind=carried.kind,
                    source="carried",
                    source_id=carried.id,
                    carried_from_id=carried.id,
                )
            )
        for text in rng.sample(TOPICS, rng.randint(2, 3)):
            items.append(AgendaItemRow(session_id=row.id, text=text, kind="topic"))
        items.append(AgendaItemRow(session_id=row.id, text=rng.choice(QUESTIONS), kind="question"))
        for position, item in enumerate(items):
            item.position = position
            item.discussed = position < len(items) - 1 or rng.random() < 0.6
        session.add_all(items)
        session.flush()
        previous_open = [i for i in items if not i.discussed]
        counts["agenda items"] += len(items)
        if rng.random() < 0.35:
            situation, behaviour, impact, response = rng.choice(FEEDBACK)
            session.add(
                FeedbackRow(
                    session_id=row.id,
                    situation=situation,
                    behaviour=behaviour,
                    impact=impact,
                    response=response,
                )
            )
            counts["feedback"] += 1
        for _ in range(rng.randint(1, 3)):
            mine = rng.random() < 0.75
            due = start.date() + timedelta(days=rng.randint(10, 28))
            done_date: date | None = None
            late_roll = rng.random()
            # Older commitments were all kept, most on time; of the last few sessions' ones
            # some are still open (a few of them overdue).
            open_chance = 0.25 if recent else 0.0
            if late_roll < 0.75 - open_chance / 2:
                done_date = due - timedelta(days=rng.randint(0, 8))
            elif late_roll < 1.0 - open_chance:
                done_date = due + timedelta(days=rng.randint(1, 14))
            if done_date is not None and done_date > ctx.today:
                done_date = None
            session.add(
                ActionItemRow(
                    session_id=row.id,
                    owner="me" if mine else "mentor",
                    text=rng.choice(COMMITMENTS_ME if mine else COMMITMENTS_MENTOR),
                    due_date=due,
                    done_date=done_date,
                    goal_id=rng.choice(ctx.goals).id if ctx.goals and rng.random() < 0.5 else None,
                )
            )
            counts["action items"] += 1
    for original in occurrences(check_in_rule, check_in.first_start, now):
        session.add(
            SessionRow(
                mentorship_id=mentorship.id,
                rule_id=check_in.id,
                original_start=original,
                start=original,
                duration_minutes=15,
                label="Check-in",
                status="done",
                notes=rng.choice(["Quick status update.", "Unblocked the review.", "Short one."]),
            )
        )
        counts["sessions"] += 1
    if upcoming:
        start, next_rule = upcoming[0]
        _write_next_session(session, ctx, mentorship.id, next_rule, start, previous_open)
        counts["sessions"] += 1
    for name, value in counts.items():
        ctx.counts[name] = ctx.counts.get(name, 0) + value


def _write_next_session(
    session: Session,
    ctx: DemoContext,
    mentorship_id: int,
    rule: CadenceRule,
    start: datetime,
    carried: list[AgendaItemRow],
) -> None:
    rng = ctx.rng
    row = SessionRow(
        mentorship_id=mentorship_id,
        rule_id=rule.id,
        original_start=start,
        start=start,
        duration_minutes=rule.duration_minutes,
        label=rule.label,
        status="planned",
        personal_update=(
            "A good month overall: the migration proposal was accepted and I gave my first "
            "talk to the whole department. Sleep has been better since I stopped checking "
            "email in the evening."
        ),
    )
    session.add(row)
    session.flush()
    texts: list[tuple[str, str, str, int | None]] = [
        (c.text, c.kind, "carried", c.id) for c in carried
    ]
    texts += [
        ("Review the follow-up from the department talk", "topic", "own", None),
        (rng.choice(TOPICS), "topic", "own", None),
        ("Promotion timeline and what evidence is still missing", "topic", "own", None),
        (rng.choice(QUESTIONS), "question", "own", None),
        ("Is it time to mentor someone myself?", "question", "own", None),
    ]
    for position, (text, kind, source, source_id) in enumerate(texts):
        session.add(
            AgendaItemRow(
                session_id=row.id,
                position=position,
                text=text,
                kind=kind,
                source=source,
                source_id=source_id,
                carried_from_id=source_id if source == "carried" else None,
            )
        )
