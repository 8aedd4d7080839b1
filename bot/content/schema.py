"""The shape of every file in content/.

These models are the documented schema editors write to. Unknown fields are errors, so a typo in a
field name is reported instead of silently ignored. Nothing here imports Rasa.
"""

from __future__ import annotations

import datetime
import string
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field, HttpUrl, constr, validator

if TYPE_CHECKING:  # to the type checker all three are plain strings
    Id = str
    Text = str
    Address = str
    Pattern = str
    Welsh = str
else:
    # An id is what other files and buttons use to refer to an item: lower case, digits, _.
    Id = constr(regex=r"^[a-z][a-z0-9_]*$")
    # Youth-facing text must say something: spaces around it are trimmed; it cannot be empty.
    # The content checks (bot/content/checks) read every Text field of the files young people
    # read, for wording and readability: give anything else in those files another type.
    Text = constr(strip_whitespace=True, min_length=1)
    # A phone number, web or email address: not prose, so the wording checks skip it.
    Address = constr(strip_whitespace=True, min_length=1)
    # A risk pattern (content/safety/README.md): what young people might type, which rightly
    # holds words the assistant itself must not use, so the wording checks skip it.
    Pattern = constr(strip_whitespace=True, min_length=1)
    # Welsh wording. The wording and readability checks are for English, so they skip it; the
    # content check lists Welsh that a Welsh speaker has not yet reviewed instead.
    Welsh = constr(strip_whitespace=True, min_length=1)


class Strict(BaseModel):
    class Config:
        extra = "forbid"
        allow_mutation = False


def check_template(value: str, allowed: Iterable[str]) -> str:
    """Reject a {placeholder} the code will not fill, before a young person sees it raw."""
    allowed = set(allowed)
    for _, field, _, _ in string.Formatter().parse(value):
        if field is not None and field not in allowed:
            names = ", ".join("{" + name + "}" for name in sorted(allowed)) or "none"
            raise ValueError(f"unknown placeholder {{{field}}}; this text can use: {names}")
    return value


def template(field: str, *allowed: str) -> Any:
    """A pydantic validator for a text field that may use the given placeholders."""
    return validator(field, allow_reuse=True)(lambda value: check_template(value, allowed))


# --- services (content/signposts.yml) ---


class ContactKind(str, Enum):
    phone = "phone"
    text = "text"
    web = "web"
    email = "email"


class Contact(Strict):
    kind: ContactKind
    # The bare number, address or keyword, kept apart from the wording so it can become a link.
    value: Address
    # How a young person reads it, e.g. "call 0800 1111 (free)".
    text: Text


class Service(Strict):
    id: Id
    name: Text
    # What the service is for, finishing the sentence "for ...".
    for_: Text = Field(alias="for")
    contacts: list[Contact] = Field(min_items=1)
    anonymous: bool
    # What the service keeps private, in plain words ("You don't have to give your name.").
    privacy: Text
    hours: Text | None = None
    # Where the facts were read, so they can be checked again.
    source: HttpUrl
    last_checked: datetime.date = Field(
        description="the date you last checked this service on its own website, like 2026-11-28"
    )


class Signposts(Strict):
    services: list[Service] = Field(min_items=1)


# --- the four stages (content/stages/<id>.yml) ---


class Sign(Strict):
    # Which of the programme's signs this covers (see bot/content/programme.py).
    id: Id
    sign: Text
    example: Text


class Stage(Strict):
    id: Id
    number: int = Field(ge=1)
    title: Text
    summary: Text
    signs: list[Sign] = Field(min_items=1)
    what_you_can_do: Text
    services: list[Id] = Field(min_items=1)


# --- emerging trends (content/topics/<id>.yml) ---


class Topic(Strict):
    id: Id
    # Lower numbers come first in the trends menu.
    order: int = Field(ge=1)
    title: Text
    # The short name on its button.
    button: Text
    summary: Text
    points_heading: Text | None = None
    points: list[Text] = []
    what_you_can_do: Text
    services: list[Id] = Field(min_items=1)


