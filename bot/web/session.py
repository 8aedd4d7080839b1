"""What the group-session page (/session) shows, as one JSON document it loads once.

Built from content/ (session.yml, scenarios/, quiz.yml, stages/, signposts.yml) so the session
teaches exactly what the chat teaches, and works offline once the page has loaded.
"""

from __future__ import annotations

from typing import Any

from bot.content import Content
from bot.content.schema import QuizQuestion, Scenario, ScenarioStage
from bot.dialogue.quiz import answer_labels
from bot.dialogue.services import BULLET, service_line


def session_json(content: Content) -> dict[str, Any]:
    session = content.session
    return {
        "session": {
            **session.dict(exclude={"facilitator_notes", "services"}),
            "services": _services(content, session.services),
        },
        "stages": [
            {
                "id": stage.id,
                "number": stage.number,
                "title": stage.title,
                "summary": stage.summary,
                "signs": [{"id": sign.id, "sign": sign.sign} for sign in stage.signs],
            }
            for stage in content.stages
        ],
        "scenarios": [_scenario(content, scenario) for scenario in content.scenarios],
        "quiz": {
            **content.quiz.dict(exclude={"questions", "yes_button", "no_button"}),
            "questions": [_question(content, question) for question in content.quiz.questions],
        },
    }


def _services(content: Content, service_ids: list[str]) -> list[str]:
    return [BULLET + service_line(content, service_id) for service_id in service_ids]


def _scenario(content: Content, scenario: Scenario) -> dict[str, Any]:
    return {
        "id": scenario.id,
        "title": scenario.title,
        "introduction": scenario.introduction,
        "stages": [_scenario_stage(content, part) for part in scenario.stages],
    }


def _scenario_stage(content: Content, part: ScenarioStage) -> dict[str, Any]:
    stage = content.stage(part.stage)
    sign_text = {sign.id: sign.sign for sign in stage.signs}
    return {
        "stage": stage.id,
        "number": stage.number,
        "stage_title": stage.title,
        "story": part.story,
        "signs": [
            {"sign": spotted.sign, "sign_text": sign_text[spotted.sign], "seen": spotted.seen}
            for spotted in part.signs
        ],
        "question": part.question,
        "what_they_could_do": part.what_they_could_do,
        "services": _services(content, part.services),
    }


def _question(content: Content, question: QuizQuestion) -> dict[str, Any]:
    labels = answer_labels(content, question.kind)
    return {
        "id": question.id,
        "kind": question.kind.value,
        "question": question.question,
        "options": [{"value": value, "label": label} for value, label in labels.items()],
        "answer": question.answer,
        "answer_label": labels[question.answer],
        "explanation": question.explanation,
    }
