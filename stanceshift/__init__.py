"""stanceshift: evidence-backed country stance data on Russia's war in Ukraine, from news text."""
from __future__ import annotations

from .corpus import CorpusError, load_corpus
from .sentences import sentences

__all__ = ["CorpusError", "load_corpus", "sentences"]
__version__ = "0.1.0"
