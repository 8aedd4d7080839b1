"""How the risk patterns and the disclosure classifier combine into one decision."""

from __future__ import annotations

from bot.safety.decision import (
    DISCLOSURE_THRESHOLD,
    OVERRULE_CONFIDENCE,
    Decision,
    decide,
    intent_without_disclosure,
)


def probabilities(none: float, **categories: float) -> dict[str, float]:
    return {"none": none, **categories}


def test_a_pattern_match_is_a_disclosure_even_when_the_classifier_disagrees() -> None:
    assert decide({"online_grooming"}, probabilities(0.98, online_grooming=0.02)) == Decision(
        "online_grooming", "patterns"
    )


def test_a_pattern_match_counts_without_any_classifier_at_all() -> None:
    assert decide({"self_harm"}, {}) == Decision("self_harm", "patterns")


def test_agreement_is_recorded_as_both() -> None:
    assert decide({"self_harm"}, probabilities(0.1, self_harm=0.9)) == Decision("self_harm", "both")


def test_immediate_danger_leads_whenever_it_matches() -> None:
    decision = decide({"sexual_abuse", "immediate_danger"}, probabilities(0.1, sexual_abuse=0.9))
    assert decision == Decision("immediate_danger", "both")


def test_a_confident_classifier_names_the_category_when_a_pattern_says_something_is_wrong() -> None:
    chances = probabilities(1 - OVERRULE_CONFIDENCE, sexual_abuse=OVERRULE_CONFIDENCE)
    assert decide({"peer_abuse"}, chances).category == "sexual_abuse"  # type: ignore[union-attr]


def test_a_pattern_names_the_category_when_the_classifier_only_leans_to_another() -> None:
    # "my boyfriend hits me when hes had a drink, were both 16": peer abuse, not a guess at more
    chances = probabilities(0.1, sexual_abuse=0.55, peer_abuse=0.35)
    assert decide({"peer_abuse"}, chances) == Decision("peer_abuse", "both")
    named = probabilities(0.1, sexual_abuse=0.55, peer_abuse=0.35)
    assert decide({"peer_abuse", "sexual_abuse"}, named) == Decision("sexual_abuse", "both")


def test_an_unsure_classifier_leaves_the_category_to_the_patterns() -> None:
    chances = probabilities(0.4, sexual_abuse=0.3, peer_abuse=0.2, trafficking=0.1)
    assert decide({"peer_abuse", "trafficking"}, chances) == Decision("peer_abuse", "both")


def test_the_classifier_alone_decides_at_its_threshold() -> None:
    chances = probabilities(1 - DISCLOSURE_THRESHOLD, missing=DISCLOSURE_THRESHOLD)
    assert decide(set(), chances) == Decision("missing", "model")


def test_categories_count_together_even_when_none_leads() -> None:
    chances = probabilities(0.5, trafficking=0.26, criminal_exploitation=0.24)
    assert decide(set(), chances) == Decision("trafficking", "model")


def test_below_the_threshold_is_not_a_disclosure() -> None:
    chances = probabilities(1 - DISCLOSURE_THRESHOLD + 0.01, missing=DISCLOSURE_THRESHOLD - 0.01)
    assert decide(set(), chances) is None
    assert decide(set(), {}) is None


def test_a_rejected_disclosure_intent_gives_way_to_the_next_confident_intent() -> None:
    ranking = [("self_harm", 0.5), ("stage_trapped", 0.4), ("greet", 0.1)]
    assert intent_without_disclosure(ranking, 0.35) == ("stage_trapped", 0.4)


def test_with_no_confident_intent_left_the_message_gets_a_rephrase_prompt() -> None:
    ranking = [("self_harm", 0.7), ("missing", 0.2), ("greet", 0.1)]
    assert intent_without_disclosure(ranking, 0.35) == ("nlu_fallback", 0.35)
    assert intent_without_disclosure([("nlu_fallback", 0.35), ("self_harm", 0.3)], 0.35) == (
        "nlu_fallback",
        0.35,
    )
