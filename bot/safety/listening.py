"""The listening layer: decide on the conversation, not only on the last message.

Young people test the listener before they tell, tell in pieces or in disguise, and take it back.
A trained counsellor recognises those moments, invites, and keeps the thread. This module does the
same, in plain Python:

- `Signals` is what one message says, as the NLU found it: the intent model's intent, the
  disclosure classifier's probabilities, which risk patterns matched, an emergency's kind, a joke
  word, Welsh, an opener, a feeling or a fear.
- `State` is what earlier messages signalled, carried from one message to the next as numbers and
  flags only, never text: the disclosure being talked about (its category), whether the young
  person is working up to telling, the previous message's probabilities when it nearly was a
  disclosure, whether a check-in was just sent, and whether the conversation is in Welsh.
- `listen(state, signals)` combines them into an `Outcome`: the intent the dialogue acts on, the
  moment to answer (trust, an invitation, a feeling...), the disclosure if there is one (its
  category, and apart from it, whether it is urgent), and the state for the next message.

The rules, in order:
1. An emergency (an urgent pattern, or immediate danger) is always answered as one, leading with
   999 (intent immediate_danger); its category is the message's, or the kind's. While it is live,
   only a feeling or a trust question in its own words, with nothing else worrying in it ("i dont
   want him in trouble", "r u gonna tell my mum"), is answered as itself, with 999 kept in view.
2. A joke that touches self-harm or violence ("kms lol") gets a check-in, but only when every
   worrying phrase in it is an everyday figure of speech.
3. After a check-in, "not really" leads to the self-harm help.
4. A disclosure is decided by the risk patterns and the classifier (decision.py), with the previous
   message's probabilities added when it nearly was one, and a lower threshold while the young
   person is working up to telling. Inside a disclosure already told, a message about the same
   thing, or one that does not clearly say another kind of harm, keeps its help (a follow-up).
5. Otherwise the moment: trust questions, fears, feelings, openers, taking it back, and, while
   listening, a message that cannot be placed gets an invitation to go on, never "say it another
   way".
The thresholds were chosen on the development sets in tests/dev/teen_voice*, never on the
evaluation sets.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from bot.safety.categories import CATEGORIES, IMMEDIATE_DANGER, is_disclosure
from bot.safety.decision import CATEGORY_CONFIDENCE, DISCLOSURE_THRESHOLD, Decision, decide
from bot.safety.patterns import GENERAL_FEAR

# The intents the listening layer reads, as the intent model names them.
TRUST_QUESTION = "trust_question"
TRUST_INTENTS = frozenset({TRUST_QUESTION, "bot_challenge"})
OPENER = "opener"
WORRIED = "worried"
FEAR_OF_TELLING = "fear_of_telling"
TAKE_IT_BACK = "take_it_back"
NOT_WHAT_I_MEANT = "not_what_i_meant"
HYPERBOLE = "hyperbole"
CHECKIN_OK = "checkin_ok"
CHECKIN_NOT_OK = "checkin_not_ok"
ASK_WHAT_TO_DO = "ask_what_to_do"
FALLBACK = "nlu_fallback"
OUT_OF_SCOPE = "out_of_scope"
GET_HELP = "get_help"
WHO_MADE_YOU = "who_made_you"
GREET = "greet"
ASK_CHILDLINE = "ask_childline"
# Messages the assistant cannot place.
UNPLACED = frozenset({FALLBACK, OUT_OF_SCOPE})
# After these, the assistant keeps listening for what comes next.
LISTENING_INTENTS = frozenset({*TRUST_INTENTS, OPENER, WORRIED, FEAR_OF_TELLING})
# Intents under which a trust question's own words ("swear down?") still make it one.
ASKING = frozenset({*UNPLACED, OPENER, WORRIED, ASK_WHAT_TO_DO, FEAR_OF_TELLING})
# A fear about telling in its own words ("if i report them theyll know it was me") is answered as
# one under these intents too: the fear is what the message is about ("should i tell a teacher
# or will it make it worse").
FEAR_OVER = frozenset(
    {*ASKING, *TRUST_INTENTS, ASK_CHILDLINE, GET_HELP, "ask_anonymous_report", "ask_trusted_adult"}
)
# Intents for learning about the programme, by their names' beginnings.
LEARNING_PREFIXES = ("stage_", "topic_", "learn_")
# Inside a disclosure already told, these carry on telling it: the follow-up keeps its help.
CARRYING_ON = frozenset({*UNPLACED, ASK_WHAT_TO_DO, GET_HELP, OPENER})
# Intents under which words taking it back ("jk forget i said that") make a message a take-back.
TAKEN_BACK_UNDER = frozenset({*UNPLACED, NOT_WHAT_I_MEANT, "goodbye"})
# Intents that leave an emergency or a disclosure behind (with stage_, topic_ and quiz_ ones).
# Not "I'm OK": "honestly i feel fine now" after tablets is when 999 matters most.
MOVING_ON = frozenset(
    {
        TAKE_IT_BACK, NOT_WHAT_I_MEANT, GREET, "goodbye", "thanks", "menu",
        "learn_stages", "learn_trends", "next_stage", "previous_stage", ASK_CHILDLINE,
        "ask_anonymous_report", "ask_trusted_adult", "share_details", WHO_MADE_YOU,
    }
)  # fmt: skip
# A joke about these gets a check-in; a "joke" about sexual abuse or grooming never does.
JOKE_PRONE = frozenset({"self_harm", "weapons_violence", "immediate_danger", "peer_abuse"})
SELF_HARM = "self_harm"
PEER_ABUSE = "peer_abuse"
SICK = "sick"
# The feeling and fear kinds (content/safety/listening.yml) that the rules below tell apart.
CARE = "care"
ARREST = "arrest"
# Feelings acknowledged inside a disclosure whatever the classifier hears in them. Not "scared",
# "sad" or "self_hate" out of an emergency: those may start a new harm, and are heard as the
# classifier hears them.
FELT_IN_A_DISCLOSURE = frozenset({CARE, "angry", "ashamed", "alone", "overwhelmed", "disbelieved"})
# While an emergency is live, a feeling is acknowledged after "if you are still in danger, call
# 999 now" ("i cant stop crying", "i feel like a proper idiot"), rather than the same emergency
# message again.
FELT_IN_AN_EMERGENCY = FELT_IN_A_DISCLOSURE | {"scared", "sad", "self_hate"}
# Emergencies of the body (content/safety/urgent.yml kinds), where feeling sick or dizzy is the
# emergency itself: "i feel really sick" after tablets gets the overdose message again. In any
# other emergency, "i feel sick every time i think about it" is a feeling.
FELT_IN_THE_BODY = frozenset({"overdose", "bleeding", "harm_now"})
# Emergencies (urgent.yml kinds) that are self-harm whatever else the classifier hears in them:
# "im on the bridge ... keep looking down" gets self-harm's help even if it leans to "missing".
SELF_INFLICTED = frozenset({"overdose", "jump", "harm_now"})
# In an emergency these say less than 999 and the danger help already do: peer abuse's help is
# about people your own age, and "mums boyfriend is hitting her" is not that.
NOT_MORE_SPECIFIC = frozenset({IMMEDIATE_DANGER, PEER_ABUSE})
# Out of the blue, these feelings are met first even when the classifier alone hears peer abuse
# in them ("i eat lunch in the toilets cos i have no one to sit with"): see _feeling_before_harm.
FELT_BEFORE_HARM = frozenset({"alone", "sad", "self_hate"})

# How many messages each state lasts (the current one not counted).
LISTENING_MESSAGES = 3  # working up to telling, after an opener, a trust question or a feeling
THREAD_MESSAGES = 6  # a disclosure's help is kept for follow-ups
URGENT_MESSAGES = 3  # an emergency is still live
CHECK_IN_MESSAGES = 3  # after a check-in, "actually its not a joke" is listened for
# While listening, the classifier's categories together need only this much to be a disclosure.
LISTENING_THRESHOLD = 0.4
# A message that nearly was a disclosure (its categories together held at least this much) is
# remembered, and half its probabilities are added to the next message's.
NEAR_MISS = 0.2
CARRY = 0.5
# A disclosure the emergency classifier is this sure of is answered as an emergency, even when no
# emergency pattern matched ("ive done something stupid and i feel really sick").
URGENT = 0.6
# Below this, a disclosure only the classifier heard, out of the blue, is tentative: an invitation
# to say more, with that kind of harm's help in view, rather than the whole reply.
TENTATIVE = 0.75
# A disclosure the classifier thinks this likely to be only a first piece (a hint or a sign, "ive
# packed a bag") is tentative too.
PARTIAL = 0.8
# ...unless it is told plainly and the classifier is this sure of its category.
TOLD_SURELY = 0.95
# A statement of at most this many words that only the classifier hears harm in is a first piece.
SHORT_PIECE = 7
# While an emergency is live, a feeling tells of a new danger when the classifier is this sure.
SURE_OF_DANGER = 0.5
# Inside a disclosure, a model-only decision of another category replaces it only this sure.
SWITCH_CONFIDENCE = 0.8
# A trust question in its own words that the intent model is this sure of is one, whatever the
# classifier alone hears.
TRUST_AGREED = 0.6
# An unplaced message whose runner-up intent is a listening one this sure is taken as that one.
RUNNER_UP_CONFIDENCE = 0.2
# While an emergency is live, the intent model must be this sure that a message moves on ("what
# are the stages") before 999 stops leading: "should i get involved" can lean to learning.
MOVE_ON_CONFIDENCE = 0.8

ABOUT_SELF = "self"
ABOUT_UNCLEAR = "unclear"
ABOUT_SOMEONE_ELSE = "someone_else"

# Where the safety net puts its decision in a message's parse data, for the dialogue and the
# actions: the disclosure (Disclosure.to_dict) and the listening layer's moment and state.
DISCLOSURE_KEY = "disclosure"
LISTENING_KEY = "listening"

# The entities the safety net sets for a disclosure, which fill the slots of the same names: they
# pick the static first reply's variation in domain.yml (its language, and the emergency's kind).
LANGUAGE = "language"
URGENCY = "urgency"
WELSH = "cy"
ENGLISH = "en"


class Moment(str, Enum):
    """What kind of reply a message needs, apart from a disclosure's."""

    TRUST = "trust"  # an honest answer about privacy and telling
    INVITE = "invite"  # an opener: a gentle invitation to go on
    GO_ON = "go_on"  # an unplaced message while listening: "I'm listening"
    FEELING = "feeling"  # a feeling, acknowledged
    WORRIED = "worried"  # a worry, with no particular feeling named
    FEAR = "fear"  # a fear about telling, answered with the facts
    TAKE_BACK = "take_back"  # "nvm": accepted, door left open
    WHAT_TO_DO = "what_to_do"  # "what do i do?" before anything was told
    FOLLOW_UP = "follow_up"  # more about a disclosure already told: its help again
    CONCERN = "concern"  # harm heard tentatively: an invitation to say more, with its help
    CHECK_IN = "check_in"  # a joke that touched self-harm or violence
    CHECK_IN_OK = "check_in_ok"  # "I'm OK" after a check-in


