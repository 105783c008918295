"""stanceshift: evidence-backed country stance data on Russia's war in Ukraine, from news text.

Pipeline: corpus -> documents -> sentences -> statements -> aggregates -> figures.
"""
from __future__ import annotations

from .codebook import Codebook, load_codebook
from .corpus import CorpusError, load_corpus
from .evaluation import evaluate, load_annotations
from .sentences import sentences
from .statements import extract_statements
from .votes import load_votes

__all__ = ["Codebook", "CorpusError", "evaluate", "extract_statements", "load_annotations", "load_codebook",
           "load_corpus", "load_votes", "sentences"]
__version__ = "0.1.0"
