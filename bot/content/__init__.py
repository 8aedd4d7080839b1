"""Everything young people read, loaded from content/ (no Rasa imports)."""

from bot.content.loader import Content, load_content
from bot.content.reader import ContentError, Problem
from bot.content.store import ContentStore, default_store

__all__ = ["Content", "ContentError", "ContentStore", "Problem", "default_store", "load_content"]
