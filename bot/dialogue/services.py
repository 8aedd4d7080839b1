"""How services are listed for young people: one line each, with how to reach them."""

from __future__ import annotations

from collections.abc import Iterable

from bot.content import Content

BULLET = "• "


def service_line(content: Content, service_id: str) -> str:
    service, journey = content.services[service_id], content.journey
    contacts = journey.contacts_joiner.join(contact.text for contact in service.contacts)
    line = journey.service_line.format(
        name=service.name, contacts=contacts, privacy=service.privacy, **{"for": service.for_}
    )
    if service.hours:
        line = f"{line} {journey.hours.format(hours=service.hours)}"
    return line


def services_block(content: Content, service_ids: Iterable[str]) -> str:
    """A heading-less bullet list of services, in the order given."""
    return "\n".join(BULLET + service_line(content, service_id) for service_id in service_ids)


def bullets(items: Iterable[str]) -> str:
    return "\n".join(BULLET + item for item in items)


def what_you_can_do(content: Content, advice: str, service_ids: Iterable[str]) -> str:
    """The closing message of a stage or topic: advice, then who can help."""
    journey = content.journey
    return (
        f"{journey.what_you_can_do_heading}\n{advice}\n\n"
        f"{journey.services_heading}\n{services_block(content, service_ids)}"
    )