@dataclass(frozen=True)
class Signals:
    """What one message says, as the NLU found it."""

    intent: str  # the intent model's intent, never a disclosure category (the decision is here)
    confidence: float = 1.0  # the intent model's, for `intent`
    probabilities: Mapping[str, float] = field(default_factory=dict)  # category -> probability
    risks: frozenset[str] = frozenset()  # categories whose risk patterns matched
    urgency: str | None = None  # the emergency kind an urgent pattern matched
    urgent_probability: float = 0.0  # the classifier's: an emergency, whatever its category
    partial_probability: float = 0.0  # the classifier's: a disclosure that is only a first piece
    opener: str | None = None  # kinds the listening patterns matched
    only_opener: bool = False  # nothing but an opener ("theres this man")
    feeling: str | None = None
    fear: str | None = None
    trust: bool = False  # words of a question about privacy or telling ("swear down?")
    takes_back: bool = False  # words taking back what was said ("jk forget i said that")
    sounds_ok: bool = False  # "lol im fine", for after a check-in
    sounds_not_ok: bool = False  # "tbh its not really a joke", for after a check-in
    joke: bool = False
    trivial: bool = False  # about an everyday thing jokes are made about ("this song")
    schoolwork: bool = False  # a question for a lesson, homework or a project
    figurative: bool = False  # an everyday figure of speech touching harm ("kms", "i'm dead")
    # Every worrying phrase lies inside such a figure of speech.
    only_figurative: bool = True
    welsh: bool = False
    about: str = ABOUT_UNCLEAR  # self, someone_else or unclear
    runner_up: tuple[str, float] | None = None  # the intent model's next best intent
    # Something said, not asked ("i got nowhere else to go"): inside a disclosure, it is heard
    # and acknowledged before the help, rather than answered with the help alone.
    statement: bool = False
    words: int = 0  # how many words the message has (a count, never the words)
    typed: bool = True  # False for a button, whose payload names its intent


