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
        _section("Greeting and menu", _conversation(menu.greeting(content))),
        _section("The four stages", _stages(content)),
        _section("Emerging trends", _topics(content)),
        _section("Getting help", _help(content)),
        _section("Worrying disclosures", _disclosures(content)),
        _section("Privacy", _privacy(content)),
        _section("Small talk and unclear messages", _small_talk(content)),
        _section("The chat widget", _widget(content)),
        _section("Services", _services(content)),
    ]
    made = (today or date.today()).isoformat()
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        "<title>Content preview: safeguarding assistant</title>\n"
        f"<style>{STYLE}</style>\n</head>\n<body>\n"
        "<h1>Content preview: safeguarding assistant</h1>\n"
        f'<p class="note">Everything the assistant can say, as young people will see it, made '
        f"from content/ on {made}. Buttons are shown under the message they belong to.</p>\n"
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )


def _section(title: str, body: str) -> str:
    return f"<section>\n<h2>{_text(title)}</h2>\n{body}\n</section>"


def _heading(title: str) -> str:
    return f"<h3>{_text(title)}</h3>"


def _conversation(replies: Iterable[Reply]) -> str:
    return "\n".join(_message(reply) for reply in replies)


def _message(reply: Reply) -> str:
    buttons = "".join(f"<li>{_text(button.label)}</li>" for button in reply.buttons)
    listed = f'<ul class="buttons">{buttons}</ul>' if buttons else ""
    return f'<div class="message">{_text(reply.text)}{listed}</div>'


def _stages(content: Content) -> str:
    parts = [_conversation([walkthrough.overview(content)])]
    for stage in content.stages:
        parts += [_heading(stage.title), _conversation(walkthrough.stage(content, stage.id))]
    parts += [_heading("After the last stage"), _conversation([walkthrough.finished(content)])]
    return "\n".join(parts)


def _topics(content: Content) -> str:
    parts = [_conversation([trends.trends_menu(content)])]
    for topic in content.topics:
        parts += [_heading(topic.title), _conversation(trends.topic(content, topic.id))]
    return "\n".join(parts)


def _help(content: Content) -> str:
    return "\n".join(
        [
            _heading('"Get help now"'),
            _conversation(help.get_help(content, None)),
            _heading('"I\'m worried about something"'),
            _conversation([menu.worried(content)]),
        ]
    )


def _disclosures(content: Content) -> str:
    parts = [
        '<p class="note">Sent first, for every disclosure, even when the rest of the assistant '
        "is down:</p>",
        _conversation([Reply(content.safety.first_response)]),
    ]
    for category, reply in content.disclosures.items():
        parts += [
            _heading(category.replace("_", " ").capitalize()),
            '<p class="note">When it is about someone else, or unclear, the first message is:</p>',
            _conversation([Reply(reply.about_someone_else)]),
            '<p class="note">When it is about them:</p>',
            _conversation(disclosure.respond(content, category, disclosure.ABOUT_SELF, None)),
        ]
    for step in disclosure.FOLLOW_UPS:
        label = step.replace("ask_", "").replace("_", " ")
        parts += [
            _heading(f"Next step: {label}"),
            _conversation(disclosure.follow_up(content, step, None)),
        ]
    parts += [
        _heading('"That\'s not what I meant"'),
        _conversation([disclosure.not_what_i_meant(content, None)]),
    ]
    return "\n".join(parts)


def _privacy(content: Content) -> str:
    every_kind = [kind.value for kind in Kind]
    return "\n".join(
        [
            '<p class="note">When someone shares details (here: every kind at once):</p>',
            _conversation([privacy.nudge(content, every_kind)]),
            '<p class="note">When someone offers a detail without sharing it:</p>',
            _conversation([privacy.nudge(content, [])]),
        ]
    )


def _small_talk(content: Content) -> str:
    parts = []
    for intent, text in content.smalltalk.replies.items():
        parts += [_heading(intent.replace("_", " ").capitalize()), _conversation([Reply(text)])]
    parts += [
        _heading("Not understood"),
        _conversation([menu.rephrase(content, None)]),
        _heading("Not something the assistant helps with"),
        _conversation([menu.rephrase(content, menu.OUT_OF_SCOPE_INTENT)]),
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
    details = "".join(f"<dt>{_text(name)}</dt><dd>{_text(value)}</dd>" for name, value in rows)
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
    details = "".join(f"<dt>{_text(name)}</dt><dd>{_text(value)}</dd>" for name, value in rows)
    return (
        f'<div class="service">{_heading(f"{service.name} ({service_id})")}<dl>{details}</dl></div>'
    )


def _text(value: str) -> str:
    return html.escape(value, quote=True)
