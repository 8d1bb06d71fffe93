"""First start: telling an empty database, the guided set-up, and the sample in its own file."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentor_desktop.app import open_services
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.models import GoalDraft
from mentor_desktop.domain.profile import Profile
from mentor_desktop.domain.sessions import AgreementDraft, MentorDraft
from mentor_desktop.services.first_start import SetupDraft, SetupProgress
from mentor_desktop.services.sample import write_sample
from tests.factories import MONTHLY


def _draft(mentor: str = "Grace Hopper", goal: str = "Lead a project") -> SetupDraft:
    return SetupDraft(
        Profile("Ada", "Analyst"),
        AgreementDraft(MentorDraft(mentor), rules=(MONTHLY,)),
        GoalDraft(goal) if goal else None,
    )


def test_a_new_database_is_empty_until_something_is_written(services) -> None:
    assert services.first_start.is_empty()
    services.profile.save(Profile("Ada"))
    assert services.first_start.is_empty()  # a profile alone is not a start
    services.goals.create_goal(GoalDraft("Something"))
    assert not services.first_start.is_empty()


def test_the_set_up_writes_nothing_when_any_part_is_wrong(services) -> None:
    with pytest.raises(ValidationError) as raised:
        services.first_start.set_up(_draft(mentor="", goal=" "))
    assert {"mentor.name", "goal.title"} <= set(raised.value.errors)
    assert services.first_start.is_empty() and services.profile.profile() == Profile()


def test_a_retried_set_up_never_writes_twice(services) -> None:
    progress = SetupProgress(saved={"profile", "agreement"})
    services.first_start.set_up(_draft(), progress)
    assert services.sessions.list_agreements() == []  # recorded as saved: not written again
    assert [g.title for g in services.goals.list_goals()] == ["Lead a project"]
    progress = services.first_start.set_up(_draft(goal=""))
    assert progress.saved == {"profile", "agreement"} and progress.goal_id is None
    assert len(services.sessions.list_agreements()) == 1


def test_the_sample_is_a_fresh_file_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "sample.sqlite3"
    path.write_bytes(b"an older sample")
    assert write_sample(path) == path
    engine, services = open_services(path)
    assert not services.first_start.is_empty()
    assert services.goals.list_goals()
    engine.dispose()
    assert not list(tmp_path.glob("*.building*"))
