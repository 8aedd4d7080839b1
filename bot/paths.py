"""Where things live in a checkout. Rasa resolves config.yml's paths from the project root."""

from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
CONTENT_DIR: Final = ROOT / "content"
# Data the running assistant writes, such as the anonymous insight counts. Not in git.
DATA_DIR: Final = ROOT / "data"
CONFIG: Final = ROOT / "config.yml"
DOMAIN: Final = ROOT / "domain.yml"
ENDPOINTS: Final = ROOT / "endpoints.yml"
CREDENTIALS: Final = ROOT / "credentials.yml"
TRAINING_DATA: Final = ROOT / "bot" / "data"
SPACY_PIPELINE: Final = ROOT / "build" / "spacy" / "en_safeguarding"
MODELS: Final = ROOT / "models"
MODEL_NAME: Final = "assistant"
MODEL: Final = MODELS / f"{MODEL_NAME}.tar.gz"
# The all-MiniLM-L6-v2 sentence encoder's weights, unpacked by `make embeddings`.
MINILM: Final = ROOT / "build" / "minilm"
