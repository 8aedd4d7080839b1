"""Greeting, main menu, small talk, the "I'm worried" button, rephrase prompts, privacy nudge."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot import insights
from bot.actions.common import ContentAction, Events, count, latest_intent, shared_details
from bot.content import Content
from bot.dialogue import menu, privacy
from bot.dialogue.replies import Reply


class ActionGreet(ContentAction):
    def name(self) -> str:
        return "action_greet"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        return menu.greeting(content), []


class ActionShowMenu(ContentAction):
    def name(self) -> str:
        return "action_show_menu"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        return [menu.main_menu(content)], []


class ActionSmallTalk(ContentAction):
    """One action for every small-talk intent; the words are in content/smalltalk.yml."""

    def name(self) -> str:
        return "action_small_talk"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        reply = menu.small_talk(content, latest_intent(tracker))
        return [reply or menu.rephrase(content, None)], []


class ActionRephrase(ContentAction):
    """For unclear and out-of-scope messages. Replaces Rasa's "Did you mean 'intent'?" prompt."""

    def name(self) -> str:
        return "action_rephrase"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        intent = latest_intent(tracker)
        if intent != menu.OUT_OF_SCOPE_INTENT:  # out of scope was understood, just not ours
            count(tracker, insights.EventKind.FALLBACK)
        return [menu.rephrase(content, intent)], []


class ActionPrivacyNudge(ContentAction):
    """For messages that only share (or offer) a name, number or address: nudge, then menu."""

    nudges_about_details = False

    def name(self) -> str:
        return "action_privacy_nudge"

    def respond(self, content: Content, tracker: Tracker) -> tuple[list[Reply], Events]:
        return [privacy.nudge(content, shared_details(tracker)), menu.main_menu(content)], []