@dataclass(frozen=True)
class State:
    """What earlier messages signalled: numbers and flags only, never text."""

    thread: str | None = None  # the category of the disclosure being talked about
    thread_left: int = 0  # messages left in which follow-ups keep its help
    tentative: bool = False  # the thread was only heard tentatively: no whole reply yet
    urgency: str | None = None  # the kind of emergency, while it is live
    urgent_left: int = 0
    listening_left: int = 0  # messages left in which the young person is working up to telling
    # The previous message's probabilities, when it nearly was a disclosure.
    near_miss: Mapping[str, float] = field(default_factory=dict)
    about: str = ABOUT_UNCLEAR
    checked_in_left: int = 0  # messages left in which a check-in's answer is listened for
    welsh: bool = False
    # A fear about telling voiced while working up to telling ("will i get arrested?"): the
    # disclosure that follows answers it again, now that it is about something real.
    fear: str | None = None

    def aged(self) -> State:
        """The state as the next message finds it: one message older."""
        thread_left = max(0, self.thread_left - 1)
        urgent_left = max(0, self.urgent_left - 1)
        listening_left = max(0, self.listening_left - 1)
        return replace(
            self,
            thread=self.thread if thread_left else None,
            tentative=self.tentative and thread_left > 0,
            thread_left=thread_left,
            urgency=self.urgency if urgent_left else None,
            urgent_left=urgent_left,
            listening_left=listening_left,
            checked_in_left=max(0, self.checked_in_left - 1),
            fear=self.fear if listening_left else None,
        )

    def to_dict(self) -> dict[str, Any]:
        """For the tracker: category and kind names, counts, rounded numbers and flags."""
        return {
            "thread": self.thread,
            "thread_left": self.thread_left,
            "tentative": self.tentative,
            "urgency": self.urgency,
            "urgent_left": self.urgent_left,
            "listening_left": self.listening_left,
            "near_miss": {name: round(value, 3) for name, value in self.near_miss.items()},
            "about": self.about,
            "checked_in_left": self.checked_in_left,
            "welsh": self.welsh,
            "fear": self.fear,
        }

    @classmethod
    def from_dict(cls, data: object) -> State:
        """Read a stored state back; anything missing or malformed counts as nothing said."""
        if not isinstance(data, Mapping):
            return cls()
        near_miss = data.get("near_miss")
        return cls(
            thread=_category_or_none(data.get("thread")),
            thread_left=_count(data.get("thread_left")),
            tentative=data.get("tentative") is True,
            urgency=_identifier_or_none(data.get("urgency")),
            urgent_left=_count(data.get("urgent_left")),
            listening_left=_count(data.get("listening_left")),
            near_miss={
                name: float(value)
                for name, value in (near_miss.items() if isinstance(near_miss, Mapping) else ())
                if name in CATEGORIES and isinstance(value, (int, float))
            },
            about=str(data.get("about") or ABOUT_UNCLEAR),
            checked_in_left=_count(data.get("checked_in_left")),
            welsh=data.get("welsh") is True,
            fear=_identifier_or_none(data.get("fear")),
        )


@dataclass(frozen=True)
class Disclosure:
    category: str
    source: str  # patterns, model, both, conversation, urgent, check_in or button
    about: str
    urgent: bool = False
    urgency: str | None = None  # the emergency's kind, when urgent
    follow_up: bool = False  # more about a disclosure already answered
    fear: str | None = None  # a fear about telling voiced in the same message
    welsh: bool = False
    # How sure the classifier is that this is a disclosure (its categories together, with the
    # previous near miss added), for explaining decisions; patterns decide whatever it says.
    confidence: float = 0.0
    tentative: bool = False  # only an invitation to say more, with the help in view

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "confidence": round(self.confidence, 3),
            "tentative": self.tentative,
            "source": self.source,
            "about": self.about,
            "urgent": self.urgent,
            "urgency": self.urgency,
            "follow_up": self.follow_up,
            "fear": self.fear,
            "welsh": self.welsh,
        }


@dataclass(frozen=True)
class Outcome:
    intent: str  # what the dialogue acts on
    state: State  # for the next message
    moment: Moment | None = None
    kind: str | None = None  # the opener's, feeling's or fear's kind; the check-in's category
    disclosure: Disclosure | None = None

    @property
    def check_in(self) -> bool:
        return self.moment is Moment.CHECK_IN

    @property
    def urgent(self) -> bool:
        return self.disclosure is not None and self.disclosure.urgent


@dataclass(frozen=True)
class Rules:
    """What listening needs from content/safety: each emergency kind's category and the default
    kind (urgent.yml), and which fear a fear is taken for in a conversation about a category
    (listening.yml: "will i get in trouble?" after sextortion is about the pictures)."""

    emergency_categories: Mapping[str, str]
    default_emergency: str
    # category -> the emergency kind when only the classifier hears an emergency
    emergency_by_category: Mapping[str, str] = field(default_factory=dict)
    # (category being talked about, fear heard) -> the fear to answer
    fears_in_threads: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def fear(self, heard: str | None, thread: str | None) -> str | None:
        if heard is None or thread is None:
            return heard
        return self.fears_in_threads.get((thread, heard), heard)


