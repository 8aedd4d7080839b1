"""The listening layer's rules (bot/safety/listening.py), in plain Python: no model, no Rasa."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.safety.listening import (
    CHECKIN_NOT_OK,
    HYPERBOLE,
    IMMEDIATE_DANGER,
    LISTENING_MESSAGES,
    OPENER,
    THREAD_MESSAGES,
    Moment,
    Outcome,
    Rules,
    Signals,
    State,
    listen,
)

RULES = Rules(
    emergency_categories={
        "overdose": "self_harm",
        "weapon": "weapons_violence",
        "danger": IMMEDIATE_DANGER,
    },
    default_emergency="danger",
    fears_in_threads={("image_abuse", "arrest"): "images"},
)


def said(intent: str = "nlu_fallback", **found: object) -> Signals:
    return Signals(intent=intent, **found)  # type: ignore[arg-type]


def conversation(*messages: Signals) -> list[Outcome]:
    """Each message's outcome, every one starting from the state the one before left."""
    state, outcomes = State(), []
    for signals in messages:
        outcome = listen(state, signals, RULES)
        outcomes.append(outcome)
        state = outcome.state
    return outcomes


def sure(category: str, probability: float = 0.95) -> dict[str, float]:
    return {category: probability, "none": 1 - probability}


# --- trust, openers, feelings, fears, taking it back -------------------------------------------


def test_a_trust_question_gets_an_honest_answer_and_the_assistant_keeps_listening() -> None:
    [outcome] = conversation(said("trust_question"))
    assert outcome.moment is Moment.TRUST and outcome.disclosure is None
    assert outcome.state.listening_left == LISTENING_MESSAGES


def test_while_listening_an_unplaced_message_is_an_invitation_to_go_on_not_a_rephrase() -> None:
    opener, unplaced = conversation(said(OPENER), said("nlu_fallback"))
    assert opener.moment is Moment.INVITE
    assert unplaced.intent == OPENER and unplaced.moment is Moment.GO_ON


def test_an_unplaced_message_out_of_the_blue_is_left_to_the_rephrase_prompt() -> None:
    [outcome] = conversation(said("nlu_fallback"))
    assert outcome.intent == "nlu_fallback" and outcome.moment is None


def test_opener_words_make_an_opener_even_when_the_intent_model_heard_a_trust_question() -> None:
    [outcome] = conversation(said("trust_question", opener="can_i_tell"))
    assert outcome.moment is Moment.INVITE and outcome.kind == "can_i_tell"


def test_opener_words_in_a_greeting_make_an_opener() -> None:
    # "hiya, can i talk to u"
    [outcome] = conversation(said("greet", opener="can_i_tell"))
    assert outcome.moment is Moment.INVITE and outcome.kind == "can_i_tell"


def test_trust_words_the_intent_model_took_for_a_lesson_are_a_trust_question() -> None:
    # "is it actually confidential tho like fully", heard as a question about peer abuse
    [outcome] = conversation(said("topic_peer_abuse", trust=True))
    assert outcome.moment is Moment.TRUST


def test_a_listening_intent_just_under_the_fallback_threshold_is_still_heard() -> None:
    [outcome] = conversation(said("nlu_fallback", runner_up=("trust_question", 0.3)))
    assert outcome.moment is Moment.TRUST


def test_feelings_are_acknowledged_by_kind() -> None:
    [outcome] = conversation(said("worried", feeling="scared"))
    assert outcome.moment is Moment.FEELING and outcome.kind == "scared"


def test_a_fear_about_telling_is_answered_and_the_assistant_keeps_listening() -> None:
    [outcome] = conversation(said("fear_of_telling", fear="arrest"))
    assert outcome.moment is Moment.FEAR and outcome.kind == "arrest"
    assert outcome.state.listening_left == LISTENING_MESSAGES


def test_taking_it_back_is_accepted_and_sets_the_thread_aside_for_a_return() -> None:
    told, back, returned = conversation(
        said(risks=frozenset({"peer_abuse"})), said("take_it_back"), said()
    )
    assert told.state.thread == "peer_abuse"
    assert back.moment is Moment.TAKE_BACK and back.state.tentative
    # "its happened like 4 times now tbh": the help is still there.
    assert returned.moment is Moment.FOLLOW_UP and returned.state.thread == "peer_abuse"


def test_an_unplaced_message_is_never_taken_back_on_the_intent_models_guess() -> None:
    _, guessed = conversation(
        said(risks=frozenset({"peer_abuse"})), said(runner_up=("take_it_back", 0.6))
    )
    assert guessed.moment is Moment.FOLLOW_UP and guessed.state.thread == "peer_abuse"


def test_a_trust_question_in_its_own_words_gets_a_trust_intent_the_dialogue_answers() -> None:
    [unplaced] = conversation(said(trust=True))
    [taken_back] = conversation(said("take_it_back", trust=True))
    [childline] = conversation(said("ask_childline", trust=True))
    for outcome in (unplaced, taken_back, childline):
        assert outcome.moment is Moment.TRUST and outcome.intent == "trust_question"


def test_a_feeling_in_its_own_words_is_not_overruled_by_the_runner_up_intent() -> None:
    [outcome] = conversation(said(feeling="disbelieved", runner_up=("ask_what_to_do", 0.4)))
    assert outcome.moment is Moment.FEELING and outcome.kind == "disbelieved"


