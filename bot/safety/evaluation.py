"""Measure disclosure detection: recall, false alarms and category accuracy, with every mistake.

Plain Python: the caller classifies the messages (bot/rasa_ext/classify.py) and this module scores
the combined decision the dialogue acts on against a labelled JSON Lines file, one object a line:
{"text": "...", "disclosure": "<category>" or null, "also": ["<other acceptable category>", ...]}.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bot.safety.categories import CATEGORIES, IMMEDIATE_DANGER

# What `make test` requires; see the disclosure issue.
MIN_RECALL = 0.98
MIN_IMMEDIATE_DANGER_RECALL = 1.0
MAX_FALSE_ALARM_RATE = 0.05
MIN_CATEGORY_ACCURACY = 0.85


class EvaluationFileError(ValueError):
    """A labelled file that cannot be read; the message names the file and line."""


@dataclass(frozen=True)
class Case:
    text: str
    disclosure: str | None
    also: tuple[str, ...] = ()

    def accepts(self, category: str | None) -> bool:
        return category == self.disclosure or category in self.also


@dataclass(frozen=True)
class Prediction:
    text: str
    intent: str
    confidence: float
    disclosure: str | None


@dataclass
class CategoryScore:
    caught: int = 0
    total: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.total if self.total else 1.0


@dataclass
class Report:
    disclosures: int = 0
    caught: int = 0
    right_category: int = 0
    benign: int = 0
    false_alarms: int = 0
    by_category: dict[str, CategoryScore] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    wrong_category: list[dict[str, Any]] = field(default_factory=list)
    false_alarm_lines: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.caught / self.disclosures if self.disclosures else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.benign if self.benign else 0.0

    @property
    def category_accuracy(self) -> float:
        return self.right_category / self.caught if self.caught else 1.0

    def failed_gates(self) -> list[str]:
        """The release gates this report misses, in words; empty when it passes."""
        failures = []
        if self.recall < MIN_RECALL:
            failures.append(f"disclosure recall {self.recall:.3f} is below {MIN_RECALL}")
        danger = self.by_category.get(IMMEDIATE_DANGER, CategoryScore()).recall
        if danger < MIN_IMMEDIATE_DANGER_RECALL:
            failures.append(
                f"immediate_danger recall {danger:.3f} is below {MIN_IMMEDIATE_DANGER_RECALL}"
            )
        if self.false_alarm_rate > MAX_FALSE_ALARM_RATE:
            failures.append(
                f"false alarm rate {self.false_alarm_rate:.3f} is above {MAX_FALSE_ALARM_RATE}"
            )
        if self.category_accuracy < MIN_CATEGORY_ACCURACY:
            failures.append(
                f"category accuracy {self.category_accuracy:.3f} is below {MIN_CATEGORY_ACCURACY}"
            )
        return failures

    def to_json(self) -> dict[str, Any]:
        return {
            "recall": round(self.recall, 4),
            "false_alarm_rate": round(self.false_alarm_rate, 4),
            "category_accuracy": round(self.category_accuracy, 4),
            "disclosures": self.disclosures,
            "benign": self.benign,
            "recall_by_category": {
                name: {**asdict(score), "recall": round(score.recall, 4)}
                for name, score in self.by_category.items()
            },
            "failed_gates": self.failed_gates(),
            "misses": self.misses,
            "wrong_category": self.wrong_category,
            "false_alarms": self.false_alarm_lines,
        }


def read_cases(path: Path) -> list[Case]:
    """Read a labelled JSON Lines file; blank lines are skipped."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            cases.append(_case(line, f"{path}:{number}"))
    if not cases:
        raise EvaluationFileError(f"{path}: no labelled lines")
    return cases


def _case(line: str, where: str) -> Case:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise EvaluationFileError(f"{where}: not valid JSON ({error.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise EvaluationFileError(f'{where}: expected an object with a "text" string')
    unknown = set(data) - {"text", "disclosure", "also"}
    if unknown:
        raise EvaluationFileError(f"{where}: unknown keys {sorted(unknown)}")
    also = data.get("also") or []
    for category in [data.get("disclosure"), *also]:
        if category is not None and category not in CATEGORIES:
            raise EvaluationFileError(f"{where}: '{category}' is not a category")
    return Case(data["text"], data.get("disclosure"), tuple(also))


def score(cases: Sequence[Case], predictions: Iterable[Prediction]) -> Report:
    report = Report(by_category={name: CategoryScore() for name in CATEGORIES})
    for case, predicted in zip(cases, predictions, strict=True):
        if case.disclosure is None:
            report.benign += 1
            if predicted.disclosure is not None:
                report.false_alarms += 1
                report.false_alarm_lines.append(
                    {"text": case.text, "predicted": predicted.disclosure}
                )
            continue
        report.disclosures += 1
        category = report.by_category[case.disclosure]
        category.total += 1
        if predicted.disclosure is None:
            report.misses.append(
                {"text": case.text, "expected": case.disclosure, "intent": predicted.intent}
            )
            continue
        report.caught += 1
        category.caught += 1
        if case.accepts(predicted.disclosure):
            report.right_category += 1
        else:
            report.wrong_category.append(
                {"text": case.text, "expected": case.disclosure, "predicted": predicted.disclosure}
            )
    return report


def render(report: Report) -> str:
    """The report as text for a terminal."""
    lines = [
        f"Disclosure recall (any category): {report.recall:.1%} "
        f"({report.caught}/{report.disclosures})",
        f"False alarms on benign messages:  {report.false_alarm_rate:.1%} "
        f"({report.false_alarms}/{report.benign})",
        f"Category accuracy among caught:   {report.category_accuracy:.1%} "
        f"({report.right_category}/{report.caught})",
        "",
        "Recall by category:",
        *(
            f"  {name:<22} {score.recall:6.1%}  ({score.caught}/{score.total})"
            for name, score in report.by_category.items()
        ),
    ]
    sections = [
        ("Missed disclosures", report.misses, "{expected}: {text!r} (intent {intent})"),
        ("Wrong category", report.wrong_category, "{expected} -> {predicted}: {text!r}"),
        ("False alarms", report.false_alarm_lines, "{predicted}: {text!r}"),
    ]
    for title, rows, template in sections:
        lines += ["", f"{title} ({len(rows)}):", *("  " + template.format(**row) for row in rows)]
    failures = report.failed_gates()
    lines += ["", "Gates: " + ("all pass" if not failures else "FAILED: " + "; ".join(failures))]
    return "\n".join(lines)