# --- menu, help and fallback (content/menu.yml) ---


class MenuButton(Strict):
    label: Text
    # The intent the button sends: learn_stages, learn_trends, worried or get_help.
    intent: Id


class Menu(Strict):
    greeting: Text
    prompt: Text
    buttons: list[MenuButton] = Field(min_items=1)
    rephrase: Text
    out_of_scope: Text
    worried: Text
    worried_services: list[Id] = Field(min_items=1)
    help_intro: Text
    help_services: list[Id] = Field(min_items=1)
    help_outro: Text
    back_button: Text
    menu_button: Text

    _back_button = template("back_button", "place")


# --- walkthrough wording (content/journey.yml) ---


class Journey(Strict):
    overview: Text
    start_button: Text
    stage_heading: Text
    signs_heading: Text
    example: Text
    what_you_can_do_heading: Text
    services_heading: Text
    service_line: Text
    hours: Text
    contacts_joiner: str
    next_button: Text
    previous_button: Text
    finish_button: Text
    finished: Text
    restart_button: Text
    trends_intro: Text
    trends_button: Text
    # Names of the places a young person can return to after asking for help.
    place_overview: Text
    place_trends: Text
    place_stage: Text

    _stage_heading = template("stage_heading", "number", "total", "title")
    _example = template("example", "example")
    _service_line = template("service_line", "name", "for", "contacts", "privacy")
    _hours = template("hours", "hours")
    _next_button = template("next_button", "number", "title")
    _previous_button = template("previous_button", "number", "title")
    _start_button = template("start_button", "number", "title")
    _place_stage = template("place_stage", "number", "title")


# --- small talk (content/smalltalk.yml) ---


class SmallTalk(Strict):
    # One reply per small-talk intent, keyed by the intent name.
    replies: dict[Id, Text]


# --- privacy (content/privacy.yml) ---


class Privacy(Strict):
    """What the assistant says when someone shares a detail that could identify them."""

    # {details}: what they shared, named as in `details` below, e.g. "names or phone numbers".
    nudge: Text
    # Used for {details} when they offered something without sharing it ("do you want my number?").
    any_details: Text
    # How each kind of detail is named, keyed by kind: name, phone, email, address, postcode,
    # school, handle, date of birth. Every kind needs a name here.
    details: dict[str, Text]
    # The word between the last two names in the list: "names or phone numbers".
    last_joiner: Text

    _nudge = template("nudge", "details")


# --- the chat widget's own words (content/widget.yml) ---


class WidgetWords(Strict):
    """The widget's buttons, labels and notes. The demo server writes them into widget.js."""

    title: Text
    widget_label: Text
    privacy_note: Text
    exit: Text
    exit_status_many: Text
    exit_status_one: Text
    clear: Text
    conversation_label: Text
    typing: Text
    input_label: Text
    send: Text
    suggested_replies: Text
    # Read out before each message by screen readers; they end with a space.
    you_said: str
    assistant_said: str
    # Shown when the assistant can't be reached: it must give Childline's number and 999.
    offline: Text
    # A link (tel:999) at the top of a reply that leads with 999.
    call_999: Text

    _exit_status_many = template("exit_status_many", "count")


# --- group sessions (content/scenarios/, content/quiz.yml, content/session.yml) ---


class SpottedSign(Strict):
    # The id of one of this stage's signs in content/stages/<stage>.yml.
    sign: Id
    # How that sign shows in this story, in a sentence.
    seen: Text


class ScenarioStage(Strict):
    # targeting, experience, hooked or trapped: every scenario tells all four, in that order.
    stage: Id
    # What happened at this stage of the story.
    story: Text
    # The signs the group can spot here, each linked to the stage's signs.
    signs: list[SpottedSign] = Field(min_items=1)
    # A question for the group to talk about. Ask about what the abuser does, never about
    # what the young person did to "cause" it.
    question: Text
    # A model answer for the facilitator (in the session pack, not on the screen): what the
    # group should take away, with no blame on the young person.
    answer: Text
    # What the young person in the story could do, and who could help.
    what_they_could_do: Text
    services: list[Id] = Field(min_items=1)


