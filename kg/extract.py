"""The JSON record of a document that `kg extract` prints, one line per document: its articles, the
mentions and every fact read from them, with offsets into the original text (provenance)."""

from __future__ import annotations

from kg.model import Article, Document, Sentence


def document_json(doc: Document) -> dict:
    """Mentions and facts of a document, with offsets into the ORIGINAL text."""
    mentions, facts = [], []
    for article in doc.articles:
        for m in article.mentions:
            start, end = doc.to_original(m.start, m.end)
            mentions.append({"type": m.type, "subtype": m.subtype, "text": doc.original[start:end],
                             "start": start, "end": end, "article": article.index})  # fmt: skip
        facts += [{**fact, "article": article.index} for fact in _article_facts(doc, article)]
    articles = [
        {"index": a.index, "headline": a.headline, "authors": a.authors, "editors": a.editors}
        for a in doc.articles
    ]
    return {
        "document": doc.path,
        "format": doc.format,
        "title": doc.title,
        "date": doc.date,
        "city": doc.city,
        "articles": articles,
        "mentions": mentions,
        "facts": facts,
    }


def _article_facts(doc: Document, article: Article) -> list[dict]:
    """Every fact read from an article, each with its sentence's offsets in the original text."""

    def sentence(s: Sentence) -> dict:
        start, end = doc.to_original(s.start, s.end)
        return {"sentence_start": start, "sentence_end": end}

    facts = []
    for p in article.positions:
        start, end = doc.to_original(p.person_start, p.person_end)
        facts.append({"relation": "position", "person": p.person, "title": p.title,
                      "organization": p.organization, "organization_type": p.org_subtype,
                      "person_start": start, "person_end": end, **sentence(p.sentence)})  # fmt: skip
    for e in article.events:
        facts.append({"relation": "event", "event": e.name, "type": e.type, "date": e.date,
                      "end_date": e.end_date, "place": e.place, "organizers": e.organizers,
                      "co_organizers": e.co_organizers, "part_of": e.part_of.name if e.part_of else None,
                      **sentence(e.sentence)})  # fmt: skip
    for t in article.participations:
        facts.append({"relation": "participation", "person": t.person, "event": t.event.name,
                      "role": t.role, **sentence(t.sentence)})  # fmt: skip
    for j in article.projects:
        quantities = [{"value": q.value, "unit": q.unit, "kind": q.kind} for q in j.quantities]
        statuses = [{"status": status, "date": date} for status, date in j.statuses]
        facts.append({"relation": "project", "project": j.name, "place": j.place,
                      "investment_yuan": j.investment, "approximate": j.investment_approximate,
                      "owner": j.owner, "contractor": j.contractor, "quantities": quantities,
                      "statuses": statuses, **sentence(j.sentence)})  # fmt: skip
    for r in article.relations:
        facts.append(
            {"relation": r.predicate, "subject": r.subject, "object": r.object, **sentence(r.sentence)}
        )
    return facts
