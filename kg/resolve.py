"""One entity per real person, organisation, place, event and project.

Mentions with the same canonical name join one entity, within and across
articles: a later bare "张百顺强调" joins the titled "市长张百顺". Every surface
form is kept as an alternative label.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .gazetteer import Gazetteer
from .model import ArticleRecord, Corpus, Document, Entity, Evidence, Membership, Mention
from .orgs import OrgResolver

ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "EVENT", "PROJECT")


def complete_names(doc: Document) -> None:
    """Mend names by the full names in the same document: a name the model cut short
    ("刘元|朝向…" → 刘元朝), and a given name used alone ("繁森" → 孔繁森)."""
    mentions = [m for a in doc.articles for s in a.sentences for m in s.mentions if m.type == "PERSON"]
    names = sorted({m.text for m in mentions})
    for m in mentions:
        for full in names:
            cut_short = full.startswith(m.text) and doc.text[m.end : m.end + 1] == full[-1]
            if len(full) == len(m.text) + 1 and cut_short:
                m.text, m.end = full, m.end + 1
                break
            if len(m.text) == 2 and len(full) == 3 and full.endswith(m.text):
                m.canonical = full
                break


def article_id(doc: Document, index: int) -> str:
    return f"{Path(doc.path).stem}-{index}"


class Resolver:
    def __init__(self, orgs: OrgResolver, gazetteer: Gazetteer | None = None) -> None:
        self.orgs = orgs
        self.gazetteer = gazetteer or orgs.gazetteer
        self._city = self.gazetteer.get(orgs.locale.city_code) if orgs.locale.city_code else None
        self.corpus = Corpus()

    def add(self, docs: Sequence[Document]) -> Corpus:
        for doc in docs:
            self.corpus.sources.append(doc.path)
            for article in doc.articles:
                self._add_article(doc, article)
        return self.corpus

    def _add_article(self, doc: Document, article) -> None:
        record = ArticleRecord(article_id(doc, article.index), doc.path, article.index, article.headline)
        record.authors = [self._entity("PERSON", name, None, name).key for name in article.authors]
        for mention in article.mentions:
            entity = self._entity_for(mention)
            if entity and entity.key not in record.mentions:
                record.mentions.append(entity.key)
        for position in article.positions:
            person = self._entity("PERSON", position.person, None, position.person)
            org = self._entity("ORG", position.organization, position.org_subtype, position.org_text)
            key = (person.key, org.key, position.title)
            membership = self.corpus.memberships.setdefault(
                key, Membership(person.key, org.key, position.title)
            )
            start, end = doc.to_original(position.sentence.start, position.sentence.end)
            quote = doc.text[position.chain_start : position.chain_end]
            membership.evidence.append(
                Evidence(doc.path, record.id, start, end, position.sentence.text, quote)
            )
            for key_ in (person.key, org.key):
                if key_ not in record.mentions:
                    record.mentions.append(key_)
        self.corpus.articles.append(record)

    def _entity_for(self, mention: Mention) -> Entity | None:
        if mention.type not in ENTITY_TYPES:
            return None
        if mention.type == "ORG":
            org = self.orgs.resolve(mention.text) if mention.canonical is None else None
            name = mention.canonical or (org.name if org else mention.text)
            subtype = mention.subtype if mention.canonical else (org.subtype if org else mention.subtype)
            return self._entity("ORG", name, subtype, mention.text)
        if mention.type == "PLACE":
            division = self.gazetteer.resolve(mention.text, within=self._city)
            if division is not None:
                entity = self._entity("PLACE", division.name, None, mention.text)
                entity.identifier = division.code
                return entity
        return self._entity(mention.type, mention.canonical or mention.text, mention.subtype, mention.text)

    def _entity(self, kind: str, name: str, subtype: str | None, surface: str) -> Entity:
        key = f"{kind.lower()}:{name}"
        entity = self.corpus.entities.get(key)
        if entity is None:
            entity = self.corpus.entities[key] = Entity(key, kind, name, subtype)
        if surface and surface != name:
            entity.alt_labels.add(surface)
        return entity


def resolve(docs: Sequence[Document], orgs: OrgResolver) -> Corpus:
    return Resolver(orgs).add(docs)