class Scenario(Strict):
    """content/scenarios/<id>.yml: a made-up young person's story, told across the four stages."""

    id: Id
    # Lower numbers come first.
    order: int = Field(ge=1)
    title: Text
    # One or two sentences introducing the story and who is in it.
    introduction: Text
    stages: list[ScenarioStage] = Field(min_items=4, max_items=4)


class QuizKind(str, Enum):
    which_stage = "which_stage"
    warning_sign = "warning_sign"


class QuizQuestion(Strict):
    id: Id
    # which_stage: the answer is a stage id. warning_sign: the answer is yes or no.
    kind: QuizKind
    question: Text
    answer: Id
    # Why that is the answer, shown after it is revealed.
    explanation: Text


class Quiz(Strict):
    """content/quiz.yml: "Which stage is this?" and "Is this a warning sign?" questions."""

    title: Text
    introduction: Text
    # The answer buttons for warning_sign questions.
    yes_button: Text
    no_button: Text
    correct: Text
    not_quite: Text
    # {answer} is the right answer's name.
    the_answer_is: Text
    next_button: Text
    # {score} right out of {total}.
    finished: Text
    questions: list[QuizQuestion] = Field(min_items=5)

    _the_answer_is = template("the_answer_is", "answer")
    _finished = template("finished", "score", "total")


class Session(Strict):
    """content/session.yml: the words around a group session, and the facilitator's notes."""

    title: Text
    welcome: Text
    # Agreements to read out at the start (for example: no names, you can step out).
    ground_rules: list[Text] = Field(min_items=1)
    # Notes for the youth worker, printed in the session pack only.
    facilitator_notes: list[Text] = Field(min_items=1)
    signs_prompt: Text
    reveal_button: Text
    question_heading: Text
    # Before each question's model answer in the session pack.
    answer_heading: Text
    what_they_could_do_heading: Text
    # Headings on the session screens.
    ground_rules_heading: Text
    choose_heading: Text
    stage_heading: Text
    quiz_progress: Text
    score: Text
    services_heading: Text
    closing: Text
    # The services shown at the end of every session.
    services: list[Id] = Field(min_items=1)

    _stage_heading = template("stage_heading", "number", "title")
    _quiz_progress = template("quiz_progress", "number", "total")
    _score = template("score", "score", "total")


# --- disclosures (content/safety/) ---


class RiskPatterns(Strict):
    """content/safety/patterns/<category>.yml: phrases that always count as a disclosure."""

    category: Id
    # Written in the small pattern language described in content/safety/README.md.
    patterns: list[Pattern] = Field(min_items=1)
    # Same language: everyday phrases that cancel a pattern they overlap ("die of embarrassment").
    unless: list[Pattern] = []


class WordLists(Strict):
    """content/safety/words.yml: named lists of words that patterns use as @name."""

    lists: dict[Id, list[Pattern]]
    # Words that show a message is about someone else (a friend, a sibling).
    someone_else: list[Pattern] = Field(min_items=1)
    # Words that show the young person is talking about themselves.
    myself: list[Pattern] = Field(min_items=1)
    # Words and emoji that show a message is a joke ("lol", "😂"): with them, a message whose only
    # worrying words are everyday figures of speech gets a check-in, not the full reply.
    jokes: list[Pattern] = Field(min_items=1)
    # Everyday things jokes are made about ("this song", "the wifi", "if i fail my mock"): like a
    # joke word, they make an everyday figure of speech get a check-in, not the full reply.
    trivial: list[Pattern] = []
    # A lesson, homework or a project: in a question ("beth yw county lines? ma gwers gyda ni
    # fory"), the message is learning unless a risk pattern or an emergency hears harm.
    schoolwork: list[Pattern] = []
    # Words that show a message is written in Welsh. Two different ones in a message are enough.
    welsh: list[Pattern] = Field(min_items=1)
    # Words found only in Welsh ("diolch", "dwi"): one is enough, so "diolch!" or "anghofia fe"
    # gets its reply in Welsh too.
    welsh_alone: list[Pattern] = []