def test_a_fear_voiced_before_telling_is_answered_again_with_the_disclosure() -> None:
    fear, told, later = conversation(
        said("fear_of_telling", fear="arrest"),
        said(risks=frozenset({"criminal_exploitation"})),
        said(risks=frozenset({"criminal_exploitation"})),
    )
    assert fear.moment is Moment.FEAR
    assert told.disclosure is not None and told.disclosure.fear == "arrest"
    assert later.disclosure is not None and later.disclosure.fear is None  # answered once


def test_loneliness_heard_as_peer_abuse_is_met_as_a_feeling_first() -> None:
    # "i eat lunch in the toilets every day cos i have no one to sit with", then "its embarrassing"
    lonely = said(feeling="alone", statement=True, probabilities=sure("peer_abuse", 0.86))
    first, then = conversation(lonely, said("opener", feeling="ashamed", statement=True))
    assert first.moment is Moment.FEELING and first.kind == "alone" and first.disclosure is None
    assert first.state.listening_left == LISTENING_MESSAGES and not first.state.near_miss
    assert then.moment is Moment.FEELING and then.kind == "ashamed"
    # Bullying in a risk pattern's words ("everyone in my form ignores me") is told, not felt;
    # so is a friend's ("they keep tripping my friend up ... shes started crying in the toilets").
    hit = replace(lonely, risks=frozenset({"peer_abuse"}))
    friend = replace(lonely, feeling="sad", about="someone_else")
    for told_of in (hit, friend):
        [told] = conversation(told_of)
        assert told.intent == "peer_abuse"


def test_a_question_to_the_assistant_with_a_fear_in_it_answers_both() -> None:
    # "what happens if i tell u": the intent model hears a trust question, the words a fear.
    [outcome] = conversation(said("trust_question", fear="general"))
    assert outcome.moment is Moment.TRUST and outcome.kind == "general"


def test_a_fear_in_a_question_about_telling_an_adult_is_answered() -> None:
    # "what if i tell and it just makes everything worse"
    [outcome] = conversation(said("ask_trusted_adult", fear="general"))
    assert outcome.moment is Moment.FEAR


def test_words_taking_it_back_take_it_back_when_the_intent_model_cannot_place_them() -> None:
    # "jk forget i said that", just after telling: set aside, with the door left open
    abuse = sure("sexual_abuse")
    told, back = conversation(
        said(risks=frozenset({"sexual_abuse"}), probabilities=abuse, statement=True, words=9),
        said("nlu_fallback", takes_back=True, joke=True, statement=True, words=5),
    )
    assert told.disclosure is not None and back.moment is Moment.TAKE_BACK
    assert back.state.tentative and back.state.thread == "sexual_abuse"


def test_words_taking_it_back_beside_a_fear_leave_the_fear_to_be_answered() -> None:
    [outcome] = conversation(said("nlu_fallback", takes_back=True, fear="found_out"))
    assert outcome.moment is Moment.FEAR


# --- disclosures in pieces and the thread ----------------------------------------------------


def test_a_near_miss_is_carried_forward_as_numbers_and_completes_the_next_piece() -> None:
    first, second = conversation(
        said(probabilities={"sexual_abuse": 0.3, "none": 0.7}),
        said(probabilities={"sexual_abuse": 0.3, "none": 0.7}),
    )
    assert first.disclosure is None
    assert first.state.near_miss == {"sexual_abuse": 0.3}
    assert second.disclosure is not None and second.disclosure.category == "sexual_abuse"
    assert second.disclosure.source == "conversation"


def test_the_same_weak_piece_without_anything_before_it_is_not_a_disclosure() -> None:
    [outcome] = conversation(said(probabilities={"sexual_abuse": 0.3, "none": 0.7}))
    assert outcome.disclosure is None


def test_a_follow_up_keeps_the_disclosures_category_and_help() -> None:
    told, follow_up = conversation(
        said(risks=frozenset({"image_abuse"}), probabilities=sure("image_abuse")),
        # "i dont have the money wat do i do": the classifier alone thinks trafficking
        said("ask_what_to_do", probabilities={"trafficking": 0.6, "none": 0.4}),
    )
    assert told.intent == "image_abuse" and not told.disclosure.follow_up  # type: ignore[union-attr]
    assert follow_up.moment is Moment.FOLLOW_UP
    assert follow_up.disclosure is not None
    assert follow_up.disclosure.category == "image_abuse" and follow_up.disclosure.follow_up


def test_an_unplaced_question_inside_a_disclosure_gets_its_help_again() -> None:
    _, follow_up = conversation(said(risks=frozenset({"missing"})), said("nlu_fallback"))
    assert follow_up.moment is Moment.FOLLOW_UP and follow_up.state.thread == "missing"


def test_something_said_inside_a_disclosure_is_acknowledged_with_its_help_in_view() -> None:
    # "ive run away from my dads" ... "i cant go back there its horrible"
    _, said_more = conversation(said(risks=frozenset({"missing"})), said(statement=True))
    assert said_more.moment is Moment.FEELING and said_more.state.thread == "missing"
    # The same, when the classifier alone hears more of the same harm in it.
    _, heard_more = conversation(
        said(risks=frozenset({"missing"})),
        said(statement=True, probabilities=sure("missing")),
    )
    assert heard_more.moment is Moment.FEELING and heard_more.disclosure is not None
    assert heard_more.disclosure.follow_up and heard_more.disclosure.category == "missing"
    # Not after only a tentative first piece: that is still being told.
    _, go_on = conversation(said(probabilities={"missing": 0.6, "none": 0.4}), said(statement=True))
    assert go_on.moment is not Moment.FEELING


