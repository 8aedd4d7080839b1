"""Street addresses and school names: a naming word or two before a street or school word.

"road" or "academy" alone says nothing about who someone is; "Oak Road" and "Oakfield Academy"
do. So each rule finds the street or school word, walks back over the words that could name it,
and keeps the span only when something shows it is a particular place:
- a street needs a house number ("12 Oak Road") or a cue ("I live on Elm Grove"), so "down the
  road", "the high street" and "on the way home" stay;
- a school needs a naming word that is not a describing word ("my old school", "football
  academy", "after school" stay). The bare words "high", "primary" and "grammar" also need
  capitals ("Hillside High") or a cue ("I go to oakfield high"), as "getting high" must stay.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Final

from bot.privacy.kinds import Found, Kind
from bot.privacy.names import CAPITAL_CLUES, NAMES
from bot.privacy.text import Phrases, Token, capitals_mean_names
from bot.privacy.words import FUNCTION_WORDS, MONTHS, RELATIONS, WEEKDAYS, word_set

STREET_TYPES: Final = word_set(
    """
    road rd street st avenue ave lane ln close drive dr way crescent cres court ct gardens gdns
    place pl terrace tce grove hill row walk square sq mews park vale view rise green parade
    boulevard gate wharf estate croft mead fields
    """
)
# Words counted with a number that are not street names: "20 minutes down the road".
_MEASURES: Final = word_set(
    """
    min mins minute minutes hour hours hr hrs sec secs second seconds mile miles km metres meters
    yard yards step steps day days week weeks month months year years yr yrs time times people
    boys girls men lads foot feet ft bus buses stop stops house houses door doors block blocks
    streets roads oclock quid pounds
    """
)
_ADDRESS_CUES: Final = Phrases(
    [
        *(
            f"{verb} {where}"
            for verb in ("live", "lives", "living", "lived", "stay", "stays", "staying", "moved")
            for where in ("at", "on", "in", "off", "near")
        ),
        "address is",
        "address :",
        "address -",
        "addy is",
    ]
)
_FLAT_WORDS: Final = word_set("flat apartment apt unit no number")
_MAX_NAME_WORDS: Final = 3

_SCHOOL_TYPES: Final = Phrases(
    [
        "sixth form college",
        "sixth form",
        "6th form",
        "high school",
        "primary school",
        "secondary school",
        "grammar school",
        "junior school",
        "infant school",
        "infants school",
        "community school",
        "community college",
        "academy",
        "college",
        "school",
        "comprehensive",
        "high",
        "primary",
        "grammar",
    ]
)
# Bare school words that are also ordinary words: "getting high", "primary", "grammar".
_WEAK_SCHOOL_TYPES: Final = word_set("high primary grammar")
# Between a school's name and its type: "St Mary's C of E Primary", "Oakfield Girls' School".
_SCHOOL_QUALIFIERS: Final = Phrases(
    ["c of e", "cofe", "ce", "rc", "catholic", "church of england", "methodist", "girls", "boys"]
)
# Words that describe a school rather than name it, or that come before "school" in a sentence.
SCHOOL_DESCRIBERS: Final = (
    word_set(
        """
        new old big local nearby whole same different other another next last current previous
        former special private state public normal mixed summer sunday saturday night evening
        driving football dance dancing drama music sports sport stage film police army military
        boxing swimming swim coding tennis rugby cricket gymnastics theatre art arts performing
        crap shit shitty stupid bad good nice rubbish boring horrible strict first second third
        go goes going went attend attends attending hate hates love loves like likes skip skipped
        skipping skive skiving bunk bunked bunking wag wagging leave leaving left start started
        starting finish finished finishing miss missed missing change changed changing move moved
        moving quit fail failed outside near behind inside during before after from back home
        boarding online med law grad business language faith religious islamic muslim jewish
        christian church sen pupil referral alternative residential independent free village city
        town secondary primary high sixth infant infants junior middle elementary upper lower
        senior prep comprehensive grammar academy college school schools entire proper actual real
        year class form day weekend walk walked walking bus today yesterday tomorrow hated loved
        dread dreading enjoy enjoyed ditch ditched reach reached survive ruin ruined avoid avoided
        avoiding drop dropped dropping kicked expelled excluded suspended round around across
        """
    )
    | FUNCTION_WORDS
    | MONTHS
    | WEEKDAYS
)
_YEAR_WORDS: Final = word_set("year yr y")
_SAINTS: Final = word_set("st saint")
_OTHER_SAINTS_PLACES: Final = word_set("station church hospital cathedral centre shopping")
_MAX_SCHOOL_WORDS: Final = 4
_SCHOOL_CUES: Final = Phrases(
    [
        "go to",
        "goes to",
        "going to",
        "went to",
        "attend",
        "attends",
        "i'm at",
        "im at",
        "i am at",
        "he's at",
        "she's at",
        "hes at",
        "shes at",
    ]
)
# After these cues a capitalised name alone is a school: "i go to Parkside".
_SCHOOL_CUES_WITHOUT_TYPE: Final = Phrases(
    ["i go to", "he goes to", "she goes to", "i attend", "i'm at", "im at", "i am at"]
)


def find_addresses(text: str, tokens: Sequence[Token]) -> Iterator[Found]:
    for index, token in enumerate(tokens):
        if not token.is_word or token.lower not in STREET_TYPES:
            continue
        first = _first_naming_word(tokens, index, _is_street_word, _MAX_NAME_WORDS)
        if first == index:
            continue  # "the road", "on the street": no name
        start = _house_number_start(tokens, first)
        if start is None and _ADDRESS_CUES.ending_before(tokens, first):
            start = tokens[first].start
        if start is not None:
            yield Found(Kind.ADDRESS, start, token.end)


def find_schools(text: str, tokens: Sequence[Token]) -> Iterator[Found]:
    capitals = capitals_mean_names(tokens, CAPITAL_CLUES)
    for index in range(len(tokens)):
        length = _SCHOOL_TYPES.starting_at(tokens, index)
        if length is not None:
            yield from _schools_ending_in(tokens, index, length, capitals)
        else:
            yield from _schools_after_cue(tokens, index, capitals)


def _schools_ending_in(
    tokens: Sequence[Token], index: int, length: int, capitals: bool
) -> Iterator[Found]:
    """Schools named before the `length` type words at tokens[index] ("Oakfield Academy").
    Shorter readings come too ("Oakfield Academy" in "Hillside Oakfield Academy"): where a
    longer detail claims the first words, the rest is still redacted, now and on a second pass."""
    type_words = tokens[index : index + length]
    name_end = index - (_SCHOOL_QUALIFIERS.ending_before(tokens, index) or 0)
    first = _first_naming_word(tokens, name_end, _is_school_word, _MAX_SCHOOL_WORDS)
    for start in range(first, name_end):
        if _names_a_school(tokens, start, tokens[start:name_end], type_words, capitals):
            yield Found(Kind.SCHOOL, tokens[start].start, type_words[-1].end)


def _names_a_school(
    tokens: Sequence[Token],
    first: int,
    naming: Sequence[Token],
    type_words: Sequence[Token],
    capitals: bool,
) -> bool:
    saint = naming and naming[0].lower in _SAINTS
    if not naming or (saint and len(naming) == 1):
        return False
    if len(naming) == 1 and naming[0].base != naming[0].lower and naming[0].base in NAMES:
        return False  # "jake's school": someone's school, not its name
    if len(naming) == 1 and len(type_words) == 1 and _reads_as_verb(naming[0]):
        return False  # "promised school", "missing college"; "Ealing College" has its capital
    if len(type_words) == 1 and type_words[0].lower in _WEAK_SCHOOL_TYPES:
        capitalised = capitals and all(t.is_capitalised for t in (*naming, *type_words))
        return bool(saint) or capitalised or _SCHOOL_CUES.ending_before(tokens, first) is not None
    return True


def _is_saint(tokens: Sequence[Token], index: int) -> bool:
    """A saint's name ("st marys"), but not "st pancras station" or "st john's church"."""
    after = tokens[index + 2].lower if index + 2 < len(tokens) else ""
    return (
        tokens[index].lower in _SAINTS
        and index + 1 < len(tokens)
        and tokens[index + 1].is_word
        and _is_school_word(tokens[index + 1])
        and after not in _OTHER_SAINTS_PLACES
        and after not in STREET_TYPES
    )