def listen(previous: State, signals: Signals, rules: Rules) -> Outcome:
    """What this message means in this conversation, and the state the next one finds."""
    state = replace(
        previous.aged(),
        welsh=previous.welsh or signals.welsh,
        about=signals.about if signals.about != ABOUT_UNCLEAR else previous.about,
    )
    if not signals.typed:
        return _button(previous, state, signals)
    combined, threshold = _with_context(state, signals)
    decision = _in_welsh_trust_the_patterns(signals, decide(signals.risks, combined, threshold))
    # A question for school, or only an opener ("theres this man"): what the classifier alone
    # hears in it is not a disclosure yet. Its probabilities carry to the next message.
    not_yet = signals.schoolwork or signals.only_opener
    if decision and not_yet and _only_the_classifier(signals, decision):
        decision = None
    category = decision.category if decision else None
    signals = replace(signals, fear=_fear_in_context(signals, state.thread or category, rules))
    heard = Heard(decision, combined)
    if _only_a_feeling(state, signals, decision):
        # "i dont want him getting in trouble, hes my brother", after telling he was stabbed:
        # acknowledged, with the help (and in an emergency, 999) still in view.
        return Outcome(WORRIED, state, Moment.FEELING, kind=signals.feeling)
    if state.urgency and _only_a_question(signals, decision):
        # "r u gonna tell my mum" after an overdose: answered honestly, with 999 still in view.
        return Outcome(TRUST_QUESTION, state, Moment.TRUST)
    if state.urgency and state.thread and (decision or not _surely_moves_on(signals)):
        # While an emergency is live, whatever else they say gets 999 first again, even "my mum
        # will kill me" (no check-in) or "nvm" (no taking it back), and what they say about where
        # they are or how they feel in other words ("i can see a big tesco from the window").
        return _emergency(state, signals, heard, rules, follow_up=True)
    if previous.checked_in_left and decision is None and _not_ok_after_check_in(previous, signals):
        return _not_ok(state, signals)
    if _not_a_disclosure_after_all(signals, heard):
        return _moment(previous, state, signals)
    touches_harm = decision or signals.urgency or signals.figurative or signals.intent == HYPERBOLE
    if touches_harm and _a_joke(signals, decision):
        return _check_in(state, signals, category)
    if decision and _danger_only_guessed(signals, decision):
        heard = Heard(_specific_instead(decision, combined), combined)
    if heard.decision and _feeling_before_harm(state, signals, heard.decision):
        # "i eat lunch in the toilets cos i have no one to sit with": the feeling is acknowledged
        # and they are invited to say more. Nothing is carried as a near miss: "its
        # embarrassing" next is a feeling, not the bullying told.
        listening = replace(state, listening_left=LISTENING_MESSAGES, near_miss={})
        return Outcome(WORRIED, listening, Moment.FEELING, kind=signals.feeling)
    if signals.urgency or heard.decision is not None:
        told = heard.decision.category if heard.decision else None
        carried = rules.fear(state.fear, state.thread or told)
        return _harm(state, replace(signals, fear=signals.fear or carried), heard, rules)
    return _moment(previous, state, signals)


def _only_a_feeling(state: State, signals: Signals, decision: Decision | None) -> bool:
    """Inside a disclosure already told, a feeling about it, said without a risk or an
    emergency pattern or a fear: the classifier alone does not make it more. While an emergency
    is live, being scared is such a feeling too (999 stays in view), and so is one with another
    harm in it; otherwise "scared" may be the start of a new danger, and is heard as the
    classifier hears it."""
    if state.urgency:
        calm_enough = _no_new_danger(signals)
    else:
        calm_enough = _nothing_else_worrying(signals, decision)
    if state.thread is None or not calm_enough:
        return False
    if decision is not None and decision.category == state.thread and not state.urgency:
        return False  # more about the same harm: a follow-up that acknowledges the feeling
    felt = _felt(state)
    if signals.feeling is None and not state.urgency:
        # A feeling in other words ("i dont even know what i want to happen"), as the intent
        # model hears it. Never while an emergency is live: "im still on the edge idk" on a
        # bridge is the emergency, whatever the intent model makes of it.
        return signals.intent == WORRIED
    return signals.feeling in felt


def _felt(state: State) -> frozenset[str]:
    """The feelings acknowledged as feelings in this state of the conversation."""
    if not state.urgency:
        return FELT_IN_A_DISCLOSURE
    if state.urgency in FELT_IN_THE_BODY:
        return FELT_IN_AN_EMERGENCY
    return FELT_IN_AN_EMERGENCY | {SICK}


def _no_new_danger(signals: Signals) -> bool:
    """While an emergency is live, 999 leads every reply: a feeling with another harm in it
    ("everyone hates me anyway" on a bridge) is still acknowledged, unless it tells of a new
    emergency or danger, or voices a fear about telling (answered as itself)."""
    # The classifier's guess at danger counts only when it is sure: "im proper scared to go out
    # now" leans a quarter to danger.
    guessed = signals.probabilities.get(IMMEDIATE_DANGER, 0.0) >= SURE_OF_DANGER
    sure = guessed or signals.urgent_probability >= URGENT
    danger = IMMEDIATE_DANGER in signals.risks or signals.urgency or sure
    return not (danger or signals.fear)


def _only_a_question(signals: Signals, decision: Decision | None) -> bool:
    """A trust question in its own words that the intent model hears as one too, with nothing
    else."""
    asked = signals.trust and signals.intent in TRUST_INTENTS
    return asked and _nothing_else_worrying(signals, decision)


def _feeling_before_harm(state: State, signals: Signals, decision: Decision) -> bool:
    """Out of the blue, loneliness or sadness that only the classifier takes for peer abuse
    (the category of "people are horrible to me"), with no harm in a risk pattern's words: a
    counsellor meets the feeling first. Bullying told in words ("everyone ignores me", "they
    push me down the stairs") is a disclosure, and so is what comes next if it tells of harm."""
    if state.thread or state.urgency or signals.feeling not in FELT_BEFORE_HARM:
        return False
    if signals.about == ABOUT_SOMEONE_ELSE:
        return False  # "they keep tripping my friend up ... shes started crying": told, of a friend
    only_guessed = decision.source == "model" and decision.category == PEER_ABUSE
    return only_guessed and not (signals.risks or signals.urgency or signals.fear)


def _nothing_else_worrying(signals: Signals, decision: Decision | None) -> bool:
    """No risk or emergency pattern and no fear in the message: harm, if any, only the
    classifier heard."""
    only_the_classifier = decision is None or decision.source == "model"
    return only_the_classifier and not (signals.risks or signals.urgency or signals.fear)


def _fear_in_context(signals: Signals, about: str | None, rules: Rules) -> str | None:
    """The fear to answer, in a conversation `about` a kind of harm: "will the police do me for
    it" after sextortion is about the pictures. A fear only the intent model heard, in no words
    of a kind, takes the conversation's kind when it has one."""
    own = _own_fear(signals)
    if own is None and signals.intent == FEAR_OF_TELLING and signals.feeling != CARE:
        in_context = rules.fear(GENERAL_FEAR, about)
        return in_context if in_context != GENERAL_FEAR else None
    return rules.fear(own, about)


