"""`growth.md` of the Markdown export: practice with its metric and debrief, the skills map with
every level change, and opportunities with their pipeline and outcome."""

from __future__ import annotations

from mentor_desktop.domain.growth.opportunities import Opportunity, pipeline_order
from mentor_desktop.domain.growth.practice import PRACTICE_TEXTS, Practice, number
from mentor_desktop.domain.growth.skills import Skill, level_label, order_by_gap
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.uow import UnitOfWork


def _names(ids: tuple[int, ...], names: dict[int, str]) -> str:
    return ", ".join(names.get(i, f"#{i}") for i in ids)


def _practice(p: Practice, skills: dict[int, str], goals: dict[int, str]) -> list[str]:
    dates = " → ".join(str(d) for d in (p.start_date, p.due_date) if d)
    out = [f"### {p.title}", ""]
    line = f"*{p.kind.label}, {p.status.label.lower()}, {p.origin.label.lower()}*"
    out += [
        line
        + (f" · {dates}" if dates else "")
        + (f" · finished {p.finished_on}" if p.finished_on else ""),
        "",
    ]
    if p.skill_ids:
        out.append(f"- Skills: {_names(p.skill_ids, skills)}")
    if p.goal_ids:
        out.append(f"- Goals: {_names(p.goal_ids, goals)}")
    if p.metric:
        out.append(f"- Metric: {p.metric_summary()}")
        out += [f"  - {m.measured_on}: {number(m.value)} {m.note}".rstrip() for m in p.measurements]
    if out[-1]:
        out.append("")
    for name, label in PRACTICE_TEXTS.items():
        text = p.text(name).strip()
        if text:
            out += [f"**{label}:** {text}", ""]
    return out


def _skill(s: Skill, goals: dict[int, str]) -> list[str]:
    out = [
        f"### {s.name}",
        "",
        f"*{s.area}* · now {level_label(s.current_level)}, target {level_label(s.target_level)}, "
        f"gap {s.gap} · on the map since {s.since}",
        "",
    ]
    if s.why.strip():
        out += [f"**Why it matters:** {s.why.strip()}", ""]
    if s.goal_ids:
        out += [f"- Goals: {_names(s.goal_ids, goals)}", ""]
    if s.changes:
        for c in s.changes:
            why = f": {c.reason}" if c.reason else ""
            out.append(
                f"- {c.changed_on} {c.field.label.lower()} {c.old_level} → {c.new_level}{why}"
            )
        out.append("")
    return out


def _opportunity(o: Opportunity, skills: dict[int, str]) -> list[str]:
    deadline = f" · deadline {o.deadline}" if o.deadline else ""
    out = [
        f"### {o.title}",
        "",
        f"*{o.kind.label}, surfaced by {o.source.label.lower()}, {o.status.label.lower()}*"
        f"{deadline} · impact {o.impact}, risk {o.risk}",
        "",
    ]
    if o.skill_ids:
        out += [f"- Skills: {_names(o.skill_ids, skills)}", ""]
    out += [
        f"- {m.moved_on} {m.to_status.label.lower()}" + (f": {m.note}" if m.note else "")
        for m in o.moves
    ]
    out.append("")
    for label, text in (
        ("What could go wrong", o.risk_notes),
        ("Value pitch", o.value_pitch),
        ("Outcome", o.outcome),
        ("What I will do differently", o.do_differently),
    ):
        if text.strip():
            out += [f"**{label}:** {text.strip()}", ""]
    return out


def growth_markdown(
    practice: list[Practice],
    skills: list[Skill],
    opportunities: list[Opportunity],
    goals: dict[int, str],
) -> str:
    """The whole of `growth.md`."""
    skill_names = {s.id: s.name for s in skills}
    out = ["# Growth", "", "## Practice", ""]
    for p in practice:
        out += _practice(p, skill_names, goals)
    if not practice:
        out += ["No practice yet.", ""]
    out += ["## Skills", ""]
    for s in order_by_gap(skills):
        out += _skill(s, goals)
    if not skills:
        out += ["No skills on the map yet.", ""]
    out += ["## Opportunities", ""]
    for o in pipeline_order(opportunities):
        out += _opportunity(o, skill_names)
    if not opportunities:
        out += ["No opportunities yet.", ""]
    return "\n".join(out).rstrip() + "\n"


def growth_export(uow: UnitOfWork) -> tuple[str, int]:
    """growth.md for the Markdown export, and how many practice items, skills and
    opportunities it holds."""
    connection = uow.session.connection()
    practice = growth_reads.load_practice(connection)
    skills = growth_reads.load_skills(connection)
    opportunities = growth_reads.load_opportunities(connection)
    goals = dict(growth_reads.names(connection, "goal", "title"))
    text = growth_markdown(practice, skills, opportunities, goals)
    return text, len(practice) + len(skills) + len(opportunities)
