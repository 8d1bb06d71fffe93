"""ORM tables, one module per area; every table is importable from here.

Every schema change needs an Alembic revision in `migrations/versions`. A new area adds its
module here and re-exports its rows, so `Base.metadata` always knows every table.
"""

from __future__ import annotations

from mentor_desktop.storage.orm.base import (
    NAMING_CONVENTION,
    NEVER_REUSE_IDS,
    Base,
    Timestamped,
    utcnow,
)
from mentor_desktop.storage.orm.goals import (
    GoalChangeRow,
    GoalRow,
    MilestoneRow,
    ResourceRow,
    StepRow,
)
from mentor_desktop.storage.orm.growth import (
    JournalEntryOpportunityRow,
    JournalEntryPracticeRow,
    MeasurementRow,
    OpportunityGoalRow,
    OpportunityMoveRow,
    OpportunityRow,
    OpportunitySkillRow,
    PracticeGoalRow,
    PracticeRow,
    PracticeSkillRow,
    SkillChangeRow,
    SkillGoalRow,
    SkillRow,
)
from mentor_desktop.storage.orm.journal import (
    JournalEntryGoalRow,
    JournalEntryMilestoneRow,
    JournalEntryRow,
    JournalEntryTagRow,
    JournalTemplateRow,
    TagRow,
)
from mentor_desktop.storage.orm.mentorship import MentorRow, MentorshipRow
from mentor_desktop.storage.orm.profile import ProfileRow
from mentor_desktop.storage.orm.sessions import (
    ActionItemRow,
    AgendaItemRow,
    CadenceRuleRow,
    FeedbackRow,
    ReviewReflectionRow,
    SessionRow,
)

__all__ = [
    "NAMING_CONVENTION",
    "NEVER_REUSE_IDS",
    "ActionItemRow",
    "AgendaItemRow",
    "Base",
    "CadenceRuleRow",
    "FeedbackRow",
    "GoalChangeRow",
    "GoalRow",
    "JournalEntryGoalRow",
    "JournalEntryMilestoneRow",
    "JournalEntryOpportunityRow",
    "JournalEntryPracticeRow",
    "JournalEntryRow",
    "JournalEntryTagRow",
    "JournalTemplateRow",
    "MeasurementRow",
    "MentorRow",
    "MentorshipRow",
    "MilestoneRow",
    "OpportunityGoalRow",
    "OpportunityMoveRow",
    "OpportunityRow",
    "OpportunitySkillRow",
    "PracticeGoalRow",
    "PracticeRow",
    "PracticeSkillRow",
    "ProfileRow",
    "ResourceRow",
    "ReviewReflectionRow",
    "SessionRow",
    "SkillChangeRow",
    "SkillGoalRow",
    "SkillRow",
    "StepRow",
    "TagRow",
    "Timestamped",
    "utcnow",
]