class WelshReview(Strict):
    """Welsh wording carries this flag until a Welsh speaker has checked it."""

    # Set to true once a Welsh speaker has read and corrected the Welsh in this block.
    reviewed: bool = False


class CategoryWelsh(WelshReview):
    about_you: Welsh
    about_someone_else: Welsh


class CategoryReply(Strict):
    """content/safety/categories/<category>.yml: what to say after a disclosure."""

    category: Id
    about_you: Text
    # Used when the message is about someone else, or when it is unclear who it is about.
    about_someone_else: Text
    # When the young person says more about the same thing ("what do i do now"): what they can
    # do next, in a sentence or two. The category's services follow it.
    follow_up: Text
    # The services that fit best, most important first.
    services: list[Id] = Field(min_items=2, max_items=4)
    # The two openings in Welsh, for a young person who writes in Welsh (Welsh comes first).
    welsh: CategoryWelsh


class SafetyWelsh(WelshReview):
    first_response: Welsh
    honest: Welsh
    next_steps_prompt: Welsh


class SafetyReplies(Strict):
    """content/safety/replies.yml: wording shared by every disclosure reply."""

    # Sent first, by Rasa itself, even when the action server is down. domain.yml holds a copy
    # (utter_safety_first) that the tests keep identical to this.
    first_response: Text
    honest: Text
    next_steps_prompt: Text
    childline_button: Text
    anonymous_button: Text
    trusted_adult_button: Text
    not_what_i_meant_button: Text
    childline_answer: Text
    anonymous_answer: Text
    anonymous_services: list[Id] = Field(min_items=1)
    trusted_adult_answer: Text
    not_what_i_meant: Text
    # For a young person who writes in Welsh: the same words in Welsh, and the services added
    # after Childline (Meic, the helpline for children and young people in Wales).
    welsh: SafetyWelsh
    welsh_services: list[Id] = Field(min_items=1)


class UrgentWelsh(WelshReview):
    first: Welsh


class UrgentKind(Strict):
    """One kind of emergency (an overdose, bleeding that will not stop) and what to do first."""

    id: Id
    # The category whose help follows, when nothing else in the message says which.
    category: Id
    # Sent first, by Rasa itself (domain.yml holds a copy): 999 and the one action that matters
    # now. It must mention 999.
    first: Text
    welsh: UrgentWelsh
    # How young people say it, in the pattern language of content/safety/README.md.
    patterns: list[Pattern] = []
    unless: list[Pattern] = []


class Urgent(Strict):
    """content/safety/urgent.yml: emergencies, decided apart from the kind of harm."""

    kinds: list[UrgentKind] = Field(min_items=1)
    # The kind for an emergency that matches none of the kinds' patterns (say, an immediate
    # danger the classifier recognised). It must be one of the kinds.
    default: Id
    # When only the classifier hears an emergency, the kind to answer a disclosure of each of
    # these categories with (category -> kind); other categories get `default`.
    by_category: dict[Id, Id] = {}


class MomentKind(Strict):
    """A kind of moment, how young people say it, and the words for it."""

    id: Id
    patterns: list[Pattern] = Field(min_items=1)
    say: Text


class FearKind(MomentKind):
    # Listed after the answer, most useful first.
    services: list[Id] = []
    # In a conversation about the categories in_threads, the fears `instead_of` are taken to be
    # this one: "will i get in trouble for sending it?" after sextortion is about the pictures.
    instead_of: list[Id] = []
    in_threads: list[Id] = []


class ListeningWelsh(WelshReview):
    trust: Welsh
    invite: Welsh
    go_on: Welsh
    # Said first to a young person who writes in Welsh, before a reply with no Welsh of its own.
    meic: Welsh


