"""Read files and folders of news: text, HTML and PDF, in the encodings they come in.

Nothing is lost silently: every path a run is given or finds in a folder gets an `Entry` saying what
became of it (ok, empty, failed with the reason, or skipped by the folder walk). A bad file is reported
and the rest are still read.
"""

from __future__ import annotations

import errno
import fnmatch
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.input.formats import HTML_SUFFIXES, FormatError, extract
from kg.model import Document

INPUT_SUFFIXES = {".txt", ".text", ".md", ".pdf"} | HTML_SUFFIXES  # what a folder walk reads by default
MAX_DEPTH = 100  # folders inside folders: deeper ones are reported, not walked
STATUSES = ("ok", "empty", "failed", "skipped")
_EMPTY_REASONS = {
    "text": "no words in it (only spaces, punctuation or symbols)",
    "html": "no article text found in the page",
    "pdf": "no text in the PDF (a scanned page? it needs OCR first)",
}


class InputError(Exception):
    """A file that cannot be read as news text; the message names it and says why."""


class EmptyInput(InputError):
    """A file with nothing to read in it: reported, never fatal."""


@dataclass
class Entry:
    """What became of one input path."""

    path: str
    status: str = "ok"  # one of STATUSES
    reason: str = ""  # why it is empty, failed or skipped
    note: str = ""  # a repair made while reading it, e.g. a truncated last character dropped
    size: int | None = None  # bytes
    sha256: str | None = None
    format: str | None = None  # text, html, pdf; folder for a folder
    encoding: str | None = None  # of text and HTML: utf-8, utf-8-sig, utf-16-le, gb18030, …

    def message(self) -> str:
        return f"{self.path}: {self.reason or self.note}"


# ---- finding the files ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Selection:
    """Which files of a folder to read. Globs match the path relative to the folder walked, or the file
    name (`*` also matches `/`); --exclude wins over --include. Without --include: the INPUT_SUFFIXES."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def excluded_by(self, relative: str, name: str) -> str | None:
        return next((p for p in self.exclude if _matches(p, relative, name)), None)

    def skip_reason(self, relative: str, name: str) -> str:
        """Why the walk leaves a file out; empty when it reads it."""
        pattern = self.excluded_by(relative, name)
        if pattern:
            return f"excluded by --exclude {pattern}"
        if self.include:
            return (
                "" if any(_matches(p, relative, name) for p in self.include) else "not matched by --include"
            )
        suffix = Path(name).suffix.lower()
        return "" if suffix in INPUT_SUFFIXES else f"not an input format ({suffix or 'no suffix'})"


def _matches(pattern: str, relative: str, name: str) -> bool:
    return fnmatch.fnmatchcase(relative, pattern) or fnmatch.fnmatchcase(name, pattern)


@dataclass
class Walk:
    files: list[Path] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)  # missing paths, empty folders, skipped files


def path_text(path: Path | str) -> str:
    """A path as text for messages, the manifest and the graph. A file name that is not UTF-8 (GBK names
    are common on Chinese machines) is read as GB18030, else its bad bytes are shown as \\xNN."""
    raw = os.fsencode(path)
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


def not_a_file(path: Path) -> str:
    """Why a path that is neither a folder nor a regular file is not read."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "a broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that loops"
        return f"cannot be read ({error.strerror})"
    kinds = {stat.S_ISFIFO: "a named pipe (FIFO)", stat.S_ISSOCK: "a socket", stat.S_ISCHR: "a device",
             stat.S_ISBLK: "a device"}  # fmt: skip
    kind = next((name for test, name in kinds.items() if test(mode)), "not a regular file")
    return f"{kind}, not a file: not read"


def walk(paths: Iterable[str | Path], selection: Selection = Selection()) -> Walk:
    """Files named on the command line are always read; folders are walked recursively in name order,
    skipping hidden files and folders (.git, editor backups). A folder with no input file is reported
    once, not every empty folder inside it."""
    found = Walk()
    seen: set[Path] = set()  # a file given twice, or a symlinked folder loop, is read once
    for path in map(Path, paths):
        if path.is_dir():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                _walk_folder(path, path, selection, seen, found)
        elif path.is_file():
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.files.append(path)
        else:
            found.entries.append(Entry(path_text(path), "failed", not_a_file(path)))
    return found