def test_a_clearly_different_disclosure_replaces_the_thread() -> None:
    _, second = conversation(
        said(risks=frozenset({"image_abuse"})), said(risks=frozenset({"self_harm"}))
    )
    assert second.intent == "self_harm" and not second.disclosure.follow_up  # type: ignore[union-attr]


def test_the_thread_is_let_go_after_a_while() -> None:
    outcomes = conversation(
        said(risks=frozenset({"missing"})), *[said("greet") for _ in range(THREAD_MESSAGES)]
    )
    assert outcomes[-1].state.thread is None


def test_a_fear_of_trouble_after_sextortion_is_about_the_pictures() -> None:
    _, fear = conversation(
        said(risks=frozenset({"image_abuse"})), said("fear_of_telling", fear="arrest")
    )
    assert fear.moment is Moment.FEAR and fear.kind == "images"


def test_a_fear_only_the_intent_model_hears_takes_the_conversations_kind() -> None:
    # sextortion ... "will the police do me for it" heard as a fear with no words of a kind
    rules = replace(RULES, fears_in_threads={("image_abuse", "general"): "images"})
    state = listen(State(), said(risks=frozenset({"image_abuse"})), rules).state
    fear = listen(state, said("fear_of_telling"), rules)
    assert fear.moment is Moment.FEAR and fear.kind == "images"
    # With no kind for the conversation, it stays a fear of no particular kind.
    [general] = conversation(said("fear_of_telling"))
    assert general.moment is Moment.FEAR and general.kind is None


def test_a_trust_question_that_voices_a_fear_is_answered_for_both() -> None:
    # "cos if i said something about a teacher could it get back to him"
    [both] = conversation(said("trust_question", trust=True, fear="found_out"))
    assert both.moment is Moment.TRUST and both.kind == "found_out"
    # "does my school find out if i talk on here", which the intent model hears as a fear
    [general] = conversation(said("fear_of_telling", trust=True))
    assert general.moment is Moment.TRUST and general.kind == "general"
    [only_trust] = conversation(said("trust_question", trust=True))
    assert only_trust.moment is Moment.TRUST and only_trust.kind is None


def test_a_disclosure_that_also_voices_a_fear_carries_it() -> None:
    [outcome] = conversation(said(risks=frozenset({"criminal_exploitation"}), fear="arrest"))
    assert outcome.disclosure is not None and outcome.disclosure.fear == "arrest"


def test_harm_heard_only_tentatively_gets_an_invitation_then_the_next_piece_the_whole_reply() -> (
    None
):
    tentative, told = conversation(
        said(probabilities={"online_grooming": 0.6, "none": 0.4}),
        said(probabilities={"online_grooming": 0.5, "none": 0.5}),
    )
    assert tentative.moment is Moment.CONCERN and tentative.disclosure.tentative  # type: ignore[union-attr]
    assert told.intent == "online_grooming" and told.disclosure is not None
    assert not told.disclosure.tentative and not told.disclosure.follow_up


def test_a_few_words_only_the_classifier_hears_harm_in_are_a_first_piece() -> None:
    # "me n my bf had a fight": an invitation to say more, with the help in view
    bullying = sure("peer_abuse", 0.99)
    [piece] = conversation(said(probabilities=bullying, statement=True, words=6))
    assert piece.moment is Moment.CONCERN
    assert piece.disclosure is not None and piece.disclosure.tentative
    # A longer telling, a risk pattern's words, and self-harm in a few words are told in full.
    longer = said(probabilities=bullying, statement=True, words=14)
    worded = said(risks=frozenset({"peer_abuse"}), probabilities=bullying, statement=True, words=6)
    cutting = said(probabilities=sure("self_harm", 0.99), statement=True, words=3)
    for told in (longer, worded, cutting):
        [outcome] = conversation(told)
        assert outcome.disclosure is not None and not outcome.disclosure.tentative


# --- urgency ---------------------------------------------------------------------------------


def test_an_emergency_leads_with_999_whatever_its_category() -> None:
    [outcome] = conversation(said(urgency="overdose", probabilities=sure("self_harm", 0.4)))
    assert outcome.intent == IMMEDIATE_DANGER and outcome.urgent
    assert outcome.disclosure is not None
    assert (outcome.disclosure.category, outcome.disclosure.urgency) == ("self_harm", "overdose")


def test_an_emergency_pattern_is_a_disclosure_even_when_nothing_else_says_so() -> None:
    [outcome] = conversation(said("out_of_scope", urgency="weapon"))
    assert outcome.disclosure is not None and outcome.disclosure.category == "weapons_violence"


def test_immediate_danger_without_a_kind_gets_the_default_emergency() -> None:
    [outcome] = conversation(said(risks=frozenset({IMMEDIATE_DANGER})))
    assert outcome.disclosure is not None and outcome.disclosure.urgency == "danger"


def test_while_an_emergency_is_live_the_next_message_gets_999_first_again() -> None:
    _, still = conversation(said(urgency="overdose"), said("nlu_fallback"))
    assert still.intent == IMMEDIATE_DANGER and still.disclosure.follow_up  # type: ignore[union-attr]
    assert still.disclosure.category == "self_harm"  # type: ignore[union-attr]