def _reads_as_verb(token: Token) -> bool:
    return not token.is_capitalised and token.lower.endswith(("ed", "ing"))


def _schools_after_cue(tokens: Sequence[Token], index: int, capitals: bool) -> Iterator[Found]:
    """A school named by capitalised words after a school cue ("i go to Parkside"), in a message
    whose capitals mean something. Shorter readings come too, as for names."""
    if not _after_school_cue(tokens, index):
        return
    if _is_saint(tokens, index):
        # "im in year 9 at st marys": a saint's name is a school's, whatever the capitals.
        yield Found(Kind.SCHOOL, tokens[index].start, tokens[index + 1].end)
        return
    if not capitals:
        return
    last = index
    while (
        last < len(tokens)
        and last - index < _MAX_SCHOOL_WORDS
        and _names_after_cue(tokens[last], first=last == index)
    ):
        yield Found(Kind.SCHOOL, tokens[index].start, tokens[last].end)
        last += 1


def _names_after_cue(token: Token, first: bool) -> bool:
    return (
        token.is_word
        and token.is_capitalised
        and (first or not token.sentence_start)
        and _is_school_word(token)
        and token.base not in NAMES
    )


def _after_school_cue(tokens: Sequence[Token], index: int) -> bool:
    """After "i go to", "im at", or "year 9 at" / "y9 at"."""
    if _SCHOOL_CUES_WITHOUT_TYPE.ending_before(tokens, index):
        return True
    return (
        index >= 3
        and tokens[index - 1].lower == "at"
        and tokens[index - 2].kind == "number"
        and tokens[index - 3].lower in _YEAR_WORDS
    )