def _own_fear(signals: Signals) -> str | None:
    """The fear about telling, unless the trouble is someone else's and the young person cares
    about them: "i dont want him getting in trouble, i love him" is care, not a fear of arrest."""
    if signals.feeling == CARE and signals.fear == ARREST:
        return None
    return signals.fear


def _harm(state: State, signals: Signals, heard: Heard, rules: Rules) -> Outcome:
    """A disclosure, an emergency, or harm heard only tentatively."""
    decision = heard.decision
    if signals.urgency or (decision and decision.category == IMMEDIATE_DANGER):
        return _emergency(state, signals, heard, rules)
    assert decision is not None
    tentative = _tentative(state, signals, heard)
    if signals.urgent_probability >= URGENT and not tentative:
        kind = rules.emergency_by_category.get(decision.category, rules.default_emergency)
        return _emergency(state, replace(signals, urgency=kind), heard, rules)
    if tentative:
        return _concern(state, signals, decision.category, heard.confidence)
    return _disclosure(state, signals, heard)


@dataclass(frozen=True)
class Heard:
    """The decision on this message, with the probabilities it was made from."""

    decision: Decision | None
    combined: Mapping[str, float]  # this message's probabilities, the previous near miss added

    @property
    def confidence(self) -> float:
        return sum(self.combined.values())

    def clearly(self, category: str, signals: Signals) -> bool:
        """This kind of harm is clearly said: a risk pattern of that kind, or a classifier sure
        of it. Only then does it replace the one being talked about."""
        return category in signals.risks or self.combined.get(category, 0.0) >= SWITCH_CONFIDENCE


def _in_welsh_trust_the_patterns(signals: Signals, decision: Decision | None) -> Decision | None:
    """The classifier learnt mostly English: in Welsh, a kind of harm a risk pattern named wins
    over the classifier's guess at another."""
    if decision is None or not signals.welsh or not signals.risks:
        return decision
    if decision.category in signals.risks or IMMEDIATE_DANGER in signals.risks:
        return decision
    category = max(sorted(signals.risks), key=lambda name: signals.probabilities.get(name, 0.0))
    return Decision(category, decision.source)


def _only_the_classifier(signals: Signals, decision: Decision) -> bool:
    """Only the classifier heard harm: no risk pattern and no emergency pattern. A question for
    a lesson or a project ("beth yw county lines? ma gwers gyda ni fory") is then learning, and
    only an opener ("theres this man") a first piece that a counsellor invites the rest of."""
    return decision.source == "model" and not signals.risks and not signals.urgency


def _danger_only_guessed(signals: Signals, decision: Decision) -> bool:
    """Immediate danger that only the classifier heard, without its emergency head agreeing:
    "theres this lad in my year" can lean towards danger without being one. 999 first would be a
    false alarm; the message is heard as the specific harm it leans to, if any."""
    return (
        decision.category == IMMEDIATE_DANGER
        and decision.source == "model"
        and not signals.urgency
        and signals.urgent_probability < URGENT
    )


def _specific_instead(decision: Decision, combined: Mapping[str, float]) -> Decision | None:
    """The likeliest kind of harm other than immediate danger, when the classifier's categories
    together still make it a disclosure; otherwise no disclosure at all."""
    specific = {name: value for name, value in combined.items() if name != IMMEDIATE_DANGER}
    if not specific or sum(specific.values()) < LISTENING_THRESHOLD:
        return None
    return Decision(max(sorted(specific), key=lambda name: specific[name]), decision.source)


def _not_ok_after_check_in(previous: State, signals: Signals) -> bool:
    """After "just checking you're OK": "not really", or words that say it was not a joke, are
    not OK; so, straight after the check-in, is anything but "I'm OK", another joke or moving on
    ("tbh its not really about villa", "idk actually")."""
    intent = signals.intent
    if signals.sounds_not_ok:
        return True
    if signals.sounds_ok:  # "nah im fine just tired", whatever the intent model thinks
        return False
    if intent == CHECKIN_NOT_OK:
        return True
    if signals.joke or intent in (HYPERBOLE, CHECKIN_OK, OUT_OF_SCOPE) or _moves_on(intent):
        return False  # "i scored 2 not even lying": the intent model placed it elsewhere
    return previous.checked_in_left == CHECK_IN_MESSAGES


def _moves_on(intent: str) -> bool:
    """The young person has moved on from what they told: taking it back, thanks, the menu,
    learning, the quiz or the next steps offered after a disclosure."""
    return intent in MOVING_ON or intent.startswith(("stage_", "topic_", "quiz_"))


def _surely_moves_on(signals: Signals) -> bool:
    """Moving on, with the intent model sure of it: what ends an emergency or a Welsh thread."""
    return _moves_on(signals.intent) and signals.confidence >= MOVE_ON_CONFIDENCE


def _with_context(state: State, signals: Signals) -> tuple[dict[str, float], float]:
    """This message's probabilities with the previous near miss added, and the threshold."""
    combined = {
        name: signals.probabilities.get(name, 0.0) + CARRY * state.near_miss.get(name, 0.0)
        for name in CATEGORIES
    }
    listening = state.listening_left > 0 or bool(state.near_miss)
    return combined, LISTENING_THRESHOLD if listening else DISCLOSURE_THRESHOLD


def _a_joke(signals: Signals, decision: Decision | None) -> bool:
    """Nothing worrying outside everyday figures of speech, in a kind of harm that jokes touch,
    and a sign of a joke: a joke word, an everyday thing jokes are made about (beside a figure of
    speech), the intent model hearing hyperbole, or nothing at all heard as a disclosure ("mr
    patel is gonna be the death of me")."""
    if not signals.only_figurative or (signals.fear and not _a_joking_fear(signals)):
        return False  # "if they find out im done for" is a fear about telling, not a joke
    if decision is None and not signals.urgency:
        return True  # only an idiom was heard
    # An everyday thing ("this song", "leeds") is a sign of a joke only beside a figure of speech
    # ("this song makes me wanna die"): "my brother came home with blood on his hoodie" and "im
    # in a flat in leeds and they took my shoes" are no joke.
    everyday = signals.trivial and signals.figurative
    joking = signals.joke or everyday or signals.intent == HYPERBOLE
    return joking and (decision is None or decision.category in JOKE_PRONE)


def _a_joking_fear(signals: Signals) -> bool:
    """A fear of no particular kind, with a joke word: "if my mum finds out how much i spent on
    fortnite shes gonna kill me lol"."""
    return signals.fear == GENERAL_FEAR and signals.joke


