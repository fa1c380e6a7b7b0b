"""A large file read in pieces of whole articles, so that its analysis takes the memory of a piece.

Analysis holds some 650 bytes per character of the document it reads (tokens, mentions, sentences), so
one 50 MB file read whole took over 6 GB. A file longer than PIECE_CHARS is cut, at the start of an
article, into pieces of at most that much (an article longer than that alone is cut at a line). Each
piece is a Document of the same path whose `base` places it in the file, so offsets and article numbers
are the file's, and the graph is the same as if the file had been read whole, but for what spans two
articles. The file's date (its dateline or path) dates every piece; each piece is read in its own city
when the run's city is inferred, as a file of many papers should be.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.input.clean import clean_document
from kg.input.segment import segment_document
from kg.language.dates import date_document
from kg.model import Article, Document

PIECE_CHARS = 100_000  # some 150 MB of analysis


def pieces(doc: Document, size: int | None = None) -> Iterator[Document]:
    """The document itself when it is short; else its pieces of at most `size` (PIECE_CHARS), in order."""
    size = size or PIECE_CHARS
    if len(doc.original) <= size:
        yield doc
        return
    date_document(doc)  # from the whole file: its dateline is in the first piece only
    start, articles = 0, 0
    while start < len(doc.original):
        end = _cut(doc.original, start, size)
        piece = Document(
            doc.path, doc.original[start:end], format=doc.format, title=doc.title, date=doc.date,
            date_source=doc.date_source, base=start, first_article=articles,
        )  # fmt: skip
        articles += len(_segmented(piece.original).articles)  # as the pipeline will segment the piece
        yield piece
        start = end


def _cut(original: str, start: int, size: int) -> int:
    """Where the piece that begins at `start` ends: at the start of the last article that begins
    within `size` characters (it may run on past them), else at the last line break within them."""
    if len(original) - start <= size:
        return len(original)
    window = _segmented(original[start : start + size])
    starts = [_line_start(window, article) for article in window.articles]
    cut = max((s for s in starts if s > 0), default=0) or window.original.rfind("\n") + 1 or size
    return start + cut


def _segmented(text: str) -> Document:
    doc = Document("", text)
    clean_document(doc)
    return segment_document(doc)


def _line_start(doc: Document, article: Article) -> int:
    """Where the line that begins the article (its headline, or its first line) begins in the text."""
    first = min((s.start for s in article.sentences), default=article.start)
    offset = doc.to_original(first, first + 1)[0]
    return doc.original.rfind("\n", 0, offset) + 1
