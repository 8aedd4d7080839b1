"""Which parts of Rasa's serialised events are redacted, dropped or kept."""

from __future__ import annotations

from bot.privacy.events import redact_event


def test_a_user_message_keeps_its_intent_and_placeholders_but_not_its_text_or_metadata() -> None:
    event = {
        "event": "user",
        "text": "im Kayden",
        "parse_data": {
            "text": "im Kayden",
            "intent": {"name": "share_details"},
            "entities": [{"entity": "personal_detail", "value": "Kayden"}],
            "metadata": {"ip": "203.0.113.9"},
        },
        "metadata": {"page": "https://school.example"},
        "input_channel": "rest",
    }
    kept = redact_event(event)
    assert kept["text"] == kept["parse_data"]["text"] == ""
    assert kept["parse_data"]["entities"][0]["value"] == "[name]"
    assert "metadata" not in kept and "metadata" not in kept["parse_data"]
    assert kept["parse_data"]["intent"] == {"name": "share_details"}
    assert kept["input_channel"] == "rest"
    assert event["text"] == "im Kayden"  # the original is not changed


def test_slot_values_are_redacted_and_session_metadata_dropped() -> None:
    assert redact_event({"event": "slot", "name": "note", "value": ["call 07700 900123"]}) == {
        "event": "slot",
        "name": "note",
        "value": ["call [phone]"],
    }
    metadata = {"event": "slot", "name": "session_started_metadata", "value": {"page": "x"}}
    assert redact_event(metadata)["value"] is None
    assert redact_event({"event": "slot", "name": "place", "value": 3})["value"] == 3


def test_the_assistants_own_words_are_kept_as_written() -> None:
    event = {"event": "bot", "text": "Childline is free on 0800 1111.", "metadata": {"x": 1}}
    assert redact_event(event) == {"event": "bot", "text": "Childline is free on 0800 1111."}


def test_entities_events_are_redacted() -> None:
    event = {"event": "entities", "entities": [{"entity": "x", "value": "my snap is kayden_22"}]}
    assert redact_event(event)["entities"][0]["value"] == "my snap is [handle]"
