"""Social media and gaming usernames.

An "@name" or a Discord "name#1234" is a username wherever it stands. A plain word is one only
where the sentence hands it over: "my snap is xyz", "add me on insta xyz", "sc: xyz",
"my gamertag is xyz". Naming a platform is not sharing a username ("he added me on snap", "a man
on insta"), and neither is describing an account ("my snap is private", "add me on snap later").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from bot.privacy.kinds import Found, Kind
from bot.privacy.text import Phrases, Token
from bot.privacy.words import FUNCTION_WORDS, POSSESSIVES, word_set

# "@jake_99", but not the middle of an email ("jake@x.com") nor a time ("@5pm", "@ 5").
_AT_HANDLE: Final = re.compile(
    r"(?<![\w@.+\-])@(?!\d{1,2}(?:[:.]\d\d)?(?:am|pm)?\b)(?=[\w.]*[^\W\d_])[\w.]{2,30}(?<!\.)",
    re.IGNORECASE,
)
_DISCORD_TAG: Final = re.compile(r"(?<![\w@#.])[\w.]{2,32}#\d{4}\b")
# The characters a username may hold, from where it starts.
_HANDLE_CHARS: Final = re.compile(r"[\w.\-#]+")

PLATFORMS: Final = word_set(
    """
    snap snapchat sc insta instagram ig tiktok tt discord psn xbox gamertag gt roblox fortnite
    epic steam twitter telegram kik twitch yt youtube fb facebook wizz yubo reddit minecraft
    valorant playstation bereal
    """
)
_HANDLE_NOUNS: Final = word_set("username usernames user handle tag id account acc ign name @")
_LINKS: Final = word_set("is = : - its it's was")
# Words that describe an account or say when, never a username: "my snap is private".
_NOT_HANDLES: Final = (
    FUNCTION_WORDS
    | PLATFORMS
    | _HANDLE_NOUNS
    | word_set(
        """
        private public deleted gone banned blocked hacked down new old dead locked weird creepy
        scary dodgy sus suspicious fake open closed boring funny different random full empty
        active inactive famous later tonight tomorrow today now back again too asap babe hun x xx
        xxx same there then pls please plz mate bro sis
        """
    )
)
_OWNER_CUES: Final = Phrases(
    [
        *(f"{owner} {platform}" for owner in POSSESSIVES for platform in PLATFORMS),
        *(
            f"{owner} {platform} {noun}"
            for owner in POSSESSIVES
            for platform in PLATFORMS
            for noun in _HANDLE_NOUNS
        ),
        *(f"{owner} {noun}" for owner in POSSESSIVES for noun in ("username", "user", "ign")),
        *(f"{owner} user name" for owner in POSSESSIVES),
    ]
)
_ASK_VERBS: Final = word_set("add follow message msg dm text snap sc hmu find search friend")
_LABELS: Final = word_set(": = - @")


def find_handles(text: str, tokens: Sequence[Token]) -> Iterator[Found]:
    for pattern in (_AT_HANDLE, _DISCORD_TAG):
        for match in pattern.finditer(text):
            yield Found(Kind.HANDLE, *match.span())
    for index in range(len(tokens)):
        found = _handed_over_at(text, tokens, index)
        if found is not None:
            yield found


def _handed_over_at(text: str, tokens: Sequence[Token], index: int) -> Found | None:
    """A username at tokens[index] if the words before hand one over."""
    value = _value_at(text, tokens[index])
    if value is None:
        return None
    start, end = value
    link = _links_before(tokens, index)
    cue_end = index - link
    if _OWNER_CUES.ending_before(tokens, cue_end):
        # "my snap is xyz" needs no more; "my snap xyz" might be "my snap got hacked".
        handed = link > 0 or _looks_like_handle(text[start:end])
    elif link and tokens[cue_end - 1].lower in PLATFORMS and tokens[index - 1].text in _LABELS:
        handed = True  # "sc: xyz", "insta - xyz"
    else:
        handed = _asked_to_add(text[start:end], tokens, cue_end)
    return Found(Kind.HANDLE, start, end) if handed else None


def _asked_to_add(value: str, tokens: Sequence[Token], index: int) -> bool:
    """Asked to add a username: "add me on snap xyz", "snap me on xyz", "follow me on tiktok its
    xyz"."""
    platform = False
    if index >= 1 and tokens[index - 1].lower in PLATFORMS:
        platform = True
        index -= 1
    if index >= 1 and tokens[index - 1].lower in ("on", "at"):
        index -= 1
    if index < 2 or tokens[index - 1].lower != "me" or tokens[index - 2].lower not in _ASK_VERBS:
        return False
    platform = platform or tokens[index - 2].lower in PLATFORMS
    return platform or _looks_like_handle(value)


def _links_before(tokens: Sequence[Token], index: int) -> int:
    """How many linking words ("is", ":", "its") come just before tokens[index], at most two."""
    count = 0
    while count < 2 and index - count > 0 and tokens[index - count - 1].lower in _LINKS:
        count += 1
    return count


def _value_at(text: str, token: Token) -> tuple[int, int] | None:
    """The span of a username-like run of characters starting at the token, if it could be one."""
    if token.kind not in ("word", "number"):
        return None
    match = _HANDLE_CHARS.match(text, token.start)
    if match is None:
        return None
    start, end = match.span()
    while end > start and text[end - 1] in ".-":
        end -= 1  # the full stop ending a sentence is not part of it
    if text[start:end].lower() in _NOT_HANDLES:
        return None
    return start, end


def _looks_like_handle(value: str) -> bool:
    """Digits, underscores or dots inside mark a username: "jake_99", "lily.b", "xx4ever"."""
    return any(char.isdigit() or char in "_." for char in value)
