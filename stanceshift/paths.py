"""Locations inside the project, anchored at the project root.

Anchoring here (not at the working directory) makes a notebook behave the same in JupyterLab,
where the working directory is ``notebooks/``, and under papermill started from anywhere.
"""
from __future__ import annotations

from pathlib import Path

PROJECT_ROOT: Path = Path(__file__).resolve().parents[1]
SEEDS_DIR: Path = PROJECT_ROOT / "seeds"
CODEBOOK_DIR: Path = PROJECT_ROOT / "codebook"
REFERENCE_DIR: Path = PROJECT_ROOT / "reference"
NOTEBOOKS_DIR: Path = PROJECT_ROOT / "notebooks"
OUTPUTS_DIR: Path = PROJECT_ROOT / "outputs"
PARAMS_DIR: Path = PROJECT_ROOT / "params"


def resolve_project_path(path: str | Path) -> Path:
    """Return ``path`` as given when absolute, else relative to the project root."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p
