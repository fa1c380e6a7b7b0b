"""The whole pipeline: read → clean → segment → recognise → relate → resolve."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from . import deprel
from .clean import clean_document
from .dates import date_document
from .engines import Engine, load_engine
from .events import EventReader
from .model import Corpus, Document
from .orgs import Locale, OrgResolver, document_locale, infer_city
from .positions import PositionReader
from .projects import ProjectReader
from .read import read_paths
from .recognise import recognise
from .resolve import complete_names, resolve
from .segment import segment_document


def analyse(
    docs: Sequence[Document], engine: Engine, locale: Locale, issue_date: str | None = None
) -> list[Document]:
    """Run every stage up to relations on documents already read."""
    for doc in docs:
        date_document(doc, issue_date)
        clean_document(doc)
        segment_document(doc)
    recognise(docs, engine)
    for doc in docs:
        doc_locale = locale_of(doc, locale)
        doc.city, doc.province, doc.county = doc_locale.city, doc_locale.province, doc_locale.county
        reader = PositionReader(OrgResolver(doc_locale))
        complete_names(doc)
        events, projects = EventReader(doc.date), ProjectReader(doc.date)
        for article in doc.articles:
            reader.read_article(article)
            events.read_article(article)
            projects.read_article(article, doc_locale.city_short or None)
            deprel.read_article(article)  # only where the engine parsed dependencies
    return list(docs)


def locale_of(doc: Document, locale: Locale) -> Locale:
    """The locale a document is read in: the city the --city-map gives its path, else its own most
    prominent city when the run's was inferred, else the run's."""
    mapped = locale.mapped_city(doc.path)
    if mapped:
        given = Locale.for_city(mapped)
        found = document_locale(doc.original, given)
        return found if found.city == given.city else replace(given, per_document=True)
    return document_locale(doc.original, locale) if locale.per_document else locale


def locale_for(
    docs: Iterable[Document], city: str | None, city_map: tuple[tuple[str, str], ...] = ()
) -> Locale:
    """The city given, or the run's most prominent city; an inferred one lets each document be read in
    its own city (a collection of many papers). `city_map` (--city-map) places documents by path."""
    if city:
        return replace(Locale.for_city(city), city_map=city_map)
    return replace(infer_city([doc.original for doc in docs]), per_document=True, city_map=city_map)


def run(paths: Sequence[str | Path], city: str | None = None, engine: str | Engine = "lac") -> list[Document]:
    docs = read_paths(paths)
    model = load_engine(engine) if isinstance(engine, str) else engine
    return analyse(docs, model, locale_for(docs, city))


def build_corpus(docs: Sequence[Document], locale: Locale) -> Corpus:
    return resolve(docs, OrgResolver(locale))