def _not_a_disclosure_after_all(signals: Signals, heard: Heard) -> bool:
    """ "nvm", "forget it", "that's not what i meant", and a trust question in its own words
    ("swear down u wont say nothing to no one"), are what they say, even when the classifier
    alone hears harm in them; a risk pattern or an emergency in the same message still wins.
    "im not joking" is not taking anything back."""
    decision = heard.decision
    taking_back = signals.intent in (TAKE_IT_BACK, NOT_WHAT_I_MEANT) and not signals.sounds_not_ok
    # The classifier may be sure of harm in a short question ("and u wont tell the police?"):
    # when the intent model hears a trust question too, the two outvote it.
    agreed = signals.intent in TRUST_INTENTS and signals.confidence >= TRUST_AGREED
    asking = signals.trust and (heard.confidence < SWITCH_CONFIDENCE or agreed)
    overruled = signals.urgency or (decision is not None and decision.source != "model")
    return (taking_back or asking) and not overruled


def _emergency(
    state: State, signals: Signals, heard: Heard, rules: Rules, follow_up: bool = False
) -> Outcome:
    kind = signals.urgency or state.urgency or rules.default_emergency
    category = _emergency_category(state, signals, heard, kind, rules)
    decision = heard.decision
    source = "conversation" if follow_up else (decision.source if decision else "urgent")
    disclosure = Disclosure(
        category=category,
        source=source,
        about=state.about,
        urgent=True,
        urgency=kind,
        follow_up=follow_up or (state.thread == category and not state.tentative),
        fear=signals.fear,
        welsh=state.welsh,
        confidence=heard.confidence,
    )
    after = _told(state, category, urgency=kind, urgent_left=URGENT_MESSAGES)
    return Outcome(IMMEDIATE_DANGER, after, disclosure=disclosure)


def _told(state: State, category: str, **changes: Any) -> State:
    """The state once a disclosure of `category` has had its whole reply."""
    return replace(
        state,
        thread=category,
        thread_left=THREAD_MESSAGES,
        tentative=False,
        listening_left=0,
        near_miss={},
        fear=None,
        **changes,
    )


def _emergency_category(
    state: State, signals: Signals, heard: Heard, kind: str, rules: Rules
) -> str:
    """Whose help follows an emergency's first message: the kind of harm a risk pattern named;
    else the emergency kind's own ("an overdose" is self-harm), unless it is only "danger"; else
    the classifier's; and inside a disclosure already told, that one unless another is clear."""
    decision = heard.decision
    kind_category = rules.emergency_categories.get(kind, IMMEDIATE_DANGER)
    named = decision.category if decision and decision.source != "model" else None
    if named and named != IMMEDIATE_DANGER:
        category = named
    elif signals.urgency:
        # "my brother got stabbed and its bleeding loads": the stabbing's help, not self-harm's.
        named = _named_specific(signals, heard, besides=kind_category)
        category = named or _likelier(heard, kind, kind_category) or kind_category
    elif decision:
        category = decision.category
    else:
        category = kind_category
    thread = state.thread
    if thread and category != thread and not heard.clearly(category, signals):
        return thread
    if thread and category == IMMEDIATE_DANGER:
        return thread  # "danger" says less than the harm already told
    if category == IMMEDIATE_DANGER:
        return _more_specific(signals, heard) or category
    return category


def _likelier(heard: Heard, kind: str, kind_category: str) -> str | None:
    """Another specific kind of harm that the classifier is fairly sure of and rates above the
    emergency kind's own: "my mate just got stabbed in the leg hes bleeding loads" is a stabbing,
    not self-harm, though bleeding is self-harm's emergency. Never for an emergency only the
    young person can be in (a bridge, an overdose), and not for "danger", which _more_specific
    makes specific."""
    if kind in SELF_INFLICTED or kind_category == IMMEDIATE_DANGER:
        return None
    own = heard.combined.get(kind_category, 0.0)
    return _likeliest_specific(heard, at_least=max(CATEGORY_CONFIDENCE, own + NEAR_MISS))


def _more_specific(signals: Signals, heard: Heard) -> str | None:
    """The specific kind of harm in an emergency, when one is clear: 999 leads the reply anyway,
    so the help after it should be for what is happening ("hes gonna shank me, showed me a
    blade" is a weapon; "they said theyll go for my sister if i stop the runs" is exploitation).
    A risk pattern of another kind, the classifier rating it highest of them; else a category the
    classifier is fairly sure of."""
    return _named_specific(signals, heard) or _likeliest_specific(heard, CATEGORY_CONFIDENCE)


def _likeliest_specific(heard: Heard, at_least: float) -> str | None:
    """The specific harm the classifier rates highest, when it rates it at least this high."""
    probabilities = heard.combined
    specific = [name for name in sorted(probabilities) if name not in NOT_MORE_SPECIFIC]
    likeliest = max(specific, key=lambda name: probabilities[name], default=None)
    return likeliest if likeliest and probabilities[likeliest] >= at_least else None


def _named_specific(signals: Signals, heard: Heard, besides: str | None = None) -> str | None:
    """The specific kind of harm a risk pattern named, the classifier rating it highest of them;
    none when `besides` is among them (an overdose with self-harm's words stays self-harm)."""
    named = sorted(signals.risks - NOT_MORE_SPECIFIC)
    if not named or besides in named:
        return None
    return max(named, key=lambda name: heard.combined.get(name, 0.0))


def _check_in(state: State, signals: Signals, category: str | None) -> Outcome:
    after = replace(state, checked_in_left=CHECK_IN_MESSAGES, near_miss={})
    return Outcome(HYPERBOLE, after, Moment.CHECK_IN, kind=category or SELF_HARM)


def _not_ok(state: State, signals: Signals) -> Outcome:
    """ "Actually, I'm not OK" after a check-in: the self-harm help, about them."""
    disclosure = Disclosure(SELF_HARM, "check_in", ABOUT_SELF, welsh=state.welsh)
    after = replace(state, thread=SELF_HARM, thread_left=THREAD_MESSAGES, near_miss={})
    return Outcome(CHECKIN_NOT_OK, after, disclosure=disclosure)


