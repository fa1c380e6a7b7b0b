"""The whole pipeline: read → clean → segment → recognise → relate → resolve."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg.input.clean import clean_document
from kg.input.read import read_paths
from kg.input.script import as_read
from kg.input.segment import segment_document
from kg.language.dates import date_document
from kg.language.engines import Engine, load_engine
from kg.language.gazetteer import Gazetteer
from kg.language.lexicon import BUILT_IN, Lexicons, using
from kg.language.recognise import recognise
from kg.model import Corpus, Document
from kg.readers import deprel
from kg.readers.events import EventReader, home_names
from kg.readers.names import mend_names
from kg.readers.orgs import Locale, OrgResolver, document_locale, infer_city
from kg.readers.positions import PositionReader
from kg.readers.projects import ProjectReader
from kg.resolution.resolve import resolve


@dataclass
class Context:
    """What the components of one run share: the engine, the run's locale, the date given for the run,
    and the locale each document is read in (set by the `locale` component)."""

    engine: Engine
    locale: Locale
    issue_date: str | None = None
    lexicons: Lexicons = BUILT_IN  # kg's lexicons and a user's own (`--lexicons DIR`)
    locales: dict[int, Locale] = field(default_factory=dict)  # by id(document)

    def locale_of(self, doc: Document) -> Locale:
        return self.locales.get(id(doc), self.locale)


@dataclass(frozen=True)
class Component:
    """One stage: a name, the Document fields it reads and those it assigns, and what it does to a
    batch of documents (most work document by document; `recognise` batches the engine's calls)."""

    name: str
    reads: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[Sequence[Document], Context], None]
    required: bool = False  # later stages cannot work without it: it cannot be disabled


def _each(step: Callable[[Document, Context], object]) -> Callable[[Sequence[Document], Context], None]:
    def run(docs: Sequence[Document], context: Context) -> None:
        for doc in docs:
            step(doc, context)

    return run


def _date(doc: Document, context: Context) -> None:
    date_document(doc, context.issue_date)


def _clean(doc: Document, context: Context) -> None:
    clean_document(doc)


def _segment(doc: Document, context: Context) -> None:
    segment_document(doc)


def _recognise(docs: Sequence[Document], context: Context) -> None:
    recognise(docs, context.engine)  # one batched call of the engine for all documents


def _names(doc: Document, context: Context) -> None:
    resolver = OrgResolver(context.locale_of(doc))
    mend_names(doc, PositionReader(resolver).body_before_title, resolver.gazetteer)


def _place(doc: Document, context: Context) -> None:
    found = locale_of(doc, context.locale)
    context.locales[id(doc)] = found
    doc.city, doc.province, doc.county = found.city, found.province, found.county


def _posts(doc: Document, context: Context) -> None:
    reader = PositionReader(OrgResolver(context.locale_of(doc)))
    for article in doc.articles:
        reader.read_article(article)


def _events(doc: Document, context: Context) -> None:
    locale = context.locale_of(doc)
    home = home_names(locale.city, locale.own_county(), locale.per_document)
    reader = EventReader(doc.date, home, locale.city)
    for article in doc.articles:
        reader.read_article(article)


def _projects(doc: Document, context: Context) -> None:
    reader, city = ProjectReader(doc.date), context.locale_of(doc).municipal_short() or None
    for article in doc.articles:
        reader.read_article(article, city)


def _dependencies(doc: Document, context: Context) -> None:
    for article in doc.articles:
        deprel.read_article(article)  # only where the engine parsed dependencies


def components() -> list[Component]:
    """The stages `analyse` runs, in order; `kg pipeline` lists them, `--disable NAME` leaves one out."""
    return [
        Component("date", ("original", "path", "date"), ("date", "date_source"), _each(_date)),
        Component("clean", ("original",), ("text", "offsets"), _each(_clean), True),
        Component("segment", ("text",), ("articles", "sentences"), _each(_segment), True),
        Component("recognise", ("sentences",), ("tokens", "mentions"), _recognise, True),
        Component("locale", ("original", "path"), ("city", "province", "county"), _each(_place), True),
        Component("names", ("tokens", "mentions", "city"), ("mentions",), _each(_names)),
        Component("posts", ("mentions", "city"), ("positions", "mentions"), _each(_posts)),
        Component("events", ("mentions", "date", "positions"), ("events", "participations", "mentions"),
                  _each(_events)),
        Component("projects", ("mentions", "date", "city"), ("projects", "relations", "mentions"),
                  _each(_projects)),
        Component("dependencies", ("tokens",), ("relations",), _each(_dependencies)),
    ]  # fmt: skip


def analyse(
    docs: Sequence[Document],
    engine: Engine,
    locale: Locale,
    issue_date: str | None = None,
    disable: Sequence[str] = (),
    lexicons: Lexicons = BUILT_IN,
) -> list[Document]:
    """Run every component up to relations on documents already read, with `lexicons` the ones every
    loader reads; `disable` names components to leave out (see `components()`)."""
    check_disabled(disable)
    context = Context(engine, locale, issue_date, lexicons)
    with using(context.lexicons):
        for component in components():
            if component.name not in disable:
                component.run(docs, context)
    return list(docs)


def check_disabled(names: Sequence[str]) -> None:
    """Raise ValueError for a name that is no component, or one the others cannot do without."""
    known = {c.name: c for c in components()}
    for name in names:
        if name not in known:
            raise ValueError(f"no component {name!r} (components: {', '.join(known)})")
        if known[name].required:
            raise ValueError(
                f"component {name!r} cannot be disabled: the stages after it read what it assigns"
            )


def locale_of(doc: Document, locale: Locale) -> Locale:
    """The locale a document is read in: the city the --city-map gives its path, else its own most
    prominent city when the run's was inferred, else the run's."""
    mapped = locale.mapped_city(doc.path)
    if mapped:
        given = Locale.for_city(mapped)
        found = document_locale(_without_persons(doc), given)
        return found if found.city == given.city else replace(given, per_document=True)
    return document_locale(_without_persons(doc), locale) if locale.per_document else locale


def _without_persons(doc: Document) -> str:
    """The page as read, the names of the persons it names masked: a place's name inside a person's
    ("副市长陈玉林", "刘庆武强调") says nothing of where the page is."""
    text, gazetteer = as_read(doc), Gazetteer.default()
    names = {m.text for a in doc.articles for m in a.mentions if m.type == "PERSON" and len(m.text) >= 2}
    for name in sorted(names, key=len, reverse=True):
        if gazetteer.lookup(name):
            continue  # "代表郁南…" read as a person: a place's name is not masked
        text = text.replace(name, "某" * len(name))
    return text


def locale_for(
    docs: Iterable[Document], city: str | None, city_map: tuple[tuple[str, str], ...] = ()
) -> Locale:
    """The city given, or the run's most prominent city; an inferred one lets each document be read in
    its own city (a collection of many papers). `city_map` (--city-map) places documents by path."""
    if city:
        return replace(Locale.for_city(city), city_map=city_map)
    return replace(infer_city([as_read(doc) for doc in docs]), per_document=True, city_map=city_map)


def run(paths: Sequence[str | Path], city: str | None = None, engine: str | Engine = "lac") -> list[Document]:
    docs = read_paths(paths)
    model = load_engine(engine) if isinstance(engine, str) else engine
    return analyse(docs, model, locale_for(docs, city))


def build_corpus(docs: Sequence[Document], locale: Locale) -> Corpus:
    return resolve(docs, OrgResolver(locale))