def test_feeling_fine_after_tablets_still_gets_999_first() -> None:
    # "took a load of paracetamol earlier" ... "honestly i feel fine now tho"
    _, fine = conversation(said(urgency="overdose"), said("checkin_ok", sounds_ok=True))
    assert fine.intent == IMMEDIATE_DANGER and fine.moment is not Moment.CHECK_IN_OK
    assert fine.disclosure is not None and fine.disclosure.category == "self_harm"


def test_im_fine_inside_a_disclosure_without_a_check_in_keeps_its_help() -> None:
    # "im going tonight, ive packed already" ... "ill be fine ive got £20"
    _, fine = conversation(
        said(risks=frozenset({"missing"}), probabilities=sure("missing")),
        said("checkin_ok", sounds_ok=True),
    )
    assert fine.moment is Moment.FOLLOW_UP and fine.state.thread == "missing"


def test_a_feeling_while_an_emergency_is_live_is_acknowledged_and_the_emergency_stays_live() -> (
    None
):
    # "hes been stabbed outside the chippy" ... "i dont want him getting in trouble, hes my brother"
    _, cares = conversation(said(urgency="weapon"), said("fear_of_telling", feeling="care"))
    assert cares.moment is Moment.FEELING and cares.kind == "care" and not cares.urgent
    assert cares.state.urgency == "weapon" and cares.state.thread == "weapons_violence"


@pytest.mark.parametrize(
    "then",
    [
        said("nlu_fallback", feeling="sick"),  # "i feel really sick" after tablets
        said("nlu_fallback", feeling="scared", urgency="danger"),  # "im scared hes outside"
        said("nlu_fallback", feeling="scared", fear="family"),
    ],
)
def test_a_feeling_that_may_be_the_emergency_itself_gets_999_first_again(
    then: Signals,
) -> None:
    _, again = conversation(said(urgency="overdose"), then)
    assert again.intent == IMMEDIATE_DANGER and again.urgent


def test_only_an_opener_is_invited_to_go_on_even_when_the_classifier_hears_danger() -> None:
    # "theres this man" ... "he keeps messaging me on insta and buying me stuff"
    danger = sure(IMMEDIATE_DANGER, 0.9)
    opener, told = conversation(
        said(
            OPENER, opener="someone", only_opener=True, probabilities=danger, urgent_probability=0.9
        ),
        said(probabilities=sure("online_grooming", 0.5)),
    )
    assert opener.moment is Moment.INVITE and opener.disclosure is None
    assert told.disclosure is not None and told.disclosure.category == "online_grooming"
    [outside] = conversation(
        said(OPENER, opener="someone", only_opener=True, urgency="danger", probabilities=danger)
    )
    assert outside.urgent


def test_caring_about_them_inside_a_disclosure_is_a_feeling_whatever_the_classifier_hears() -> None:
    # "my brother came home with a stab wound" ... "i dont want him getting in trouble"
    danger = sure(IMMEDIATE_DANGER, 0.7)
    _, cares = conversation(
        said(risks=frozenset({"weapons_violence"}), probabilities=sure("weapons_violence")),
        said("fear_of_telling", feeling="care", probabilities=danger, urgent_probability=0.8),
    )
    assert cares.moment is Moment.FEELING and not cares.urgent
    assert cares.state.thread == "weapons_violence"
    # Being scared, outside an emergency, may be a new danger: heard as the classifier hears it.
    _, scared = conversation(
        said(risks=frozenset({"weapons_violence"}), probabilities=sure("weapons_violence")),
        said(feeling="scared", probabilities=danger, urgent_probability=0.8),
    )
    assert scared.urgent


def test_a_feeling_the_intent_model_hears_inside_a_disclosure_is_acknowledged() -> None:
    # "my bf checks my phone every night" ... "i dont even know what i want to happen"
    danger = sure(IMMEDIATE_DANGER, 0.7)
    _, felt = conversation(
        said(risks=frozenset({"peer_abuse"}), probabilities=sure("peer_abuse")),
        said("worried", probabilities=danger, urgent_probability=0.9),
    )
    assert felt.moment is Moment.FEELING and felt.kind is None and not felt.urgent
    assert felt.state.thread == "peer_abuse"
    # While an emergency is live, what the intent model calls a worry is the emergency still.
    _, edge = conversation(
        said(urgency="height"), said("worried", probabilities=danger, statement=True)
    )
    assert edge.urgent and edge.moment is None
    # Out of the blue, the same message is heard as the classifier hears it.
    [alone] = conversation(said("worried", probabilities=danger, urgent_probability=0.9))
    assert alone.urgent


def test_a_fear_of_no_particular_kind_is_answered_inside_a_disclosure() -> None:
    # "theres this guy on roblox..." ... "if i tell my mum shell take my phone off me"
    _, feared = conversation(
        said(risks=frozenset({"online_grooming"}), probabilities=sure("online_grooming")),
        said(probabilities=sure("online_grooming", 0.6), fear="general"),
    )
    assert feared.disclosure is not None and feared.disclosure.fear == "general"


