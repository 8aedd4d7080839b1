"""`python -m bot classify`, `eval` and `eval-conversations`, run as anyone would run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.paths import ROOT

pytestmark = pytest.mark.model

THE_2018_MESSAGE = "I'm being forced to have sex and I'm only 12 years old."


def bot(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_classify_writes_one_json_decision_per_line(trained_model: Path) -> None:
    stdin = (
        f"{THE_2018_MESSAGE}\n\nwhat does county lines mean\ni just took a whole packet of pills\n"
    )
    result = bot("classify", stdin=stdin)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    keys = {"text", "intent", "confidence", "disclosure", "urgent", "check_in", "tentative"}
    assert [set(line) for line in lines] == [keys] * 3
    assert lines[0]["text"] == THE_2018_MESSAGE
    assert lines[0]["disclosure"] == "sexual_abuse" == lines[0]["intent"]
    assert lines[0]["urgent"] is False
    assert lines[1]["disclosure"] is None
    assert (lines[2]["disclosure"], lines[2]["urgent"]) == ("self_harm", True)


def test_eval_reports_and_fails_when_a_gate_is_missed(trained_model: Path, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        json.dumps({"text": THE_2018_MESSAGE, "disclosure": "sexual_abuse", "also": []})
        + "\n"
        + json.dumps({"text": "hello there, how are you", "disclosure": "missing"})
        + "\n"
        + json.dumps({"text": "what is the weather like", "disclosure": None})
        + "\n"
    )
    report = tmp_path / "out" / "report.json"
    result = bot("eval", str(cases), "--json", str(report))
    assert result.returncode == 1  # the "missing" line is mislabelled on purpose: recall 50%
    assert "Disclosure recall (any category): 50.0% (1/2)" in result.stdout
    assert "missing: 'hello there, how are you'" in result.stdout
    written = json.loads(report.read_text())
    assert written["recall"] == 0.5
    assert written["failed_gates"]


def test_eval_passes_on_a_clean_run(trained_model: Path, tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text(
        json.dumps({"text": THE_2018_MESSAGE, "disclosure": "sexual_abuse"})
        + "\n"
        + json.dumps({"text": "what is the weather like", "disclosure": None})
        + "\n"
    )
    result = bot("eval", str(cases))
    assert result.returncode == 0, result.stdout
    assert result.stdout.rstrip().endswith("Gates: all pass")


def test_eval_names_the_file_and_line_of_a_bad_label(tmp_path: Path) -> None:
    cases = tmp_path / "cases.jsonl"
    cases.write_text('{"text": "hi", "disclosure": null}\n{"text": "x", "disclosure": "sad"}\n')
    result = bot("eval", str(cases))
    assert result.returncode == 2
    assert f"{cases}:2: 'sad' is not a category" in result.stderr


def test_eval_conversations_refuses_a_fear_kind_it_could_never_hear(tmp_path: Path) -> None:
    # Checked before the model loads: a typo in a label would otherwise fail that turn forever.
    conversations = tmp_path / "conversations.yml"
    conversations.write_text(
        "conversations:\n"
        "  - id: split-up\n"
        "    turns:\n"
        "      - {say: 'if i tell theyll put us in care', expect: fear, fear: kicked_owt}\n"
    )
    result = bot("eval-conversations", str(conversations))
    assert result.returncode == 2
    assert "split-up, turn 1: 'kicked_owt' is not a fear kind" in result.stderr
