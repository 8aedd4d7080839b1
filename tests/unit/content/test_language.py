"""Blaming language: every use is an error until it is reworded or allowed with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.content.checks.language import PhraseError, compile_phrase
from tests.unit.content.support import (
    errors,
    line_of,
    line_starting,
    replace_in,
    warnings,
)

WORKING_FOR = (
    '"working for" can suggest the young person chose this (makes exploitation sound like a '
    'job). Say instead: "being criminally exploited" or "made to carry or sell drugs". If this '
    "use is right here, allow it in content/language.yml with a reason."
)
HOOKED_SIGN = "sign: They give you more to do in the group, and often more money."
WORKING_SIGN = "sign: You end up working for them, with more to do and often more money."


def allow(content_dir: Path, entry: str) -> None:
    replace_in(content_dir / "language.yml", "allowed: []", f"allowed:\n{entry}")


def test_shipped_content_uses_no_blaming_language(content_dir: Path) -> None:
    assert not [problem for problem in errors(content_dir) if "Say instead" in problem]


def test_a_phrase_to_avoid_is_an_error_at_the_line_of_its_field(content_dir: Path) -> None:
    path = content_dir / "stages" / "hooked.yml"
    replace_in(path, HOOKED_SIGN, WORKING_SIGN)
    assert errors(content_dir) == [f"{path}:{line_of(path, 'working for')}: {WORKING_FOR}"]


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("drug runner(s)", "Some young people are used as Drug Runners."),
        ("drug runner(s)", "They call them drug-runners."),
        ("keep|keeps|kept going missing", "She keeps\ngoing missing from home."),
        ("put|putting themselves|yourself at risk", "They're putting themselves at risk."),
        ("older boyfriend(s)|girlfriend(s)", "Her older girlfriend gave her a phone."),
        ("risky behavio(u)r(s)", "That is risky behaviour."),
        ("in a relationship with", "He was in a relationship with an adult."),
        ("they're", "They\u2019re here."),  # a straight apostrophe matches a curly one
    ],
)
def test_phrases_match_whole_words_in_any_case_and_simple_forms(phrase: str, text: str) -> None:
    assert compile_phrase(phrase).search(text)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("plugging", "Unplugging your phone helps."),  # only whole words
        ("working for", "It's working fort."),
        ("drug runner(s)", "drug runnerss"),
    ],
)
def test_phrases_do_not_match_inside_other_words(phrase: str, text: str) -> None:
    assert not compile_phrase(phrase).search(text)


@pytest.mark.parametrize("phrase", ["a||b", "runner(s", "   "])
def test_a_phrase_that_cannot_be_understood_is_refused(phrase: str) -> None:
    with pytest.raises(PhraseError):
        compile_phrase(phrase)


def test_a_broken_phrase_in_language_yml_is_an_error_at_its_line(content_dir: Path) -> None:
    path = content_dir / "language.yml"
    replace_in(path, "- plugging", "- plug||ging")
    [problem] = errors(content_dir)
    assert problem.startswith(f"{path}:{line_of(path, 'plug||ging')}: 'plug||ging' has an empty")


@pytest.mark.parametrize(
    "fine",
    [
        "Press the button to go back to the menu.",
        "The adults involved in your care want to help.",
        "It's working. For more, pick one of these:",
    ],
)
def test_everyday_uses_of_the_same_words_are_not_errors(content_dir: Path, fine: str) -> None:
    replace_in(
        content_dir / "menu.yml",
        "prompt: What would you like to do?",
        f"prompt: {json.dumps(fine)}",
    )
    assert errors(content_dir) == []


@pytest.mark.parametrize(
    "blaming",
    [
        "They keep going back to them.",
        "He became involved in county lines.",
        "She got involved in crime.",
        "She was recruited by a gang.",
        "He was a money mule.",
    ],
)
def test_the_narrowed_phrases_still_catch_blaming_uses(content_dir: Path, blaming: str) -> None:
    path = content_dir / "menu.yml"
    replace_in(path, "prompt: What would you like to do?", f"prompt: {json.dumps(blaming)}")
    [problem] = errors(content_dir)
    assert problem.startswith(f"{path}:{line_of(path, 'prompt:')}: ")
    assert "Say instead" in problem


def test_every_kind_of_youth_facing_text_is_checked(content_dir: Path) -> None:
    # file: (old text, new text, the field it is in)
    places = {
        "signposts.yml": ("for: anyone affected by a crime", "for: drug runners", "for: drug"),
        "smalltalk.yml": ("Take care.", "Take care, drug runner.", "goodbye:"),
        "privacy.yml": ("handle: usernames", "handle: drug runner names", "handle:"),
        "topics/gaming.yml": ("- Someone gives", "- A drug runner gives", "- A drug runner"),
        "safety/replies.yml": ("Sorry, I got", "Sorry drug runner, I got", "not_what_i_meant:"),
    }
    for name, (old, new, _) in places.items():
        replace_in(content_dir / name, old, new)
    problems = errors(content_dir)
    assert len(problems) == len(places)
    for name, (_, _, field) in places.items():
        path = content_dir / name
        assert any(problem.startswith(f"{path}:{line_of(path, field)}:") for problem in problems)


def test_ids_addresses_and_risk_patterns_are_not_checked(content_dir: Path) -> None:
    # What young people might type rightly holds these words; the assistant's replies must not.
    patterns = content_dir / "safety" / "patterns" / "criminal_exploitation.yml"
    patterns.write_text(patterns.read_text() + '  - "working for them"\n')
    words = content_dir / "safety" / "words.yml"
    replace_in(words, "lists:", 'lists:\n  runners: ["drug runner", "plugging"]')
    assert errors(content_dir) == []


def test_an_allowed_use_with_a_reason_is_not_an_error(content_dir: Path) -> None:
    replace_in(content_dir / "stages" / "hooked.yml", HOOKED_SIGN, WORKING_SIGN)
    allow(
        content_dir,
        "  - file: stages/hooked.yml\n    phrase: working for\n"
        "    reason: quoting what an exploiter says\n",
    )
    assert errors(content_dir) == []
    assert not [problem for problem in warnings(content_dir) if "language.yml" in problem]


def test_an_allowed_use_is_only_allowed_in_its_file(content_dir: Path) -> None:
    replace_in(content_dir / "stages" / "hooked.yml", HOOKED_SIGN, WORKING_SIGN)
    allow(
        content_dir,
        "  - file: stages/trapped.yml\n    phrase: working for\n    reason: quoting someone\n",
    )
    path = content_dir / "stages" / "hooked.yml"
    assert errors(content_dir) == [f"{path}:{line_of(path, 'working for')}: {WORKING_FOR}"]


def test_an_allowed_use_needs_a_reason(content_dir: Path) -> None:
    replace_in(content_dir / "stages" / "hooked.yml", HOOKED_SIGN, WORKING_SIGN)
    allow(content_dir, "  - file: stages/hooked.yml\n    phrase: working for\n    reason: ' '\n")
    path = content_dir / "language.yml"
    assert errors(content_dir) == [
        f'{path}:{line_starting(path, "reason:")}: allowing "working for" in stages/hooked.yml '
        "needs a reason: add a line like reason: quoting what an exploiter says"
    ]


def test_an_allowed_use_that_matches_nothing_is_a_warning(content_dir: Path) -> None:
    allow(
        content_dir,
        "  - file: stages/hooked.yml\n    phrase: working for\n    reason: quoting someone\n",
    )
    path = content_dir / "language.yml"
    assert errors(content_dir) == []
    assert (
        f'{path}:{line_starting(path, "- file:")}: stages/hooked.yml no longer uses "working for", '
        "so this entry is no longer needed: remove it"
    ) in warnings(content_dir)


def test_an_allowed_phrase_that_is_not_listed_is_a_warning(content_dir: Path) -> None:
    allow(content_dir, "  - file: stages/hooked.yml\n    phrase: wroking for\n    reason: typo\n")
    path = content_dir / "language.yml"
    assert (
        f'{path}:{line_starting(path, "phrase: wroking")}: "wroking for" is not a phrase listed '
        "under avoid, so this allows nothing: check the spelling, or remove this entry"
    ) in warnings(content_dir)


@pytest.mark.parametrize(
    "promise",
    [
        "You won't be in trouble for asking for help.",
        "you wont get in trouble",
        "You will not get into trouble for telling.",
    ],
)
def test_promising_a_young_person_they_will_not_be_in_trouble_is_an_error(
    content_dir: Path, promise: str
) -> None:
    # A young person made to commit crime can still be arrested: say what is true instead.
    path = content_dir / "stages" / "hooked.yml"
    replace_in(path, HOOKED_SIGN, f"sign: {promise}")
    [problem] = errors(content_dir)
    assert "promises what may not be true" in problem and "Childline doesn't report" in problem
