"""The risk pattern language, its loader and the matcher, over the project's spaCy pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from bot.content import ContentError
from bot.paths import CONTENT_DIR, SPACY_PIPELINE
from bot.safety.categories import CATEGORIES
from bot.safety.matcher import RiskMatcher, Subject, spacy_lemmatizer
from bot.safety.patterns import Group, PatternError, compile_line, load_risk_patterns

LISTS = {"victim": ["me", "him", "my mate"], "goods": ["drug", "package"]}


@pytest.fixture(scope="module")
def nlp() -> Language:
    if not SPACY_PIPELINE.exists():  # make test builds it first; a bare pytest run may not have
        from bot.nlp_pipeline import build_pipeline

        build_pipeline()
    return spacy.load(SPACY_PIPELINE)


@pytest.fixture(scope="module")
def shipped(nlp: Language) -> RiskMatcher:
    return RiskMatcher(nlp, load_risk_patterns(CONTENT_DIR / "safety", spacy_lemmatizer(nlp)))


def matcher_for(nlp: Language, tmp_path: Path, category: str, *patterns: str) -> RiskMatcher:
    """A safety folder with the shipped word lists and only these patterns."""
    safety = Path(shutil.copytree(CONTENT_DIR / "safety", tmp_path / "safety"))
    for path in (safety / "patterns").glob("*.yml"):
        path.write_text(f"category: {path.stem}\npatterns:\n  - zzzunused\n")
    lines = "".join(f"  - {pattern!r}\n" for pattern in patterns)
    (safety / "patterns" / f"{category}.yml").write_text(
        f"category: {category}\npatterns:\n{lines}"
    )
    return RiskMatcher(nlp, load_risk_patterns(safety, spacy_lemmatizer(nlp)))


def matches(matcher: RiskMatcher, nlp: Language, text: str) -> bool:
    return bool(matcher.hits(nlp(text)))


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("make me sell", "they made me sell", True),  # any form of a word
        ("make me sell", "they make me selling", True),
        ("make me sell", "they make him sell", False),
        ("sell|carry|hold drug", "i have to hold drugs", True),  # choices
        ("(sell|carry) drug", "carry drugs", True),
        ("make him|my_mate sell", "they make my mate sell", True),  # a choice of two words
        ("make @victim sell", "they make him sell", True),  # a word list
        ("really? scared", "im scared", True),  # optional
        ("really? scared", "really scared", True),
        ("owe ... money", "i owe them loads of money", True),  # up to three words between
        ("owe ... money", "i owe them loads and loads of money", False),
        ("im|i_am scared", "im scared", True),  # a choice of several words
        ("im|i_am scared", "i am scared", True),
    ],
)
def test_pattern_language(
    nlp: Language, tmp_path: Path, pattern: str, text: str, expected: bool
) -> None:
    matcher = matcher_for(nlp, tmp_path, "criminal_exploitation", pattern)
    assert matches(matcher, nlp, text) is expected


def test_matching_is_case_insensitive(nlp: Language, tmp_path: Path) -> None:
    matcher = matcher_for(nlp, tmp_path, "self_harm", "kill myself")
    assert matches(matcher, nlp, "I want to KILL MYSELF")


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("make @nobody sell", "there is no word list @nobody"),
        ("sell||carry", "has an empty choice"),
        ("really? ...", "at least one word that is not optional"),
    ],
)
def test_bad_patterns_say_what_to_fix(nlp: Language, pattern: str, problem: str) -> None:
    with pytest.raises(PatternError, match=problem):
        compile_line(pattern, LISTS, spacy_lemmatizer(nlp))


def test_a_bad_pattern_is_reported_with_file_and_line(nlp: Language, tmp_path: Path) -> None:
    with pytest.raises(ContentError) as raised:
        matcher_for(nlp, tmp_path, "missing", "run away", "leave @nowhere")
    path = tmp_path / "safety" / "patterns" / "missing.yml"
    assert str(raised.value) == f"{path}:4: there is no word list @nowhere in words.yml " + (
        "(known: " + ", ".join("@" + name for name in sorted(_lists())) + ")"
    )


def _lists() -> list[str]:
    from ruamel.yaml import YAML

    return list(YAML(typ="safe").load((CONTENT_DIR / "safety" / "words.yml").read_text())["lists"])


def test_a_missing_category_file_is_reported(nlp: Language, tmp_path: Path) -> None:
    safety = Path(shutil.copytree(CONTENT_DIR / "safety", tmp_path / "safety"))
    (safety / "patterns" / "missing.yml").unlink()
    with pytest.raises(ContentError, match="no patterns for missing: add this file"):
        load_risk_patterns(safety, spacy_lemmatizer(nlp))


def test_shipped_patterns_cover_every_category(shipped: RiskMatcher) -> None:
    risks = [p for p in shipped.patterns.patterns if p.group is Group.RISK]
    assert {pattern.label for pattern in risks} == set(CATEGORIES)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I'm being forced to have sex and I'm only 12 years old.", "sexual_abuse"),
        ("they make me sell weed", "criminal_exploitation"),
        ("my mate is being made to hold stuff for older lads", "criminal_exploitation"),
        ("someone is outside my house with a knife", "immediate_danger"),
        ("he said he'll send my nudes to everyone unless i send more", "image_abuse"),
        ("i want to kill myself", "self_harm"),
        ("im gonna run away tonight", "missing"),
        ("my fella's 19 n im 14", "sexual_abuse"),
        ("ma nghariad i'n 20 a dwi'n 13", "sexual_abuse"),
    ],
)
def test_shipped_patterns_catch_plain_disclosures(
    shipped: RiskMatcher, nlp: Language, text: str, category: str
) -> None:
    assert category in {hit.category for hit in shipped.hits(nlp(text))}


@pytest.mark.parametrize(
    "text",
    [
        "what does county lines mean",
        "why do people carry knives",
        "what happens in the trapped stage",
        "this game is killing me lol",
        "what is sextortion",
        "my mum will kill me if im late",
        "honestly killing myself laughing at these memes",
        "my bf is 16 and im 15",
    ],
)
def test_shipped_patterns_leave_questions_and_idioms_alone(
    shipped: RiskMatcher, nlp: Language, text: str
) -> None:
    assert shipped.hits(nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("they make me sell", Subject.SELF),
        ("my mate is being made to hold stuff", Subject.SOMEONE_ELSE),
        ("i think my friend is being groomed", Subject.SOMEONE_ELSE),
        ("my boyfriend makes me sleep with his friends", Subject.SELF),
        ("i'm being forced to have sex", Subject.SELF),
        ("there's a man outside my house", Subject.SELF),
        ("someone is outside with a knife", Subject.UNCLEAR),
    ],
)
def test_who_a_message_is_about(
    shipped: RiskMatcher, nlp: Language, text: str, subject: Subject
) -> None:
    assert shipped.subject(nlp(text)) is subject


def test_an_unless_phrase_cancels_the_patterns_it_overlaps(nlp: Language, tmp_path: Path) -> None:
    matcher = matcher_for(nlp, tmp_path, "self_harm", "want to die")
    path = tmp_path / "safety" / "patterns" / "self_harm.yml"
    path.write_text(path.read_text() + "unless:\n  - die of embarrassment|laughing\n")
    matcher = RiskMatcher(nlp, load_risk_patterns(tmp_path / "safety", spacy_lemmatizer(nlp)))
    assert not matches(matcher, nlp, "i want to die of embarrassment")
    assert matches(matcher, nlp, "i want to die")
    # Only where it overlaps: a real match elsewhere in the message still counts.
    assert matches(matcher, nlp, "i want to die of laughing at school but at home i want to die")


def test_matching_adds_nothing_to_the_vocab(shipped: RiskMatcher, nlp: Language) -> None:
    # Upper case, so each word's key (lower-cased) is a string the tokenizer never stored.
    doc = nlp("XYZZYFOO And GLORPLES They Make Me Sell Weed")
    strings, lexemes = len(nlp.vocab.strings), len(nlp.vocab)
    assert "criminal_exploitation" in {hit.category for hit in shipped.hits(doc)}
    assert (len(nlp.vocab.strings), len(nlp.vocab)) == (strings, lexemes)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("drank half a bottle of vodka and took some of my nans tablets", "overdose"),
        ("took some of my mums pills with vodka", "overdose"),
        ("at a party and i think someone put something in my drink", "danger"),
        ("i think ive been spiked", "danger"),
        ("theres other girls here and a man watches the door all the time", "held"),
        ("he wont let me go", "held"),
        ("the guys i owe money to are outside my house with bats", "weapon"),
        ("man in a white van keeps pulling up slow next to me", "followed"),
        ("someone is definitely in the kitchen and my parents are away", "danger"),
        ("im under my bed", "danger"),
        ("bro theyre jumping this kid in the park", "danger"),
        ("wait i feel really weird, only had one drink", "danger"),
        ("cant feel my legs properly", "danger"),
        ("my mates collapsed, shes not waking up properly", "danger"),
        ("he isnt breathing", "danger"),
        ("ma rhywun yn bangio ar y drws", "danger"),
        (
            "my little cousin wandered off at the market and we still havent found her",
            "missing_now",
        ),
        ("she is 8 years old and missing since teatime", "missing_now"),
        ("mae fy chwaer fach heb ddod adref ac mae hi'n dywyll", "missing_now"),
        ("i keep pressing but i cant make it stop bleeding", "bleeding"),
        ("blood has gone through two towels already", "bleeding"),
        ("if he shares my nudes i'll kill myself", "harm_now"),
        ("i just got raped at a party", "danger"),
        ("he's still in the house and i'm in the bathroom", "danger"),
        ("a man has been banging on our front door for ages", "danger"),
        ("its pitch dark out and my brother still hasnt come home", "missing_now"),
        ("hes only 6 and hes not answering, hes got a watch phone", "missing_now"),
        ("my lil sister ran off in the park and we cant see her", "missing_now"),
        ("mae fy mrawd bach 7 oed heb ddod yn ôl o'r siop", "missing_now"),
        ("he put a goodbye post on his story and now hes not replying", "harm_now"),
        ("she left a goodbye letter on her bed and her phones switched off", "harm_now"),
        ("mae 'na griw yn fy nghuro i nawr ar y cae", "danger"),
        ("ma nhw'n cadw fi mewn ty a dwi ddim yn cael mynd", "held"),
    ],
)
def test_shipped_emergency_patterns_hear_the_emergency(
    shipped: RiskMatcher, nlp: Language, text: str, kind: str
) -> None:
    assert kind in {hit.category for hit in shipped.read(nlp(text)).urgent}


@pytest.mark.parametrize(
    "text",
    [
        "mum wont let me go into town since that stabbing was on the news",
        "i take my tablets with water every morning",
        "how do you know if someone spiked your drink",
        "they jumped a kid last week",
        "my mum is in the kitchen making tea",
        "i cant wake up for school",
        "me n jess laughed so hard in RE i genuinely stopped breathing 💀",
        "my mum took my phone off me for two days cos i was rude",
        "helpa fi gyda fy ngwaith cartref plis",
        "our dog wandered off at the beach but came back",
        "i cant find my charger anywhere",
        "if they post that pic of me from year 7 ill die lol",
        "its late and my big sister still isnt back from her shift",
        "our cat is still not home and its dark",
        "said my goodbyes to nan at the station, her phone isnt answering cos shes on the train",
        "sai'n gallu mynd i'r parti nos sadwrn",
    ],
)
def test_shipped_emergency_patterns_leave_everyday_messages_alone(
    shipped: RiskMatcher, nlp: Language, text: str
) -> None:
    assert shipped.read(nlp(text)).urgent == ()


@pytest.mark.parametrize(
    "text",
    [
        "im ending it all tonight, i cant do this",
        "he filmed me and sent it round, i want to die",
    ],
)
def test_the_words_of_harm_are_never_everyday_things_to_joke_about(
    shipped: RiskMatcher, nlp: Language, text: str
) -> None:
    # An everyday thing beside a figure of speech makes a check-in: "ending" or "film" would turn
    # these into one.
    assert not shipped.read(nlp(text)).trivial


@pytest.mark.parametrize(
    "text",
    [
        # "im jumping" reads as "i was jumped" to the matcher
        "everton lost again, im jumping in the mersey lad 😂",
        "howay man if i have to revise one more poem im gonna top meself",
        "im gonna jump off the school roof if i fail this mock lol",
        "that episode made me wanna throw myself off a bridge",
    ],
)
def test_a_figure_of_speech_covers_its_own_im(
    shipped: RiskMatcher, nlp: Language, text: str
) -> None:
    reading = shipped.read(nlp(text))
    assert reading.figurative and reading.only_figurative and reading.trivial


def test_a_figure_of_jumping_in_a_river_covers_its_gonna(
    shipped: RiskMatcher, nlp: Language
) -> None:
    # "gonna jump" alone is an emergency's words; inside the figure, a joke word makes it a joke.
    joke = shipped.read(nlp("if we lose again im gonna jump in the tyne lol"))
    assert joke.urgent and joke.joke and joke.only_figurative


def test_a_shop_charging_money_is_not_a_fear_of_being_charged(
    shipped: RiskMatcher, nlp: Language
) -> None:
    assert shipped.read(nlp("the chicken shop charged me a quid for a dip")).fears == ()
    assert "arrest" in shipped.read(nlp("will i get charged if i tell")).fears


@pytest.mark.parametrize(
    ("text", "schoolwork"),
    [
        ("beth yw county lines? ma gwers gyda ni amdano fe fory", True),
        ("what does grooming mean, we have pshe on it tmrw", True),
        ("we had a lesson on county lines today", False),  # not a question
        ("what do i do", False),  # a question, but not for school
    ],
)
def test_a_question_for_school_is_heard(
    shipped: RiskMatcher, nlp: Language, text: str, schoolwork: bool
) -> None:
    assert shipped.read(nlp(text)).schoolwork is schoolwork


@pytest.mark.parametrize(
    ("text", "trust", "fears", "feelings"),
    [
        ("please dont tell my mum about this", True, (), ()),
        ("he said dont tell anyone", False, (), ()),  # a secret kept: a disclosure, not a question
        ("do u remember me from yesterday", True, (), ()),
        ("is it linked to the police", True, (), ()),
        (
            "if they hear i went to a teacher itll be ten times worse",
            False,
            ("found_out", "general"),
            (),
        ),
        ("i dont wanna be a snitch tho", False, ("found_out",), ()),
        ("he knows where my little sister goes to school", False, ("family",), ()),
        ("my dads already said one more thing and im out the door", False, ("kicked_out",), ()),
        ("whos gonna believe me over him", False, (), ("disbelieved",)),
        ("but hes really nice to me tho", False, (), ("care",)),
        ("ond dwi'n ei garu fo", False, (), ("care",)),
        ("wi ddim yn iawn", False, (), ("sad",)),
        ("do you work for the feds", True, (), ()),
        ("plis paid deud wrth mam", True, (), ()),
        # "if i tell ... get arrested" is a fear of arrest, not of being found out
        (
            "if i tell someone will i get arrested for what i carried",
            False,
            ("arrest", "general"),
            (),
        ),
        ("if i tell the teachers theyll get me after school", False, ("found_out", "general"), ()),
        ("os ydy dad yn ffeindio allan fydda i mewn trwbl", False, ("found_out", "arrest"), ()),
        ("they said theyd come round my house if i stop", False, ("family",), ()),
        ("my dad will actually kill me when he sees this report", False, (), ()),  # a figure
        ("he said hell kill me if i say anything", False, ("found_out",), ()),
        # Fears of no particular kind: what they dread if they tell (listening.yml fear_patterns)
        ("if i tell my coach ill get benched for the rest of the season", False, ("general",), ()),
        ("cos hed stop my pocket money if he knew", False, ("general",), ()),
        ("if i say anything nobody in my year will talk to me", False, ("general",), ()),
        (
            "if i tell my carer will they move me to another home",
            False,
            ("kicked_out", "general"),
            (),
        ),
        ("my mum would lose her job if police got involved", False, ("general",), ()),
        ("i wanna tell u something", False, (), ()),  # an opener, not a fear
        ("the feds will lock me up for the stuff", False, ("arrest",), ()),
        ("social will get involved and ill end up in care", False, ("kicked_out",), ()),
        ("me n my sister would get split up", False, ("kicked_out",), ()),
        ("they said theyd put my nans windows in", False, ("family",), ()),
        ("bydd o'n neud dolur i mam", False, ("family",), ()),
        ("dont want my dad knowing about it", True, ("general",), ()),  # who gets to know
        # Feelings in other words
        ("i dont want my uncle in trouble tho", False, (), ("care",)),
        ("shes still my mum at the end of the day", False, (), ("care",)),
        ("honestly i dont feel anything about it now", False, (), ("sad",)),
        ("i feel like such an idiot for believing him", False, (), ("ashamed",)),
        ("ive got literally nobody else", False, (), ("alone",)),
        ("my head is mashed i cant think straight", False, (), ("overwhelmed",)),
        ("my form tutor said i was being dramatic", False, (), ("disbelieved",)),
        ("hes not always like that tho", False, (), ("care",)),
        ("hes alright really", False, (), ()),  # brushing it off, not caring for him
        ("nobody would even care", False, (), ("self_hate",)),
        ("dont see the point in anything anymore", False, (), ("sad",)),
        ("i feel so trapped", False, (), ("overwhelmed",)),
        ("i wanted the ground to swallow me up", False, (), ("ashamed",)),
        ("this game is so dumb", False, (), ()),
        ("whats the point of algebra", False, (), ()),
        # Trust in other words
        ("is it the council that reads these", True, (), ()),
        ("can u see my ip address", True, (), ()),
        ("you wont grass on me will you", True, (), ()),
        ("is this more confidential than talking to my head of year", True, (), ()),
        ("fyddwch chi'n deud wrth yr ysgol", True, (), ()),
        ("do they tell ur parents if u report something", True, (), ()),
        ("is it tidy to talk on here, like no one sees it?", True, (), ()),
        ("hiya r u like a real therapist or wat", True, (), ()),
        ("what do the messages say", False, (), ()),
        # Fears of telling in other words
        ("i'm really scared to say it", False, ("general",), ("scared",)),
        ("i wanna tell someone but im too scared", False, ("general",), ("scared",)),
        ("im scared to say no to him", False, (), ("scared",)),  # not a fear about telling
        ("like would the police actually see them", False, ("images",), ()),
        ("she told me not to tell or theyll come to the house", False, ("family",), ()),
        ("and social services would take my little sisters away", False, ("kicked_out",), ()),
        ("they took my phone away", False, (), ()),
        ("i dont have anyone", False, (), ("alone",)),
        # Trust asked of the assistant, fears about telling, in still other words
        ("r u gonna send someone round", True, (), ()),
        ("can u track my phone", True, (), ()),
        ("he tracks my phone all the time", False, (), ()),  # control, not a question
        ("do u wipe these messages after", True, (), ()),
        ("do you keep the photos i send", True, (), ()),
        ("is it fully confidential", True, (), ()),
        ("wyt ti'n berson go iawn", True, (), ()),
        ("if the feds find it theyll say its mine", False, ("arrest",), ()),
        ("am i a criminal now then", False, ("arrest",), ()),
        ("if she reads my phone shes gonna go mental", False, ("found_out",), ()),
        ("what if they hurt my little brother", False, ("family",), ()),
        ("i dont want it getting worse", False, ("general",), ()),
        ("im so bloody angry", False, (), ("angry",)),
        ("hes all ive got", False, (), ("alone",)),
        ("its like watching my life from the outside", False, (), ("sad",)),
    ],
)
def test_trust_fears_and_feelings_in_their_own_words(
    shipped: RiskMatcher,
    nlp: Language,
    text: str,
    trust: bool,
    fears: tuple[str, ...],
    feelings: tuple[str, ...],
) -> None:
    reading = shipped.read(nlp(text))
    assert (reading.trust, reading.fears, reading.feelings) == (trust, fears, feelings)


@pytest.mark.parametrize(
    ("text", "takes_back"),
    [
        ("jk ignore what i said", True),
        ("lol only messing", True),
        ("id rather not talk about it", True),
        ("ill just leave it", True),
        ("im not joking", False),  # the opposite
        ("he wont leave it", False),
        ("forget the stages what is sextortion", False),
    ],
)
def test_taking_it_back_in_other_words(
    shipped: RiskMatcher, nlp: Language, text: str, takes_back: bool
) -> None:
    assert shipped.read(nlp(text)).takes_back is takes_back


def test_a_welsh_passive_is_not_a_stabbing(shipped: RiskMatcher, nlp: Language) -> None:
    # "cael fy arestio" (being arrested) is a fear of arrest; "cael fy stabio" is a stabbing.
    arrested = shipped.read(nlp("dwi ofn cael fy arestio"))
    assert not arrested.risks and "arrest" in arrested.fears
    stabbed = shipped.read(nlp("nes i gael fy stabio neithiwr"))
    assert [hit.category for hit in stabbed.risks] == ["weapons_violence"]


def test_kicked_out_in_welsh_is_about_a_home_not_a_beating(
    shipped: RiskMatcher, nlp: Language
) -> None:
    categories = {
        hit.category for hit in shipped.hits(nlp("dwi 'di cael fy nghicio allan gan dad"))
    }
    assert categories == {"missing"}


@pytest.mark.parametrize(
    "text",
    [
        "something bad happened at school today",
        "ok so theres this thing with my ex",
        "dads drunk again",
        "ma 'na rywun ar fortnite",
        "wi'n becso am rywbeth",
        "summat weird happened at my nans",
    ],
)
def test_first_pieces_are_heard_as_a_start(shipped: RiskMatcher, nlp: Language, text: str) -> None:
    assert shipped.read(nlp(text)).openers == ("someone",)


@pytest.mark.parametrize(
    ("text", "welsh"),
    [
        ("diolch!", True),  # one word found only in Welsh is enough
        ("anghofia fe", True),
        ("dwi newydd gymryd tabledi", True),
        ("beth yw cuckooing?", True),
        ("ma rwbath di digwydd", True),
        ("thanks so much", False),
        ("hi is this private", False),
        ("my mam said i can go to the park with beth", False),
        ("nice bod tho", False),
    ],
)
def test_welsh_is_heard_in_short_messages_too(
    shipped: RiskMatcher, nlp: Language, text: str, welsh: bool
) -> None:
    assert shipped.read(nlp(text)).welsh is welsh


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("theres this man", True),
        ("ok so um theres this guy...", True),
        ("its about my uncle", True),
        ("theres this man outside my house", False),
        ("theres this guy on roblox who keeps asking for pics", False),
        ("what time is it", False),
    ],
)
def test_a_message_that_is_only_an_opener(
    shipped: RiskMatcher, nlp: Language, text: str, only: bool
) -> None:
    assert shipped.read(nlp(text)).only_opener is only


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("so what happens now then", True),  # a question word after filler
        ("does my school find out if i talk on here", True),  # "does" is "doe" to the matcher
        ("shud i tell my mum", True),
        ("i dont have the money wat do i do", True),  # asked at the end
        ("help", True),
        ("beth ddylen i neud te?", True),
        ("i got nowhere else to go", False),
        ("my mum thinks i was at a mates the whole time 😔", False),
        ("i keep seeing it when i shut my eyes", False),
    ],
)
def test_a_question_or_a_plea_is_told_from_something_said(
    shipped: RiskMatcher, nlp: Language, text: str, asks: bool
) -> None:
    assert shipped.read(nlp(text)).asks is asks


@pytest.mark.parametrize(
    ("text", "danger"),
    [
        ("they locked me up in a room", True),
        ("he locked me in", True),
        ("the feds will lock me up for the stuff", False),  # a fear of arrest, not being held
    ],
)
def test_being_locked_in_is_danger_but_being_locked_up_by_police_is_not(
    shipped: RiskMatcher, nlp: Language, text: str, danger: bool
) -> None:
    risks = {hit.category for hit in shipped.read(nlp(text)).risks}
    assert ("immediate_danger" in risks) is danger


@pytest.mark.parametrize(
    "text",
    [
        "its been going on since year 7",  # "going" is "gone" to the lemma matcher
        "when schools finished can we go the park",
        "actually no forget it",  # takes it back; "actually no im not ok" does not
    ],
)
def test_everyday_words_are_not_figures_of_speech_or_a_not_ok(
    shipped: RiskMatcher, nlp: Language, text: str
) -> None:
    reading = shipped.read(nlp(text))
    assert not reading.figurative and not reading.sounds_not_ok


def test_actually_not_ok_still_sounds_not_ok(shipped: RiskMatcher, nlp: Language) -> None:
    assert shipped.read(nlp("actually no im not ok")).sounds_not_ok


@pytest.mark.parametrize(
    ("text", "grooming"),
    [
        ("plis paid deud wrth mam", False),  # asked of the assistant: a trust question
        ("mae o'n deud paid deud wrth neb", True),  # what he says: a secret kept
        ("nath o ddeud wrtha i am beidio deud wrth mam", True),
    ],
)
def test_dont_tell_in_welsh_is_grooming_only_when_someone_else_says_it(
    shipped: RiskMatcher, nlp: Language, text: str, grooming: bool
) -> None:
    risks = {hit.category for hit in shipped.read(nlp(text)).risks}
    assert ("online_grooming" in risks) is grooming


def test_dying_of_embarrassment_is_an_everyday_thing(shipped: RiskMatcher, nlp: Language) -> None:
    reading = shipped.read(nlp("i want to die of embarrassment 😭"))
    assert reading.trivial and reading.figurative and reading.only_figurative
