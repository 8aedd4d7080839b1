"""The printable pack a youth worker takes into a group session (`make session-pack`).

One HTML page with print styles: the facilitator's notes and ground rules, the four stages and
their signs, each scenario stage by stage with its signs and discussion questions, the quiz with
its answers, and the services. Built from the same content/ files as the session page.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.content.loader import Content
from bot.content.preview import escaped, heading, html_page, section
from bot.content.schema import Scenario
from bot.dialogue.quiz import answer_labels
from bot.dialogue.services import service_line


def render_session_pack(content: Content) -> str:
    session = content.session
    sections = [
        section("For the facilitator", _facilitator(content)),
        section("The four stages", _stages(content)),
        *(section(f"Scenario: {scenario.title}", _scenario(content, scenario))
          for scenario in content.scenarios),
        section(f"{content.quiz.title}: questions and answers", _quiz(content)),
        section("Who can help", _list(service_line(content, s) for s in session.services)),
    ]  # fmt: skip
    note = (
        "Made from content/. The session itself runs at /session on the assistant's demo page; "
        "this pack is for preparing and for the room."
    )
    return html_page(f"Session pack: {session.title}", note, sections)


def _facilitator(content: Content) -> str:
    session = content.session
    return "\n".join(
        [
            f"<p>{escaped(session.welcome)}</p>",
            heading("Notes for you"),
            _list(session.facilitator_notes),
            heading("Ground rules to agree with the group"),
            _list(session.ground_rules),
            heading("To close"),
            f"<p>{escaped(session.closing)}</p>",
        ]
    )


def _stages(content: Content) -> str:
    parts = []
    for stage in content.stages:
        title = f"Stage {stage.number}: {stage.title}"
        parts += [heading(title), f"<p>{escaped(stage.summary)}</p>"]
        parts.append(_list(sign.sign for sign in stage.signs))
    return "\n".join(parts)


def _scenario(content: Content, scenario: Scenario) -> str:
    parts = [f"<p>{escaped(scenario.introduction)}</p>"]
    session = content.session
    for part in scenario.stages:
        stage = content.stage(part.stage)
        signs = {sign.id: sign.sign for sign in stage.signs}
        spotted = (f"{signs[found.sign]} ({found.seen})" for found in part.signs)
        parts += [
            heading(f"Stage {stage.number}: {stage.title}"),
            f"<p>{escaped(part.story)}</p>",
            f"<p><strong>{escaped(session.signs_prompt)}</strong></p>",
            _list(spotted),
            f"<p><strong>{escaped(session.question_heading)}</strong> {escaped(part.question)}</p>",
            f"<p><strong>{escaped(session.answer_heading)}</strong> {escaped(part.answer)}</p>",
            f"<p><strong>{escaped(session.what_they_could_do_heading)}</strong> "
            f"{escaped(part.what_they_could_do)}</p>",
            _list(service_line(content, service_id) for service_id in part.services),
        ]
    return "\n".join(parts)


def _quiz(content: Content) -> str:
    quiz, items = content.quiz, []
    for question in quiz.questions:
        answer = answer_labels(content, question.kind)[question.answer]
        items.append(
            f"<li><p>{escaped(question.question)}</p>"
            f"<p><strong>{escaped(quiz.the_answer_is.format(answer=answer))}</strong> "
            f"{escaped(question.explanation)}</p></li>"
        )
    return f"<p>{escaped(quiz.introduction)}</p>\n<ol>{''.join(items)}</ol>"


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escaped(item)}</li>" for item in items) + "</ul>"
