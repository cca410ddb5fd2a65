"""Where `resources/` and `data/` are: inside the installed package (wheel, PyInstaller build)
or beside it in a checkout."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def app_root() -> Path:
    """The folder holding resources/ and data/.

    An installed wheel and the frozen build carry them as kecamatan_desktop/data and
    kecamatan_desktop/resources (setup.py maps them there; the PyInstaller spec collects them
    there); in a checkout, or an editable install of one, they sit beside the package.
    """
    package = Path(str(files("kecamatan_desktop")))
    if (package / "data" / "offices.json").is_file():
        return package
    return package.parent


def data_dir() -> Path:
    return app_root() / "data"


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def font_path(name: str = "LiberationSans-Regular.ttf") -> Path:
    return resource("fonts", name)