def _tentative(state: State, signals: Signals, heard: Heard) -> bool:
    """Harm heard only tentatively, with no disclosure already told: a few words only the
    classifier hears harm in (even after a near miss), or, with nothing leading up to it, harm
    only the classifier heard, not very surely, or only a first piece, a hint or a sign ("theres
    this guy on roblox thats been kinda weird", "ive packed a bag"). A counsellor would not yet
    name the harm; they would invite more. An emergency or immediate danger is never tentative:
    its reply leads with 999."""
    decision = heard.decision
    if decision is None or signals.urgency or decision.category == IMMEDIATE_DANGER:
        return False
    if state.thread:  # a tentative thread leads up to this too
        return False
    if _a_short_piece(signals, decision):
        return True
    if state.near_miss:
        return False
    doubtful = decision.source == "model" and heard.confidence < TENTATIVE
    return doubtful or (
        signals.partial_probability >= PARTIAL and not _told_plainly(signals, heard)
    )


def _a_short_piece(signals: Signals, decision: Decision) -> bool:
    """A few words only the classifier hears harm in, with no risk pattern: "me n my bf had a
    fight", "ngl ive started carrying", "she says im mature for my age" are where telling
    starts, not all of it. Never self-harm: "ive been cutting" is all of it."""
    short = 0 < signals.words <= SHORT_PIECE and signals.statement
    return short and decision.source == "model" and decision.category != SELF_HARM


def _told_plainly(signals: Signals, heard: Heard) -> bool:
    """Said plainly as what is happening, with no opener, in a risk pattern's words or heard
    surely: "my football coach touches me weird after training" is told, whatever the first-piece
    classifier makes of it (it leans to "first piece" on many whole disclosures). Questions and
    openers ("is it normal for ur bf to check ur phone", "theres this lad on snap...") stay
    first pieces."""
    surely = bool(signals.risks) or heard.confidence >= TOLD_SURELY
    # A joke word, a figure of speech or the intent model hearing hyperbole: not said plainly.
    joking = signals.joke or signals.figurative or signals.intent == HYPERBOLE
    return signals.statement and signals.opener is None and surely and not joking


def _concern(state: State, signals: Signals, category: str, confidence: float) -> Outcome:
    """A tentative disclosure: an invitation to say more, with that kind of harm's help in view.
    What comes next is heard as the rest of it: the next disclosure gets the whole reply."""
    disclosure = Disclosure(
        category=category,
        source="model",
        about=state.about,
        fear=signals.fear,
        welsh=state.welsh,
        confidence=confidence,
        tentative=True,
    )
    after = replace(
        state,
        thread=category,
        thread_left=THREAD_MESSAGES,
        tentative=True,
        listening_left=LISTENING_MESSAGES,
        near_miss={},
        fear=None,
    )
    return Outcome(OPENER, after, Moment.CONCERN, kind=signals.fear, disclosure=disclosure)


def _disclosure(state: State, signals: Signals, heard: Heard) -> Outcome:
    assert heard.decision is not None
    thread, category, source = state.thread, heard.decision.category, heard.decision.source
    if thread and category != thread and not heard.clearly(category, signals):
        category = thread  # "i dont have the money wat do i do" after sextortion stays sextortion
    follow_up = category == thread and not state.tentative
    if source == "model" and (state.near_miss or state.listening_left):
        source = "conversation"
    disclosure = Disclosure(
        category=category,
        source=source,
        about=state.about,
        follow_up=follow_up,
        fear=signals.fear,
        welsh=state.welsh,
        confidence=heard.confidence,
    )
    after = _told(state, category)
    said_more = signals.statement and heard.decision.source == "model"
    if follow_up and (signals.feeling or said_more) and not signals.fear:
        # "whos gonna believe me over him", "but i love him tho", "i got nowhere else to go":
        # the feeling is acknowledged, with the disclosure's help still in view.
        return Outcome(ASK_WHAT_TO_DO, after, Moment.FEELING, signals.feeling, disclosure)
    # A follow-up is answered with the category's help again, without the first response.
    intent = ASK_WHAT_TO_DO if follow_up else category
    moment = Moment.FOLLOW_UP if follow_up else None
    return Outcome(intent, after, moment, kind=signals.fear, disclosure=disclosure)


def _moment(previous: State, state: State, signals: Signals) -> Outcome:
    intent = _placed(signals)
    near_miss = {name: value for name, value in signals.probabilities.items() if name in CATEGORIES}
    if sum(near_miss.values()) < NEAR_MISS:
        near_miss = {}
    state = replace(state, near_miss=near_miss)
    listening = replace(state, listening_left=LISTENING_MESSAGES)
    if intent in (TAKE_IT_BACK, NOT_WHAT_I_MEANT):
        return Outcome(
            intent, _taken_back(state), Moment.TAKE_BACK if intent == TAKE_IT_BACK else None
        )
    # "i dont want him getting in trouble": the intent model hears a fear, but it is care.
    cares = intent == FEAR_OF_TELLING and signals.feeling == CARE and not signals.fear
    fear = (intent == FEAR_OF_TELLING and not cares) or (signals.fear and _fear_over(intent))
    feared = Outcome(
        FEAR_OF_TELLING, replace(listening, fear=signals.fear), Moment.FEAR, signals.fear
    )
    asked_of_me = signals.trust or intent in TRUST_INTENTS  # "what happens if i tell u"
    if fear and signals.fear and not asked_of_me:  # "can u get arrested for something u did"
        return feared
    if intent in TRUST_INTENTS or (signals.trust and _asking(intent)):
        # "like can teachers see it" may be unplaced: the trust answer needs a trust intent.
        trust_intent = intent if intent in TRUST_INTENTS else TRUST_QUESTION
        if fear:
            # "if i said something about a teacher could it get back to him": a question about
            # telling and a fear of it at once; the answer gives the facts for both.
            fear_kind = signals.fear or GENERAL_FEAR
            feared_too = replace(listening, fear=signals.fear)
            return Outcome(trust_intent, feared_too, Moment.TRUST, fear_kind)
        return Outcome(trust_intent, listening, Moment.TRUST)
    if fear:
        return feared
    # Inside a disclosure, or while they work up to telling, a feeling carrying it on ("teachers
    # dont do anything", "its embarrassing") is acknowledged first; any help stays in view.
    carried_on = state.thread is not None or previous.listening_left > 0
    feeling_heard = cares or intent in UNPLACED or (carried_on and intent in CARRYING_ON)
    if intent in (WORRIED, CHECKIN_NOT_OK) or (signals.feeling and feeling_heard):
        moment = Moment.FEELING if signals.feeling or intent == CHECKIN_NOT_OK else Moment.WORRIED
        return Outcome(WORRIED, listening, moment, kind=signals.feeling)
    if intent == CHECKIN_OK and previous.checked_in_left:
        return Outcome(intent, state, Moment.CHECK_IN_OK)
    if _said_in_a_thread(state, signals, intent):
        # "i got nowhere else to go", "my mum thinks i was at a mates": heard and acknowledged,
        # with the disclosure's help still in view.
        return Outcome(WORRIED, state, Moment.FEELING, kind=signals.feeling)
    if state.thread and (intent in CARRYING_ON or intent == CHECKIN_OK or _welsh_aside(signals)):
        # "ill be fine ive got £20" after telling they are running away: not "good to hear"
        return Outcome(ASK_WHAT_TO_DO, state, Moment.FOLLOW_UP)
    if intent == OPENER or (signals.opener and intent in UNPLACED):
        return Outcome(OPENER, listening, Moment.INVITE, kind=signals.opener)
    if intent in UNPLACED and previous.listening_left > 0:
        return Outcome(OPENER, state, Moment.GO_ON)
    if intent in UNPLACED and near_miss:  # "theres these parties at a flat in town"
        return Outcome(OPENER, listening, Moment.INVITE)
    # Something personal the assistant can't place: "my dad drinks", "my sister is 14".
    if intent == FALLBACK and signals.about != ABOUT_UNCLEAR:
        return Outcome(OPENER, listening, Moment.INVITE)
    if intent == ASK_WHAT_TO_DO:
        return Outcome(intent, state, Moment.WHAT_TO_DO)
    return Outcome(intent, state)


