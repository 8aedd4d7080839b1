"""Services: numbers in a UK format, well-formed web addresses, and details checked recently."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from bot.content.checks.services import months_before, phone_problem, web_problem
from tests.unit.content.support import TODAY, errors, line_of, replace_in, warnings


@pytest.mark.parametrize(
    "number",
    [
        "999", "112", "101", "111", "116 123", "116 000", "0800 1111", "0800 555 111",
        "08000 121 700", "0808 800 5000", "08 08 16 89 111", "0300 123 4567", "01632 960 123",
        "01632 96012", "020 7946 0000", "07700 900 123", "+44 20 7946 0000", "18001 101",
        "18001 0300 123 4567",
    ],
)  # fmt: skip
def test_uk_numbers_in_every_format_the_services_use_are_fine(number: str) -> None:
    assert phone_problem(number) is None


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("0800 111", "has 7 digits, but numbers starting 0800 have 10 or 11 (like 0800 555 111)"),
        ("0808 800 500", "has 10 digits, but numbers starting 0808 have 11"),
        ("116 12", "has 5 digits, but numbers starting 116 have 6"),
        ("020 7946 000", "has 10 digits, but numbers starting 02 have 11"),
        ("0845 000 0000", "does not look like a UK phone number"),
        ("99", "does not look like a UK phone number"),
        ("call 999", "must be only digits and spaces"),
    ],
)
def test_numbers_in_the_wrong_format_say_what_is_wrong(number: str, problem: str) -> None:
    message = phone_problem(number)
    assert message is not None
    assert message.startswith(f'"{number}" ') and problem in message
    assert message.endswith("check it on the service's own website")


def test_short_codes_are_only_for_texting() -> None:
    assert phone_problem("85258", texting=True) is None
    assert phone_problem("85258") == (
        '"85258" is a short code, which only takes texts: if it is for texting, change kind to '
        "text; otherwise check it on the service's own website"
    )


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("https://www.childline.org.uk", None),
        ("https://takeitdown.ncmec.org/", None),
        ("http://www.childline.org.uk", "must start with https://"),
        ("www.childline.org.uk", "must start with https://"),
        ("https://childline", "is not a full web address"),
        ("https://child line.org.uk", "is not a full web address"),
        ("https://childline..org.uk", "is not a full web address"),
    ],
)
def test_web_addresses_must_be_secure_and_complete(address: str, problem: str | None) -> None:
    message = web_problem(address)
    assert message == problem if problem is None else problem in (message or "")


def test_shipped_services_have_no_problems_reaching_them(content_dir: Path) -> None:
    signposts = str(content_dir / "signposts.yml")
    problems = [p for p in errors(content_dir) + warnings(content_dir) if signposts in p]
    # Only advice on wording (checked in test_readability) is left.
    assert all("reading level" in p or "sentence here" in p for p in problems)


def test_a_wrong_number_is_an_error_at_its_line(content_dir: Path) -> None:
    path = content_dir / "signposts.yml"
    replace_in(path, 'value: "0800 1111"', 'value: "0800 111"')
    assert errors(content_dir) == [
        f'{path}:{line_of(path, "0800 111")}: Childline: "0800 111" has 7 digits, but numbers '
        "starting 0800 have 10 or 11 (like 0800 555 111): check it on the service's own website"
    ]


def test_a_text_short_code_as_a_phone_number_is_an_error(content_dir: Path) -> None:
    path = content_dir / "signposts.yml"
    replace_in(
        path,
        '      - kind: text\n        value: "85258"',
        '      - kind: phone\n        value: "85258"',
    )
    [problem] = errors(content_dir)
    assert problem.startswith(f'{path}:{line_of(path, "85258")}: Shout: "85258" is a short code')


def test_a_broken_web_address_is_an_error(content_dir: Path) -> None:
    path = content_dir / "signposts.yml"
    replace_in(path, "value: https://www.fearless.org", "value: www.fearless.org")
    [problem] = errors(content_dir)
    assert problem.startswith(f"{path}:{line_of(path, 'value: www.fearless')}: Fearless: ")
    assert "must start with https://" in problem


def test_a_broken_email_address_is_an_error(content_dir: Path) -> None:
    path = content_dir / "signposts.yml"
    replace_in(path, "value: jo@samaritans.org", "value: jo at samaritans.org")
    [problem] = errors(content_dir)
    assert problem.startswith(f"{path}:{line_of(path, 'jo at')}: Samaritans: ")
    assert "is not an email address" in problem


def test_an_insecure_source_is_an_error(content_dir: Path) -> None:
    path = content_dir / "signposts.yml"
    replace_in(path, "source: https://www.fearless.org", "source: http://www.fearless.org")
    [problem] = errors(content_dir)
    assert problem.startswith(f"{path}:{line_of(path, 'source: http://')}: Fearless: the source")


def test_a_service_without_last_checked_is_an_error(content_dir: Path) -> None:
    path = content_dir / "signposts.yml"
    text = path.read_text()
    start = text.index("last_checked:", text.index("id: crimestoppers"))
    path.write_text(text[:start] + text[start:].split("\n", 1)[1])
    assert errors(content_dir) == [
        f"{path}:{line_of(path, 'id: crimestoppers')}: 'services.8.last_checked' is missing: add "
        "it (the date you last checked this service on its own website, like 2026-11-28)"
    ]


def test_a_service_last_checked_over_six_months_ago_is_a_warning(content_dir: Path) -> None:
    path = content_dir / "signposts.yml"
    replace_in(path, "last_checked: 2026-11-28", "last_checked: 2026-05-31")  # police_emergency
    [problem] = [p for p in warnings(content_dir) if "last checked" in p]
    assert problem == (
        f"{path}:{line_of(path, '2026-05-31')}: Police (999) was last checked on 2026-05-31, more "
        "than 6 months ago: check its numbers, hours and what it offers on its own website, then "
        "set last_checked to the date you did"
    )
    assert errors(content_dir) == []


@pytest.mark.parametrize(
    ("today", "stale"),
    [(datetime.date(2027, 5, 28), 0), (datetime.date(2027, 5, 29), 10)],
)
def test_every_service_goes_stale_six_months_after_its_check(
    content_dir: Path, today: datetime.date, stale: int
) -> None:
    found = [p for p in warnings(content_dir, today) if "more than 6 months ago" in p]
    assert len(found) == stale


def test_a_last_checked_date_in_the_future_is_a_warning(content_dir: Path) -> None:
    path = content_dir / "signposts.yml"
    replace_in(path, "last_checked: 2026-11-28", "last_checked: 2062-11-28")
    assert any("is in the future" in p for p in warnings(content_dir, TODAY))


def test_months_before_keeps_the_day_or_uses_the_last_of_a_short_month() -> None:
    assert months_before(datetime.date(2027, 5, 28), 6) == datetime.date(2026, 11, 28)
    assert months_before(datetime.date(2027, 8, 31), 6) == datetime.date(2027, 2, 28)
    assert months_before(datetime.date(2027, 1, 15), 1) == datetime.date(2026, 12, 15)
