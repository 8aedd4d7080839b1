"""The shipped name lists: well formed, and in step with the rules that read them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.privacy import names
from bot.privacy.words import FUNCTION_WORDS, MONTHS

LISTS = Path(names.__file__).parent


@pytest.mark.parametrize("filename", ["first_names.txt", "surnames.txt"])
def test_lists_have_a_header_and_one_lower_case_entry_a_line(filename: str) -> None:
    lines = (LISTS / filename).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#")
    entries = [line for line in lines if line and not line.startswith("#")]
    assert entries == sorted(set(entries))
    assert all(entry == entry.lower() and " " not in entry for entry in entries)


def test_the_name_list_covers_young_people_of_many_backgrounds() -> None:
    for name in ["muhammad", "amelia", "oliver", "aisha", "jayden", "priya", "kacper", "zara"]:
        assert name in names.NAMES


def test_reading_the_town_is_not_a_name() -> None:
    assert "reading" not in names.NAMES


def test_names_taken_without_a_cue_are_not_little_words() -> None:
    taken_alone = names.NAMES - names.NAMES_THAT_ARE_WORDS
    assert taken_alone & FUNCTION_WORDS == set()


def test_names_that_are_words_are_in_the_name_list() -> None:
    assert names.NAMES_THAT_ARE_WORDS - MONTHS <= names.NAMES
