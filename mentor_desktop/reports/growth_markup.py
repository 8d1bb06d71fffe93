"""The growth loop in the printed documents: a short block on the brief (practice in progress
with its metric, the nearest opportunity deadlines) and three sections of the review pack
(skills then and now, practice done with its lessons, opportunities and their outcomes)."""

from __future__ import annotations

from datetime import date

from mentor_desktop.domain.dates import date_text, day_month_text
from mentor_desktop.domain.growth.brief import BriefGrowth
from mentor_desktop.domain.growth.common import short
from mentor_desktop.domain.growth.opportunities import Opportunity
from mentor_desktop.domain.growth.practice import Practice
from mentor_desktop.domain.growth.review import ReviewGrowth
from mentor_desktop.domain.growth.skills import level_label
from mentor_desktop.reports.markup import empty_note, escape, text_html

MAX_REVIEW_SKILLS = 14
MAX_REVIEW_PRACTICE = 16
MAX_REVIEW_OPPORTUNITIES = 14


def _day(value: date | None) -> str:
    return date_text(value, "no date")


def _short_day(day: date, today: date) -> str:
    """“22 Dec”, with the year only when it is not this year's (“7 Jan 2027”)."""
    text = day_month_text(day) if day.year == today.year else date_text(day)
    return text.replace(" ", "&nbsp;")


def _practice_row(p: Practice, today: date) -> str:
    """Title (and state, when not running) | due date | metric."""
    due = f"due {_short_day(p.due_date, today)}" if p.due_date else ""
    state = ""
    if p.status.value != "running":
        state = f' <span class="tag">({p.status.label.lower()})</span>'
    metric = escape(short(p.metric_summary(), 70)) if p.metric else ""
    return (
        f'<tr><td>{escape(short(p.title, 36))}{state}</td><td class="tag">{due}</td>'
        f'<td class="tag">{metric}</td></tr>'
    )


def _deadline_row(o: Opportunity, today: date) -> str:
    """Title | deadline | where it stands."""
    when = _short_day(o.deadline, today) if o.deadline else ""
    return (
        f'<tr><td>{escape(short(o.title, 40))}</td><td class="tag">{when}</td>'
        f'<td class="tag">{o.status.label.lower()}</td></tr>'
    )


def brief_growth_html(growth: BriefGrowth, today: date) -> str:
    """One table, one line an item: practice in progress with its metric, then the nearest
    opportunity deadlines, so the brief stays one page."""
    if growth.is_empty:
        return empty_note("No practice in progress and no opportunity deadlines ahead.")
    rows = [
        '<tr><td width="42%" class="sub">Practice in progress</td><td width="13%"></td>'
        '<td width="45%"></td></tr>'
    ]
    if growth.practice:
        rows += [_practice_row(p, today) for p in growth.practice]
    else:
        rows.append('<tr><td colspan="3" class="muted">No practice in progress.</td></tr>')
    rows.append('<tr><td colspan="3" class="sub">Opportunity deadlines</td></tr>')
    if growth.deadlines:
        rows += [_deadline_row(o, today) for o in growth.deadlines]
    else:
        rows.append('<tr><td colspan="3" class="muted">No opportunity deadlines ahead.</td></tr>')
    return f'<table class="growth" width="100%" cellspacing="0">{"".join(rows)}</table>'


def _skills_html(growth: ReviewGrowth) -> str:
    if not growth.skills:
        return empty_note("No skills on the map in this period.")
    rows = []
    for s in growth.skills[:MAX_REVIEW_SKILLS]:
        then = level_label(s.then) if s.then is not None else "not yet mapped"
        moved = s.now - s.then if s.then is not None else 0
        trend = f' <span class="ok">(+{moved})</span>' if moved > 0 else ""
        rows.append(
            f'<tr><td width="34%"><b>{escape(s.name)}</b> <span class="muted">'
            f'{escape(s.area)}</span></td><td width="22%">{then}</td>'
            f'<td width="22%">{level_label(s.now)}{trend}</td>'
            f'<td width="22%">{level_label(s.target)}</td></tr>'
        )
        if s.changes:
            lines = "<br/>".join(escape(line) for line in s.changes)
            rows.append(f'<tr><td colspan="4" class="muted">{lines}</td></tr>')
    head = (
        '<thead><tr><th align="left">Skill</th><th align="left">Then</th>'
        '<th align="left">Now</th><th align="left">Target</th></tr></thead>'
    )
    return f'<table class="list" width="100%" cellspacing="0">{head}{"".join(rows)}</table>'


def _practice_html(growth: ReviewGrowth) -> str:
    if not growth.practice:
        return empty_note("No practice finished in this period.")
    items = []
    for p in growth.practice[:MAX_REVIEW_PRACTICE]:
        metric = f' <span class="muted">· {escape(p.metric)}</span>' if p.metric else ""
        lesson = (
            text_html(p.lessons) if p.lessons.strip() else '<span class="muted">no debrief</span>'
        )
        items.append(
            f'<li><b>{escape(p.title)}</b> <span class="muted">({p.status.lower()} '
            f"{_day(p.finished_on)})</span>{metric}<br/>{lesson}</li>"
        )
    more = len(growth.practice) - MAX_REVIEW_PRACTICE
    extra = empty_note(f"… and {more} more.") if more > 0 else ""
    return f"<ul>{''.join(items)}</ul>{extra}"


def _opportunities_html(growth: ReviewGrowth) -> str:
    if not growth.opportunities:
        return empty_note("No opportunities moved in this period.")
    items = []
    for o in growth.opportunities[:MAX_REVIEW_OPPORTUNITIES]:
        state = "late" if o.status.is_setback else ("ok" if o.status.value == "won" else "")
        outcome = f"<br/>{text_html(o.outcome)}" if o.outcome.strip() else ""
        lesson = (
            f"<br/><i>Next time:</i> {text_html(o.do_differently)}"
            if o.do_differently.strip()
            else ""
        )
        items.append(
            f'<li><b>{escape(o.title)}</b> <span class="{state}">{o.status.label.lower()}'
            f'</span> <span class="muted">({_day(o.day)})</span>{outcome}{lesson}</li>'
        )
    return f"<ul>{''.join(items)}</ul>"


def review_growth_html(growth: ReviewGrowth) -> str:
    """The review pack's growth sections, each under its own heading."""
    return (
        "<h2>Skills then and now, with evidence</h2>"
        + _skills_html(growth)
        + "<h2>Practice done, and its lessons</h2>"
        + _practice_html(growth)
        + "<h2>Opportunities pursued, and their outcomes</h2>"
        + _opportunities_html(growth)
    )
