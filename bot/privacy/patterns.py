"""Details with a fixed shape, found by regular expression: emails, phone numbers, postcodes and
dates of birth.

Phone numbers are UK mobiles and geographic landlines only (07, 01, 02, or +44 7/1/2). Helplines
and other non-geographic numbers (0800, 0808, 03, 116 123, 999, 111) are how a young person gets
help and say nothing about them, so they are kept, as are short codes, prices and scores.
Postcodes follow the Royal Mail format, which already rules out most text-speak ("gr8", "l8r",
"9pm"); ordinals that look like one ("b4 2nd period") are kept unless typed in capitals.
A full date anywhere counts as a date of birth; a day and month count only after a birthday cue,
so "im 13" and "year 9" are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from bot.privacy.kinds import Found, Kind
from bot.privacy.text import Token

_EMAIL: Final = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")

_PHONE: Final = re.compile(
    r"""
    (?<![\w+])(?<!\d[.\-/])                                 # not inside a date or a longer number
    (?:
        (?P<international>(?:\+|00)\s?44\s?(?:\(0\)\s?)?  # +44 7700..., 0044, +44 (0)7700...
          | 44(?=7\d{9}(?!\d)))                              # 447700900123, the + left off
      | \(?0\)?\s?                                           # 07700..., (01632)..., (0)7700
    )
    (?=[127])                             # only mobiles (07) and geographic numbers (01, 02)
    (?P<rest>\d(?:[\s\-.)]{0,2}\d){8,9})                    # 9 or 10 more digits, lightly spaced
    (?!\d)
    """,
    re.VERBOSE,
)

_POSTCODE: Final = re.compile(
    r"\b(?P<outward>[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s?(?P<inward>\d[ABD-HJLNP-UW-Z]{2})\b",
    re.IGNORECASE,
)
_ORDINAL_SUFFIXES: Final = {"1": "st", "2": "nd", "3": "rd"}

_DAY: Final = r"(?:0?[1-9]|[12]\d|3[01])"
_ORDINAL: Final = r"(?:st|nd|rd|th)?"
_MONTH: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_YEAR: Final = r"(?:(?:19|20)\d\d|'\d\d)"
# No full stop after the month: it may end the sentence, and the words after must read the same
# once the date is a placeholder. "12 Mar. 2011" is covered where a year follows.
_DAY_MONTH: Final = rf"{_DAY}{_ORDINAL}(?:\s+of)?\s+{_MONTH}\b"
_MONTH_DAY: Final = rf"{_MONTH}\.?\s+(?:the\s+)?{_DAY}{_ORDINAL}\b"
_FULL_DATES: Final = (
    # 12/03/2011, 12-3-11, 12.03.2011 (the same separator twice), validated in _is_calendar_date
    re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d\d)(?![\d/\-]|\.\d)"),
    # 2011-03-12
    re.compile(r"(?<![\d/.\-])((?:19|20)\d\d)([/.\-])(\d{1,2})\2(\d{1,2})(?![\d/\-]|\.\d)"),
    re.compile(rf"\b{_DAY_MONTH}\.?,?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
)
_BIRTHDAY: Final = re.compile(
    rf"""
    \b(?:birthday|bday|b-day|b'day|birth\s?day|born|dob|d\.o\.b|date\s+of\s+birth
      |turn(?:ing|s)?\s+\d{{1,2}}\s+on)
    (?:\s*(?:is|was|on|its|it's|the|'s|s)\b|\s*[:=\-])*\s*
    (?P<date>
        {_DAY_MONTH}(?:\.?,?\s+{_YEAR}\b)?
      | {_MONTH_DAY}(?:,?\s+{_YEAR}\b)?
      | {_DAY}[/.\-](?:0?[1-9]|1[0-2])(?:[/.\-](?:\d{{4}}|\d\d))?(?![\d/])
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


def find_emails(text: str, tokens: Sequence[Token]) -> Iterator[Found]:
    for match in _EMAIL.finditer(text):
        yield Found(Kind.EMAIL, *match.span())


def find_phones(text: str, tokens: Sequence[Token]) -> Iterator[Found]:
    for match in _PHONE.finditer(text):
        if _is_personal_number(match):
            yield Found(Kind.PHONE, *match.span())


def _is_personal_number(match: re.Match[str]) -> bool:
    """The right length for its kind. The digits are the number without its leading 0 (or +44):
    mobiles and London numbers have 10, other landlines 10 or, in a few rural areas, 9."""
    digits = re.sub(r"\D", "", match.group("rest"))
    if digits[0] == "1":
        return len(digits) in (9, 10)
    return len(digits) == 10


def find_postcodes(text: str, tokens: Sequence[Token]) -> Iterator[Found]:
    for match in _POSTCODE.finditer(text):
        if not _is_text_speak(match.group("inward")):
            yield Found(Kind.POSTCODE, *match.span())


def _is_text_speak(inward: str) -> bool:
    """An ordinal in lower case, as in "b4 2nd period" or "y9 3rd set". Capitals mean a postcode."""
    digit, letters = inward[0], inward[1:]
    ordinal = _ORDINAL_SUFFIXES.get(digit, "th")
    return letters == ordinal and not inward.isupper()


def find_dates_of_birth(text: str, tokens: Sequence[Token]) -> Iterator[Found]:
    for pattern in _FULL_DATES[:2]:
        for match in pattern.finditer(text):
            if _is_calendar_date(match):
                yield Found(Kind.BIRTHDATE, *match.span())
    for pattern in _FULL_DATES[2:]:
        for match in pattern.finditer(text):
            yield Found(Kind.BIRTHDATE, *match.span())
    for match in _BIRTHDAY.finditer(text):
        yield Found(Kind.BIRTHDATE, *match.span("date"))


def _is_calendar_date(match: re.Match[str]) -> bool:
    """Day and month in either order (UK or US), or year first, make a real date."""
    first, second, third = match.group(1), match.group(3), match.group(4)
    if len(first) == 4:
        return _day_month(int(third), int(second))
    a, b = int(first), int(second)
    return _day_month(a, b) or _day_month(b, a)


def _day_month(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12
