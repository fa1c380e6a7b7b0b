"""PDF e-paper pages → text, with pypdf.

pypdf (BSD, maintained, pure Python: no compiled parts to build) maps CID fonts to Unicode through the
predefined CJK character maps (UniGB-UCS2-H …) that Chinese e-paper PDFs use. Pages are joined by a blank
line; the text then goes through the same cleaning as any page of layout text.
"""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

from . import Extracted, FormatError
from .text import check_readable

if TYPE_CHECKING:
    from pypdf import PdfReader

# pypdf logs every repair it makes on a damaged file; the reader reports what matters itself.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def extract_pdf(data: bytes) -> Extracted:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError("encrypted PDF: it needs a password")
        pages = [(page.extract_text() or "").strip("\n") for page in reader.pages]
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
    return Extracted(text, "pdf", title=title, date=date)


def _metadata(reader: PdfReader) -> tuple[str | None, str | None]:
    info = reader.metadata
    if info is None:
        return None, None
    title = str(info.title).strip() if info.title else None
    created = info.creation_date
    return title or None, created.date().isoformat() if created else None
