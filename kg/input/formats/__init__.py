"""Input formats: bytes of a file → the text the pipeline reads, with the file's metadata.

`extract` decides the format from the file's content and suffix: PDF by its `%PDF-` header, HTML by
its suffix or a leading `<!DOCTYPE html>`/`<html>`, anything else is text. A file that cannot be turned
into text raises `FormatError` with a reason that a user can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html)\b", re.I | re.S)

# Files that are plainly not text, named so the user knows what they passed.
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .xlsx and .epub are ZIP archives too)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc, .xls)"),
)


class FormatError(ValueError):
    """The file is not text in a format kg reads; the message says why."""


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str  # text, html, pdf
    encoding: str | None = None  # text and html
    note: str = ""  # a repair made while reading, e.g. a truncated last character dropped
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD


def extract(path: Path, data: bytes) -> Extracted:
    """The text of a file and its metadata; raises FormatError when it has none that kg can read."""
    from kg.input.formats.text import (  # here: .text imports FormatError from this module
        check_readable,
        decode,
    )

    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise FormatError(f"looks binary, not text: {what}")
    if data.lstrip()[:5] == b"%PDF-":
        from kg.input.formats.pdf import (
            extract_pdf,  # pypdf and trafilatura load only for the files that need them
        )

        return extract_pdf(data)
    if path.suffix.lower() == ".pdf":
        raise FormatError("not a PDF (no %PDF- header): damaged, or another kind of file named .pdf")
    decoded = decode(data)
    if path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(decoded.text[:4096]):
        from kg.input.formats.webpage import extract_html

        text, title, date = extract_html(decoded.text)
        check_readable(text)
        return Extracted(text, "html", decoded.encoding, decoded.note, title, date)
    return Extracted(decoded.text, "text", decoded.encoding, decoded.note)
