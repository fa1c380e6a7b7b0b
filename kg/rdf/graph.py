"""The knowledge graph in RDF (rdflib), in the vocabulary of kg/data/ontology.ttl.

Reads resolved records only (kg.model.Corpus); knows nothing of NER. Entity
descriptions live in the default graph; what each article says (its metadata,
the posts read from it and their evidence) lives in a named graph per article.
IRIs are minted from stable keys, so the same input always gives the same IRIs.
"""

from __future__ import annotations

import hashlib

from rdflib import RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from kg.language.lexicon import role_classes, table
from kg.model import (
    ArticleRecord,
    Corpus,
    Entity,
    Evidence,
    Fact,
    Membership,
    ProjectDetails,
    SourceInfo,
    source_key,
)

KG = Namespace("https://w3id.org/kg-news/ns#")
ID = Namespace("https://w3id.org/kg-news/id/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
TIME = Namespace("http://www.w3.org/2006/time#")
ENTITIES_GRAPH = ID["graph/entities"]

_PERSON_CLASSES = (SCHEMA.Person, KG.Person)
# subtype → (schema.org class, kg class), from kg/data/org_subtypes.tsv
_ORG_CLASSES = {
    subtype: (SCHEMA[schema], KG[kg]) for subtype, (schema, kg, _, _) in table("org_subtypes.tsv").items()
}
ORG_SUBTYPES = tuple(_ORG_CLASSES)  # the subtypes of org_types.tsv and org_templates.tsv
_OTHER_CLASSES = {
    "PLACE": (SCHEMA.Place, KG.Place),
    "EVENT": (SCHEMA.Event, KG.Event),
    "PROJECT": (SCHEMA.Project, KG.Project),
}


def iri_part(text: str) -> str:
    """A readable, always-valid IRI segment: letters (Chinese included) stay, the rest is %-encoded."""
    out = []
    for ch in text:
        if ch.isalnum() or ch in "-._~":
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out) or "_"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def entity_iri(entity: Entity) -> URIRef:
    """kind/name; an entity the resolver keeps apart from another of the same name adds what tells
    them apart (person/张三/拉萨市: a namesake in another city; event/新闻发布会/2020-06-08: another
    day's)."""
    kind = {"PERSON": "person", "ORG": "org", "PLACE": "place", "EVENT": "event", "PROJECT": "project"}
    _, _, apart = entity.key.partition("@")
    return ID[f"{kind[entity.type]}/{iri_part(entity.label)}" + (f"/{iri_part(apart)}" if apart else "")]


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{iri_part(article_id)}"]


def source_iri(path: str) -> URIRef:
    return ID[f"source/{iri_part(source_key(path))}"]


def role_iri(title: str) -> URIRef:
    return ID[f"role/{iri_part(title)}"]


FACT_PREDICATES = {
    "location": SCHEMA.location,
    "containedInPlace": SCHEMA.containedInPlace,
    "organizer": SCHEMA.organizer,
    "coOrganizer": KG.coOrganizer,
    "superEvent": SCHEMA.superEvent,
    "parentOrganization": SCHEMA.parentOrganization,
    "subOrganizationOf": ORG.subOrganizationOf,
    "owner": KG.owner,
    "contractor": KG.contractor,
    "industry": KG.industry,
    "visited": KG.visited,
    "signedWith": KG.signedWith,
    "met": KG.met,
}


def membership_iri(membership: Membership) -> URIRef:
    return ID[f"membership/{_digest(membership.person, membership.organization, membership.role)}"]


def evidence_iri(evidence: Evidence, fact: URIRef) -> URIRef:
    return ID[f"evidence/{_digest(str(fact), evidence.source, str(evidence.start), str(evidence.end))}"]


