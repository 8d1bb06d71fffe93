"""The one-page session brief: BriefData -> HTML from `templates/brief.html` -> PDF or printer."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from string import Template

from mentor_desktop.domain.dates import date_text, weekday_date_time_text
from mentor_desktop.domain.growth.common import short
from mentor_desktop.domain.progress import percent
from mentor_desktop.domain.sessions import ActionItem, AgendaSource, BriefData, GoalProgressLine
from mentor_desktop.domain.timeline import days_overdue
from mentor_desktop.reports.chart_images import BRIEF_CHART_MM, brief_images
from mentor_desktop.reports.growth_markup import brief_growth_html
from mentor_desktop.reports.markup import empty_note, escape, text_html
from mentor_desktop.reports.pipeline import (
    PageSize,
    Report,
    load_template,
    mm_to_px,
    page_count,
    room_left,
    write_pdf,
)

#: Ruled lines under “Notes during the session”.
NOTE_LINES = 9
#: The brief shows at most this many goals, then “and N more”.
MAX_GOALS = 8
MAX_COMMITMENTS = 12
#: While the agenda is empty, the brief lists this many of the suggestions.
MAX_SUGGESTIONS = 5
#: The agenda and the questions sit side by side while each has at most this many items.
SIDE_BY_SIDE_ITEMS = 8
#: A goal's title is cut to this many characters, so each goal takes one line.
GOAL_TITLE_CHARS = 60


def _nowrap(day: date | None) -> str:
    """A date that never breaks across lines (“5 Jan 2027”)."""
    return date_text(day).replace(" ", "&nbsp;") if day else ""


def _goal_when(goal: GoalProgressLine, today: date) -> str:
    """The target date, or in red how long ago it passed for an unfinished goal."""
    if goal.target_date is None:
        return ""
    late = days_overdue(goal.target_date, goal.progress, today)
    if late:
        return f'<span class="overdue">{late}&nbsp;d&nbsp;overdue</span>'
    return f"by&nbsp;{_nowrap(goal.target_date)}"


def _goals_html(data: BriefData) -> str:
    """One line a goal: its title, the target date (or days overdue), a bar, the share done."""
    if not data.goals:
        return empty_note("No active goals.")
    rows = []
    for goal in data.goals[:MAX_GOALS]:
        share = percent(goal.progress)
        if share <= 0:
            bar = '<td class="bar-left" width="100%">&nbsp;</td>'
        elif share >= 100:
            bar = '<td class="bar-done" width="100%">&nbsp;</td>'
        else:
            bar = (
                f'<td class="bar-done" width="{share}%">&nbsp;</td>'
                f'<td class="bar-left" width="{100 - share}%">&nbsp;</td>'
            )
        rows.append(
            f'<tr><td width="62%">{escape(short(goal.title, GOAL_TITLE_CHARS))}</td>'
            f'<td width="14%" class="tag" align="right">{_goal_when(goal, data.today)}</td>'
            f'<td width="16%"><table width="100%" cellspacing="0" cellpadding="0"><tr>{bar}'
            f'</tr></table></td><td width="8%" class="pct" align="right">{share}&nbsp;%</td></tr>'
        )
    more = len(data.goals) - MAX_GOALS
    extra = empty_note(f"… and {more} more active goals.") if more > 0 else ""
    return f'<table class="goals" width="100%" cellspacing="0">{"".join(rows)}</table>{extra}'


def _agenda_html(data: BriefData) -> str:
    topics = data.topics
    if not topics and data.suggested:
        items = "".join(
            f'<li>{escape(s.text)} <span class="tag">({escape(s.source.label.lower())})</span></li>'
            for s in data.suggested[:MAX_SUGGESTIONS]
        )
        more = len(data.suggested) - MAX_SUGGESTIONS
        extra = empty_note(f"… and {more} more in Session prep.") if more > 0 else ""
        return empty_note("Nothing on the agenda yet; suggested:") + f"<ul>{items}</ul>{extra}"
    if not topics:
        return empty_note("Nothing on the agenda yet.")
    lines: list[str] = []
    for item in topics:
        tag = ""
        if item.source is AgendaSource.CARRIED:
            tag = ' <span class="tag">(carried over)</span>'
        elif item.source is not AgendaSource.OWN:
            tag = f' <span class="tag">({escape(item.source.label.lower())})</span>'
        lines.append(f"<li>{escape(item.text)}{tag}</li>")
    return f"<ol>{''.join(lines)}</ol>"


def _questions_html(data: BriefData) -> str:
    if not data.questions:
        return empty_note("No questions yet.")
    return "<ol>" + "".join(f"<li>{escape(q.text)}</li>" for q in data.questions) + "</ol>"


def _agenda_and_questions_html(data: BriefData) -> str:
    """Side by side while both are short (the brief stays one page); one under the other
    when either is long, so a long agenda flows onto the next page whole."""
    agenda = f"<h2>Agenda</h2>{_agenda_html(data)}"
    questions = f"<h2>Questions for my mentor</h2>{_questions_html(data)}"
    if not data.questions:  # the agenda takes the width, the questions one muted line
        return agenda + empty_note("No questions for my mentor yet.")
    shown = len(data.topics) or len(data.suggested)
    if shown > SIDE_BY_SIDE_ITEMS or len(data.questions) > SIDE_BY_SIDE_ITEMS:
        return agenda + questions
    return (
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="55%" valign="top" class="top">{agenda}</td>'
        f'<td width="45%" valign="top" class="top right">{questions}</td></tr></table>'
    )


def _commitments_html(data: BriefData) -> str:
    if not data.commitments:
        return empty_note("No open commitments.")
    rows = []
    # the same commitment made again (each month, say) is listed once, with how many are open
    groups: dict[tuple[str, str], list[ActionItem]] = {}
    for action in data.commitments:
        key = (action.owner.value, " ".join(action.text.lower().split()))
        groups.setdefault(key, []).append(action)
    for actions in list(groups.values())[:MAX_COMMITMENTS]:
        action = min(actions, key=lambda a: (a.due_date is None, a.due_date))
        overdue = action.is_overdue(data.today)
        due = _nowrap(action.due_date) if action.due_date else "no date"
        due_html = f'<span class="overdue">overdue&nbsp;since&nbsp;{due}</span>' if overdue else due
        if len(actions) > 1:
            due_html += f'<br/><span class="tag">{len(actions)} open</span>'
        goal = (
            f' <span class="tag">· {escape(action.goal_title)}</span>' if action.goal_title else ""
        )
        rows.append(
            f'<tr><td width="12%">{action.owner.label}</td>'
            f"<td>{escape(action.text)}{goal}</td>"
            f'<td width="34%" align="right">{due_html}</td></tr>'
        )
    more = len(groups) - MAX_COMMITMENTS
    extra = empty_note(f"… and {more} more open commitments.") if more > 0 else ""
    return f'<table class="list" width="100%" cellspacing="0">{"".join(rows)}</table>{extra}'


def _notes_html(lines: int) -> str:
    """“Notes during the session” with `lines` ruled lines to write on; nothing at all when
    no line fits (a heading alone would start a page of its own)."""
    if lines <= 0:
        return ""
    line = '<tr><td class="ruled">&nbsp;</td></tr>'
    return (
        "<h2>Notes during the session</h2>"
        f'<table class="notes" width="100%" cellspacing="0">{line * lines}</table>'
    )


def _wins_html(data: BriefData) -> str:
    if not data.wins:
        return empty_note("No wins recorded since the last session.")
    return "<ul>" + "".join(f"<li>{escape(w)}</li>" for w in data.wins) + "</ul>"


def brief_html(data: BriefData, note_lines: int = NOTE_LINES) -> str:
    session = data.session
    mentor = data.mentor
    role = ", ".join(part for part in (mentor.role, mentor.organisation) if part)
    values = {
        "title": escape(f"Session brief — {mentor.name} — {date_text(session.start)}"),
        "when": escape(weekday_date_time_text(session.start)),
        "duration": f"{session.duration_minutes} minutes",
        "label": escape(session.label),
        "mentor": escape(mentor.name),
        "mentor_role": f" — {escape(role)}" if role else "",
        "person": f"<b>{escape(data.profile.byline())}</b> with "
        if not data.profile.is_empty
        else "With ",
        "purpose": text_html(data.purpose) if data.purpose else "",
        "goals": _goals_html(data),
        "chart": (
            f'<img src="chart:milestones" width="{mm_to_px(BRIEF_CHART_MM[0])}" '
            f'height="{mm_to_px(BRIEF_CHART_MM[1])}" />'
            if data.milestone_points
            else empty_note("The milestone chart appears once your goals have dated milestones.")
        ),
        "notes": _notes_html(note_lines),
        "follow_through": escape(data.follow_through.summary()),
        "agenda_and_questions": _agenda_and_questions_html(data),
        "personal_update": f"<p>{text_html(data.personal_update)}</p>"
        if data.personal_update.strip()
        else empty_note("No personal update written."),
        "commitments": _commitments_html(data),
        "wins": _wins_html(data),
        "growth": brief_growth_html(data.growth, data.today),
    }
    return Template(load_template("brief.html")).substitute(values)


def brief_report(
    data: BriefData,
    page_size: PageSize | None = None,
    images: Mapping[str, bytes] | None = None,
) -> Report:
    """The brief as a Report (HTML, CSS, the chart image), ready to print or write as PDF.

    The notes area takes the room left on the page (`page_size`, the locale's paper by
    default): as many ruled lines as still fit on one page, up to NOTE_LINES. `images` are
    the charts already drawn by `brief_images` (drawn here when not given).
    """
    drawn = brief_images(data) if images is None else images

    def with_lines(lines: int) -> Report:
        return Report(
            title=f"Session brief — {data.mentor.name} — {date_text(data.session.start)}",
            html=brief_html(data, lines),
            css=load_template("brief.css"),
            images=drawn,
            footer=f"Session brief · {data.mentor.name} · {date_text(data.session.start)}",
        )

    # Measure the room left under one ruled line and under two: the difference is the
    # height of a line, and the room under one says how many more still fit.
    one = with_lines(1)
    pages, room = room_left(one, page_size)
    if pages > 1:
        return with_lines(0)
    two_pages, room_two = room_left(with_lines(2), page_size)
    if two_pages > 1:
        return one
    line = max(1.0, room - room_two)
    lines = min(NOTE_LINES, 1 + int(room // line))
    report = with_lines(lines)
    while lines > 1 and page_count(report, page_size) > 1:
        lines -= 1
        report = with_lines(lines)
    return report


def write_brief(
    data: BriefData,
    path: Path,
    page_size: PageSize | None = None,
    images: Mapping[str, bytes] | None = None,
) -> int:
    """Write the brief for `data` to `path` (charts from `images` if given); returns the pages."""
    return write_pdf(brief_report(data, page_size, images), path, page_size)
