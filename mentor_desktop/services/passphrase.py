"""Rules for a new passphrase: how strong it is, and whether it may be used.

Strength is zxcvbn's estimate of how many guesses the passphrase would take (it knows common
passwords, names, words, dates, keyboard patterns and substitutions). A passphrase is never
logged, stored or put in an error message; only its strength is described.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mentor_desktop.domain.errors import ValidationError

MIN_LENGTH = 8
#: zxcvbn's score (0-4) a new passphrase needs: 3 is "safely unguessable" offline.
MIN_SCORE = 3
LABELS = ("Very weak", "Weak", "Fair", "Strong", "Very strong")


@dataclass(frozen=True)
class Strength:
    """How strong a passphrase is: `score` 0-4, a label, and advice (may be empty)."""

    score: int
    label: str
    advice: str

    @property
    def acceptable(self) -> bool:
        return self.score >= MIN_SCORE


def strength(passphrase: str) -> Strength:
    if not passphrase:
        return Strength(0, "Empty", "Type a passphrase: a few unusual words is a good one.")
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:100])
    score = int(result["score"])
    if len(passphrase) < MIN_LENGTH:
        score = min(score, 1)
    feedback: Mapping[str, Any] = result["feedback"]
    parts = [str(feedback.get("warning") or ""), *map(str, feedback.get("suggestions") or [])]
    advice = " ".join(part for part in parts if part)
    if score < MIN_SCORE and not advice:
        advice = "Add another word or two; uncommon words are better."
    return Strength(score, LABELS[score], advice)


def check_new_passphrase(passphrase: str, repeated: str) -> None:
    """Raise ValidationError (fields "passphrase" and "repeated") unless `passphrase` is
    strong enough and typed the same twice."""
    errors: dict[str, str] = {}
    if len(passphrase) < MIN_LENGTH:
        errors["passphrase"] = f"Use at least {MIN_LENGTH} characters; a few words is best."
    elif passphrase != passphrase.strip():
        errors["passphrase"] = "Leave no space at the start or the end; it is easy to forget."
    else:
        found = strength(passphrase)
        if not found.acceptable:
            errors["passphrase"] = f"{found.label}: too easy to guess. {found.advice}".strip()
    if not errors and repeated != passphrase:
        errors["repeated"] = "The two passphrases differ; type the same one twice."
    if errors:
        raise ValidationError(errors)
