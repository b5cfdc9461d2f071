"""Reads the knowledge data in `bot/kennis/`: one loader for every YAML file there."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

KENNIS_DIR = Path(__file__).parent / "kennis"


@functools.lru_cache(maxsize=None)
def load(name: str) -> Any:
    """Loads `bot/kennis/<name>.yml` once per process."""
    with (KENNIS_DIR / f"{name}.yml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)
