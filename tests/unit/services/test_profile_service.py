"""My profile: saved once in the database, trimmed, refused whole when a field is too long."""

from __future__ import annotations

import pytest

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.profile import MAX_PROFILE_FIELD, Profile


def test_a_new_database_has_an_empty_profile(services) -> None:
    assert services.profile.profile() == Profile()
    assert services.profile.profile().is_empty


def test_saved_profile_is_trimmed_and_replaced_on_the_next_save(services) -> None:
    services.profile.save(Profile(" Zoë Ångström ", "Engineer", ""))
    assert services.profile.profile() == Profile("Zoë Ångström", "Engineer", "")
    services.profile.save(Profile("Zoë", "Lead", "Acme"))
    assert services.profile.profile().byline() == "Zoë, Lead, Acme"


def test_a_too_long_field_is_named_and_nothing_is_written(services) -> None:
    services.profile.save(Profile("Before"))
    with pytest.raises(ValidationError) as raised:
        services.profile.save(Profile("After", "x" * (MAX_PROFILE_FIELD + 1)))
    assert set(raised.value.errors) == {"role"}
    assert services.profile.profile() == Profile("Before")


def test_the_review_pack_is_about_the_saved_profile(services) -> None:
    services.profile.save(Profile("Ada Lovelace", "Analyst", "Engines Ltd"))
    assert services.timeline.review_data().profile.byline() == "Ada Lovelace, Analyst, Engines Ltd"
