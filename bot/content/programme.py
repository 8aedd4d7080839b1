"""What the Exploitation Prevention Programme says must be taught.

The content files may word things however editors like, but every stage must exist and cover
every sign the programme lists (the programme briefing), and every emerging trend needs a topic.
These ids are the contract between the programme and content/; they are not shown to young people.
"""

from typing import Final

STAGE_SIGNS: Final[dict[str, tuple[str, ...]]] = {
    "targeting": (
        "watches_you",
        "glamorous_lifestyle",
        "builds_trust",
        "shares_your_information",
        "brings_you_into_group",
    ),
    "experience": (
        "makes_you_feel_wanted",
        "gifts_and_rewards",
        "tests_your_loyalty",
        "offers_protection",
        "relates_and_advises",
        "sense_of_belonging",
        "gives_you_a_weapon",
        "introduces_older_members",
    ),
    "hooked": (
        "more_responsibility",
        "low_level_crimes",
        "feel_more_powerful",
        "exposed_to_consequences",
        "drugs_alcohol_sexual_abuse",
    ),
    "trapped": (
        "threats_and_violence",
        "guilt_shame_fear",
        "cut_off_from_people",
        "forced_to_hurt_others",
        "class_a_drugs",
    ),
}

# The order young people meet the stages in.
STAGE_ORDER: Final[tuple[str, ...]] = tuple(STAGE_SIGNS)

TREND_TOPICS: Final[tuple[str, ...]] = (
    "knife_crime",
    "gaming",
    "peer_abuse",
    "images",
    "car_crime",
)