def bind_prefixes(graph: Graph) -> None:
    for prefix, namespace in (
        ("kg", KG), ("id", ID), ("schema", SCHEMA), ("org", ORG), ("oa", OA), ("time", TIME),
        ("prov", PROV), ("skos", SKOS), ("rdfs", RDFS), ("xsd", XSD),
    ):  # fmt: skip
        graph.bind(prefix, namespace, override=True, replace=True)


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def build_dataset(corpus: Corpus, dataset: Dataset | None = None) -> Dataset:
    """The graph of a corpus, added to `dataset` (anything with graph(name).add(triple) and bind, such
    as kg.rdf.quads.QuadFile, which writes the quads to a file instead of holding them)."""
    dataset = Dataset() if dataset is None else dataset
    bind_prefixes(dataset)
    entities = dataset.graph(ENTITIES_GRAPH)
    for entity in corpus.entities.values():
        _add_entity(entities, entity)
    for path in corpus.sources:
        _add_source(entities, path, corpus.source_info.get(path))
    article_graphs = {a.id: dataset.graph(article_iri(a.id)) for a in corpus.articles}
    for article in corpus.articles:
        _add_article(article_graphs[article.id], article, corpus)
    for membership in corpus.memberships.values():
        _add_membership(entities, article_graphs, membership, corpus)
    for fact in corpus.facts.values():
        _add_fact(entities, article_graphs, fact, corpus)
    for key, details in corpus.events.items():
        _add_event_details(entities, entity_iri(corpus.entities[key]), details)
    for (person, event, role), evidence in corpus.participations.items():
        _add_participation(entities, article_graphs, corpus, person, event, role, evidence)
    for key, project in corpus.projects.items():
        _add_project_details(entities, entity_iri(corpus.entities[key]), project)
    for key, notes in corpus.notes.items():
        if len(notes) > 1 and key in corpus.entities:
            entities.add(
                (entity_iri(corpus.entities[key]), KG.resolutionNote, Literal("; ".join(notes), lang="zh"))
            )
    return dataset


def _add_source(graph: Graph, path: str, info: SourceInfo | None) -> None:
    node = source_iri(path)
    graph.add((node, RDF.type, KG.SourceFile))
    graph.add((node, KG.path, Literal(path)))
    if info is None:
        return
    graph.add((node, KG.sourceFormat, Literal(info.format)))
    if info.title:
        graph.add((node, SCHEMA.name, Literal(info.title, lang="zh")))
    if info.date:
        graph.add((node, SCHEMA.datePublished, Literal(info.date, datatype=XSD.date)))
        if info.date_source:
            graph.add((node, KG.dateSource, Literal(info.date_source)))


def _add_entity(graph: Graph, entity: Entity) -> None:
    node = entity_iri(entity)
    if entity.type == "PERSON":
        classes = _PERSON_CLASSES
    elif entity.type == "ORG":
        classes = _ORG_CLASSES.get(entity.subtype or "other", _ORG_CLASSES["other"])
        graph.add((node, KG.subtype, Literal(entity.subtype or "other")))
    else:
        classes = _OTHER_CLASSES[entity.type]
    for cls in classes:
        graph.add((node, RDF.type, cls))
    graph.add((node, RDFS.label, zh(entity.label)))
    for alt in sorted(entity.alt_labels):
        graph.add((node, SKOS.altLabel, zh(alt)))
    if entity.identifier:
        graph.add((node, SCHEMA.identifier, Literal(entity.identifier)))


def _add_article(graph: Graph, article: ArticleRecord, corpus: Corpus) -> None:
    node = article_iri(article.id)
    graph.add((node, RDF.type, SCHEMA.NewsArticle))
    graph.add((node, SCHEMA.headline, zh(article.headline)))
    graph.add((node, KG.sourceFile, source_iri(article.source)))
    graph.add((node, KG.articleIndex, Literal(article.index)))
    for key in article.authors:
        graph.add((node, SCHEMA.author, entity_iri(corpus.entities[key])))
    for key in article.editors:
        graph.add((node, SCHEMA.editor, entity_iri(corpus.entities[key])))
    for key in article.mentions:
        graph.add((node, SCHEMA.mentions, entity_iri(corpus.entities[key])))


