"""One entity per real person, organisation, place, event and project.

Mentions with the same canonical name join one entity, within and across
articles: a later bare "赵志明强调" joins the titled "市长赵志明". Every surface
form is kept as an alternative label, and each person keeps a note of the
mentions joined. People of the same name whose posts are in different cities
stay apart. Places resolve to administrative divisions with their codes and the
divisions they are in; organisations get the bodies they belong to.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kg.language.dates import parse_date
from kg.language.gazetteer import Division, Gazetteer
from kg.model import (
    Article,
    ArticleRecord,
    Corpus,
    Document,
    Entity,
    EventDetails,
    EventMention,
    Evidence,
    Fact,
    Membership,
    Mention,
    Position,
    PostChange,
    ProjectDetails,
    ProjectMention,
    Relation,
    Sentence,
    SourceInfo,
    source_key,
)
from kg.readers.orgs import Locale, OrgResolver
from kg.resolution.hierarchy import Hierarchy


def article_id(doc: Document, index: int) -> str:
    return f"{Path(source_key(doc.path)).with_suffix('').as_posix()}-{index}"


class Resolver:
    """Turns documents' mentions and facts into corpus entities and facts, one at a time."""

    def __init__(
        self, orgs: OrgResolver, gazetteer: Gazetteer | None = None, corpus: Corpus | None = None
    ) -> None:
        self.orgs = orgs
        self.gazetteer = gazetteer or orgs.gazetteer
        self._city = self.gazetteer.get(orgs.locale.city_code) if orgs.locale.city_code else None
        self.hierarchy = Hierarchy(self.gazetteer, self._city)
        self.corpus = Corpus() if corpus is None else corpus  # a corpus to add to (kg build --append)

    def add(self, docs: Sequence[Document]) -> Corpus:
        self.add_documents(docs)
        return self.finish()

    def add_documents(self, docs: Sequence[Document]) -> None:
        """Resolve documents into the corpus, in order; a long run calls this chunk by chunk and drops
        each chunk's documents after it."""
        for doc in docs:
            self._use_city_of(doc)
            if doc.base == 0:  # a file's first piece, or the whole of it
                self.corpus.sources.append(doc.path)
                info = SourceInfo(doc.format, doc.title, doc.date, doc.date_source)
                self.corpus.source_info[doc.path] = info
            for article in doc.articles:
                self._add_article(doc, article, self._homes(article))

    def _use_city_of(self, doc: Document) -> None:
        """Resolve each document in its own city (a run over many papers)."""
        if doc.city and doc.city != self.orgs.locale.city:
            locale = Locale.for_city(doc.city, self.gazetteer, doc.county or "")
            self.orgs = OrgResolver(locale, self.gazetteer)
            self._city = self.gazetteer.get(locale.city_code) if locale.city_code else None

    def finish(self) -> Corpus:
        """Add what follows from all the organisations' names together (the bodies they belong to):
        once, after the last document."""
        self._add_hierarchy()
        return self.corpus

    # ---- people ------------------------------------------------------------------------------

    def _homes(self, article: Article) -> dict[str, str]:
        """Each person's home city in this article: the city of their posts, when it is another
        city than the paper's; people of the same name in different cities stay apart."""
        homes: dict[str, str] = {}
        for position in article.positions:
            city = self._prefecture(self.hierarchy.place_of(position.organization))
            if city and self._city and city.code != self._city.code:
                homes.setdefault(position.person, city.name)
        return homes

    def _prefecture(self, place: Division | None) -> Division | None:
        chain = [place, *self.gazetteer.ancestors(place)] if place else []
        return next((d for d in chain if d.level == 2), None)

    def _person(self, name: str, homes: dict[str, str], surface: str, where: str) -> Entity:
        home = homes.get(name)
        entity = self._entity("PERSON", name, None, surface, key=f"person:{name}@{home}" if home else None)
        note = f"{where}: {surface}" + (f" ({home})" if home else "")
        notes = self.corpus.notes.setdefault(entity.key, [])
        if note not in notes:
            notes.append(note)
        return entity

    # ---- articles ----------------------------------------------------------------------------

    def _credited(self, names: list[str]) -> list[str]:
        """The persons a page credits (its writers, its editors), as entity keys."""
        return [self._entity("PERSON", name, None, name).key for name in names]

    def _add_article(self, doc: Document, article: Article, homes: dict[str, str]) -> None:
        record = ArticleRecord(article_id(doc, article.index), doc.path, article.index, article.headline)
        self.corpus.articles.append(record)
        record.authors, record.editors = self._credited(article.authors), self._credited(article.editors)
        for mention in article.mentions:
            entity = self._entity_for(mention, homes, record.id)
            if entity:
                _mention(record, entity.key)
        lead = article.lead
        lead_date = parse_date(lead.text, doc.date) if lead else None
        # "1月9日，…会议举行"; a session of several days decides on its last ("26日至27日…举行第三十次会议")
        when = (lead_date.end or lead_date.start) if lead_date and lead_date.year_known else None
        for position in article.positions:
            day = (_paragraph_date(doc, article, position) or when) if position.change else None
            self._add_position(doc, record, position, homes, day)
        for event in article.events:
            self._add_event(doc, record, event)
        for participation in article.participations:
            person = self._person(participation.person, homes, participation.person, record.id)
            event_entity = self._event_entity(participation.event)
            evidence = self._evidence(doc, record, participation.sentence)
            key = (person.key, event_entity.key, participation.role)
            self.corpus.participations.setdefault(key, []).append(evidence)
            _mention(record, person.key)
        for project in article.projects:
            self._add_project(doc, record, project)
        for relation in article.relations:
            self._add_relation(doc, record, relation, homes)

    def _evidence(
        self, doc: Document, record: ArticleRecord, sentence: Sentence, quote: str = ""
    ) -> Evidence:
        start, end = doc.to_original(sentence.start, sentence.end)
        return Evidence(doc.path, record.id, start, end, sentence.text, quote)

    def _fact(
        self, subject: str, predicate: str, obj: str, evidence: Evidence | None, literal: bool = False
    ) -> None:
        fact = self.corpus.facts.setdefault((subject, predicate, obj), Fact(subject, predicate, obj, literal))
        if evidence and evidence not in fact.evidence:
            fact.evidence.append(evidence)

    def _add_position(
        self,
        doc: Document,
        record: ArticleRecord,
        position: Position,
        homes: dict[str, str],
        lead_date: str | None = None,
    ) -> None:
        person = self._person(position.person, homes, position.person, record.id)
        org = self._entity("ORG", position.organization, position.org_subtype, position.org_text)
        key = (person.key, org.key, position.title)
        membership = self.corpus.memberships.setdefault(key, Membership(person.key, org.key, position.title))
        quote = doc.text[position.chain_start : position.chain_end]
        evidence = self._evidence(doc, record, position.sentence, quote)
        membership.evidence.append(evidence)
        membership.held = membership.held or position.change != "nominated"
        membership.former = membership.former or position.former
        membership.acting = membership.acting or position.acting
        current = position.change not in _ENDING_CHANGES and position.change != "nominated"
        if doc.date and current and not position.former:
            membership.attested.add(doc.date)
        if position.change:
            membership.changes.append(_post_change(position, evidence, lead_date, doc.date))
        _mention(record, person.key)
        _mention(record, org.key)

    def _add_event(self, doc: Document, record: ArticleRecord, event: EventMention) -> None:
        entity = self._event_entity(event)
        details = self.corpus.events.setdefault(entity.key, EventDetails(event.type))
        details.date = details.date or event.date
        details.end_date = details.end_date or event.end_date
        evidence = self._evidence(doc, record, event.sentence)
        if event.place:
            place = self._place(event.place)
            self._fact(entity.key, "location", place.key, evidence)
        if event.part_of is not None:  # the exhibition a 开展仪式 opens, the conference of an agenda item
            self._fact(entity.key, "superEvent", self._event_entity(event.part_of).key, evidence)
        for predicate, names in (("organizer", event.organizers), ("coOrganizer", event.co_organizers)):
            for name in names:
                org = self._org(name)
                self._fact(entity.key, predicate, org.key, evidence)
        _mention(record, entity.key)

    def _event_entity(self, event: EventMention) -> Entity:
        """Events are one per name and date: the same press conference reported twice is one event."""
        return self._entity(
            "EVENT", event.name, event.type, event.name, key=f"event:{event.name}@{event.date or ''}"
        )

    def _add_project(self, doc: Document, record: ArticleRecord, project: ProjectMention) -> None:
        entity = self._entity("PROJECT", project.name, None, project.name)
        details = self.corpus.projects.setdefault(entity.key, ProjectDetails())
        if project.investment is not None and details.investment is None:
            details.investment, details.investment_approximate = (
                project.investment,
                project.investment_approximate,
            )
        details.quantities += [
            q for q in project.quantities if q.text not in {d.text for d in details.quantities}
        ]
        details.statuses += [s for s in project.statuses if s not in details.statuses]
        evidence = self._evidence(doc, record, project.sentence)
        if project.place:
            self._fact(entity.key, "location", self._place(project.place).key, evidence)
        for predicate, name in (("owner", project.owner), ("contractor", project.contractor)):
            if name:
                self._fact(entity.key, predicate, self._org(name).key, evidence)
        _mention(record, entity.key)

    def _add_relation(
        self, doc: Document, record: ArticleRecord, relation: Relation, homes: dict[str, str]
    ) -> None:
        subject = self._named(relation.subject, relation.subject_type, homes, record.id)
        evidence = self._evidence(doc, record, relation.sentence)
        if relation.object_type == "LITERAL":
            self._fact(subject.key, relation.predicate, relation.object, evidence, literal=True)
        else:
            obj = self._named(relation.object, relation.object_type, homes, record.id)
            self._fact(subject.key, relation.predicate, obj.key, evidence)

    def _named(self, text: str, kind: str, homes: dict[str, str], where: str) -> Entity:
        if kind == "PERSON":
            return self._person(text, homes, text, where)
        return self._place(text) if kind == "PLACE" else self._org(text)

    # ---- organisations and places ------------------------------------------------------------

    def _org(self, text: str) -> Entity:
        org = self.orgs.resolve(self.orgs.trim(text))
        return self._entity("ORG", org.name, org.subtype, text)

    def _place(self, text: str) -> Entity:
        """A division (阳谷 → 阳谷县; an OCR slip one character off a division of the city is
        corrected), a zone of the city (开发区), or a venue (市委党校 → 中共聊城市委党校). Zones and
        venues with a known place are contained in it."""
        text = self.orgs.own_place(text) or text  # 我区 → the district whose news it is
        scope, unit = self.orgs.split(text)
        if scope and not unit and scope != text:
            named = self.gazetteer.resolve(scope, within=self._city)
            if named is not None and named.name == scope:
                return self._division(named, text)  # "广东省中山市": a division written with its province
            # 开发区 → 聊城经济技术开发区, before any town of that short name ("开发区街道")
            return self._within(self._entity("PLACE", scope, None, text), self._city)
        division = self.gazetteer.resolve(text, within=self._city)
        if division is not None and not self._near_enough(division, text):
            division = None
        if division is None and self._city is not None and len(text) >= 3:
            division = self.gazetteer.correct_ocr(text, self._city)  # 在平区 → 茌平区
        if division is not None:
            return self._division(division, text)
        if not scope:
            return self._entity("PLACE", text, None, text)
        return self._inside(scope, unit, text)

    def _inside(self, scope: str, unit: str, text: str) -> Entity:
        """A place written after the division it is in: a division ("濮阳市清丰县": the county, written with
        its city) or a venue ("市委党校")."""
        inner = self._division_in(scope, unit)
        if inner is not None:
            return self._division(inner, text)
        venue = self._entity("PLACE", self.orgs.build(scope, unit, text).name, None, text)
        return self._within(venue, self.hierarchy.place_of(scope) or self._city)

    def _division_in(self, scope: str, unit: str) -> Division | None:
        """The division `unit` names in full inside the division `scope` names in full, else None."""
        outer = self.gazetteer.resolve(scope)
        if outer is None or outer.name != scope:
            return None
        inner = self.gazetteer.resolve(unit, within=outer)
        named = inner is not None and inner.name == unit and self.gazetteer.contains(outer, inner)
        return inner if named else None

    def _near_enough(self, division: Division, text: str) -> bool:
        """A short form ("宝马", "合作", "嘉明") names a town only in the paper's city and a county only
        in its province; elsewhere it is an ordinary word. A town's full name is taken in the paper's
        province; counties' full names, prefectures and provinces ("拉萨", "北京") anywhere."""
        if division.level <= 2 or self._city is None or (division.name == text and division.level == 3):
            return True
        if division.level == 3 or division.name == text:
            # a town named in full far away ("郭镇" read out of "回郭镇") is no town of this news either
            province = self.gazetteer.province_of(self._city)
            return province is not None and self.gazetteer.contains(province, division)
        return self.gazetteer.contains(self._city, division)

    def _within(self, place: Entity, division: Division | None) -> Entity:
        if division is not None:
            self._fact(place.key, "containedInPlace", self._division(division, division.name).key, None)
        return place

    def _division(self, division: Division, surface: str) -> Entity:
        entity = self._entity("PLACE", division.name, None, surface)
        entity.identifier = division.code if division.successor is None else None  # a former name has none
        child = entity
        for ancestor in self.gazetteer.ancestors(division):
            parent = self._entity("PLACE", ancestor.name, None, ancestor.name)
            parent.identifier = ancestor.code
            self._fact(child.key, "containedInPlace", parent.key, None)
            child = parent
        return entity

    def _add_hierarchy(self) -> None:
        """Bodies organisations belong to and the places they are in, from their names."""
        orgs = [e for e in self.corpus.entities.values() if e.type == "ORG"]
        known = [e.label for e in orgs]
        for entity in orgs:
            parent = self.hierarchy.parent_of(entity.label, entity.subtype or "other", known)
            if parent and parent != entity.label:
                predicate = "parentOrganization" if entity.subtype == "company" else "subOrganizationOf"
                subtype = self.orgs.build("", parent).subtype
                self._fact(entity.key, predicate, self._entity("ORG", parent, subtype, parent).key, None)
            place = self.hierarchy.place_of(entity.label)
            if place is not None:
                self._fact(entity.key, "location", self._division(place, place.name).key, None)

    # ---- mentions ----------------------------------------------------------------------------

    def _entity_for(self, mention: Mention, homes: dict[str, str], where: str) -> Entity | None:
        if mention.type not in ("PERSON", "ORG", "PLACE"):
            return None  # events and projects come with their facts
        if mention.type == "ORG":
            if mention.canonical:
                return self._entity("ORG", mention.canonical, mention.subtype, mention.text)
            return self._org(mention.text)
        if mention.type == "PLACE":
            return self._place(mention.text)
        name = mention.canonical or mention.text
        return self._person(name, homes, mention.text, where)

    def _entity(
        self, kind: str, name: str, subtype: str | None, surface: str, key: str | None = None
    ) -> Entity:
        key = key or f"{kind.lower()}:{name}"
        entity = self.corpus.entities.get(key)
        if entity is None:
            entity = self.corpus.entities[key] = Entity(key, kind, name, subtype)
        if surface and surface != name:
            entity.alt_labels.add(surface)
        return entity