def test_a_trust_question_the_patterns_and_the_intent_model_hear_outvotes_the_classifier() -> None:
    # "and u wont tell the police?", which the classifier heard as someone missing (0.88)
    missing = {"missing": 0.55, IMMEDIATE_DANGER: 0.33, "none": 0.12}
    [asked] = conversation(
        said("trust_question", confidence=0.74, probabilities=missing, trust=True)
    )
    assert asked.moment is Moment.TRUST and asked.disclosure is None
    # Only the patterns: the classifier's sureness wins.
    [unsure] = conversation(said("nlu_fallback", confidence=0.3, probabilities=missing, trust=True))
    assert unsure.disclosure is not None


def test_a_fear_in_its_own_words_is_not_a_lesson() -> None:
    # "what happens to people who tell on a gang", heard by the intent model as a stage
    [outcome] = conversation(said("stage_experience", confidence=0.7, fear="general"))
    assert outcome.moment is Moment.FEAR and outcome.kind == "general"
    [lesson] = conversation(said("stage_experience", confidence=0.7))
    assert lesson.intent == "stage_experience" and lesson.moment is None


def test_a_joke_about_a_fear_of_no_kind_still_gets_a_check_in_but_a_real_fear_does_not() -> None:
    joking = {"figurative": True, "joke": True, "probabilities": sure("self_harm", 0.6)}
    # "if my mum finds out how much i spent on fortnite shes gonna kill me lol"
    [outcome] = conversation(said(HYPERBOLE, fear="general", **joking))
    assert outcome.check_in
    # "if they find out i told im dead lol" is a fear of being found out.
    [outcome] = conversation(said(HYPERBOLE, fear="found_out", **joking))
    assert not outcome.check_in


def test_a_named_stabbing_gets_its_own_help_after_a_bleeding_emergency() -> None:
    kinds = {**RULES.emergency_categories, "bleeding": "self_harm"}
    rules = replace(RULES, emergency_categories=kinds)
    risks = frozenset({IMMEDIATE_DANGER, "weapons_violence"})
    # "my brother got stabbed and its bleeding loads"
    stabbed = listen(State(), said(urgency="bleeding", risks=risks), rules)
    assert stabbed.disclosure is not None and stabbed.disclosure.category == "weapons_violence"
    # "i cut too deep and it wont stop bleeding": the kind's own category.
    cut = listen(State(), said(urgency="bleeding"), rules)
    assert cut.disclosure is not None and cut.disclosure.category == "self_harm"
    # Self-harm's own words keep it self-harm, whatever else is named.
    both = listen(State(), said(urgency="bleeding", risks=risks | {"self_harm"}), rules)
    assert both.disclosure is not None and both.disclosure.category == "self_harm"


def test_a_stabbing_the_classifier_is_sure_of_gets_its_own_help_after_a_bleeding_emergency() -> (
    None
):
    kinds = {**RULES.emergency_categories, "bleeding": "self_harm", "jump": "self_harm"}
    rules = replace(RULES, emergency_categories=kinds)
    # "my mate just got stabbed in the leg hes bleeding loads": only "danger" words matched.
    stabbed = said(
        urgency="bleeding",
        risks=frozenset({IMMEDIATE_DANGER}),
        probabilities=sure("weapons_violence"),
    )
    outcome = listen(State(), stabbed, rules)
    assert outcome.disclosure is not None and outcome.disclosure.category == "weapons_violence"
    # On a bridge, self-harm's help whatever the classifier leans to.
    bridge = replace(stabbed, urgency="jump", probabilities=sure("missing"))
    outcome = listen(State(), bridge, rules)
    assert outcome.disclosure is not None and outcome.disclosure.category == "self_harm"


def test_a_trust_question_in_an_emergency_is_answered_with_999_still_in_view() -> None:
    # "ive taken a whole packet" ... "r u gonna tell my mum"
    _, asked = conversation(
        said(urgency="overdose"),
        said("trust_question", confidence=0.8, trust=True, probabilities=sure("self_harm")),
    )
    assert asked.moment is Moment.TRUST and not asked.urgent
    assert asked.state.urgency == "overdose" and asked.state.thread == "self_harm"
    # The same words with an emergency in them are the emergency: "will u tell anyone, im
    # still bleeding" (and only the patterns, without the intent model, are not enough).
    for second in (
        said("trust_question", trust=True, urgency="bleeding"),
        said("nlu_fallback", trust=True, probabilities=sure("self_harm")),
    ):
        _, urgent = conversation(said(urgency="overdose"), second)
        assert urgent.urgent


@pytest.mark.parametrize("feeling", ["sad", "self_hate", "ashamed", "scared"])
def test_a_feeling_in_its_own_words_in_an_emergency_is_acknowledged_with_999_first(
    feeling: str,
) -> None:
    # "they pulled a blade on me" ... "i cant stop crying", "i feel like a proper idiot"
    _, felt = conversation(said(urgency="weapon"), said(statement=True, feeling=feeling))
    assert felt.moment is Moment.FEELING and not felt.urgent
    assert felt.state.urgency == "weapon" and felt.state.thread == "weapons_violence"


@pytest.mark.parametrize(
    "then",
    [
        said(statement=False),  # "what do i do"
        said(statement=True),  # "i dont know the address, i can see a big tesco from the window"
        said("checkin_ok", statement=True, sounds_ok=True),  # "honestly i feel fine now"
        said(statement=True, joke=True),  # "my mum will kill me lol"
        said("take_it_back", confidence=0.6, statement=True),  # "nvm", not surely
        said(statement=True, urgency="weapon"),  # "hes still outside with it"
        said(statement=True, risks=frozenset({"weapons_violence"})),
        said(statement=True, urgent_probability=0.9),
        said(statement=True, probabilities=sure("sexual_abuse")),  # another harm the model hears
        said("topic_knife_crime", confidence=0.6, statement=True),  # a lesson, not surely
    ],
)
def test_what_may_be_the_emergency_itself_gets_its_message_again(then: Signals) -> None:
    _, again = conversation(said(urgency="weapon"), then)
    assert again.intent == IMMEDIATE_DANGER and again.urgent


