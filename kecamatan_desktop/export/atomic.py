"""Files written whole or not at all: each target is written to a temporary file beside it
and moved into place only when every one of them is complete."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(targets: Sequence[Path]) -> Iterator[list[Path]]:
    """Yield one temporary path per target (same folder, same suffix); on a clean exit move
    them all over their targets, on any exception (Batal included) delete them."""
    temps: list[Path] = []
    try:
        for target in map(Path, targets):
            # same folder: os.replace is then a rename on one disk, never a half copy
            handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".~{target.stem}-",
                                            suffix=target.suffix)
            os.close(handle)
            temps.append(Path(name))
        yield temps
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise


@contextmanager
def replacing_one(target: Path) -> Iterator[Path]:
    with replacing([Path(target)]) as temps:
        yield temps[0]
