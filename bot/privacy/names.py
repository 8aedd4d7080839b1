"""Personal names: a word from the name list, or any word right after a cue like "my name is".

How strongly the words before a word say "a name comes next" decides what may follow:
- strong cues ("my name is", "call me" after "you can", "Mr") take any word but a clear
  non-name ("not", "like", "secret");
- "I'm" takes only a listed name that is not also a state ("I'm Frank" is ambiguous, "I'm
  fine" is not a name at all);
- "called", "this is", "my mate" and the like take a listed name or a capitalised word;
- without a cue, a listed name counts unless it is also an everyday word ("grace", "will",
  "charlie", which is drug slang) or a place ("Chelsea"); those count only when capitalised in
  a message whose capitals mean something.
A surname directly after a first name joins it, so "Sarah Jones" becomes one placeholder.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from enum import Enum
from typing import Final

from bot.privacy.kinds import Found, Kind
from bot.privacy.text import Phrases, Token, capitals_mean_names
from bot.privacy.words import (
    FUNCTION_WORDS,
    MONTHS,
    NOT_NAMES,
    POSSESSIVES,
    RELATIONS,
    WEEKDAYS,
    load_word_list,
    word_set,
)

NAMES: Final = load_word_list("first_names.txt")
SURNAMES: Final = load_word_list("surnames.txt")

# Names that are also everyday words or slang: redacted only after a cue or with a capital.
# "charlie", "molly", "mandy", "tina", "henry" and "crystal" are drug slang, and "jack", "rob"
# and "nick" mean steal: redacting them would hide what a young person is being made to do.
NAMES_THAT_ARE_WORDS: Final = MONTHS | word_set(
    """
    will mark bill frank rob nick jack drew chase grant guy ray jay max miles hunter roman rocky
    prince
    jordan teddy charlie henry molly mandy tina crystal sunny rich don kit ash river storm phoenix
    grace hope faith joy summer autumn rose iris hazel olive willow honey angel star sky dawn eve
    charity destiny harmony melody trinity patience liberty heaven precious blessing favour
    miracle georgia india paris chelsea devon junior alexa mercy
    """
)
# Places and clubs that are also names: a capital letter alone does not make them a name.
PLACE_NAMES: Final = word_set("jordan georgia india paris chelsea devon phoenix florence sydney")
# After "I'm", these describe how someone is ("I'm frank with you", "im miles away").
STATE_WORDS: Final = word_set("frank sunny rich miles free young honey angel ace star")
# After "my mate" in lower case these are verbs: "my mate will help", "my friend may know".
VERBISH_NAMES: Final = word_set(
    "will may mark bill rob nick drew chase grant frank miles don guy ray"
)
SURNAMES_THAT_ARE_WORDS: Final = word_set(
    "green hall wood hill king young white brown bell cook hunt shaw black long little rose fox "
    "stone lane page reed hope may rich wells mills price mason hart gray grey cole bishop jordan"
)
# The little words whose capitals show whether capitals mean anything (see capitals_mean_names).
# Not "will" or "may", whose capital may be a name's, nor "of" and "the", which can sit inside a
# detail ("3rd of March", "C of E") and would be hidden by redacting it.
CAPITAL_CLUES: Final = FUNCTION_WORDS - NAMES - {"of", "the"}
# Welsh phrases with a word that is also a name: "ar ben y bont" is "on top of the bridge", "o
# dan" is "under", "ar dan" is "on fire", "ben bore" is "early morning". Hiding them would hide a
# Welsh emergency from the safety patterns, which read the redacted text.
WELSH_PHRASES: Final = frozenset(
    tuple(phrase.split())
    for phrase in ("ar ben", "i ben", "dros ben", "ben bore", "o dan", "ar dan", "oddi tan")
)
# Famous people young people talk about: not identifying, and redacting them garbles the message.
# Only the pair is kept; "harry" alone is still a name.
FAMOUS: Final = frozenset(
    tuple(name.split())
    for name in (
        "harry potter",
        "harry styles",
        "harry kane",
        "taylor swift",
        "sabrina carpenter",
        "billie eilish",
        "olivia rodrigo",
        "ed sheeran",
        "david attenborough",
        "percy jackson",
        "oliver twist",
        "mr beast",
        "marcus rashford",
        "bukayo saka",
        "jude bellingham",
        "lewis hamilton",
        "andrew tate",
        "tommy fury",
    )
)
# Words a speaker slips in between a cue and the name: "his name is like jake".
FILLERS: Final = word_set("like um umm erm uh literally actually just")


class Cue(Enum):
    STRONG = "strong"  # "my name is": anything but a clear non-name
    SELF = "self"  # "I'm": a listed name that is not a state
    CALLED = "called"  # "a man called": a listed name or a capitalised word
    THIS_IS = "this is"  # "this is": a listed name; a word-name needs a capital
    RELATION = "relation"  # "my mate": a listed name (not a verb) or a capitalised word


_RELATION_ADJECTIVES: Final = ("", "best ", "older ", "younger ", "big ", "little ", "twin ")
_CUES: Final[tuple[tuple[Cue, Phrases], ...]] = (
    (
        Cue.STRONG,
        Phrases(
            [
                "name is",
                "name was",
                "name's",
                "name :",
                "name -",
                "real name",
                *(f"{owner} names" for owner in POSSESSIVES),
                *(f"{who} call me" for who in ("you can", "u can", "just", "pls", "plz", "please")),
                "mr",
                "mrs",
                "ms",
                "mx",
            ]
        ),
    ),
    (Cue.SELF, Phrases(["i'm", "im", "i am", "iam"])),
    (Cue.CALLED, Phrases(["call me", "called", "named", "aka", "goes by", "miss"])),
    (Cue.THIS_IS, Phrases(["this is", "dis is"])),
    (
        Cue.RELATION,
        Phrases(
            f"{owner} {adjective}{relation}"
            for owner in POSSESSIVES
            for adjective in _RELATION_ADJECTIVES
            for relation in RELATIONS
        ),
    ),
)
# The last words of every cue, and fillers that may stand between a cue and a name.
_CUE_ENDINGS: Final = frozenset().union(*(phrases.last_words for _, phrases in _CUES)) | FILLERS
_HERE_CUES: Final = Phrases(["it's", "its", "it is", "this is"])
_GREETINGS: Final = word_set("hi hey hiya heya hello yo ok okay so um erm hiii heyy")
# Characters that glue a word into something else: a username, an email, a number.
_GLUE: Final = frozenset("@#_.0123456789")


def find_names(text: str, tokens: Sequence[Token]) -> Iterator[Found]:
    capitals = capitals_mean_names(tokens, CAPITAL_CLUES)
    index = 0
    while index < len(tokens):
        if _is_name(text, tokens, index, capitals):
            last = _surname_end(text, tokens, index, capitals)
            # The shorter readings too ("Sarah" as well as "Sarah Jones"): if a longer detail
            # claims the surname's place, the first name is still redacted, now and on a second
            # pass alike.
            for end in range(index, last + 1):
                yield Found(Kind.NAME, tokens[index].start, tokens[end].base_end)
            index = last + 1
        else:
            index += 1


def _is_name(text: str, tokens: Sequence[Token], index: int, capitals: bool) -> bool:
    token = tokens[index]
    if not _could_be_name(tokens, index) or not _stands_alone(text, token):
        return False
    word = token.base
    if _is_famous(tokens, index) or _in_welsh_phrase(tokens, index):
        return False
    cue = _cue_before(tokens, index)
    if cue is not None:
        return _fits_cue(cue, token, capitals)
    if _signs_off_here(tokens, index):
        return word in NAMES or (token.is_capitalised and word not in NOT_NAMES)
    if word in NAMES and word not in NAMES_THAT_ARE_WORDS:
        return True
    return (
        word in NAMES_THAT_ARE_WORDS
        and word not in PLACE_NAMES | MONTHS
        and _capital_means_name(token, capitals)
    )


def _could_be_name(tokens: Sequence[Token], index: int) -> bool:
    """A quick first look, as most words are plainly not names: a name is a listed or capitalised
    word, or any word right after a cue or before "here"."""
    token = tokens[index]
    if not token.is_word:
        return False
    if token.base in NAMES or token.is_capitalised:
        return True
    before = tokens[index - 1].lower if index > 0 else ""
    after = tokens[index + 1].lower if index + 1 < len(tokens) else ""
    return before in _CUE_ENDINGS or after == "here"


def _is_famous(tokens: Sequence[Token], index: int) -> bool:
    pair = tuple(token.base for token in tokens[index : index + 2])
    after_mr = tuple(token.base for token in tokens[max(index - 1, 0) : index + 1])
    return pair in FAMOUS or after_mr in FAMOUS


def _in_welsh_phrase(tokens: Sequence[Token], index: int) -> bool:
    """The word is half of a Welsh phrase ("ar ben", "ben bore"), with the word before or after."""
    pairs = (tokens[max(index - 1, 0) : index + 1], tokens[index : index + 2])
    return any(
        len(pair) == 2 and tuple(token.lower for token in pair) in WELSH_PHRASES for pair in pairs
    )


def _fits_cue(cue: Cue, token: Token, capitals: bool) -> bool:
    word = token.base
    listed = word in NAMES
    if cue is Cue.STRONG:
        return listed or word not in NOT_NAMES
    if cue is Cue.SELF:
        return listed and word not in STATE_WORDS
    if cue is Cue.THIS_IS:
        return listed and (word not in NAMES_THAT_ARE_WORDS or _capital_means_name(token, capitals))
    if cue is Cue.RELATION and listed and word in VERBISH_NAMES:
        return _capital_means_name(token, capitals)
    return listed or _capitalised_unknown(token, capitals)


def _cue_before(tokens: Sequence[Token], index: int) -> Cue | None:
    """The cue that ends just before tokens[index], looking past fillers like "like"."""
    while index > 0 and tokens[index - 1].lower in FILLERS:
        index -= 1
    for cue, phrases in _CUES:
        if phrases.ending_before(tokens, index):
            return cue
    return None


def _signs_off_here(tokens: Sequence[Token], index: int) -> bool:
    """Signing off as "Jake here" at the start of a message, or "it's Jake here"."""
    if index + 1 >= len(tokens) or tokens[index + 1].lower != "here":
        return False
    if _HERE_CUES.ending_before(tokens, index):
        return True
    return all(
        t.lower in _GREETINGS or not (t.is_word or t.kind == "number") for t in tokens[:index]
    )


def _capital_means_name(token: Token, capitals: bool) -> bool:
    return capitals and token.is_capitalised and not token.sentence_start


def _capitalised_unknown(token: Token, capitals: bool) -> bool:
    word = token.base
    return (
        _capital_means_name(token, capitals)
        and word not in NOT_NAMES
        and word not in MONTHS | WEEKDAYS
        and word not in RELATIONS
    )


def _surname_end(text: str, tokens: Sequence[Token], index: int, capitals: bool) -> int:
    """The index of the last word of the name that starts at tokens[index]: a surname or a
    second name may follow ("Sarah Jones", "mary jane"), up to two more words."""
    last = index
    while last - index < 2 and last + 1 < len(tokens):
        before, after = tokens[last], tokens[last + 1]
        if before.base_end != before.end or text[before.end : after.start].strip(" "):
            break  # "jake's mum", or punctuation or a line break between the words
        if not after.is_word or not _stands_alone(text, after) or not _is_surname(after, capitals):
            break
        last += 1
    return last


def _is_surname(token: Token, capitals: bool) -> bool:
    word = token.base
    if word in SURNAMES and word not in SURNAMES_THAT_ARE_WORDS:
        return True
    if word in NAMES and word not in NAMES_THAT_ARE_WORDS:
        return True
    return _capitalised_unknown(token, capitals)


def _stands_alone(text: str, token: Token) -> bool:
    """Not part of a username, an email address or a number ("jake_99", "@jake", "jake.b@")."""
    before = text[token.start - 1] if token.start > 0 else " "
    after = text[token.end] if token.end < len(text) else " "
    return before not in _GLUE and after not in _GLUE - {"."} and after != "@"
