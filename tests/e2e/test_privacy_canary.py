"""The canary: made-up identifying details typed into the real servers are found nowhere afterwards.

The servers run as `make run` starts them, at the most talkative log level the project offers
(LOG_LEVEL=DEBUG), with a private data folder and the HTTP API on so the test can read what the
tracker store holds. Several conversations share names, numbers, addresses, schools, handles and
dates of birth, some in the same message as a disclosure. Then every place the system writes is
searched for every detail: the tracker store (through Rasa's API), the log output of both servers,
the insights database and everything else in the data folder, and the model folder.
"""

from __future__ import annotations

import tarfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.paths import MODELS
from tests.e2e.servers import Assistant, assistant

pytestmark = pytest.mark.model

# Made up for this test; each is something a young person might really type.
CONVERSATIONS: dict[str, list[str]] = {
    "canary-names": [
        "hi my name is Zephyrine Quillfeather",
        "call me Brannock",
        "my mate Jayden is being made to hold stuff for older lads",
    ],
    "canary-contact": [
        "text me on 07700 900461",
        "or my other number +44 7700 900982",
        "my email is zephyrine.q@example.org",
    ],
    "canary-where": [
        "i live at 14 Wrenfield Crescent LS6 2QT",
        "i go to Hollowmere Academy and a man keeps asking me for pics",
    ],
    "canary-online": [
        "my snap is brannock_rx and my insta is @quill_zeph22",
        "my birthday is 14/07/2011 and im 15",
        "/stage_hooked",
    ],
}
DETAILS = [
    "Zephyrine",
    "Quillfeather",
    "Brannock",
    "Jayden",
    "07700 900461",
    "7700 900982",
    "zephyrine.q@example.org",
    "Wrenfield",
    "LS6 2QT",
    "Hollowmere",
    "brannock_rx",
    "quill_zeph22",
    "14/07/2011",
]
# A widget could send anything as metadata: the page someone was on, for example.
METADATA = {"referrer": "https://hollowmere-academy.example/pupils/zephyrine"}
# Words from the messages that identify nobody, but are still message text: never in a log.
MESSAGE_WORDS = ["hold stuff for older lads", "keeps asking me for pics"]


def hits(text: str, needles: Iterable[str]) -> list[str]:
    lowered = text.lower()
    return [needle for needle in needles if needle.lower() in lowered]


def test_the_search_finds_details_that_were_not_redacted() -> None:
    """Guards the canary itself: unredacted messages would be caught."""
    typed = " ".join(message for messages in CONVERSATIONS.values() for message in messages)
    assert hits(typed, DETAILS) == DETAILS
    assert hits(typed, MESSAGE_WORDS) == MESSAGE_WORDS


@pytest.fixture(scope="module")
def after_conversations(
    trained_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("canary")
    data_dir, log = folder / "data", folder / "servers.log"
    models_before = _snapshot(MODELS)
    env = {"LOG_LEVEL": "DEBUG", "DATA_DIR": str(data_dir), "FORGET_AFTER_MINUTES": "60"}
    with assistant("--enable-api", env=env, log=log) as running:
        replies = {
            sender: _converse(running, sender, messages)
            for sender, messages in CONVERSATIONS.items()
        }
        trackers = {
            sender: running.get(f"/conversations/{sender}/tracker") for sender in CONVERSATIONS
        }
        assert running.interrupt() == 0  # a clean stop, so everything pending is written
    yield {
        "replies": replies,
        "trackers": trackers,
        "log": log.read_text(errors="replace"),
        "data": _read_folder(data_dir),
        "models_changed": sorted(set(_snapshot(MODELS).items()) - set(models_before.items())),
        "models": _read_models(),
    }


def _converse(running: Assistant, sender: str, messages: list[str]) -> list[list[str]]:
    """The texts the assistant sent back, per message."""
    return [
        [reply.get("text", "") for reply in running.say(sender, message, metadata=METADATA)]
        for message in messages
    ]


def _snapshot(folder: Path) -> dict[str, float]:
    return {str(path): path.stat().st_mtime for path in folder.rglob("*") if path.is_file()}


def _read_folder(folder: Path) -> str:
    return "\n".join(
        path.read_bytes().decode("utf-8", errors="replace")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    )


def _read_models() -> str:
    parts = []
    for path in MODELS.rglob("*"):
        if path.name.endswith(".tar.gz"):
            with tarfile.open(path) as archive:
                for member in archive.getmembers():
                    extracted = archive.extractfile(member) if member.isfile() else None
                    if extracted is not None:
                        parts.append(extracted.read().decode("utf-8", errors="replace"))
        elif path.is_file():
            parts.append(path.read_bytes().decode("utf-8", errors="replace"))
    return "\n".join(parts)


def test_the_tracker_store_keeps_no_detail(after_conversations: dict[str, Any]) -> None:
    import json

    stored = json.dumps(after_conversations["trackers"], ensure_ascii=False)
    assert "[name]" in stored and "[phone]" in stored, "the conversations were not kept at all"
    assert hits(stored, DETAILS) == []
    assert hits(stored, MESSAGE_WORDS) == []  # nor anything else they typed


def test_no_log_line_holds_a_detail_or_message_text(after_conversations: dict[str, Any]) -> None:
    log = after_conversations["log"]
    assert "processor" in log, "the servers did not log at debug level"
    assert hits(log, DETAILS) == []
    assert hits(log, MESSAGE_WORDS) == []


def test_the_data_folder_and_insights_keep_no_detail(after_conversations: dict[str, Any]) -> None:
    data = after_conversations["data"]
    assert data, "nothing was written to the data folder: insights were not recorded"
    assert hits(data, DETAILS) == []
    assert hits(data, MESSAGE_WORDS) == []


def test_nothing_is_written_to_the_model_folder(after_conversations: dict[str, Any]) -> None:
    assert after_conversations["models_changed"] == []
    assert hits(after_conversations["models"], DETAILS) == []


def test_replies_never_repeat_a_detail(after_conversations: dict[str, Any]) -> None:
    replies = " ".join(
        text
        for per_message in after_conversations["replies"].values()
        for texts in per_message
        for text in texts
    )
    assert hits(replies, DETAILS) == []
    assert "don't need to tell me" in replies


def test_a_disclosure_sharing_a_detail_is_answered_first(
    after_conversations: dict[str, Any],
) -> None:
    # "i go to Hollowmere Academy and a man keeps asking me for pics"
    where = after_conversations["replies"]["canary-where"][1]
    assert where[0].startswith("Thank you for telling me"), where
    nudges = [i for i, text in enumerate(where) if "don't need to tell me" in text]
    assert nudges and nudges[0] > 0


def test_idle_conversations_are_forgotten_by_the_running_server(trained_model: Path) -> None:
    # Rasa would fall back to its own store, which forgets nothing, if ours failed to load.
    env = {"FORGET_AFTER_MINUTES": "0.05"}  # 3 seconds
    with assistant("--enable-api", env=env) as running:
        running.say("forgetful", "my name is Zephyrine")
        assert _user_turns(running.get("/conversations/forgetful/tracker")) == 1
        time.sleep(4)
        assert _user_turns(running.get("/conversations/forgetful/tracker")) == 0


def _user_turns(tracker: dict[str, Any]) -> int:
    return sum(event["event"] == "user" for event in tracker["events"])


def test_metadata_sent_with_a_message_is_not_kept(after_conversations: dict[str, Any]) -> None:
    stored = after_conversations["trackers"]["canary-names"]
    for event in stored["events"]:
        assert not event.get("metadata"), event
    assert stored["slots"].get("session_started_metadata") is None