def _said_in_a_thread(state: State, signals: Signals, intent: str) -> bool:
    """Inside a disclosure answered in full, a statement the intent model cannot place: more of
    what they are going through, not a question for the help alone to answer."""
    return (
        state.thread is not None
        and not state.tentative
        and signals.statement
        and (intent in UNPLACED or _welsh_aside(signals))
    )


def _asking(intent: str) -> bool:
    """A trust question in its own words is what a message under this intent asks: "is it
    actually confidential tho" is not a lesson about peer abuse."""
    return intent in ASKING or intent.startswith(LEARNING_PREFIXES)


def _fear_over(intent: str) -> bool:
    """A fear about telling in its own words is what a message under this intent is about: "what
    happens to people who tell on a gang" is not a lesson about the stages."""
    return intent in FEAR_OVER or intent.startswith(LEARNING_PREFIXES)


def _welsh_aside(signals: Signals) -> bool:
    """A message in Welsh inside a disclosure ("sut alla i helpu hi?"): the intent model learnt
    mostly English, so unless it is sure the message moves on, it carries the disclosure on.
    It is never sure of a greeting: Welsh "hi" is "her"."""
    return signals.welsh and (signals.intent == GREET or not _surely_moves_on(signals))


def _taken_back(state: State) -> State:
    """After "nvm" or "that's not what i meant": nothing is being worked up to any more, but a
    disclosure already told is only set aside, as tentative. If they come back to it ("its
    happened like 4 times now tbh"), its help is still there; a new disclosure gets the whole
    reply."""
    tentative = state.tentative or state.thread is not None
    return replace(state, tentative=tentative, listening_left=0, near_miss={}, fear=None)


def _placed(signals: Signals) -> str:
    """The intent to act on: an opener's words ("asking for a friend", "can i tell u summat",
    "ok so theres this thing with my ex") make it an opener; an unplaced message whose runner-up
    is a listening intent, fairly sure, is taken as that one ("is this private" can sit just
    under the fallback threshold)."""
    if signals.opener and signals.intent in {*TRUST_INTENTS, *UNPLACED, ASK_WHAT_TO_DO, GREET}:
        return OPENER  # "hiya, can i talk to u" too
    if signals.trust and signals.intent in (TAKE_IT_BACK, ASK_CHILDLINE, WHO_MADE_YOU):
        # "so if i said something bad it wouldnt go anywhere", "will childline call the feds",
        # "who runs this thing"
        return TRUST_QUESTION
    if signals.intent in (TAKE_IT_BACK, NOT_WHAT_I_MEANT) and signals.sounds_not_ok:
        return FALLBACK  # "no im not joking. i just didnt want u to freak out"
    if _taking_it_back(signals):
        return TAKE_IT_BACK
    own_words = signals.feeling or signals.trust or signals.fear
    if signals.intent in UNPLACED and signals.runner_up is not None and not own_words:
        # Never taken as taking it back: that would drop the thread on a guess.
        name, confidence = signals.runner_up
        if name in {*LISTENING_INTENTS, ASK_WHAT_TO_DO} and confidence >= RUNNER_UP_CONFIDENCE:
            return name
    return signals.intent


def _taking_it_back(signals: Signals) -> bool:
    """Taking it back in words the intent model cannot place ("jk forget i said that", "lol im
    joking", "dont wanna get into it"), with nothing else in the message: no fear, no trust
    question, no "it's not a joke"."""
    others = signals.fear or signals.trust or signals.sounds_not_ok or signals.feeling
    return signals.takes_back and signals.intent in TAKEN_BACK_UNDER and not others


def _button(previous: State, state: State, signals: Signals) -> Outcome:
    """A button press names its intent; it moves the state, and "Actually, I'm not OK" and a
    category's own button lead to that help."""
    intent = signals.intent
    if intent == CHECKIN_NOT_OK:
        return _not_ok(state, signals)
    if intent in (TAKE_IT_BACK, NOT_WHAT_I_MEANT):
        return Outcome(intent, _taken_back(state))
    if is_disclosure(intent):
        disclosure = Disclosure(intent, "button", state.about, welsh=state.welsh)
        after = replace(state, thread=intent, thread_left=THREAD_MESSAGES)
        return Outcome(intent, after, disclosure=disclosure)
    if intent in LISTENING_INTENTS:
        state = replace(state, listening_left=LISTENING_MESSAGES)
    # Buttons for help and next steps keep the thread; anything else is a new direction.
    return Outcome(intent, replace(state, near_miss={}))


def _count(value: object) -> int:
    return value if isinstance(value, int) and 0 <= value <= 100 else 0


def _category_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value in CATEGORIES else None


def _identifier_or_none(value: object) -> str | None:
    if isinstance(value, str) and value.isidentifier() and len(value) <= 40:
        return value
    return None