def _add_membership(
    entities: Graph, article_graphs: dict[str, Graph], membership: Membership, corpus: Corpus
) -> None:
    node = membership_iri(membership)
    role = role_iri(membership.role)
    entities.add((node, RDF.type, ORG.Membership))
    entities.add((node, ORG.member, entity_iri(corpus.entities[membership.person])))
    entities.add((node, ORG.organization, entity_iri(corpus.entities[membership.organization])))
    entities.add((node, ORG.role, role))
    entities.add((role, RDF.type, ORG.Role))
    entities.add((role, RDFS.label, zh(membership.role)))
    for flag, value in ((KG.former, membership.former), (KG.acting, membership.acting)):
        if value:
            entities.add((node, flag, Literal(True)))
    if not membership.held:
        entities.add((node, KG.nominee, Literal(True)))
    for evidence in membership.evidence:
        _add_evidence(article_graphs[evidence.article], node, evidence)
    _add_time(entities, node, membership)
    for change in membership.changes:
        change_node = ID[
            f"change/{_digest(str(node), change.change, change.evidence.article, str(change.evidence.start))}"
        ]
        graph = article_graphs[change.evidence.article]
        graph.add((change_node, RDF.type, KG.PostChange))
        graph.add((change_node, KG.person, entity_iri(corpus.entities[membership.person])))
        graph.add((change_node, KG.membership, node))
        graph.add((change_node, KG.changeType, Literal(change.change)))
        if change.date:
            graph.add((change_node, SCHEMA.startDate, Literal(change.date, datatype=XSD.date)))
            graph.add((change_node, KG.dateFrom, Literal(change.date_from)))
        _add_evidence(graph, change_node, change.evidence)


_BEGINNINGS = ("appointed", "elected", "acting")
_ENDS = ("removed", "resigned", "transferred")


def _add_time(graph: Graph, node: URIRef, membership: Membership) -> None:
    """When a post was held: the dates of the articles that state it (kg:attestedOn, first and last),
    and the interval its stated changes bound (org:memberDuring: appointed … removed)."""
    for day in sorted(membership.attested):
        graph.add((node, KG.attestedOn, Literal(day, datatype=XSD.date)))
    if membership.attested:
        graph.add((node, KG.firstAttested, Literal(min(membership.attested), datatype=XSD.date)))
        graph.add((node, KG.lastAttested, Literal(max(membership.attested), datatype=XSD.date)))
    began = [c.date for c in membership.changes if c.date and c.change in _BEGINNINGS]
    ended = [c.date for c in membership.changes if c.date and c.change in _ENDS]
    if not (began or ended):
        return
    interval = URIRef(f"{node}-term")
    graph.add((node, ORG.memberDuring, interval))
    graph.add((interval, RDF.type, TIME.Interval))
    for edge, days in ((TIME.hasBeginning, began), (TIME.hasEnd, ended)):
        if days:
            instant = URIRef(f"{interval}-{'begin' if edge == TIME.hasBeginning else 'end'}")
            graph.add((interval, edge, instant))
            graph.add((instant, RDF.type, TIME.Instant))
            day = min(days) if edge == TIME.hasBeginning else max(days)
            graph.add((instant, TIME.inXSDDate, Literal(day, datatype=XSD.date)))


def _add_fact(entities: Graph, article_graphs: dict[str, Graph], fact: Fact, corpus: Corpus) -> None:
    """A fact read from articles stands in each of their graphs; one derived from names in the
    entities graph."""
    subject = entity_iri(corpus.entities[fact.subject])
    obj = Literal(fact.object, lang="zh") if fact.literal else entity_iri(corpus.entities[fact.object])
    triple = (subject, FACT_PREDICATES[fact.predicate], obj)
    graphs = {article_graphs[e.article] for e in fact.evidence} if fact.evidence else {entities}
    for graph in graphs:
        graph.add(triple)


