"""Wording that can blame young people for what is done to them, listed in content/language.yml.

Every use is an error until the wording changes or the use is allowed, with a reason, under
`allowed:`; an allowed use that no longer matches anything is a warning, so the list stays short.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.content.checks.texts import Where
from bot.content.reader import Reader
from bot.content.schema import AllowedUse, AvoidEntry, LanguageRules

# Words in a phrase may be split by any spaces, line breaks or a hyphen: "drug-runner".
_BETWEEN_WORDS = r"[\s\-]+"
_OPTIONAL_LETTERS = re.compile(r"(\([^()]*\))")
_HOW_TO_ALLOW = "If this use is right here, allow it in content/language.yml with a reason."


@dataclass(frozen=True)
class AvoidPhrase:
    written: str  # as in language.yml, e.g. "drug runner(s)"
    pattern: re.Pattern[str]
    entry: AvoidEntry


@dataclass(frozen=True)
class Use:
    """One phrase to avoid, found in one text."""

    path: Path
    where: Where
    found: str  # as the text has it, spaces tidied: "Drug runners"
    phrase: AvoidPhrase


class PhraseError(ValueError):
    """A phrase in language.yml that cannot be understood; the message says how to fix it."""


def compile_phrase(phrase: str) -> re.Pattern[str]:
    """A whole-word, any-case pattern for a phrase written as language.yml describes."""
    words = [_word(word) for word in phrase.split()]
    if not words:
        raise PhraseError("this phrase is empty: write the words to look for")
    return re.compile(r"(?<!\w)" + _BETWEEN_WORDS.join(words) + r"(?!\w)", re.IGNORECASE)


def _word(word: str) -> str:
    choices = word.split("|")
    if any(not choice for choice in choices):
        raise PhraseError(f"'{word}' has an empty choice: remove the extra |")
    return "(?:" + "|".join(_choice(choice) for choice in choices) + ")"


def _choice(choice: str) -> str:
    if choice.count("(") != choice.count(")") or "((" in choice:
        raise PhraseError(f"'{choice}': brackets must be in pairs, like runner(s)")
    parts = []
    for part in _OPTIONAL_LETTERS.split(choice):
        if part.startswith("(") and part.endswith(")"):
            parts.append(f"(?:{re.escape(part[1:-1])})?")  # runner(s): the s may be missing
        else:
            # `_` joins words inside a choice; a straight apostrophe also matches a curly one.
            parts.append(re.escape(part).replace("_", _BETWEEN_WORDS).replace("'", "['\u2019]"))
    return "".join(parts)


def compile_rules(reader: Reader, path: Path, rules: LanguageRules) -> list[AvoidPhrase]:
    phrases = []
    for entry_at, entry in enumerate(rules.phrases):
        for phrase_at, written in enumerate(entry.avoid):
            try:
                phrases.append(AvoidPhrase(written, compile_phrase(written), entry))
            except PhraseError as error:
                reader.problem(path, str(error), "phrases", entry_at, "avoid", phrase_at)
    return phrases


def find_uses(
    phrases: Sequence[AvoidPhrase], texts: Iterable[tuple[Path, Where, str]]
) -> list[Use]:
    """Each phrase to avoid, once per text it is in.

    Where phrases overlap ("became involved in county lines" is two), only the first listed is
    reported, so one change of wording never needs two fixes.
    """
    uses = []
    for path, where, text in texts:
        taken: list[range] = []
        for phrase in phrases:
            for match in phrase.pattern.finditer(text):
                span = range(match.start(), match.end())
                if any(_overlap(span, other) for other in taken):
                    continue
                taken.append(span)
                uses.append(Use(path, where, " ".join(match.group().split()), phrase))
                break  # once per text is enough to find it
    return uses


def _overlap(one: range, other: range) -> bool:
    return one.start < other.stop and other.start < one.stop


def check_language(
    reader: Reader,
    root: Path,
    rules_path: Path,
    rules: LanguageRules,
    texts: Iterable[tuple[Path, Where, str]],
) -> None:
    """Report each phrase to avoid that is used and not allowed, and each allowance not needed."""
    phrases = compile_rules(reader, rules_path, rules)
    needed: set[int] = set()  # positions under `allowed:` that allowed something
    for use in find_uses(phrases, texts):
        allowing = [at for at, allowed in enumerate(rules.allowed) if _allows(allowed, use, root)]
        if allowing:
            needed.update(allowing)
        else:
            reader.problem(use.path, _blaming_message(use), *use.where)
    for at, allowed in enumerate(rules.allowed):
        _check_allowed(reader, root, rules_path, phrases, at, allowed, at in needed)


def _blaming_message(use: Use) -> str:
    instead = " or ".join(f'"{words}"' for words in use.phrase.entry.instead)
    why = use.phrase.entry.why.rstrip(".")
    return f'"{use.found}" {why}. Say instead: {instead}. {_HOW_TO_ALLOW}'


def _allows(allowed: AllowedUse, use: Use, root: Path) -> bool:
    return _content_file(root, allowed.file) == use.path and _names(use.phrase, allowed.phrase)


def _check_allowed(
    reader: Reader,
    root: Path,
    rules_path: Path,
    phrases: Sequence[AvoidPhrase],
    at: int,
    allowed: AllowedUse,
    needed: bool,
) -> None:
    where = ("allowed", at)
    if not (allowed.reason or "").strip():
        reader.problem(
            rules_path,
            f'allowing "{allowed.phrase}" in {allowed.file} needs a reason: add a line like '
            "reason: quoting what an exploiter says",
            *where,
            "reason",
        )
    if needed:
        return
    if not any(_names(phrase, allowed.phrase) for phrase in phrases):
        reader.warning(
            rules_path,
            f'"{allowed.phrase}" is not a phrase listed under avoid, so this allows nothing: '
            "check the spelling, or remove this entry",
            *where,
            "phrase",
        )
    elif not _content_file(root, allowed.file).is_file():
        reader.warning(
            rules_path,
            f"there is no file {allowed.file} in content/: check the name (like "
            "stages/hooked.yml), or remove this entry",
            *where,
            "file",
        )
    else:
        reader.warning(
            rules_path,
            f'{allowed.file} no longer uses "{allowed.phrase}", so this entry is no longer '
            "needed: remove it",
            *where,
        )


def _names(phrase: AvoidPhrase, said: str) -> bool:
    """Whether an editor's `phrase:` names this phrase to avoid, as written or as found."""
    return _tidy(said) == _tidy(phrase.written) or bool(phrase.pattern.fullmatch(said.strip()))


def _content_file(root: Path, name: str) -> Path:
    # Editors may write the file as stages/hooked.yml or content/stages/hooked.yml.
    name = name.strip().replace("\\", "/").removeprefix("content/")
    return root / name


def _tidy(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())
