"""Group-session content: scenarios told across the four stages, and the quiz.

Each scenario must tell all four stages in order, and each sign the group can spot must be one of
that stage's signs in content/stages/, so the session teaches the same signs as the chat.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from bot.content.programme import STAGE_ORDER
from bot.content.reader import Reader
from bot.content.schema import QuizKind, QuizQuestion, Scenario, Stage

YES_NO = ("yes", "no")
# A session needs a choice of stories.
MIN_SCENARIOS = 2


def check_scenarios(
    reader: Reader,
    folder: Path,
    scenarios: Sequence[tuple[Scenario, Path]],
    stages: Iterable[Stage],
) -> None:
    if len(scenarios) < MIN_SCENARIOS:
        reader.whole_file(folder, f"add at least {MIN_SCENARIOS} scenarios, one file each")
    signs = {stage.id: {sign.id for sign in stage.signs} for stage in stages}
    orders: dict[int, str] = {}
    for scenario, path in scenarios:
        reader.named_like_file(path, "id", scenario.id)
        if scenario.order in orders:
            message = f"order {scenario.order} is also used by '{orders[scenario.order]}'"
            reader.problem(path, f"{message}: give each scenario its own number", "order")
        orders[scenario.order] = scenario.id
        _check_scenario_stages(reader, path, scenario, signs)


def _check_scenario_stages(
    reader: Reader, path: Path, scenario: Scenario, signs: Mapping[str, set[str]]
) -> None:
    told = [part.stage for part in scenario.stages]
    if told != list(STAGE_ORDER):
        reader.problem(
            path,
            f"the stages must be {', '.join(STAGE_ORDER)}, in that order, not {', '.join(told)}",
            "stages",
        )
        return
    for position, part in enumerate(scenario.stages):
        if part.stage not in signs:  # its stage file is missing: that is reported already
            continue
        for index, spotted in enumerate(part.signs):
            if spotted.sign not in signs[part.stage]:
                known = ", ".join(sorted(signs[part.stage]))
                reader.problem(
                    path,
                    f"'{spotted.sign}' is not a sign of the {part.stage} stage: use one of {known}",
                    "stages", position, "signs", index, "sign",
                )  # fmt: skip


def check_quiz(reader: Reader, path: Path, questions: Sequence[QuizQuestion]) -> None:
    seen: set[str] = set()
    for position, question in enumerate(questions):
        if question.id in seen:
            reader.problem(path, f"the id '{question.id}' is used twice", "questions", position)
        seen.add(question.id)
        allowed = answers_for(question.kind)
        if question.answer not in allowed:
            reader.problem(
                path,
                f"'{question.answer}' can't answer a {question.kind.value} question: "
                f"use one of {', '.join(allowed)}",
                "questions", position, "answer",
            )  # fmt: skip


def answers_for(kind: QuizKind) -> tuple[str, ...]:
    return STAGE_ORDER if kind is QuizKind.which_stage else YES_NO
