"""Files written whole or not at all: each target is written to a temporary file beside it
and moved into place only when every one of them is complete, with the mode any new file
of the user gets (0644 under umask 022), not the temporary file's private 0600."""

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
            _as_new_file(Path(name))
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


def _as_new_file(path: Path) -> None:
    """Give `path` the mode open() would: a print spooler or another user of the PC reads it
    as the user's other files. Windows has no such modes: nothing to do there."""
    if os.name == "nt":
        return
    os.chmod(path, 0o666 & ~current_umask())


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it: setting it to
    learn it would, for a moment, hold for files other threads create."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
