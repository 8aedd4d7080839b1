"""Messages as young people type them, with what redaction must make of them.

REDACTED pairs a message with its redacted text; KEPT messages must come back word for word.
Every test file draws on these, and the idempotence tests run over all of them.
"""

from __future__ import annotations

from typing import Final

NAMES: Final = [
    ("my name is Sarah Jones", "my name is [name]"),
    ("my name is sarah jones and im 14", "my name is [name] and im 14"),
    ("my names jake", "my names [name]"),
    ("hi my name's Zephyrine", "hi my name's [name]"),
    ("his name is like jayden", "his name is like [name]"),
    ("my name is Will", "my name is [name]"),
    ("im jake", "im [name]"),
    ("I'm Aisha and I'm 13", "I'm [name] and I'm 13"),
    ("I\u2019m Grace", "I\u2019m [name]"),  # a phone's curly apostrophe
    ("i am priya", "i am [name]"),
    ("call me Zed", "call me [name]"),
    ("you can call me kai", "you can call me [name]"),
    ("a man called Dave keeps messaging me", "a man called [name] keeps messaging me"),
    ("this is jake", "this is [name]"),
    ("Jake here, i need help", "[name] here, i need help"),
    ("hi, Muhammad here", "hi, [name] here"),
    ("it's Tom here", "it's [name] here"),
    (
        "my mate jayden is being made to sell drugs by older boys",
        "my mate [name] is being made to sell drugs by older boys",
    ),
    ("tell Kayden i said hi", "tell [name] i said hi"),
    ("me and muhammad went to town", "me and [name] went to town"),
    ("My friend Chloe's dad hurts her", "My friend [name]'s dad hurts her"),
    ("jake's school is near mine", "[name]'s school is near mine"),
    ("my mate Will helped me", "my mate [name] helped me"),
    ("my sister grace is 16", "my sister [name] is 16"),
    ("my boyfriend Kwabena is 19", "my boyfriend [name] is 19"),
    ("I told Grace about it", "I told [name] about it"),
    ("stop calling me Mark", "stop calling me [name]"),
    ("Mr Smith is my teacher", "Mr [name] is my teacher"),
    ("Amelia-Rose is my sister", "[name] is my sister"),
    ("MY NAME IS JAKE AND IM 14", "MY NAME IS [name] AND IM 14"),
    ("My Name Is Jake And I Am Scared", "My Name Is [name] And I Am Scared"),
    ("oliver and leo keep texting me", "[name] and [name] keep texting me"),
    ("Kacper said he'd hurt me", "[name] said he'd hurt me"),
    ("zara told me to come", "[name] told me to come"),
]

NOT_NAMES: Final = [
    "I'm fine",
    "i'm scared",
    "im 14",
    "im so done",
    "I'm in year 9",
    "I'm from Leeds",
    "I'm not sure",
    "I'm being bullied",
    "I'm Frank with you",
    "im miles away from home",
    "I'm Muslim",
    "they call me names at school",
    "i'm called names",
    "a guy called me fat",
    "this is called grooming",
    "my name is not important",
    "my name is secret",
    "my mate will help me",
    "grace and hope are my friends",
    "Will you help me",
    "May I ask something",
    "we broke up in May",
    "i hope so",
    "by the grace of god",
    "summer holidays are long",
    "I live near Reading",
    "I'm reading a book",
    "they make me sell charlie",
    "they send me out to jack phones",
    "we had to rob and nick stuff for them",
    "we watched harry potter",
    "play taylor swift",
    "he gives me molly",
    "Chelsea won",
    "i went to India",
    "same here",
    "the man said he loves me",
    "who is this",
    "i dont want to say my name",
    # Welsh, where "ben" and "dan" are words: "on top of the bridge", "under", "on fire".
    "dwi ar ben y bont nawr",
    "mae o dan y gwely",
    "mae'r car ar dan",
    "ben bore fory dwi'n mynd",
]

