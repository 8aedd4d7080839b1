"""Completeness: every stage covers the programme, every disclosure has a reply and services,
and every kind of private detail has a name. Each gap is an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.programme import STAGE_SIGNS
from bot.safety.categories import CATEGORIES
from tests.unit.content.support import check, errors, line_of, line_starting, replace_in


def test_shipped_content_is_complete(content_dir: Path) -> None:
    report = check(content_dir)
    assert report.errors == ()
    assert report.content is not None
    assert set(report.content.disclosures) == set(CATEGORIES)
    for stage in report.content.stages:
        assert {sign.id for sign in stage.signs} >= set(STAGE_SIGNS[stage.id])


def test_a_stage_without_a_programme_sign_is_an_error(content_dir: Path) -> None:
    path = content_dir / "stages" / "targeting.yml"
    replace_in(path, "id: watches_you", "id: looks_at_you")
    found = errors(content_dir)
    assert found[-1] == (
        f"{path}:{line_of(path, 'signs:')}: the programme's sign 'watches_you' is missing: add a "
        "sign with this id"
    )
    # The scenarios that link to the sign say so too (they sort first, by file name).
    assert all("'watches_you' is not a sign of the targeting stage" in e for e in found[:-1])


def test_a_scenario_sign_must_be_one_of_its_stages_signs(content_dir: Path) -> None:
    path = content_dir / "scenarios" / "gaming_friend.yml"
    replace_in(path, "sign: watches_you", "sign: gives_you_gifts")
    (error,) = errors(content_dir)
    assert "'gives_you_gifts' is not a sign of the targeting stage: use one of" in error


def test_a_scenario_must_tell_the_four_stages_in_order(content_dir: Path) -> None:
    path = content_dir / "scenarios" / "older_friend.yml"
    text = path.read_text()
    swapped = text.replace("stage: hooked", "stage: HOLD").replace(
        "stage: trapped", "stage: hooked"
    )
    path.write_text(swapped.replace("stage: HOLD", "stage: trapped"))
    (error,) = errors(content_dir)
    assert "the stages must be targeting, experience, hooked, trapped, in that order" in error


def test_a_quiz_answer_must_fit_its_kind(content_dir: Path) -> None:
    path = content_dir / "quiz.yml"
    replace_in(path, 'answer: "yes"', "answer: hooked")
    (error,) = errors(content_dir)
    assert "'hooked' can't answer a warning_sign question: use one of yes, no" in error


def test_a_session_needs_two_scenarios(content_dir: Path) -> None:
    (content_dir / "scenarios" / "older_friend.yml").unlink()
    (error,) = errors(content_dir)
    assert error.endswith("add at least 2 scenarios, one file each")


@pytest.mark.parametrize("category", ["missing", "immediate_danger"])
def test_a_disclosure_category_without_a_reply_is_an_error(
    content_dir: Path, category: str
) -> None:
    path = content_dir / "safety" / "categories" / f"{category}.yml"
    path.unlink()
    assert errors(content_dir) == [f"{path}: no reply for {category}: add this file"]


def test_a_disclosure_reply_without_services_is_an_error(content_dir: Path) -> None:
    path = content_dir / "safety" / "categories" / "missing.yml"
    replace_in(path, "services: [missing_people, childline]", "services: []")
    assert errors(content_dir) == [
        f"{path}:{line_of(path, 'services:')}: 'services' needs at least 2 items: add more"
    ]


def test_a_kind_of_detail_without_a_name_is_an_error(content_dir: Path) -> None:
    path = content_dir / "privacy.yml"
    replace_in(path, "  postcode: postcodes\n", "")
    assert errors(content_dir) == [
        f"{path}:{line_starting(path, 'details:')}: there is no name for 'postcode' details: "
        "add a line under details with the words to use for them, like postcode: ..."
    ]


@pytest.mark.parametrize("name", ["language.yml", "checks.yml"])
def test_the_checker_settings_must_exist(content_dir: Path, name: str) -> None:
    (content_dir / name).unlink()
    assert errors(content_dir) == [f"{content_dir / name}: this file is missing"]
