"""Train the Rasa model only when what it is trained from has changed.

The fingerprint covers the config, the domain, the training data, the spaCy pipeline and our own
code that shapes what the model learns (the privacy guard's redaction, our NLU components). Content
files are not part of it: content is read at run time, so editing it never needs training.
Rasa's own cache fingerprints the spaCy pipeline by its path only, and our components by their
name and settings only, so when either changes we force a full retrain instead of trusting it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.paths import (
    CONFIG,
    DOMAIN,
    MINILM,
    MODEL,
    MODEL_NAME,
    MODELS,
    ROOT,
    SPACY_PIPELINE,
    TRAINING_DATA,
)

logger = logging.getLogger(__name__)

# Rasa seeds DIET and TED from config.yml; this records which inputs built models/assistant.tar.gz.
FINGERPRINT = MODELS / f"{MODEL_NAME}.fingerprint.json"
# Our code that runs over the training data: redaction (with its word lists) and NLU components.
TRAINING_CODE = (ROOT / "bot" / "privacy", ROOT / "bot" / "rasa_ext", ROOT / "bot" / "safety")


@dataclass(frozen=True)
class Fingerprint:
    training: str  # config, domain and training data
    spacy: str  # the spaCy pipeline on disk
    code: str  # our code that runs over the training data

    def to_json(self) -> str:
        fields = {"training": self.training, "spacy": self.spacy, "code": self.code}
        return json.dumps(fields, indent=2)


def _digest(files: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _files_under(folder: Path, pattern: str) -> list[Path]:
    return [path for path in folder.rglob(pattern) if path.is_file()]


def current_fingerprint() -> Fingerprint:
    # The MiniLM weights are named by their pinned source, not hashed (90 MB).
    training_inputs = [
        CONFIG,
        DOMAIN,
        *_files_under(TRAINING_DATA, "*.yml"),
        MINILM / "source.json",
    ]
    return Fingerprint(
        training=_digest(training_inputs),
        spacy=_digest(_files_under(SPACY_PIPELINE, "*")),
        code=_digest(
            path
            for folder in TRAINING_CODE
            for path in _files_under(folder, "*")
            if path.suffix in {".py", ".txt"}  # not __pycache__
        ),
    )


def recorded_fingerprint() -> Fingerprint | None:
    try:
        data = json.loads(FINGERPRINT.read_text())
        return Fingerprint(training=data["training"], spacy=data["spacy"], code=data["code"])
    except (FileNotFoundError, KeyError, ValueError):
        return None


def model_is_current() -> bool:
    return MODEL.exists() and recorded_fingerprint() == current_fingerprint()


def train_if_needed(force: bool = False) -> Path:
    """Train models/assistant.tar.gz unless it was trained from exactly these inputs."""
    for needed, command in (
        (SPACY_PIPELINE, "make nlp"),
        (MINILM / "source.json", "make embeddings"),
    ):
        if not needed.exists():
            raise FileNotFoundError(f"{needed} is missing: run `{command}` first.")
    wanted = current_fingerprint()
    if not force and model_is_current():
        logger.info("The model is up to date: %s", MODEL)
        return MODEL
    recorded = recorded_fingerprint()
    spacy_changed = recorded is None or recorded.spacy != wanted.spacy
    code_changed = recorded is None or recorded.code != wanted.code

    # Seeds alone are not enough: multi-threaded TensorFlow ops on CPU vary run to run.
    os.environ.setdefault("TF_DETERMINISTIC_OPS", "1")
    from rasa.api import train  # imported here: it pulls in TensorFlow, which takes seconds

    result = train(
        domain=str(DOMAIN),
        config=str(CONFIG),
        training_files=[str(TRAINING_DATA)],
        output=str(MODELS),
        fixed_model_name=MODEL_NAME,
        force_training=force or spacy_changed or code_changed,
    )
    if result.code != 0 or not MODEL.exists():
        raise RuntimeError("Rasa training failed; see the messages above.")
    FINGERPRINT.write_text(wanted.to_json())
    return MODEL
