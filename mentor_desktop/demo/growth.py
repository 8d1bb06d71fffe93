"""Demo data for the growth loop: practice with metrics and debriefs, a skills map whose levels
moved over the years (with evidence), and opportunities in every status of the pipeline.

Runs last, so it can cite journal entries, sessions and feedback the other writers made.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from mentor_desktop.demo.context import DemoContext
from mentor_desktop.demo.growth_opportunities import OPPORTUNITIES
from mentor_desktop.demo.growth_samples import PRACTICE, SKILLS
from mentor_desktop.storage.orm.growth import (
    MeasurementRow,
    OpportunityMoveRow,
    OpportunityRow,
    OpportunitySkillRow,
    PracticeGoalRow,
    PracticeRow,
    PracticeSkillRow,
    SkillChangeRow,
    SkillRow,
)

#: How far the latest (still open) opportunities got.
OPEN_PATHS = {
    "spotted": ("spotted",),
    "exploring": ("spotted", "exploring"),
    "pursuing": ("spotted", "exploring", "pursuing"),
}


@dataclass
class _Refs:
    """Dated records earlier writers made, to cite as evidence or origin."""

    entries: list[tuple[date, int]]
    sessions: list[tuple[date, int]]
    feedback: list[tuple[date, int]]

    @staticmethod
    def near(rows: list[tuple[date, int]], day: date, within: int = 30) -> int | None:
        """The id of the record closest to `day` (at most `within` days away)."""
        if not rows:
            return None
        i = bisect_left(rows, (day, 0))
        best = min(
            (rows[j] for j in (i - 1, i) if 0 <= j < len(rows)),
            key=lambda r: abs((r[0] - day).days),
        )
        return best[1] if abs((best[0] - day).days) <= within else None


def _refs(session: Session) -> _Refs:
    run = session.connection().exec_driver_sql

    def dated(sql: str) -> list[tuple[date, int]]:
        return sorted((date.fromisoformat(str(r[0])[:10]), r[1]) for r in run(sql))

    return _Refs(
        entries=dated("SELECT entry_date, id FROM journal_entry"),
        sessions=dated("SELECT start, id FROM session WHERE status = 'done'"),
        feedback=dated(
            "SELECT s.start, f.id FROM feedback f JOIN session s ON s.id = f.session_id"
        ),
    )


def _stamp(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time()).replace(hour=18)


def write_growth_demo(session: Session, ctx: DemoContext) -> None:
    refs = _refs(session)
    skills = _write_skills(session, ctx)
    finished: list[tuple[date, int, str]] = []
    ctx.counts["practice"] = _write_practice(session, ctx, refs, skills, finished)
    ctx.counts["skills"] = len(skills)
    ctx.counts["skill changes"] = _write_level_changes(session, ctx, refs, skills, finished)
    ctx.counts["opportunities"] = _write_opportunities(session, ctx, skills)


def _write_skills(session: Session, ctx: DemoContext) -> dict[str, SkillRow]:
    """The skills map as it was first drawn, early in the mentorship."""
    span = (ctx.today - ctx.start).days
    skills: dict[str, SkillRow] = {}
    for index, sample in enumerate(SKILLS):
        since = ctx.start + timedelta(days=min(span // 3, 20 + index * 9))
        row = SkillRow(
            name=sample.name,
            area=sample.area,
            why=sample.why,
            current_level=sample.first,
            target_level=sample.goal,
            since=since,
            created_at=_stamp(since),
            updated_at=_stamp(since),
        )
        session.add(row)
        skills[sample.name] = row
    session.flush()
    return skills


def _write_level_changes(
    session: Session, ctx: DemoContext, refs: _Refs, skills: dict[str, SkillRow], finished: list
) -> int:
    """Each skill's levels move a few times over the years, in date order, each change with
    a reason and (mostly) evidence: a journal entry, feedback, or a practice debrief."""
    rng, today = ctx.rng, ctx.today
    written = 0
    for sample in SKILLS:
        row = skills[sample.name]
        debriefs = sorted((day, pid) for day, pid, name in finished if name == sample.name)
        step_days = max(60, (today - row.since).days // (len(sample.moves) + 1))
        day = row.since
        for field, delta, reason in sample.moves:
            day = day + timedelta(days=step_days + rng.randint(-20, 20))
            if day >= today:
                break
            old = row.current_level if field == "current" else row.target_level
            new = max(1, min(5, old + delta))
            if new == old:
                continue
            practice_id = _Refs.near(debriefs, day, 45) if field == "current" else None
            kind = "practice" if practice_id else rng.choice(("journal", "feedback", "none"))
            session.add(
                SkillChangeRow(
                    skill_id=row.id,
                    field=field,
                    old_level=old,
                    new_level=new,
                    changed_on=day,
                    reason=reason,
                    practice_id=practice_id,
                    journal_entry_id=_Refs.near(refs.entries, day) if kind == "journal" else None,
                    feedback_id=_Refs.near(refs.feedback, day, 60) if kind == "feedback" else None,
                    created_at=_stamp(day),
                    updated_at=_stamp(day),
                )
            )
            if field == "current":
                row.current_level = new
            else:
                row.target_level = new
            written += 1
    return written


def _write_practice(
    session: Session, ctx: DemoContext, refs: _Refs, skills, finished_practice: list
) -> int:
    """Practice spread over the years; the finished ones are appended to `finished_practice`
    as (day, practice id, skill name) so level changes can cite their debriefs."""
    rng, today = ctx.rng, ctx.today
    count = max(6, min(48, ctx.years * 4))
    span = (today - ctx.start).days
    written = 0
    for n in range(count):
        sample = PRACTICE[n % len(PRACTICE)]
        begin = ctx.start + timedelta(days=30 + (span - 60) * n // count)
        length = sample.days + rng.randint(-5, 10)
        due = begin + timedelta(days=length)
        if n == count - 1:
            status, begin, due = "planned", today + timedelta(days=5), today + timedelta(days=40)
        elif n >= count - 3:
            status = "running"
            begin = today - timedelta(days=18 + 9 * (count - n))
            due = today + timedelta(days=7 + 7 * (count - n))
        elif n % 6 == 4:  # some practice is dropped half-way, and debriefed all the same
            status = "dropped"
        else:
            status = "done"
        finished = (
            min(due + timedelta(days=rng.randint(-3, 6)), today)
            if status in ("done", "dropped")
            else None
        )
        origin = sample.origin
        session_id = _Refs.near(refs.sessions, begin, 21) if origin == "session" else None
        if origin == "session" and session_id is None:
            origin = "mentor"
        debriefed = status in ("done", "dropped") and finished is not None
        row = PracticeRow(
            title=sample.title,
            kind=sample.kind,
            origin=origin,
            session_id=session_id,
            status=status,
            start_date=begin,
            due_date=due,
            finished_on=finished,
            hypothesis=sample.hypothesis,
            metric_name=sample.metric[0],
            metric_unit=sample.metric[1],
            metric_baseline=sample.metric[2],
            metric_target=sample.metric[3],
            what_happened=sample.happened if debriefed else "",
            lessons=sample.lessons if debriefed else "",
            gaps_found=sample.gaps if debriefed else "",
            next_step=sample.next_step if debriefed else "",
            debriefed_on=finished if debriefed else None,
            created_at=_stamp(min(begin, today)),
            updated_at=_stamp(min(finished or today, today)),
        )
        session.add(row)
        session.flush()
        for name in sample.skills:
            session.add(PracticeSkillRow(practice_id=row.id, skill_id=skills[name].id))
        if ctx.goals:
            goal = ctx.goals[n % len(ctx.goals)]
            session.add(PracticeGoalRow(practice_id=row.id, goal_id=goal.id))
        baseline, target = sample.metric[2], sample.metric[3]
        if status != "planned" and baseline is not None and target is not None:
            last = min(finished or today, today)
            points = max(2, min(6, (last - begin).days // 7))
            for i in range(points):
                day = begin + timedelta(days=(last - begin).days * (i + 1) // (points + 1))
                share = (i + 1) / points * (0.9 if status == "done" else 0.45)
                value = (
                    baseline
                    + (target - baseline) * share
                    + rng.uniform(-0.06, 0.06) * abs(target - baseline)
                )
                session.add(
                    MeasurementRow(practice_id=row.id, measured_on=day, value=round(value, 1))
                )
        if debriefed and status == "done":
            finished_practice.extend((finished, row.id, name) for name in sample.skills)
        written += 1
    return written


def _write_opportunities(session: Session, ctx: DemoContext, skills) -> int:
    rng, today = ctx.rng, ctx.today
    count = max(len(OPPORTUNITIES), min(30, round(ctx.years * 2.5)))
    span = (today - ctx.start).days
    for n in range(count):
        sample = OPPORTUNITIES[n % len(OPPORTUNITIES)]
        spotted = ctx.start + timedelta(days=45 + (span - 90) * n // count)
        recent = n >= count - 4
        path = sample.path
        if recent:  # the latest ones are still open: spotted, exploring or pursuing
            wanted = ("pursuing", "exploring", "spotted", "pursuing")[count - 1 - n]
            path = OPEN_PATHS[wanted]
        if recent:
            spotted = today - timedelta(days=12 + 9 * (count - n))
        deadline = spotted + timedelta(days=sample.days)
        if recent:
            deadline = max(deadline, today + timedelta(days=4 + 11 * (count - 1 - n)))
        row = OpportunityRow(
            title=sample.title,
            kind=sample.kind,
            source=sample.source,
            deadline=deadline,
            impact=sample.impact,
            risk=sample.risk,
            status=path[-1],
            risk_notes=sample.risk_notes,
            value_pitch=sample.pitch,
            outcome=sample.outcome if path[-1] in ("won", "declined", "missed") else "",
            do_differently=sample.differently if path[-1] == "missed" else "",
            created_at=_stamp(spotted),
            updated_at=_stamp(spotted),
        )
        session.add(row)
        session.flush()
        day, previous = spotted, None
        last_day = min(deadline + timedelta(days=10), today)
        for step, status in enumerate(path):
            if step:
                gap = max(1, (last_day - spotted).days // len(path))
                day = min(day + timedelta(days=gap + rng.randint(0, 3)), today)
            session.add(
                OpportunityMoveRow(
                    opportunity_id=row.id,
                    from_status=previous,
                    to_status=status,
                    moved_on=day,
                    created_at=_stamp(day),
                    updated_at=_stamp(day),
                )
            )
            previous = status
        for name in sample.skills:
            session.add(OpportunitySkillRow(opportunity_id=row.id, skill_id=skills[name].id))
    return count
