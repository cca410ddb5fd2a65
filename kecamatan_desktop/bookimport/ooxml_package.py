"""Opening an Office file (a zip of XML parts) safely: size limits checked from the zip's
directory before anything is inflated, encrypted and old binary files told apart, XML
parsed without DTDs, and a deadline for each part of the work."""

from __future__ import annotations

import posixpath
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from kecamatan_desktop.bookimport import ooxml_messages as msg
from kecamatan_desktop.domain.errors import InputError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 40 * 1024 * 1024  # one inflated XML part
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # every part inflated
MAX_PARTS = 2000
MAX_RATIO = 200  # inflated / compressed: a real Office part stays far below
SECONDS_PER_PART = 20.0  # per sheet, per table: no reader may hang

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, .doc, encrypted
_ENCRYPTION_MARK = "EncryptionInfo".encode("utf-16-le")

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
}


def q(name: str) -> str:
    """`"w:tc"` → ElementTree's `"{namespace}tc"`."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


class Deadline:
    """Time allowed for one part of the work (a sheet, a table); `check` refuses past it."""

    def __init__(self, name: str, where: str, seconds: float | None = None) -> None:
        seconds = SECONDS_PER_PART if seconds is None else seconds
        self.name, self._where, self._seconds = name, where, seconds
        self._end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self._end:
            raise InputError(msg.TOO_SLOW.format(name=self.name, where=self._where,
                                                 seconds=int(self._seconds)))


class Package:
    """The parts of one Office file, each read only after its size was checked."""

    def __init__(self, path: Path, kind: str, new_suffix: str, old_kind: str) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.kind = kind
        _check_file(self.path, kind, new_suffix, old_kind)
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise InputError(msg.CORRUPT.format(name=self.name, kind=kind, detail=exc)) from exc
        if len(infos) > MAX_PARTS:
            raise InputError(msg.TOO_MANY_PARTS.format(name=self.name, count=len(infos),
                                                       limit=MAX_PARTS))
        total = sum(info.file_size for info in infos)
        if total > MAX_TOTAL_BYTES:
            raise InputError(msg.TOO_LARGE.format(name=self.name, size=_mb(total),
                                                  limit=_mb(MAX_TOTAL_BYTES)))
        self._infos = {info.filename: info for info in infos}

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def has(self, part: str) -> bool:
        return part in self._infos

    def size(self, part: str) -> int:
        return self._infos[part].file_size

    def require(self, part: str) -> None:
        if part not in self._infos:
            raise InputError(msg.NOT_KIND.format(name=self.name, kind=self.kind, part=part))

    def read(self, part: str, limit: int | None = None) -> bytes:
        """The inflated bytes of `part`, refused before inflating when its declared size is
        over `limit` or its compression ratio is a zip bomb's; the read is capped too, since
        the declared size may lie."""
        self.require(part)
        limit = MAX_PART_BYTES if limit is None else limit
        info = self._infos[part]
        if info.file_size > limit:
            raise InputError(msg.PART_TOO_LARGE.format(name=self.name, part=part,
                                                       size=_mb(info.file_size),
                                                       limit=_mb(limit)))
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO \
                and info.file_size > 1024 * 1024:
            raise InputError(msg.ZIP_BOMB.format(name=self.name, part=part))
        try:
            with self._zip.open(info) as stream:
                data = stream.read(limit + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise InputError(msg.CORRUPT.format(name=self.name, kind=self.kind,
                                                detail=f"{part}: {exc}")) from exc
        if len(data) > limit:
            raise InputError(msg.PART_TOO_LARGE.format(name=self.name, part=part,
                                                       size=f">{_mb(limit)}",
                                                       limit=_mb(limit)))
        return data

    def xml(self, part: str, limit: int | None = None) -> ET.Element:
        """`part` parsed; a DOCTYPE (entity expansion) is refused, as Office writes none."""
        data = self.read(part, limit)
        if b"<!DOCTYPE" in data[:4096].upper() or b"<!ENTITY" in data.upper():
            raise InputError(msg.DTD.format(name=self.name, part=part))
        try:
            return ET.fromstring(data)
        except ET.ParseError as exc:
            raise InputError(msg.CORRUPT.format(name=self.name, kind=self.kind,
                                                detail=f"{part}: {exc}")) from exc

    def relationships(self, part: str) -> dict[str, str]:
        """The targets of `part`'s relationships by id, as paths inside the package."""
        folder, base = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels):
            return {}
        targets = {}
        for rel in self.xml(rels).iter(q("pr:Relationship")):
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                continue
            if target.startswith("/"):
                resolved = target.lstrip("/")
            else:
                resolved = posixpath.normpath(posixpath.join(folder, target))
            targets[rel.get("Id", "")] = resolved
        return targets


def _check_file(path: Path, kind: str, new_suffix: str, old_kind: str) -> None:
    """Refusals told from the file itself before the zip is opened."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise InputError(msg.NOT_FOUND.format(name=path.name)) from exc
    if size == 0:
        raise InputError(msg.EMPTY.format(name=path.name))
    if size > MAX_FILE_BYTES:
        raise InputError(msg.TOO_LARGE.format(name=path.name, size=_mb(size),
                                              limit=_mb(MAX_FILE_BYTES)))
    if head == _CFB_MAGIC:
        # An encrypted .xlsx/.docx is a compound file holding an EncryptionInfo stream.
        data = path.read_bytes()
        if _ENCRYPTION_MARK in data:
            raise InputError(msg.ENCRYPTED.format(name=path.name))
        raise InputError(msg.OLD_FORMAT.format(name=path.name, kind=old_kind, new=new_suffix))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]