def _walk_folder(
    root: Path, folder: Path, selection: Selection, seen: set[Path], found: Walk, depth: int = 0
) -> int:
    """Add the input files under folder to found; returns how many."""
    if depth > MAX_DEPTH:
        reason = f"nested more than {MAX_DEPTH} folders deep: not walked"
        found.entries.append(Entry(path_text(folder), "skipped", reason, format="folder"))
        return 0
    try:
        children = sorted(folder.iterdir())
    except OSError as error:
        found.entries.append(Entry(path_text(folder), "failed", f"folder cannot be read ({error.strerror})"))
        return 0
    mark, count = len(found.entries), 0
    for child in children:
        if child.name.startswith("."):
            continue
        relative = child.relative_to(root).as_posix()
        if child.is_dir():
            pattern = selection.excluded_by(relative, child.name)
            if pattern:
                found.entries.append(
                    Entry(path_text(child), "skipped", f"excluded by --exclude {pattern}", format="folder")
                )
            elif child.resolve() not in seen:
                seen.add(child.resolve())
                count += _walk_folder(root, child, selection, seen, found, depth + 1)
        elif child.is_file():
            reason = selection.skip_reason(relative, child.name)
            if reason:
                found.entries.append(Entry(path_text(child), "skipped", reason, size=_size(child)))
            else:
                count += 1  # an input file of this folder, even if already named on the command line
                if child.resolve() not in seen:
                    seen.add(child.resolve())
                    found.files.append(child)
        else:
            found.entries.append(Entry(path_text(child), "skipped", not_a_file(child)))
    if not count:
        found.entries[mark:] = [
            e for e in found.entries[mark:] if not (e.format == "folder" and e.status == "empty")
        ]
        found.entries.append(
            Entry(path_text(folder), "empty", "no input files in this folder", format="folder")
        )
    return count


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def iter_files(paths: Iterable[str | Path]) -> list[Path]:
    """The input files under paths; raises InputError for a path that does not exist."""
    found = walk(paths)
    missing = [e for e in found.entries if e.status == "failed"]
    if missing:
        raise InputError(missing[0].message())
    return found.files


# ---- reading one file -----------------------------------------------------------------------------------


def read_input(path: Path) -> tuple[Document | None, Entry]:
    """The file's Document (None when it is empty or cannot be read) and its Entry. Never raises for a
    bad file."""
    entry = Entry(path_text(path))
    try:
        data = path.read_bytes()
    except OSError as error:
        entry.status, entry.reason = "failed", f"cannot be read ({error.strerror})"
        return None, entry
    entry.size, entry.sha256 = len(data), hashlib.sha256(data).hexdigest()
    if not data.strip():
        entry.status, entry.reason = "empty", "empty file"
        return None, entry
    try:
        extracted = extract(path, data)
    except FormatError as error:
        entry.status, entry.reason = "failed", str(error)
        return None, entry
    except Exception as error:  # a reader's own fault (a library missing a part): this file only
        entry.status, entry.reason = "failed", f"could not be read ({type(error).__name__}: {error})"
        return None, entry
    entry.format, entry.encoding, entry.note = extracted.format, extracted.encoding, extracted.note
    if not any(ch.isalnum() for ch in extracted.text):
        reason = _EMPTY_REASONS[extracted.format]
        entry.status, entry.reason = "empty", f"{reason}; {extracted.note}" if extracted.note else reason
        return None, entry
    doc = Document(
        path_text(path),
        extracted.text,
        format=extracted.format,
        title=extracted.title,
        date=extracted.date,
        date_source="metadata" if extracted.date else None,
    )
    return doc, entry


def read_file(path: Path) -> Document:
    doc, entry = read_input(path)
    if doc is None:
        raise (EmptyInput if entry.status == "empty" else InputError)(entry.message())
    return doc


def read_paths(paths: Iterable[str | Path]) -> list[Document]:
    """Every input file under paths; raises InputError at the first that cannot be read, skips empty ones."""
    docs = []
    for path in iter_files(paths):
        try:
            docs.append(read_file(path))
        except EmptyInput:
            continue
    return docs


# ---- reading a run's inputs -----------------------------------------------------------------------------


@dataclass
class Accounted:
    """Every input of a run accounted for, read or not."""

    entries: list[Entry] = field(default_factory=list)
    stopped: Entry | None = None  # with strict: the failure the run stopped at

    @property
    def failures(self) -> list[str]:
        return [e.message() for e in self.entries if e.status == "failed"]


@dataclass
class Inputs(Accounted):
    docs: list[Document] = field(default_factory=list)


def each_input(
    paths: Sequence[str | Path],
    selection: Selection = Selection(),
    report: Callable[[Entry], None] = lambda entry: None,
) -> Iterator[tuple[Path | None, Document | None, Entry]]:
    """Every input as it is accounted for, with its path on disk (the document and the entry name it as
    text, which may differ: see path_text): the walk's own entries (empty folders, …) with no path and
    no document, then each file read. `report` sees each entry as soon as it is known."""
    found = walk(paths, selection)
    for entry in found.entries:
        report(entry)
        yield None, None, entry
    for path in found.files:
        doc, entry = read_input(path)
        report(entry)
        yield path, doc, entry


def read_inputs(
    paths: Sequence[str | Path],
    selection: Selection = Selection(),
    strict: bool = False,
    report: Callable[[Entry], None] = lambda entry: None,
) -> Inputs:
    """Read every input. With strict, stop at the first input that failed."""
    inputs = Inputs()
    for _, doc, entry in each_input(paths, selection, report):
        inputs.entries.append(entry)
        if doc is not None:
            inputs.docs.append(doc)
        elif strict and entry.status == "failed":
            inputs.stopped = entry
            break
    return inputs
