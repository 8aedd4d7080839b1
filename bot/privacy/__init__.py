"""Spotting and redacting details that could identify a young person in what they type: names,
phone numbers, emails, addresses, postcodes, schools, social media usernames and dates of birth.

Plain Python and regular expressions, no model: it runs on every message, several times, so it
has to be fast and predictable. Fixed shapes (emails, UK phone numbers, postcodes, dates) are
regular expressions; the rest are small rules over a simple tokenizer that look for a cue and a
naming word ("my name is X", "my mate X", "12 Oak Road", "Oakfield Academy", "my snap is X"),
plus a list of common first names (first_names.txt, surnames.txt beside this file). spaCy is
not used: these rules need only words and offsets, and a regex tokenizer gives them without
spaCy's import time or per-message cost. The detector is built once per process, on first use.

Messages are never logged or printed here.

Known limits, by design or not yet covered:
- Names: one that is not in the list is missed without a strong cue ("im Zephyrine", "a man
  called zoltan"); names that are also words or slang ("grace", "will", "charlie", "jack") need a
  cue or a capital mid-sentence, so "Grace said" at the start of a message is missed. Famous
  people are kept only from a short list ("harry potter"); others are redacted as names.
- Lower-case surnames are recognised only from surnames.txt; capitalised words after a first
  name are taken as its surname.
- Street addresses need a house number or a cue ("i live on"): "i live at number 12" and "he
  got stabbed on station road" are missed.
- Schools need a school word ("Oakfield Academy") or a school cue and a capital ("i go to
  Parkside"); after such a cue any capitalised place counts ("im at Tesco" -> "im at [school]").
- Usernames need "@", a Discord tag, or a cue; a describing word not in the list is taken for
  one ("his snap is broken" -> "his snap is [handle]").
- Any full date counts as a date of birth; numbers and dates written in words are out of scope.
"""

from bot.privacy.detect import Detector, find_identifiers, redact
from bot.privacy.kinds import Found, Kind, Redacted, kinds_in

__all__ = ["Detector", "Found", "Kind", "Redacted", "find_identifiers", "kinds_in", "redact"]
