"""Read UTF-8 text files and folders of them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .model import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}


class InputError(Exception):
    """A file that cannot be read as news text; the message names it and says why."""


def iter_files(paths: Iterable[str | Path]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def read_file(path: Path) -> Document:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text (byte {error.start}: {error.reason})") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror})") from None
    if "\x00" in text:
        raise InputError(f"{path}: looks binary (contains NUL characters), not text")
    return Document(path=str(path), original=text)


def read_paths(paths: Iterable[str | Path]) -> list[Document]:
    return [read_file(path) for path in iter_files(paths)]