@pytest.mark.parametrize("emergency", ["overdose", "bleeding", "harm_now"])
def test_feeling_sick_in_an_emergency_of_the_body_is_the_emergency(emergency: str) -> None:
    # "i feel really sick" after tablets: the overdose message (A&E even if you feel fine) again
    _, again = conversation(said(urgency=emergency), said(statement=True, feeling="sick"))
    assert again.urgent and again.moment is not Moment.FEELING


def test_feeling_sick_in_another_emergency_is_a_feeling_with_999_first() -> None:
    # "a feel sick every time a think about it", after telling of a danger
    _, felt = conversation(said(urgency="danger"), said(statement=True, feeling="sick"))
    assert felt.moment is Moment.FEELING and felt.state.urgency == "danger"


def test_a_feeling_with_another_harm_in_an_emergency_is_acknowledged() -> None:
    # "everyone hates me anyway", on a bridge: peer abuse's words, no new danger
    everyone = said(statement=True, feeling="self_hate", risks=frozenset({"peer_abuse"}))
    _, felt = conversation(said(urgency="jump"), everyone)
    assert felt.moment is Moment.FEELING and felt.state.urgency == "jump"


@pytest.mark.parametrize(
    "danger",
    [
        said(statement=True, feeling="scared", risks=frozenset({IMMEDIATE_DANGER})),
        said(statement=True, feeling="scared", urgency="weapon"),  # "im scared hes got a knife"
        said(statement=True, feeling="scared", probabilities=sure(IMMEDIATE_DANGER)),
        said(statement=True, feeling="scared", urgent_probability=0.9),
    ],
)
def test_a_feeling_that_tells_of_a_new_danger_gets_the_emergency_again(danger: Signals) -> None:
    _, again = conversation(said(urgency="jump"), danger)
    assert again.urgent and again.moment is not Moment.FEELING


def test_a_feeling_the_classifier_only_leans_to_danger_on_is_acknowledged_in_an_emergency() -> None:
    # "im proper scared to go out now", after a knife at the bus stop
    leaning = {IMMEDIATE_DANGER: 0.26, "weapons_violence": 0.2, "peer_abuse": 0.25, "none": 0.29}
    scared = said(statement=True, feeling="scared", probabilities=leaning)
    _, felt = conversation(said(urgency="weapon"), scared)
    assert felt.moment is Moment.FEELING


def test_moving_on_after_an_emergency_is_allowed() -> None:
    _, thanks = conversation(said(urgency="overdose"), said("thanks"))
    assert thanks.intent == "thanks"


def test_an_emergency_is_left_only_when_the_intent_model_is_sure_it_moved_on() -> None:
    # "theyre jumping this kid in the park" ... "should i get involved" (leaning to learning)
    _, asking = conversation(said(urgency="danger"), said("learn_stages", confidence=0.62))
    assert asking.intent == IMMEDIATE_DANGER and asking.urgent
    _, learning = conversation(said(urgency="danger"), said("learn_stages", confidence=0.97))
    assert learning.intent == "learn_stages" and not learning.urgent


# --- jokes and check-ins ---------------------------------------------------------------------


def test_a_joke_with_only_a_figure_of_speech_gets_a_check_in() -> None:
    [outcome] = conversation(
        said(risks=frozenset({"self_harm"}), joke=True, figurative=True, only_figurative=True)
    )
    assert outcome.intent == HYPERBOLE and outcome.check_in and outcome.disclosure is None


def test_a_joke_word_does_not_hide_anything_worrying_beyond_a_figure_of_speech() -> None:
    [outcome] = conversation(said(urgency="overdose", joke=True, only_figurative=False))
    assert outcome.urgent


def test_a_joke_about_sexual_abuse_is_never_just_a_check_in() -> None:
    [outcome] = conversation(
        said(probabilities=sure("sexual_abuse"), joke=True, only_figurative=True)
    )
    assert outcome.disclosure is not None and outcome.intent == "sexual_abuse"


@pytest.mark.parametrize("typed", [True, False])
def test_not_ok_after_a_check_in_leads_to_the_self_harm_help(typed: bool) -> None:
    _, not_ok = conversation(
        said(HYPERBOLE, figurative=True, joke=True), said(CHECKIN_NOT_OK, typed=typed)
    )
    assert not_ok.disclosure is not None
    assert (not_ok.disclosure.category, not_ok.disclosure.about) == ("self_harm", "self")


def test_an_everyday_thing_does_not_make_an_emergency_a_joke() -> None:
    # "im in a flat in leeds and they took my shoes n phone so i cant leave"
    danger = sure("immediate_danger")
    [outcome] = conversation(said(probabilities=danger, urgent_probability=0.9, trivial=True))
    assert not outcome.check_in and outcome.urgent


def test_sounding_ok_after_a_check_in_is_ok_whatever_the_intent_model_says() -> None:
    _, fine = conversation(
        said(HYPERBOLE, figurative=True, joke=True), said(CHECKIN_NOT_OK, sounds_ok=True)
    )
    assert fine.disclosure is None


