"""The four stages, one at a time, with next, back and menu buttons."""

from __future__ import annotations

from dataclasses import dataclass

from bot.content import Content
from bot.content.schema import Stage
from bot.dialogue.places import (
    LEARN_TRENDS_INTENT,
    MENU_INTENT,
    OVERVIEW,
    stage_from_intent,
    stage_intent,
    stage_place,
)
from bot.dialogue.replies import Button, Reply
from bot.dialogue.services import BULLET, what_you_can_do

NEXT_STAGE_INTENT = "next_stage"
PREVIOUS_STAGE_INTENT = "previous_stage"
STEPS = {NEXT_STAGE_INTENT: +1, PREVIOUS_STAGE_INTENT: -1}


@dataclass(frozen=True)
class Shown:
    """What to send, and where the young person is afterwards."""

    replies: list[Reply]
    place: str | None
    stage_id: str | None = None
    # They pressed "finish" on the last stage: the whole walkthrough was seen.
    completed: bool = False


def respond(content: Content, intent: str, current_stage: str | None) -> Shown:
    """Answer a stage intent (stage_<id>), or next/previous from `current_stage`."""
    if intent in STEPS:
        target = neighbour(content, current_stage, STEPS[intent])
        if target is None and intent == NEXT_STAGE_INTENT:
            last = content.stages[-1].id
            return Shown([finished(content)], stage_place(last), completed=True)
        stage_id = target.id if target else None
    else:
        stage_id = stage_from_intent(intent)
    if stage_id is None or stage_id not in {known.id for known in content.stages}:
        return Shown([overview(content)], OVERVIEW)
    return Shown(stage(content, stage_id), stage_place(stage_id), stage_id)


def overview(content: Content) -> Reply:
    first = content.stages[0]
    start = content.journey.start_button.format(number=first.number, title=first.title)
    return Reply(content.journey.overview, (Button(start, stage_intent(first.id)),))


def stage(content: Content, stage_id: str) -> list[Reply]:
    """A stage as three messages: what it is, its signs, and what you can do."""
    journey, current = content.journey, content.stage(stage_id)
    heading = journey.stage_heading.format(
        number=current.number, total=len(content.stages), title=current.title
    )
    signs = "\n\n".join(
        f"{BULLET}{sign.sign}\n{journey.example.format(example=sign.example)}"
        for sign in current.signs
    )
    help_text = what_you_can_do(content, current.what_you_can_do, current.services)
    return [
        Reply(f"{heading}\n{current.summary}"),
        Reply(f"{journey.signs_heading}\n\n{signs}"),
        Reply(help_text, _stage_buttons(content, current), tuple(current.services)),
    ]


def _stage_buttons(content: Content, current: Stage) -> tuple[Button, ...]:
    journey = content.journey
    before, after = neighbour(content, current.id, -1), neighbour(content, current.id, +1)
    buttons = []
    if before:
        label = journey.previous_button.format(number=before.number, title=before.title)
        buttons.append(Button(label, stage_intent(before.id)))
    if after:
        label = journey.next_button.format(number=after.number, title=after.title)
        buttons.append(Button(label, stage_intent(after.id)))
    else:
        buttons.append(Button(journey.finish_button, NEXT_STAGE_INTENT))
    buttons.append(Button(content.menu.menu_button, MENU_INTENT))
    return tuple(buttons)


def neighbour(content: Content, stage_id: str | None, step: int) -> Stage | None:
    """The stage `step` places away from `stage_id`, or None past either end.

    With no current stage, "next" starts at the first stage and "previous" has nowhere to go.
    """
    ids = [stage.id for stage in content.stages]
    if stage_id not in ids:
        return content.stages[0] if step > 0 else None
    position = ids.index(stage_id) + step
    return content.stages[position] if 0 <= position < len(ids) else None


def finished(content: Content) -> Reply:
    journey, menu = content.journey, content.menu
    buttons = (
        Button(journey.restart_button, stage_intent(content.stages[0].id)),
        Button(journey.trends_button, LEARN_TRENDS_INTENT),
        Button(menu.menu_button, MENU_INTENT),
    )
    return Reply(journey.finished, buttons)