PHONES: Final = [
    ("my number is 07700 900123", "my number is [phone]"),
    ("07700900123", "[phone]"),
    ("text me on 07700-900-123", "text me on [phone]"),
    ("ring me on +44 7700 900123", "ring me on [phone]"),
    ("+447700900123 is his number", "[phone] is his number"),
    ("call (0)7700 900123", "call [phone]"),
    ("+44 (0)7700 900123", "[phone]"),
    ("my home phone is 0113 496 0000", "my home phone is [phone]"),
    ("or 020 7946 0000", "or [phone]"),
    ("01632 960000 is my nans", "[phone] is my nans"),
    ("(01632) 960000", "[phone]"),
    ("i got a text from 447700900123", "i got a text from [phone]"),
]

NOT_PHONES: Final = [
    "call 999",
    "you can ring 112 too",
    "call 101 if its not an emergency",
    "111 said to go to a&e",
    "call childline on 0800 1111",
    "the nspcc is 0808 800 5000",
    "0800 555 111",
    "text 85258",
    "08000 121 700",
    "116 000",
    "samaritans 116 123",
    "0300 123 4567 is the council",
    "i scored 07 in the test",
    "1234 5678",
    "in 2011 when i was 2",
    "it cost £20.50",
    "we won 3-1",
    "my order number is 4412345678901",
    "im 14 and hes 19",
]

EMAILS: Final = [
    ("email me at jake.smith@gmail.com", "email me at [email]"),
    ("its lily_b2010@hotmail.co.uk.", "its [email]."),
    ("JAKE99@OUTLOOK.COM", "[email]"),
]

POSTCODES: Final = [
    ("my postcode is SW1A 1AA", "my postcode is [postcode]"),
    ("m1 1ae", "[postcode]"),
    ("B338TH", "[postcode]"),
    ("i live in LS1 4AB", "i live in [postcode]"),
    ("cf10 3at", "[postcode]"),
]

NOT_POSTCODES: Final = [
    "b4 2nd period",
    "gr8 l8r 2day",
    "got a ps5 m8",
    "w8 4 me",
    "see u b4 9pm",
    "y9 3rd set",
    "u ok",
]

DATES: Final = [
    ("12/03/2011", "[date of birth]"),
    ("born 12-3-11", "born [date of birth]"),
    ("12.03.2011", "[date of birth]"),
    ("born 12th March 2011", "born [date of birth]"),
    ("March 12 2011", "[date of birth]"),
    ("2011-03-12", "[date of birth]"),
    ("my birthday is 3rd march", "my birthday is [date of birth]"),
    ("my birthday's on the 3rd of march", "my birthday's on the [date of birth]"),
    ("born on 3 march", "born on [date of birth]"),
    ("dob 3/3", "dob [date of birth]"),
    ("bday march 3rd", "bday [date of birth]"),
    ("im turning 14 on 5th june", "im turning 14 on [date of birth]"),
]

NOT_DATES: Final = [
    "im 15 years old",
    "he is 19",
    "im 13yo",
    "year 9",
    "my birthday is next week",
    "i was born in 2011",
    "on the 3rd of march we went out",
    "13/14 year olds",
    "it finishes at 3.30",
]

ADDRESSES: Final = [
    ("i live at 27 station rd", "i live at [address]"),
    ("12 Oak Road", "[address]"),
    ("flat 3 14 high st", "[address]"),
    ("i live on Elm Grove", "i live on [address]"),
    ("he lives at 4 Church Hill Road, Leeds", "he lives at [address], Leeds"),
    ("my address is 9a victoria avenue", "my address is [address]"),
    ("its 15 St Mary's Road", "its [address]"),
]

NOT_ADDRESSES: Final = [
    "down the road",
    "on the street",
    "the high street",
    "on the way home",
    "in the close",
    "over the hill",
    "20 minutes down the road",
    "its a 10 minute drive",
    "she lives on my road",
    "i live in a flat",
    "we're really close",
    "i live near the park",
]