def test_a_message_placed_elsewhere_straight_after_a_check_in_is_not_taken_as_not_ok() -> None:
    _, elsewhere = conversation(said(HYPERBOLE, figurative=True, joke=True), said("out_of_scope"))
    assert elsewhere.disclosure is None


def test_not_ok_without_a_check_in_is_a_feeling() -> None:
    [outcome] = conversation(said(CHECKIN_NOT_OK))
    assert outcome.moment is Moment.FEELING and outcome.disclosure is None


# --- Welsh and the stored state --------------------------------------------------------------


def test_once_a_conversation_is_in_welsh_its_replies_stay_bilingual() -> None:
    _, _, told = conversation(said("greet", welsh=True), said("greet"), said(urgency="jump"))
    assert told.disclosure is not None and told.disclosure.welsh


def test_the_state_round_trips_and_holds_only_names_numbers_and_flags() -> None:
    state = State(
        thread="image_abuse",
        thread_left=3,
        urgency="overdose",
        urgent_left=1,
        listening_left=2,
        near_miss={"missing": 0.25},
        about="self",
        checked_in_left=1,
        welsh=True,
        fear="arrest",
    )
    stored = state.to_dict()
    assert State.from_dict(stored) == state
    for value in stored.values():
        assert value is None or isinstance(value, (bool, int, float, str, dict))
    assert set(stored["near_miss"]) <= {"missing"}


@pytest.mark.parametrize(
    "stored",
    [None, "text", {"thread": "my name is Sam"}, {"thread_left": -4}, {"near_miss": {"x": "y"}}],
)
def test_a_malformed_stored_state_counts_as_nothing_said(stored: object) -> None:
    state = State.from_dict(stored)
    assert state.thread is None and state.thread_left == 0 and state.near_miss == {}


def test_a_button_that_names_a_category_leads_to_its_help() -> None:
    [outcome] = conversation(replace(said("self_harm"), typed=False))
    assert outcome.disclosure is not None and outcome.disclosure.source == "button"


def test_a_first_piece_gets_an_invitation_even_when_a_pattern_matched() -> None:
    first, more = conversation(
        said(risks=frozenset({"missing"}), probabilities=sure("missing"), partial_probability=0.9),
        said(risks=frozenset({"missing"}), probabilities=sure("missing"), partial_probability=0.9),
    )
    assert first.moment is Moment.CONCERN and first.disclosure.tentative  # type: ignore[union-attr]
    assert more.intent == "missing" and not more.disclosure.tentative  # type: ignore[union-attr]


def test_harm_told_plainly_gets_the_whole_reply_whatever_the_first_piece_classifier_says() -> None:
    # "my football coach touches me weird after training": said as what is happening, in a risk
    # pattern's words, or heard surely by the classifier.
    plainly = said(statement=True, probabilities=sure("sexual_abuse"), partial_probability=0.9)
    for told in (replace(plainly, risks=frozenset({"sexual_abuse"})), plainly):
        [outcome] = conversation(told)
        assert outcome.intent == "sexual_abuse" and outcome.moment is None
    # Heard less surely, with no pattern, or with an opener's words ("theres this lad on snap
    # keeps sending us money"), it is still a first piece.
    unsure = replace(plainly, probabilities=sure("sexual_abuse", 0.9))
    with_opener = replace(plainly, risks=frozenset({"sexual_abuse"}), opener="someone")
    # Nor is harm said with a joke word or a figure of speech said plainly.
    joking = replace(plainly, risks=frozenset({"sexual_abuse"}), joke=True)
    figure = replace(plainly, risks=frozenset({"sexual_abuse"}), figurative=True)
    for first_piece in (unsure, with_opener, joking, figure):
        [outcome] = conversation(first_piece)
        assert outcome.moment is Moment.CONCERN


def test_an_emergency_is_never_only_a_first_piece() -> None:
    [outcome] = conversation(said(urgency="overdose", partial_probability=0.99))
    assert outcome.urgent


# --- immediate danger the classifier only guessed at ------------------------------------------


def test_danger_only_the_classifier_leans_to_is_not_an_emergency() -> None:
    # "theres this lad in my year": leaning to danger, no emergency pattern, no urgency.
    leaning = {"immediate_danger": 0.24, "peer_abuse": 0.3, "sexual_abuse": 0.11, "none": 0.35}
    [outcome] = conversation(said(probabilities=leaning, urgent_probability=0.2))
    assert not outcome.urgent
    assert outcome.disclosure is not None and outcome.disclosure.category == "peer_abuse"


def test_danger_the_emergency_head_agrees_with_is_still_an_emergency() -> None:
    [outcome] = conversation(said(probabilities=sure("immediate_danger"), urgent_probability=0.9))
    assert outcome.urgent and outcome.intent == IMMEDIATE_DANGER


def test_an_emergency_is_followed_by_the_help_for_the_specific_harm_named() -> None:
    # "hes gonna shank me, showed me a blade in his bag": a threat (danger) and a weapon.
    both = frozenset({"immediate_danger", "weapons_violence"})
    [outcome] = conversation(said(risks=both, probabilities=sure("weapons_violence", 0.7)))
    assert outcome.urgent and outcome.intent == IMMEDIATE_DANGER
    assert outcome.disclosure is not None and outcome.disclosure.category == "weapons_violence"


