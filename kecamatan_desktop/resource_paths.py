"""Where `resources/` and `data/` are, from a checkout or from the frozen PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding resources/ and data/ (PyInstaller unpacks them to sys._MEIPASS)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return app_root() / "data"


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def font_path(name: str = "LiberationSans-Regular.ttf") -> Path:
    return resource("fonts", name)
