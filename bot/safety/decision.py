"""How the risk patterns and the disclosure classifier combine into one decision.

The rule, in order:
1. Risk patterns decide first. If any pattern matches, the message is a disclosure, whatever any
   model says. Patterns are sure *that* something is wrong, less sure *what*, so the category is:
   immediate danger if any immediate-danger pattern matched (that reply leads with 999); else the
   classifier's most likely category if it holds at least CATEGORY_CONFIDENCE and a pattern named
   it too, or at least OVERRULE_CONFIDENCE if none did; else the matched category the classifier
   rates highest.
2. Otherwise the disclosure classifier (classifier.py) decides: the message is a disclosure when
   the ten categories together hold at least DISCLOSURE_THRESHOLD of its probability, and the
   category is its most likely one. Counting the categories together, rather than asking one to
   lead, keeps recall high when a message sits between two kinds of harm.
Nothing else is a disclosure: the intent model's own guesses at disclosure categories are not
trusted alone, because it is over-confident on everyday messages. This decision is what the
dialogue acts on and what `python -m bot eval` measures. The thresholds were chosen on
tests/dev/disclosures.jsonl, never on the evaluation set.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from bot.safety.categories import CATEGORIES, IMMEDIATE_DANGER, is_disclosure

DISCLOSURE_THRESHOLD = 0.5
CATEGORY_CONFIDENCE = 0.5
# The classifier names a category no pattern named only this sure: "my boyfriend hits me when
# hes had a drink" matched peer abuse, and the classifier's 0.51 for sexual abuse is a guess.
OVERRULE_CONFIDENCE = 0.7
FALLBACK_INTENT = "nlu_fallback"

Probabilities = Mapping[str, float]  # category or "none" -> probability
Ranking = Sequence[tuple[str, float]]  # (intent, confidence), best first


@dataclass(frozen=True)
class Decision:
    category: str
    source: str  # "patterns", "model" or "both"


def decide(
    matched: Collection[str], probabilities: Probabilities, threshold: float = DISCLOSURE_THRESHOLD
) -> Decision | None:
    """The disclosure category for a message, or None when it is not a disclosure."""
    likeliest = max(CATEGORIES, key=lambda name: probabilities.get(name, 0.0))
    model_says = sum(probabilities.get(name, 0.0) for name in CATEGORIES) >= threshold
    if matched:
        # A category a pattern named needs less of the classifier's confidence than another.
        needed = CATEGORY_CONFIDENCE if likeliest in matched else OVERRULE_CONFIDENCE
        if IMMEDIATE_DANGER in matched:
            category = IMMEDIATE_DANGER
        elif probabilities.get(likeliest, 0.0) >= needed:
            category = likeliest
        else:
            category = max(matched, key=lambda name: probabilities.get(name, 0.0))
        return Decision(category, "both" if model_says else "patterns")
    return Decision(likeliest, "model") if model_says else None


def intent_without_disclosure(ranking: Ranking, threshold: float) -> tuple[str, float]:
    """The intent to act on when the intent model guessed a disclosure the decision rejected:
    its best other intent if that is confident enough, else Rasa's fallback (a rephrase prompt)."""
    for name, confidence in ranking:
        if not is_disclosure(name) and name != FALLBACK_INTENT:
            return (name, confidence) if confidence >= threshold else (FALLBACK_INTENT, threshold)
    return FALLBACK_INTENT, threshold
