"""Reading the growth loop with plain SQL: a few queries per kind, no ORM objects.

Opening the Growth tab, the CLI listings, charts and reports all read through here, so they
stay quick on years of data. The reads run on a session's connection or on a plain one
before SQLAlchemy is loaded (the listing commands; see `plain_sql`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.growth.opportunities import (
    Opportunity,
    OpportunityKind,
    OpportunitySource,
    OpportunityStatus,
    StatusMove,
)
from mentor_desktop.domain.growth.practice import (
    Debrief,
    Measurement,
    Metric,
    Practice,
    PracticeKind,
    PracticeOrigin,
    PracticeStatus,
)
from mentor_desktop.domain.growth.review import evidence_wanted
from mentor_desktop.domain.growth.skills import Evidence, LevelField, Skill, SkillChange
from mentor_desktop.storage.repositories.plain_sql import AnyConnection, day_value, run_sql


def _rows(connection: AnyConnection, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    return [tuple(row) for row in run_sql(connection, sql, params)]


def _where_ids(column: str, ids: Sequence[int] | None) -> tuple[str, list[int]]:
    if ids is None:
        return "", []
    return f" WHERE {column} IN ({', '.join('?' for _ in ids) or 'NULL'})", list(ids)


def _links(
    connection: AnyConnection, table: str, key: str, other: str, ids: Sequence[int] | None
) -> dict[int, list[int]]:
    where, params = _where_ids(key, ids)
    found: dict[int, list[int]] = defaultdict(list)
    for owner, linked in _rows(
        connection, f"SELECT {key}, {other} FROM {table}{where} ORDER BY {other}", params
    ):
        found[owner].append(linked)
    return found


# ---------------------------------------------------------------- practice

_PRACTICE_COLUMNS = (
    "id, title, kind, origin, session_id, status, start_date, due_date, finished_on, "
    "hypothesis, metric_name, metric_unit, metric_baseline, metric_target, what_happened, "
    "lessons, gaps_found, next_step, debriefed_on"
)


def load_practice(connection: AnyConnection, ids: Sequence[int] | None = None) -> list[Practice]:
    """Practice items (all, or those with `ids`), newest start first."""
    where, params = _where_ids("id", ids)
    rows = _rows(
        connection,
        f"SELECT {_PRACTICE_COLUMNS} FROM practice{where} "
        "ORDER BY COALESCE(start_date, due_date, '9999') DESC, id DESC",
        params,
    )
    skills = _links(connection, "practice_skill", "practice_id", "skill_id", ids)
    goals = _links(connection, "practice_goal", "practice_id", "goal_id", ids)
    measured: dict[int, list[Measurement]] = defaultdict(list)
    mwhere, mparams = _where_ids("practice_id", ids)
    for mid, pid, on, value, note in _rows(
        connection,
        "SELECT id, practice_id, measured_on, value, note FROM measurement"
        f"{mwhere} ORDER BY measured_on, id",
        mparams,
    ):
        measured[pid].append(Measurement(mid, pid, day_value(on) or date.min, float(value), note))
    result = []
    for r in rows:
        metric = Metric(r[10], r[11], r[12], r[13]) if r[10] is not None else None
        result.append(
            Practice(
                id=r[0],
                title=r[1],
                kind=PracticeKind(r[2]),
                origin=PracticeOrigin(r[3]),
                session_id=r[4],
                status=PracticeStatus(r[5]),
                start_date=day_value(r[6]),
                due_date=day_value(r[7]),
                finished_on=day_value(r[8]),
                hypothesis=r[9],
                metric=metric,
                debrief=Debrief(r[14], r[15], r[16], r[17]),
                debriefed_on=day_value(r[18]),
                skill_ids=tuple(skills.get(r[0], ())),
                goal_ids=tuple(goals.get(r[0], ())),
                measurements=tuple(measured.get(r[0], ())),
            )
        )
    return result


def load_one_practice(connection: AnyConnection, practice_id: int) -> Practice:
    found = load_practice(connection, [practice_id])
    if not found:
        raise NotFoundError("Practice", practice_id)
    return found[0]


# ---------------------------------------------------------------- skills


def load_skills(connection: AnyConnection, ids: Sequence[int] | None = None) -> list[Skill]:
    """Skills (all, or those with `ids`) by name, each with its goals and level history."""
    where, params = _where_ids("id", ids)
    rows = _rows(
        connection,
        "SELECT id, name, area, current_level, target_level, why, since FROM skill"
        f"{where} ORDER BY name COLLATE NOCASE",
        params,
    )
    goals = _links(connection, "skill_goal", "skill_id", "goal_id", ids)
    changes: dict[int, list[SkillChange]] = defaultdict(list)
    cwhere, cparams = _where_ids("skill_id", ids)
    for c in _rows(
        connection,
        "SELECT id, skill_id, field, old_level, new_level, changed_on, reason, "
        f"journal_entry_id, practice_id, feedback_id FROM skill_change{cwhere} "
        "ORDER BY changed_on, id",
        cparams,
    ):
        changes[c[1]].append(
            SkillChange(
                c[0],
                c[1],
                LevelField(c[2]),
                c[3],
                c[4],
                day_value(c[5]) or date.min,
                c[6],
                Evidence(c[7], c[8], c[9]),
            )
        )
    return [
        Skill(
            id=r[0],
            name=r[1],
            area=r[2],
            current_level=r[3],
            target_level=r[4],
            why=r[5],
            since=day_value(r[6]) or date.min,
            goal_ids=tuple(goals.get(r[0], ())),
            changes=tuple(changes.get(r[0], ())),
        )
        for r in rows
    ]


def load_one_skill(connection: AnyConnection, skill_id: int) -> Skill:
    found = load_skills(connection, [skill_id])
    if not found:
        raise NotFoundError("Skill", skill_id)
    return found[0]


def skill_users(connection: AnyConnection, skill_id: int) -> tuple[list[int], list[int]]:
    """Ids of practice and of opportunities that point to the skill."""
    practice = [
        r[0]
        for r in _rows(
            connection, "SELECT practice_id FROM practice_skill WHERE skill_id = ?", (skill_id,)
        )
    ]
    opportunities = [
        r[0]
        for r in _rows(
            connection,
            "SELECT opportunity_id FROM opportunity_skill WHERE skill_id = ?",
            (skill_id,),
        )
    ]
    return practice, opportunities


# ---------------------------------------------------------------- opportunities


def load_opportunities(
    connection: AnyConnection, ids: Sequence[int] | None = None
) -> list[Opportunity]:
    """Opportunities (all, or those with `ids`), each with its dated moves and links."""
    where, params = _where_ids("id", ids)
    rows = _rows(
        connection,
        "SELECT id, title, kind, source, deadline, impact, risk, status, risk_notes, "
        f"value_pitch, outcome, do_differently FROM opportunity{where} ORDER BY id",
        params,
    )
    skills = _links(connection, "opportunity_skill", "opportunity_id", "skill_id", ids)
    goals = _links(connection, "opportunity_goal", "opportunity_id", "goal_id", ids)
    moves: dict[int, list[StatusMove]] = defaultdict(list)
    mwhere, mparams = _where_ids("opportunity_id", ids)
    for m in _rows(
        connection,
        "SELECT id, opportunity_id, from_status, to_status, moved_on, note FROM "
        f"opportunity_move{mwhere} ORDER BY moved_on, id",
        mparams,
    ):
        moves[m[1]].append(
            StatusMove(
                m[0],
                m[1],
                OpportunityStatus(m[2]) if m[2] else None,
                OpportunityStatus(m[3]),
                day_value(m[4]) or date.min,
                m[5],
            )
        )
    return [
        Opportunity(
            id=r[0],
            title=r[1],
            kind=OpportunityKind(r[2]),
            source=OpportunitySource(r[3]),
            deadline=day_value(r[4]),
            impact=r[5],
            risk=r[6],
            status=OpportunityStatus(r[7]),
            risk_notes=r[8],
            value_pitch=r[9],
            outcome=r[10],
            do_differently=r[11],
            skill_ids=tuple(skills.get(r[0], ())),
            goal_ids=tuple(goals.get(r[0], ())),
            moves=tuple(moves.get(r[0], ())),
        )
        for r in rows
    ]


def load_one_opportunity(connection: AnyConnection, opportunity_id: int) -> Opportunity:
    found = load_opportunities(connection, [opportunity_id])
    if not found:
        raise NotFoundError("Opportunity", opportunity_id)
    return found[0]


# ---------------------------------------------------------------- names for choices


def names(connection: AnyConnection, table: str, column: str) -> list[tuple[int, str]]:
    """(id, label) pairs of a table, for the pickers (goals, sessions, skills...)."""
    allowed = {
        ("goal", "title"),
        ("skill", "name"),
        ("practice", "title"),
        ("opportunity", "title"),
    }
    if (table, column) not in allowed:
        raise ValueError(f"no choices from {table}.{column}")
    return [
        (r[0], r[1]) for r in _rows(connection, f"SELECT id, {column} FROM {table} ORDER BY id")
    ]


def session_choices(connection: AnyConnection) -> list[tuple[int, str]]:
    """(id, 'YYYY-MM-DD label') of every session, newest first."""
    return [
        (r[0], f"{str(r[1])[:10]} {r[2]}")
        for r in _rows(connection, "SELECT id, start, label FROM session ORDER BY start DESC")
    ]


def counts(connection: AnyConnection) -> dict[str, int]:
    return {
        table: int(_rows(connection, f"SELECT COUNT(*) FROM {table}")[0][0])
        for table in ("practice", "skill", "opportunity")
    }


def existing(connection: AnyConnection, table: str, ids: Iterable[int]) -> set[int]:
    """Which of `ids` exist in `table` (goal, skill, session, journal_entry, feedback...)."""
    wanted = sorted(set(ids))
    if not wanted:
        return set()
    if table not in {"goal", "skill", "session", "journal_entry", "feedback", "practice"}:
        raise ValueError(f"no lookups in {table}")
    marks = ", ".join("?" for _ in wanted)
    return {
        r[0] for r in _rows(connection, f"SELECT id FROM {table} WHERE id IN ({marks})", wanted)
    }


#: How many recent journal entries the evidence picker offers.
EVIDENCE_ENTRIES = 300


def evidence_choices(connection: AnyConnection) -> dict[str, list[tuple[int, str]]]:
    """What a level change can cite: recent journal entries, practice, feedback received."""
    journal = [
        (r[0], f"{str(r[1])[:10]} {r[2] or '(untitled)'}")
        for r in _rows(
            connection,
            "SELECT id, entry_date, title FROM journal_entry ORDER BY entry_date DESC, id DESC "
            "LIMIT ?",
            (EVIDENCE_ENTRIES,),
        )
    ]
    practice = [
        (r[0], r[1]) for r in _rows(connection, "SELECT id, title FROM practice ORDER BY id DESC")
    ]
    feedback = [
        (r[0], f"{str(r[1])[:10]} {(r[2] or r[3] or '(feedback)')[:60]}")
        for r in _rows(
            connection,
            "SELECT f.id, s.start, f.situation, f.behaviour FROM feedback f "
            "JOIN session s ON s.id = f.session_id ORDER BY s.start DESC, f.id DESC",
        )
    ]
    return {"journal": journal, "practice": practice, "feedback": feedback}


def evidence_labels(
    connection: AnyConnection, evidence_ids: dict[str, set[int]]
) -> dict[str, dict[int, str]]:
    """Labels of the records some level changes cite, by kind ('journal', ...) and id."""
    sql = {
        "journal": "SELECT id, entry_date || ' ' || title FROM journal_entry WHERE id IN ({})",
        "practice": "SELECT id, 'Debrief: ' || title FROM practice WHERE id IN ({})",
        "feedback": "SELECT f.id, 'Feedback ' || substr(s.start, 1, 10) FROM feedback f "
        "JOIN session s ON s.id = f.session_id WHERE f.id IN ({})",
    }
    labels: dict[str, dict[int, str]] = {}
    for kind, ids in evidence_ids.items():
        wanted = sorted(ids)
        labels[kind] = (
            dict(_rows(connection, sql[kind].format(", ".join("?" for _ in wanted)), wanted))
            if wanted
            else {}
        )
    return labels


def review_inputs(
    connection: AnyConnection,
) -> tuple[list[Skill], list[Practice], list[Opportunity], dict[str, dict[int, str]]]:
    """Everything the review pack's growth sections draw on: skills, practice,
    opportunities, and the labels of what the level changes cite."""
    skills = load_skills(connection)
    labels = evidence_labels(connection, evidence_wanted([c for s in skills for c in s.changes]))
    return skills, load_practice(connection), load_opportunities(connection), labels