def _mention(record: ArticleRecord, key: str) -> None:
    if key not in record.mentions:
        record.mentions.append(key)


def resolve(docs: Sequence[Document], orgs: OrgResolver) -> Corpus:
    return Resolver(orgs).add(docs)


_ENDING_CHANGES = ("removed", "resigned", "transferred")


def _paragraph_date(doc: Document, article: Article, position: Position) -> str | None:
    """ "6月18日,攀枝花市召开全市领导干部大会。会议宣读了…决定:…免去X职务": a change whose sentence states
    no date is of the day that opens its paragraph (a session of several days decides on its last)."""
    before = [s for s in article.sentences if s.end <= position.sentence.start]
    after = position.sentence
    for sentence in reversed(before):
        if "\n" in doc.text[sentence.end : after.start] or sentence.headline:
            return None
        dates = [m for m in sentence.mentions if m.type == "DATE"]
        if dates and dates[0].start - sentence.start <= 2:
            span = parse_date(sentence.text, doc.date)
            return (span.end or span.start) if span and span.year_known else None
        after = sentence
    return None


def _post_change(
    position: Position, evidence: Evidence, lead_date: str | None, article_date: str | None
) -> PostChange:
    """The change with its date: one its sentence states ("12月25日…决定任命"), else the one the
    article's lead states (the day of the session that decided), each with its year from the article's
    date; else the article's date itself."""
    stated = parse_date(position.sentence.text, article_date)
    if stated and stated.year_known:
        return PostChange(position.change or "", evidence, stated.start, "text")
    if lead_date:
        return PostChange(position.change or "", evidence, lead_date, "text")
    return PostChange(position.change or "", evidence, article_date, "article" if article_date else None)
