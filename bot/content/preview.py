"""Everything young people can read, on one static HTML page, for review before publishing.

`make preview` writes build/preview/content.html. The replies are built by the same code the
assistant uses (bot.dialogue), so the page shows exactly what a young person would see, message by
message with its buttons, followed by the full directory of services. Self-contained (no scripts,
nothing fetched), readable on screen and printable.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date

from bot.content.loader import Content
from bot.dialogue import disclosure, help, menu, privacy, trends, walkthrough
from bot.dialogue.replies import Reply
from bot.privacy.kinds import Kind

STYLE = """
body { font: 1rem/1.5 system-ui, sans-serif; color: #0b0c0c; max-width: 46rem; margin: 2rem auto;
       padding: 0 1rem; }
h1 { font-size: 1.8rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #0b0c0c; }
h3 { margin-top: 1.5rem; }
.message { white-space: pre-wrap; background: #f3f2f1; border-radius: .5rem; padding: .6rem .9rem;
           margin: .5rem 0; break-inside: avoid; }
.buttons { margin: .4rem 0 0; padding: 0; list-style: none; }
.buttons li { display: inline-block; border: 2px solid #1d4f91; color: #1d4f91; border-radius: 1rem;
              padding: .1rem .7rem; margin: .2rem .3rem 0 0; font-weight: 600; }
.note { color: #505a5f; }
dl { display: grid; grid-template-columns: 10rem 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
.service { break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; }
               .message { border: 1px solid #b1b4b6; } }
"""


def render_preview(content: Content, today: date | None = None) -> str:
    sections = [
        section("Greeting and menu", conversation(menu.greeting(content))),
        section("The four stages", _stages(content)),
        section("Emerging trends", _topics(content)),
        section("Getting help", _help(content)),
        section("Worrying disclosures", _disclosures(content)),
        section("Privacy", _privacy(content)),
        section("Small talk and unclear messages", _small_talk(content)),
        section("The chat widget", _widget(content)),
        section("Services", _services(content)),
    ]
    made = (today or date.today()).isoformat()
    note = (
        "Everything the assistant can say, as young people will see it, made from content/ on "
        f"{made}. Buttons are shown under the message they belong to."
    )
    return html_page("Content preview: safeguarding assistant", note, sections)


def html_page(title: str, note: str, sections: Iterable[str]) -> str:
    """A self-contained, printable page: no scripts, nothing fetched."""
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escaped(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<h1>{escaped(title)}</h1>\n<p class="note">{escaped(note)}</p>\n'
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


def section(title: str, body: str) -> str:
    return f"<section>\n<h2>{escaped(title)}</h2>\n{body}\n</section>"


def heading(title: str) -> str:
    return f"<h3>{escaped(title)}</h3>"


def conversation(replies: Iterable[Reply]) -> str:
    return "\n".join(_message(reply) for reply in replies)


def _message(reply: Reply) -> str:
    buttons = "".join(f"<li>{escaped(button.label)}</li>" for button in reply.buttons)
    listed = f'<ul class="buttons">{buttons}</ul>' if buttons else ""
    return f'<div class="message">{escaped(reply.text)}{listed}</div>'


def _stages(content: Content) -> str:
    parts = [conversation([walkthrough.overview(content)])]
    for stage in content.stages:
        parts += [heading(stage.title), conversation(walkthrough.stage(content, stage.id))]
    parts += [heading("After the last stage"), conversation([walkthrough.finished(content)])]
    return "\n".join(parts)


def _topics(content: Content) -> str:
    parts = [conversation([trends.trends_menu(content)])]
    for topic in content.topics:
        parts += [heading(topic.title), conversation(trends.topic(content, topic.id))]
    return "\n".join(parts)


def _help(content: Content) -> str:
    return "\n".join(
        [
            heading('"Get help now"'),
            conversation(help.get_help(content, None)),
            heading('"I\'m worried about something"'),
            conversation([menu.worried(content)]),
        ]
    )


def _disclosures(content: Content) -> str:
    parts = [
        '<p class="note">Sent first, for every disclosure, even when the rest of the assistant '
        "is down:</p>",
        conversation([Reply(content.safety.first_response)]),
    ]
    for category, reply in content.disclosures.items():
        parts += [
            heading(category.replace("_", " ").capitalize()),
            '<p class="note">When it is about someone else, or unclear, the first message is:</p>',
            conversation([Reply(reply.about_someone_else)]),
            '<p class="note">When it is about them:</p>',
            conversation(disclosure.respond(content, category, disclosure.ABOUT_SELF, None)),
        ]
    for step in disclosure.FOLLOW_UPS:
        label = step.replace("ask_", "").replace("_", " ")
        parts += [
            heading(f"Next step: {label}"),
            conversation(disclosure.follow_up(content, step, None)),
        ]
    parts += [
        heading('"That\'s not what I meant"'),
        conversation([disclosure.not_what_i_meant(content, None)]),
    ]
    return "\n".join(parts)


def _privacy(content: Content) -> str:
    every_kind = [kind.value for kind in Kind]
    return "\n".join(
        [
            '<p class="note">When someone shares details (here: every kind at once):</p>',
            conversation([privacy.nudge(content, every_kind)]),
            '<p class="note">When someone offers a detail without sharing it:</p>',
            conversation([privacy.nudge(content, [])]),
        ]
    )


def _small_talk(content: Content) -> str:
    parts = []
    for intent, text in content.smalltalk.replies.items():
        parts += [heading(intent.replace("_", " ").capitalize()), conversation([Reply(text)])]
    parts += [
        heading("Not understood"),
        conversation([menu.rephrase(content, None)]),
        heading("Not something the assistant helps with"),
        conversation([menu.rephrase(content, menu.OUT_OF_SCOPE_INTENT)]),
    ]
    return "\n".join(parts)


def _widget(content: Content) -> str:
    words = content.widget
    rows = [
        ("Heading", words.title),
        ("Note under it", words.privacy_note),
        ("Quick exit button", words.exit),
        (
            "While pressing Shift",
            f"{words.exit_status_many.format(count=2)} / {words.exit_status_one}",
        ),
        ("Clear button", words.clear),
        ("While waiting", words.typing),
        ("Message box", f"{words.input_label} [{words.send}]"),
        ("When it can't connect", words.offline),
    ]
    details = "".join(f"<dt>{escaped(name)}</dt><dd>{escaped(value)}</dd>" for name, value in rows)
    return f"<dl>{details}</dl>"


def _services(content: Content) -> str:
    return "\n".join(_service(service_id, content) for service_id in content.services)


def _service(service_id: str, content: Content) -> str:
    service = content.services[service_id]
    rows = [
        ("For", service.for_),
        *((contact.kind.value.capitalize(), contact.text) for contact in service.contacts),
        ("Anonymous", "yes" if service.anonymous else "no"),
        ("Privacy", service.privacy),
        ("Hours", service.hours or "not given"),
        ("Source", str(service.source)),
        ("Last checked", service.last_checked.isoformat()),
    ]
    details = "".join(f"<dt>{escaped(name)}</dt><dd>{escaped(value)}</dd>" for name, value in rows)
    return (
        f'<div class="service">{heading(f"{service.name} ({service_id})")}<dl>{details}</dl></div>'
    )


def escaped(value: str) -> str:
    return html.escape(value, quote=True)