def _date_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.gMonthDay if value.startswith("--") else XSD.date)


def _add_event_details(graph: Graph, node: URIRef, details) -> None:
    graph.add((node, KG.eventType, Literal(details.type)))
    if details.date:
        graph.add((node, SCHEMA.startDate, _date_literal(details.date)))
    if details.end_date:
        graph.add((node, SCHEMA.endDate, _date_literal(details.end_date)))


def _add_participation(
    entities: Graph,
    article_graphs: dict[str, Graph],
    corpus: Corpus,
    person: str,
    event: str,
    role: str,
    evidence: list[Evidence],
) -> None:
    """Who took part in which event in which role, with the sentences that say so."""
    person_node, event_node = entity_iri(corpus.entities[person]), entity_iri(corpus.entities[event])
    node = ID[f"participation/{_digest(person, event, role)}"]
    entities.add((node, RDF.type, KG.Participation))
    entities.add((node, KG.participant, person_node))
    entities.add((node, KG.event, event_node))
    entities.add((node, KG.role, zh(role)))
    entities.add((node, KG.roleClass, Literal(role_classes().get(role, "attended"))))
    entities.add((event_node, SCHEMA.attendee, person_node))
    for item in evidence:
        _add_evidence(article_graphs[item.article], node, item)


def _add_project_details(graph: Graph, node: URIRef, project: ProjectDetails) -> None:
    if project.investment is not None:
        money = URIRef(f"{node}-investment")
        graph.add((node, KG.investment, money))
        graph.add((money, RDF.type, SCHEMA.MonetaryAmount))
        graph.add((money, SCHEMA.value, Literal(f"{project.investment:.2f}", datatype=XSD.decimal)))
        graph.add((money, SCHEMA.currency, Literal("CNY")))
        graph.add((money, KG.approximate, Literal(project.investment_approximate)))
    for i, quantity in enumerate(project.quantities, start=1):
        value = URIRef(f"{node}-quantity-{i}")
        graph.add((node, KG.quantity, value))
        graph.add((value, RDF.type, SCHEMA.QuantitativeValue))
        graph.add((value, SCHEMA.value, Literal(quantity.value)))
        graph.add((value, SCHEMA.unitText, zh(quantity.unit)))
        if quantity.kind:
            graph.add((value, KG.quantityKind, zh(quantity.kind)))
        graph.add((value, RDFS.label, zh(quantity.text)))
    for i, (status, date) in enumerate(project.statuses, start=1):
        change = URIRef(f"{node}-status-{i}")
        graph.add((node, KG.statusChange, change))
        graph.add((change, RDF.type, KG.StatusChange))
        graph.add((change, KG.status, zh(status)))
        if date:
            graph.add((change, SCHEMA.startDate, _date_literal(date)))


def _add_evidence(graph: Graph, fact: URIRef, evidence: Evidence) -> None:
    node = evidence_iri(evidence, fact)
    article = article_iri(evidence.article)
    position, quote = URIRef(f"{node}-position"), URIRef(f"{node}-quote")
    graph.add((fact, PROV.wasDerivedFrom, article))
    graph.add((fact, KG.evidence, node))
    graph.add((node, RDF.type, OA.SpecificResource))
    graph.add((node, OA.hasSource, source_iri(evidence.source)))
    graph.add((node, KG.article, article))
    graph.add((node, OA.hasSelector, position))
    graph.add((node, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, zh(evidence.sentence)))
    if evidence.quote:
        graph.add((node, KG.mentionText, zh(evidence.quote)))


def union_graph(dataset: Dataset) -> Graph:
    """All named graphs as one plain graph, for Turtle, N-Triples and JSON-LD."""
    graph = Graph()
    bind_prefixes(graph)
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        graph.add((subject, predicate, obj))
    return graph
