"""The numpy MiniLM encoder: BERT word pieces, and embeddings that put meaning close together."""

from __future__ import annotations

import numpy as np
import pytest

from bot.embeddings import MiniLM, WordPiece
from bot.paths import MINILM


@pytest.fixture(scope="module")
def encoder() -> MiniLM:
    if not (MINILM / "model.safetensors").exists():  # make test unpacks it first
        from bot.embeddings_build import build_embeddings

        build_embeddings()
    return MiniLM(MINILM)


def test_word_pieces_follow_bert_uncased(encoder: MiniLM) -> None:
    tokenizer: WordPiece = encoder.tokenizer
    assert tokenizer.pieces("Hello, WORLD!") == ["hello", ",", "world", "!"]
    assert tokenizer.pieces("sextorted") == ["sex", "##tort", "##ed"]  # longest match first
    assert tokenizer.pieces("café") == ["cafe"]


def similarity(encoder: MiniLM, a: str, b: str) -> float:
    return float(encoder.encode(a.split()).sentence @ encoder.encode(b.split()).sentence)


def test_sentences_with_the_same_meaning_are_close(encoder: MiniLM) -> None:
    near = similarity(encoder, "A man is eating food.", "A man is eating a piece of bread.")
    far = similarity(encoder, "A man is eating food.", "The new movie is awesome")
    assert near > 0.7 > 0.1 > far


def test_a_disclosure_is_nearer_its_kind_than_everyday_chat(encoder: MiniLM) -> None:
    message = "i want to end it all"
    assert similarity(encoder, message, "i feel suicidal") > similarity(
        encoder, message, "whats a good pizza recipe"
    )


def test_each_word_gets_a_vector_and_the_sentence_is_unit_length(encoder: MiniLM) -> None:
    encoded = encoder.encode(["they", "make", "me", "sell"])
    assert len(encoded.words) == 4
    assert all(vector.shape == (384,) for vector in encoded.words)
    assert np.linalg.norm(encoded.sentence) == pytest.approx(1.0, abs=1e-5)


def test_encoding_is_deterministic(encoder: MiniLM) -> None:
    first = encoder.encode(["same", "words"]).sentence
    assert np.array_equal(first, encoder.encode(["same", "words"]).sentence)