SCHOOLS: Final = [
    ("i go to Oakfield Academy", "i go to [school]"),
    ("oakfield academy", "[school]"),
    ("St Mary's Primary", "[school]"),
    ("Kings College", "[school]"),
    ("Hillside High School", "[school]"),
    ("Northgate Sixth Form", "[school]"),
    ("i go to Parkside", "i go to [school]"),
    ("im in year 9 at Parkside", "im in year 9 at [school]"),
    ("i go to oakfield high", "i go to [school]"),
    ("im in year 9 at st marys", "im in year 9 at [school]"),
    ("St Joseph's Catholic Primary School", "[school]"),
    ("he waits outside parkside school", "he waits outside [school]"),
]

NOT_SCHOOLS: Final = [
    "my school",
    "at school",
    "secondary school",
    "high school",
    "primary school",
    "sixth form",
    "after school",
    "boarding school",
    "football academy",
    "the college",
    "college",
    "uni",
    "i hate school",
    "i skipped school today",
    "getting high",
    "im so high rn",
    "my old school",
    "my sisters school is rubbish",
    "a boy from school",
    "im on my way to school",
    "pics got shared round school",
    "i was promised school in the uk but they make me work",
    "im at st pancras station",
]

HANDLES: Final = [
    ("@name_123 sent me this", "[handle] sent me this"),
    ("my snap is xyz", "my snap is [handle]"),
    ("snap me on cutie2010", "snap me on [handle]"),
    ("add me on insta xyz", "add me on insta [handle]"),
    ("my insta is lily.b", "my insta is [handle]"),
    ("tiktok @x_y", "tiktok [handle]"),
    ("my discord is name#1234", "my discord is [handle]"),
    ("my psn is ShadowFox", "my psn is [handle]"),
    ("my gamertag is ShadowFox", "my gamertag is [handle]"),
    ("my roblox username is ghost_99", "my roblox username is [handle]"),
    ("sc: xyz", "sc: [handle]"),
    ("follow me on tiktok its jake_x", "follow me on tiktok its [handle]"),
    ("my username is shadow_wolf", "my username is [handle]"),
]

NOT_HANDLES: Final = [
    "he added me on snap",
    "a man on snap keeps asking for pics",
    "he messaged me on insta",
    "on insta",
    "my insta is private",
    "my snap got hacked",
    "add me on snap later",
    "snap me back",
    "the man from tiktok",
    "meet me @ 5",
    "meet me @5pm",
]

# Worrying disclosures: everything but the identifier must survive, word for word.
DISCLOSURES: Final = [
    (
        "my mate Jayden is being made to sell drugs by older boys",
        "my mate [name] is being made to sell drugs by older boys",
    ),
    (
        "a man on tiktok @big_dave99 keeps asking me for pics and says he'll send them to my mum",
        "a man on tiktok [handle] keeps asking me for pics and says he'll send them to my mum",
    ),
    (
        "im 14 and my boyfriend is 22 he said to meet at 12 Oak Road tonight",
        "im 14 and my boyfriend is 22 he said to meet at [address] tonight",
    ),
    (
        "older boys outside Oakfield Academy made me hold a knife",
        "older boys outside [school] made me hold a knife",
    ),
    (
        "he keeps texting me from 07700 900123 and i'm scared",
        "he keeps texting me from [phone] and i'm scared",
    ),
]

KEPT_DISCLOSURES: Final = [
    "a man on snap keeps asking for pics",
    "im 13 and a man online wants me to send pics",
    "they make me carry packages to other towns and i cant say no",
    "i'm scared to go home",
    "someone at school shared my nudes",
    "i want to kill myself",
    "my uncle touches me when mum is out",
    "he said he loves me and im his girlfriend and im only 13",
]

REDACTED: Final = [
    *NAMES,
    *PHONES,
    *EMAILS,
    *POSTCODES,
    *DATES,
    *ADDRESSES,
    *SCHOOLS,
    *HANDLES,
    *DISCLOSURES,
]
KEPT: Final = [
    *NOT_NAMES,
    *NOT_PHONES,
    *NOT_POSTCODES,
    *NOT_DATES,
    *NOT_ADDRESSES,
    *NOT_SCHOOLS,
    *NOT_HANDLES,
    *KEPT_DISCLOSURES,
]
