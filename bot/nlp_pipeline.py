"""Build the project's own spaCy pipeline: blank English plus the lookup lemmatizer.

No pretrained English pipeline can be downloaded on our machines, and none on PyPI fits spaCy 3.4,
so we build one from spacy.blank("en") and the lemma tables in spacy-lookups-data. Rasa's SpacyNLP
loads it by path (config.yml). Later the privacy and safety components join this pipeline.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from bot.paths import SPACY_PIPELINE

PIPELINE_NAME = "safeguarding"
PIPELINE_VERSION = "1.0.0"


def create_pipeline() -> Language:
    nlp = spacy.blank("en")
    # Lookup mode needs no tagger: lemmas come from the spacy-lookups-data tables.
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    nlp.meta["name"] = PIPELINE_NAME
    nlp.meta["version"] = PIPELINE_VERSION
    nlp.meta["description"] = "Blank English with the lookup lemmatizer, built locally"
    return nlp


def build_pipeline(out: Path = SPACY_PIPELINE) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    create_pipeline().to_disk(out)
    return out
