"""The running action server follows content edits, and a broken edit never takes it down.

The action server is started as `make run` starts it, on a private copy of content/ (CONTENT_DIR),
and asked directly over its webhook, as Rasa asks it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from bench.services import free_port
from bot.content import load_content
from bot.launcher import Ports, action_server_command, server_environment, stop, wait_until_up
from bot.paths import CONTENT_DIR, ROOT

MESSAGE = "thanks so much for the help"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """(webhook URL, content folder, log file) of a real action server."""
    folder = tmp_path_factory.mktemp("live")
    content, log = Path(shutil.copytree(CONTENT_DIR, folder / "content")), folder / "actions.log"
    ports = Ports(rasa=free_port(), actions=free_port(), web=free_port())
    env = {**server_environment(ports), "CONTENT_DIR": str(content), "LOG_LEVEL": "DEBUG"}
    with log.open("w") as output:
        process = subprocess.Popen(
            action_server_command(ports), cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            wait_until_up(f"http://localhost:{ports.actions}/health", process, "action server")
            yield ports.action_endpoint, content, log
        finally:
            stop(process)


def thanks_reply(webhook: str) -> str:
    """What the action server says to "thanks", as Rasa would ask it."""
    call: dict[str, Any] = {
        "next_action": "action_small_talk",
        "sender_id": "live-content",
        "version": "3.6.2",
        "domain": {},
        "tracker": {
            "sender_id": "live-content",
            "slots": {},
            "latest_message": {"text": MESSAGE, "intent": {"name": "thanks"}, "entities": []},
            "events": [],
            "latest_action_name": "action_listen",
        },
    }
    request = urllib.request.Request(
        webhook, json.dumps(call).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text: str = json.load(response)["responses"][0]["text"]
        return text


def reply_within(webhook: str, expected: str, seconds: float) -> float:
    """How long it took until the reply was `expected`; fails after `seconds`."""
    start = time.monotonic()
    while (reply := thanks_reply(webhook)) != expected:
        if time.monotonic() - start > seconds:
            pytest.fail(f"still {reply!r} after {seconds} s")
        time.sleep(0.2)
    return time.monotonic() - start


def save_thanks(path: Path, reply: str) -> None:
    """What an editor does: change the "thanks" reply in smalltalk.yml and save."""
    yaml = YAML(typ="rt")
    tree = yaml.load(path.read_text())
    tree["replies"]["thanks"] = reply
    with path.open("w") as file:
        yaml.dump(tree, file)
    os.utime(path)  # a new modification time even within the same clock tick


def test_edits_go_live_and_broken_edits_keep_the_last_good_content(
    live: tuple[str, Path, Path],
) -> None:
    webhook, content, log = live
    smalltalk = content / "smalltalk.yml"
    assert thanks_reply(webhook) == load_content(content).smalltalk.replies["thanks"]

    save_thanks(smalltalk, "Any time! Come back whenever you like.")
    assert reply_within(webhook, "Any time! Come back whenever you like.", 3) < 3

    good = smalltalk.read_text()
    smalltalk.write_text(good + "\n  broken: [unclosed\n")  # not valid YAML any more
    # Files are looked at once a second at most: keep talking until the broken edit is seen.
    deadline = time.monotonic() + 5
    while "not reloaded" not in (written := log.read_text()) and time.monotonic() < deadline:
        assert thanks_reply(webhook) == "Any time! Come back whenever you like."
        time.sleep(0.2)
    assert thanks_reply(webhook) == "Any time! Come back whenever you like."
    assert "not reloaded, still serving the last good version" in written
    assert "smalltalk.yml" in written
    assert MESSAGE not in written  # the error is logged, the young person's message is not

    smalltalk.write_text(good)
    save_thanks(smalltalk, "Happy to help.")
    assert reply_within(webhook, "Happy to help.", 3) < 3
