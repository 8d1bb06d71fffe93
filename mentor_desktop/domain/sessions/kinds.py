"""The enums of the sessions area: session status, agenda kinds and sources, action owners."""

from __future__ import annotations

import enum


class SessionStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"
    MOVED = "moved"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class AgendaKind(enum.StrEnum):
    TOPIC = "topic"
    QUESTION = "question"
    UPDATE = "update"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class AgendaSource(enum.StrEnum):
    """Where an agenda item (or a suggestion) came from."""

    OWN = "own"
    JOURNAL = "journal"
    ACTION = "action"
    MILESTONE = "milestone"
    RECALIBRATION = "recalibration"
    WIN = "win"
    CARRIED = "carried"
    PRACTICE = "practice"
    SKILL = "skill"
    OPPORTUNITY = "opportunity"

    @property
    def label(self) -> str:
        return {
            "own": "My topic",
            "journal": "Flagged in journal",
            "action": "Open action item",
            "milestone": "Milestone",
            "recalibration": "Recalibration",
            "win": "Win",
            "carried": "Carried over",
            "practice": "Practice",
            "skill": "Skill gap",
            "opportunity": "Opportunity",
        }[self.value]


class ActionOwner(enum.StrEnum):
    ME = "me"
    MENTOR = "mentor"

    @property
    def label(self) -> str:
        return {"me": "Me", "mentor": "Mentor"}[self.value]