def test_an_emergency_takes_the_harm_the_classifier_is_sure_of_when_no_pattern_names_one() -> None:
    [outcome] = conversation(
        said(urgency="danger", probabilities=sure("criminal_exploitation", 0.7))
    )
    assert outcome.urgent
    assert outcome.disclosure is not None
    assert outcome.disclosure.category == "criminal_exploitation"


def test_not_joking_after_all_is_never_taken_as_taking_it_back() -> None:
    for intent in ("take_it_back", "not_what_i_meant"):
        _, said_more = conversation(
            said(risks=frozenset({"self_harm"})), said(intent, sounds_not_ok=True)
        )
        assert said_more.moment is Moment.FOLLOW_UP
        assert said_more.state.thread == "self_harm" and not said_more.state.tentative


def test_a_fear_in_its_own_words_is_answered_under_a_reporting_question() -> None:
    # "if i report them theyll know it was me and itll be 10x worse"
    [outcome] = conversation(said("ask_anonymous_report", fear="found_out"))
    assert outcome.moment is Moment.FEAR and outcome.kind == "found_out"


def test_an_everyday_thing_beside_a_figure_of_speech_is_a_sign_of_a_joke() -> None:
    # "my geography teacher is gonna kill me": heard as violence, but a figure of speech
    [outcome] = conversation(
        said(probabilities=sure("weapons_violence"), trivial=True, figurative=True)
    )
    assert outcome.check_in


def test_an_everyday_thing_without_a_figure_of_speech_is_no_joke() -> None:
    # "my brother came home with blood on his hoodie and hid a knife under the floorboard"
    [outcome] = conversation(said(probabilities=sure("weapons_violence"), trivial=True))
    assert not outcome.check_in
    assert outcome.disclosure is not None and outcome.disclosure.category == "weapons_violence"


def test_a_figure_of_speech_in_a_fear_about_telling_is_no_joke() -> None:
    # "if i tell someone and they find out im done for"
    [outcome] = conversation(said(figurative=True, fear="found_out"))
    assert outcome.moment is Moment.FEAR and not outcome.check_in


def test_a_question_for_a_lesson_that_only_the_classifier_hears_as_harm_is_learning() -> None:
    # "beth yw county lines? ma gwers gyda ni amdano fe fory"
    [outcome] = conversation(
        said("out_of_scope", probabilities=sure("criminal_exploitation"), schoolwork=True)
    )
    assert outcome.disclosure is None and not outcome.urgent


def test_a_risk_pattern_in_a_question_for_a_lesson_is_still_a_disclosure() -> None:
    # "they make me sell in lessons, what do i do?"
    [outcome] = conversation(
        said(
            probabilities=sure("criminal_exploitation"),
            risks=frozenset({"criminal_exploitation"}),
            schoolwork=True,
        )
    )
    assert outcome.disclosure is not None
    assert outcome.disclosure.category == "criminal_exploitation"


def test_a_feeling_inside_a_disclosure_is_acknowledged_with_its_help_in_view() -> None:
    # "my stepdad comes in my room at night" ... "whos gonna believe me over him"
    _, feeling = conversation(
        said(risks=frozenset({"sexual_abuse"}), probabilities=sure("sexual_abuse")),
        said(probabilities=sure("sexual_abuse"), feeling="disbelieved"),
    )
    assert feeling.moment is Moment.FEELING and feeling.kind == "disbelieved"
    assert feeling.state.thread == "sexual_abuse"
    assert feeling.disclosure is not None and feeling.disclosure.follow_up


def test_a_fear_inside_a_disclosure_is_answered_before_a_feeling() -> None:
    _, fear = conversation(
        said(risks=frozenset({"image_abuse"}), probabilities=sure("image_abuse")),
        said(probabilities=sure("image_abuse"), feeling="scared", fear="found_out"),
    )
    assert fear.moment is Moment.FOLLOW_UP and fear.kind == "found_out"


def test_a_feeling_carrying_a_disclosure_on_is_acknowledged_before_its_help() -> None:
    # "my year group made a hate page about me" ... "teachers dont do anything"
    _, feeling = conversation(
        said(risks=frozenset({"peer_abuse"}), probabilities=sure("peer_abuse")),
        said("ask_what_to_do", feeling="disbelieved"),
    )
    assert feeling.moment is Moment.FEELING and feeling.kind == "disbelieved"
    assert feeling.state.thread == "peer_abuse"


def test_not_wanting_him_in_trouble_is_care_not_a_fear_of_arrest() -> None:
    # "my boyfriend hits me" ... "i dont want him getting in trouble tho, i love him"
    _, caring = conversation(
        said(risks=frozenset({"peer_abuse"}), probabilities=sure("peer_abuse")),
        said("fear_of_telling", feeling="care", fear="arrest"),
    )
    assert caring.moment is Moment.FEELING and caring.kind == "care"
    assert caring.state.thread == "peer_abuse"


def test_a_message_in_welsh_inside_a_disclosure_carries_it_on() -> None:
    # "mae o'n gyrru lluniau ata i" ... "sut alla i helpu hi?" (the intent model guessed greet)
    _, welsh = conversation(
        said(risks=frozenset({"image_abuse"}), probabilities=sure("image_abuse"), welsh=True),
        said("greet", confidence=0.5, welsh=True),
    )
    assert welsh.moment is Moment.FOLLOW_UP and welsh.state.thread == "image_abuse"