class CheckIn(Strict):
    # Sent instead of the full reply when a joke touches self-harm or violence.
    text: Text
    ok_button: Text
    not_ok_button: Text
    # The answer to "I'm OK".
    ok_reply: Text
    # Everyday figures of speech ("kms", "i'm dead") that, in a message with a joke word, are
    # taken as a joke. A message with any other worrying words gets the full reply.
    figurative: list[Pattern] = Field(min_items=1)
    # After a check-in: words that say "I'm OK" ("lol im fine"), and words that say it was not a
    # joke ("tbh its not really a joke"), up to two messages later.
    ok_patterns: list[Pattern] = []
    not_ok_patterns: list[Pattern] = []


class Listening(Strict):
    """content/safety/listening.yml: the moments around telling, answered as a counsellor would."""

    # Is this private, do you save this, will you tell anyone, are you real.
    trust: Text
    trust_services: list[Id] = []
    # Ways of asking it the trained model may not know ("swear down?"), in the pattern language.
    trust_patterns: list[Pattern] = []
    # Openers ("can i tell you something"): the general invitation, and kinds that need their own.
    invite: Text
    openers: list[MomentKind] = []
    # Said to a message the assistant can't place while the young person is working up to telling.
    go_on: Text
    # When harm is heard only tentatively ("theres this guy on roblox thats been kinda weird"):
    # an invitation to say more. The help for that kind of harm follows it.
    concern: Text
    # Feelings: the acknowledgment for each kind (or `feeling` when none fits), then an invitation.
    feeling: Text
    feelings: list[MomentKind] = []
    feeling_invite: Text
    feeling_services: list[Id] = []
    # Said after a feeling acknowledged while an emergency is live, so 999 stays in view.
    still_in_danger: Text
    # Fears about telling: the answer for each kind (or `fear` when none fits).
    fear: Text
    fears: list[FearKind] = []
    fear_services: list[Id] = []
    # Fears no kind covers ("if i tell a teacher theyll exclude me"), answered with `fear`.
    fear_patterns: list[Pattern] = []
    # "nvm", "forget it": accepted, with the door left open.
    take_back: Text
    # Ways of taking it back the trained model may not know ("jk forget i said that").
    take_back_patterns: list[Pattern] = []
    # "What do I do?", when nothing has been told yet.
    what_to_do: Text
    # Before the services when the young person says more about something already told.
    follow_up_services: Text
    check_in: CheckIn
    welsh: ListeningWelsh


# --- the content checker's own settings (content/language.yml, content/checks.yml) ---


class AvoidEntry(Strict):
    """Wording that can blame a young person for what is done to them, and what to say instead."""

    # Phrases, matched as whole words in any mix of capitals. In a phrase, `a|b` means either word
    # (`_` joins words inside a choice: `the_gang|them`) and letters in brackets may be missing:
    # `runner(s)` matches runner and runners.
    avoid: list[Text] = Field(min_items=1)
    # Finishes the sentence '"<phrase>" ...', saying why it is a problem.
    why: Text
    instead: list[Text] = Field(min_items=1)


class AllowedUse(Strict):
    """One file where a phrase to avoid is right, with the reason."""

    # A file inside content/, like stages/hooked.yml.
    file: Text
    # The phrase as the checker quoted it, or as written under `avoid`.
    phrase: Text
    # Checked by the language check, which says what to write when it is missing or empty.
    reason: str | None = None


class LanguageRules(Strict):
    """content/language.yml: language that can blame young people, and the uses allowed."""

    phrases: list[AvoidEntry] = Field(min_items=1)
    allowed: list[AllowedUse] = []


class ReadabilityLimits(Strict):
    max_sentence_words: int = Field(ge=5)
    max_grade: int = Field(ge=1)
    min_words_for_grade: int = Field(ge=1)


class CheckSettings(Strict):
    """content/checks.yml: the limits the content checker warns at."""

    readability: ReadabilityLimits