def _first_naming_word(
    tokens: Sequence[Token], end: int, is_naming: Callable[[Token], bool], most: int
) -> int:
    """Walk back from tokens[end] over up to `most` naming words; the index of the first."""
    first = end
    while first > 0 and end - first < most and is_naming(tokens[first - 1]):
        first -= 1
    return first


def _is_street_word(token: Token) -> bool:
    return (
        token.is_word
        and not token.attached
        and token.lower not in FUNCTION_WORDS
        and token.lower not in _MEASURES
    )


def _is_school_word(token: Token) -> bool:
    return (
        token.is_word
        and not token.attached
        and token.lower not in SCHOOL_DESCRIBERS
        and not _is_relation(token)
    )


def _is_relation(token: Token) -> bool:
    """A relation word: "sister", "sister's", or "sisters" typed without an apostrophe."""
    return token.base in RELATIONS or token.base.removesuffix("s") in RELATIONS


def _house_number_start(tokens: Sequence[Token], first: int) -> int | None:
    """Where the address starts if a house number (and maybe "flat 3") comes before the street
    name: "12 Oak Road", "12, oak road", "flat 3 14 high st"."""
    index = first - 1
    if index >= 0 and tokens[index].text == ",":
        index -= 1
    if index < 0 or not _is_house_number(tokens[index]):
        return None
    start = index
    if start >= 1 and tokens[start - 1].lower in _FLAT_WORDS:
        start -= 1
    elif (
        start >= 2
        and tokens[start - 2].lower in _FLAT_WORDS
        and _is_house_number(tokens[start - 1])
    ):
        start -= 2
    return tokens[start].start


def _is_house_number(token: Token) -> bool:
    word = token.lower
    return token.kind == "number" and len(word) <= 5 and (word.isdigit() or word[:-1].isdigit())
