"""Check how young people reach each service (content/signposts.yml).

A wrong number or a broken address sends a young person nowhere when they need help, so these are
errors. Services' details change, so a service not checked for six months is a warning.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.content.reader import Reader
from bot.content.schema import Contact, ContactKind, Service

STALE_AFTER_MONTHS = 6


@dataclass(frozen=True)
class NumberRule:
    """UK numbers that start with `prefix` have one of `lengths` digits, the prefix included."""

    prefix: str
    lengths: tuple[int, ...]
    example: str


# The UK formats a service for young people uses (Ofcom's numbering plan). 084, 087 and 09 numbers
# are left out on purpose: they cost money to call.
NUMBER_RULES = (
    NumberRule("999", (3,), "999"),
    NumberRule("112", (3,), "112"),
    NumberRule("101", (3,), "101"),
    NumberRule("111", (3,), "111"),
    NumberRule("116", (6,), "116 123"),
    NumberRule("0800", (10, 11), "0800 555 111"),
    NumberRule("0808", (11,), "0808 800 5000"),
    NumberRule("03", (11,), "0300 123 4567"),
    NumberRule("01", (10, 11), "01632 960 123"),
    NumberRule("02", (11,), "020 7946 0000"),
    NumberRule("07", (11,), "07700 900 123"),
)
# Childline's 0800 1111 is a special short freephone number, shorter than the plan's 0800 numbers.
SPECIAL_NUMBERS = frozenset({"08001111"})
# Relay UK: 18001 (or 18000 for emergencies) before a number connects a textphone.
_RELAY = re.compile(r"^1800[01]\s+(?P<number>\S.*)$")
# Short codes that only take text messages, like Shout's 85258.
_SHORT_CODE = re.compile(r"^[1-9]\d{4,5}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_KNOWN_FORMATS = (
    "UK numbers start with 01, 02, 03, 07, 0800 or 0808, or are 999, 101, 111, 112, or 116 "
    "and 3 more digits"
)


def check_services(
    reader: Reader, path: Path, services: Sequence[Service], today: datetime.date
) -> None:
    for at, service in enumerate(services):
        where = ("services", at)
        for contact_at, contact in enumerate(service.contacts):
            problem = contact_problem(contact)
            if problem:
                reader.problem(
                    path, f"{service.name}: {problem}", *where, "contacts", contact_at, "value"
                )
        if service.source.scheme != "https":
            reader.problem(
                path,
                f"{service.name}: the source must be a secure address starting with https://: "
                "open it in a browser and copy the address from there",
                *where,
                "source",
            )
        _check_last_checked(reader, path, service, where, today)


def contact_problem(contact: Contact) -> str | None:
    """What is wrong with a contact's value, and how to fix it; None when it is fine."""
    if contact.kind in (ContactKind.phone, ContactKind.text):
        return phone_problem(contact.value, texting=contact.kind == ContactKind.text)
    if contact.kind == ContactKind.web:
        return web_problem(contact.value)
    if not _EMAIL.match(contact.value):
        return (
            f'"{contact.value}" is not an email address: write it like help@nspcc.org.uk, '
            "copied from the service's website"
        )
    return None


def phone_problem(value: str, texting: bool = False) -> str | None:
    relay = _RELAY.match(value.strip())
    number = _digits(relay["number"] if relay else value)
    check_it = "check it on the service's own website"
    if not number.isdigit():
        return f'"{value}" must be only digits and spaces, like 0808 800 5000: {check_it}'
    if _SHORT_CODE.match(number) and not number.startswith(("999", "112", "101", "111", "116")):
        if texting:
            return None
        return (
            f'"{value}" is a short code, which only takes texts: if it is for texting, '
            "change kind to text; otherwise " + check_it
        )
    if number in SPECIAL_NUMBERS:
        return None
    rule = max(
        (rule for rule in NUMBER_RULES if number.startswith(rule.prefix)),
        key=lambda rule: len(rule.prefix),
        default=None,
    )
    if rule is None:
        return f'"{value}" does not look like a UK phone number ({_KNOWN_FORMATS}): {check_it}'
    if len(number) not in rule.lengths:
        lengths = " or ".join(str(length) for length in rule.lengths)
        return (
            f'"{value}" has {len(number)} digits, but numbers starting {rule.prefix} have '
            f"{lengths} (like {rule.example}): {check_it}"
        )
    return None


def web_problem(value: str) -> str | None:
    parts = urlsplit(value.strip())
    if parts.scheme != "https":
        return (
            f'"{value}" must start with https:// (like https://www.childline.org.uk): '
            "open the site in a browser and copy the address from there"
        )
    host = parts.hostname or ""
    labels = host.split(".")
    if " " in value.strip() or len(labels) < 2 or not all(labels):
        return (
            f'"{value}" is not a full web address: it needs a site name with a dot, like '
            "https://www.childline.org.uk"
        )
    return None


def _digits(number: str) -> str:
    """The number without spaces or dashes, and +44 written as the 0 it stands for."""
    number = re.sub(r"[\s\-]", "", number)
    return "0" + number[3:] if number.startswith("+44") else number


def _check_last_checked(
    reader: Reader,
    path: Path,
    service: Service,
    where: tuple[str, int],
    today: datetime.date,
) -> None:
    checked = service.last_checked
    if checked > today:
        reader.warning(
            path,
            f"{service.name}: last_checked {checked} is in the future: write the date you checked",
            *where,
            "last_checked",
        )
    elif checked < months_before(today, STALE_AFTER_MONTHS):
        reader.warning(
            path,
            f"{service.name} was last checked on {checked}, more than {STALE_AFTER_MONTHS} months "
            "ago: check its numbers, hours and what it offers on its own website, then set "
            "last_checked to the date you did",
            *where,
            "last_checked",
        )


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month, `months` earlier (or that month's last day if it is shorter)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last_day))
