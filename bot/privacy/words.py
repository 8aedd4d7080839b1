"""Word lists shared by the rules, and the loader for the name lists shipped beside this file.

All lower case. These are deliberately small and hand-picked for how young people type; extend
them when a test shows a miss, and add the example to tests/unit/privacy.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Final

_HERE: Final = Path(__file__).resolve().parent


@cache
def load_word_list(filename: str) -> frozenset[str]:
    """One lower-case entry a line from a file beside this module; '#' starts a comment."""
    lines = (_HERE / filename).read_text(encoding="utf-8").splitlines()
    entries = (line.split("#", 1)[0].strip().lower() for line in lines)
    return frozenset(entry for entry in entries if entry)


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Little words and chat fillers: never a name, a street, a school or a username on their own.
# Some names are also function words ("will", "may"); rules check the name lists first where
# that matters.
FUNCTION_WORDS: Final = word_set(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its
    itself just me more most my myself no nor not now of off on once only or other our ours out
    over own same she should so some such than that the their them then there these they this
    those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself also really like get got go going gonna wanna
    gotta even still maybe never always ever every yet though although cos coz cause cuz bc
    im i'm i'll ill ive i've id i'd dont don't cant can't wont won't didnt didn't isnt isn't
    wasnt wasn't it's thats that's theres there's he's she's hes shes they're theyre we're
    you're youre u ur r ya ye yeah yes yep yh ya nah nope ok okay k kk oh ah um umm erm hmm
    hi hey hiya heya hello yo sup thanks thank thx ty pls plz please sorry soz lol lmao lmfao
    omg idk tbh btw rn ngl fr smh wtf wth wat wot dunno one
    """
)

# Words that follow "my name is" or "I'm called" without being a name.
NOT_NAMES: Final = FUNCTION_WORDS | word_set(
    """
    not secret private anonymous unknown irrelevant important hidden nothing none nobody noone
    someone somebody anyone anybody everyone everybody something anything everything whatever
    police cops ambulance childline nspcc samaritans shout mum mam mom dad brother sister
    back later names name fine scared sad ok good bad done tired being called here there
    help same over right sure bored lonely worried upset new old big little young asap today
    tonight tomorrow soon babe hun darling sweetie love
    """
)

# People who are named right after being mentioned: "my mate jayden", "her boyfriend Kwame".
RELATIONS: Final = word_set(
    """
    mate mates m8 friend friends fren bestie bff bezzie bf gf boyfriend girlfriend bro brother
    bruv sis sister cousin cuz ex crush partner mum mam mom mummy dad daddy stepdad stepmum
    step-dad step-mum uncle auntie aunty aunt nan nana nanna grandma gran grandad grandpa
    teacher tutor neighbour coach carer son daughter niece nephew babysitter flatmate roommate
    classmate boss manager worker
    """
)

# Words before RELATIONS that make the relation a particular person.
POSSESSIVES: Final = word_set("my his her our their your ur me")

MONTHS: Final = word_set(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

WEEKDAYS: Final = word_set(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat
    sun
    """
)
