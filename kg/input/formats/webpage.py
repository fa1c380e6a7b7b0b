"""HTML news pages → article text, title and date, with trafilatura.

trafilatura (Apache-2.0, maintained) finds the article body and leaves out navigation, footers, ads and
scripts; its metadata step reads the title and the publication date (htmldate). The text kg reads is the
title line, then the body: the segmenter takes a short first line as the headline.
"""

from __future__ import annotations


def extract_html(html: str) -> tuple[str, str | None, str | None]:
    """(text, title, date); empty text when the page has no article in it."""
    import trafilatura
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        favor_recall=True,  # local news pages are short: keep a short article rather than nothing
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    if doc is None:
        return "", None, None
    assert isinstance(doc, Document)  # a dict only with as_dict=True
    body, title = (doc.text or "").strip(), (doc.title or "").strip() or None
    if title and not body.startswith(title):
        body = f"{title}\n\n{body}"
    return body, title, doc.date or None
