"""The load: simulated young people talking to the REST channel, each in turn waiting a moment.

Only timings and counts are kept; reply bodies are parsed to check they are non-empty lists and
then dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

import aiohttp
from tqdm import tqdm

from bench.conversations import new_sender, pick_journey, think_time

REST_PATH = "/webhooks/rest/webhook"
REQUEST_TIMEOUT_SECONDS = 30.0


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0


async def send(session: aiohttp.ClientSession, url: str, sender: str, message: str) -> bool:
    """One message; True if the reply was 200 with at least one message in it."""
    async with session.post(url, json={"sender": sender, "message": message}) as response:
        if response.status != 200:
            await response.read()
            return False
        replies = await response.json(content_type=None)
        return isinstance(replies, list) and len(replies) > 0


async def young_person(
    session: aiohttp.ClientSession,
    url: str,
    rng: random.Random,
    think_seconds: float,
    deadline: float,
    tally: Tally,
    progress: tqdm | None,
) -> None:
    """Holds conversation after conversation (a new sender id each) until the deadline.

    Each arrives after one pause, as people do, rather than all at the same instant: 20 first
    messages in one burst would measure a thundering herd no real audience produces.
    """
    await asyncio.sleep(think_time(rng, think_seconds))
    while time.monotonic() < deadline:
        sender = new_sender(rng)
        for message in pick_journey(rng).messages:
            if time.monotonic() >= deadline:
                return
            started = time.monotonic()
            try:
                ok = await send(session, url, sender, message)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                ok = False
            if ok:
                tally.latencies.append(time.monotonic() - started)
            else:
                tally.errors += 1
            if progress is not None:
                progress.update(1)
            await asyncio.sleep(think_time(rng, think_seconds))


async def drive(
    base_url: str,
    users: int,
    think_seconds: float,
    duration_seconds: float,
    seed: int,
    label: str = "",
) -> tuple[Tally, float]:
    """Run `users` young people for `duration_seconds`; the tally and the real elapsed time."""
    url = base_url.rstrip("/") + REST_PATH
    tally = Tally()
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS)
    connector = aiohttp.TCPConnector(limit=users + 4)
    progress = tqdm(desc=label, unit=" msg", leave=True) if label else None
    started = time.monotonic()
    deadline = started + duration_seconds
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        await asyncio.gather(
            *(
                young_person(
                    session,
                    url,
                    random.Random(seed * 1000 + index),
                    think_seconds,
                    deadline,
                    tally,
                    progress,
                )
                for index in range(users)
            )
        )
    elapsed = time.monotonic() - started
    if progress is not None:
        progress.set_postfix(errors=tally.errors)
        progress.close()
    return tally, elapsed


def first_reply(
    base_url: str, timeout_seconds: float, alive: Callable[[], bool] | None = None
) -> float:
    """Blocks until one message gets a non-empty reply; the monotonic time it arrived."""
    url = base_url.rstrip("/") + REST_PATH
    body = json.dumps({"sender": "bench-cold-start", "message": "hi"}).encode()
    deadline = time.monotonic() + timeout_seconds
    while time.monotonic() < deadline:
        if alive is not None and not alive():
            raise RuntimeError("the server stopped while starting")
        request = urllib.request.Request(
            url, data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                if response.status == 200 and json.load(response):
                    return time.monotonic()
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"no reply within {timeout_seconds:.0f} s")


async def warm_up(base_url: str, messages: int = 6) -> None:
    """A few unmeasured messages so lazy loading is not counted as load latency."""
    url = base_url.rstrip("/") + REST_PATH
    rng = random.Random(0)
    async with aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_SECONDS)
    ) as session:
        for _ in range(2):
            sender = new_sender(rng)
            for message in pick_journey(rng).messages[: messages // 2]:
                with contextlib.suppress(aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                    await send(session, url, sender, message)
