"""PDF e-paper pages → text, with pypdf.

pypdf (BSD, maintained, pure Python: no compiled parts to build) maps CID fonts to Unicode through the
predefined CJK character maps (UniGB-UCS2-H …) that Chinese e-paper PDFs use. Pages are joined by a blank
line; the text then goes through the same cleaning as any page of layout text.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

from kg.input.formats import Extracted, FormatError
from kg.input.formats.text import check_readable

if TYPE_CHECKING:
    from pypdf import PdfReader

# pypdf logs every repair it makes on a damaged file; the reader reports what matters itself.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# A news page's content stream is some hundreds of kilobytes and its text some thousands of characters;
# a crafted file can make pages share one stream of many megabytes, whose text takes minutes and
# gigabytes to extract. Past these limits the rest is not read, and the note says so.
MAX_PAGE_STREAM = 4 * 1024 * 1024  # bytes of a page's content, decompressed
MAX_PDF_CHARS = 2_000_000  # characters of text from one file


def extract_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError("encrypted PDF: it needs a password")
        pages, note = _page_texts(reader)
        title, date = _metadata(reader)
    except FormatError:
        raise
    except Exception as error:  # a damaged PDF can make pypdf raise almost anything
        raise FormatError(f"not a readable PDF ({type(error).__name__}: {error})") from None
    text = "\n\n".join(pages)
    try:
        check_readable(text)
    except FormatError as error:
        raise FormatError(f"the PDF's text is unreadable (fonts without a Unicode map?): {error}") from None
    return Extracted(text, "pdf", note=note, title=title, date=date)


def _page_texts(reader: PdfReader) -> tuple[list[str], str]:
    """The text of each page, within the limits; and a note naming what was left unread."""
    pages: list[str] = []
    skipped: list[str] = []
    total = 0
    for number, page in enumerate(reader.pages, start=1):
        contents = page.get_contents()
        size = len(contents.get_data()) if contents is not None else 0
        if size > MAX_PAGE_STREAM:
            skipped.append(f"page {number} ({size / 2**20:.1f} MB of content)")
            continue
        text = (page.extract_text() or "").strip("\n")
        if total + len(text) > MAX_PDF_CHARS:
            left = len(reader.pages) - number + 1
            return pages, _note(
                skipped + [f"{left} page(s) from page {number} on (past {MAX_PDF_CHARS:,} characters)"]
            )
        pages.append(text)
        total += len(text)
    return pages, _note(skipped)


def _note(skipped: list[str]) -> str:
    return f"over the limits for one PDF, not read: {'; '.join(skipped)}" if skipped else ""


def _metadata(reader: PdfReader) -> tuple[str | None, str | None]:
    info = reader.metadata
    if info is None:
        return None, None
    title = str(info.title).strip() if info.title else None
    created = info.creation_date
    return title or None, created.date().isoformat() if created else None
