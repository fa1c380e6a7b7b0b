"""A build that streams: files are read one at a time, analysed in chunks and dropped once resolved.

Two passes over the inputs. The first reads every file to account for it (its manifest entry) and to
count the cities it names, so the city of publication is known before any analysis; it keeps no text.
The second reads the files again and hands them to the workers chunk by chunk. What stays in memory
is the resolved corpus (entities, facts and their evidence), never the documents or their sentences.

`--append` keeps the resolved corpus of a build in the output folder (kg-state.json, read back by its
types: data, never code), before the organisation hierarchy is added: appending B to a build of A
resolves B's documents after A's, as a build of A and B together would, so both give the same graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from kg import state as codec
from kg.input.read import Accounted, Entry, Selection, each_input, read_input
from kg.model import Corpus, Document
from kg.pieces import pieces
from kg.readers.orgs import CityTally, Locale

STATE = "kg-state.json"
STATE_VERSION = 2
_OLD_STATE = "kg-state.pickle"  # written by kg before version 2: never read (unpickling runs code)


@dataclass
class Plan(Accounted):
    """The first pass: what the inputs are, before any analysis."""

    files: list[Path] = field(default_factory=list)  # readable, non-empty, in input order
    cities: CityTally = field(default_factory=CityTally)


def plan(
    paths: Sequence[str],
    selection: Selection,
    strict: bool,
    report: Callable[[Entry], None],
    count_cities: bool = True,
) -> Plan:
    """Account for every input as kg.input.read.read_inputs does, keeping paths instead of documents."""
    result = Plan()
    for path, doc, entry in each_input(paths, selection, report):
        result.entries.append(entry)
        if doc is not None and path is not None:
            result.files.append(path)
            if count_cities:
                result.cities.add(doc.original)
        elif strict and entry.status == "failed":
            result.stopped = entry
            break
    return result


def documents(files: Sequence[Path]) -> Iterator[Document]:
    """The second pass: each file read again, when the workers need it; a large one in pieces."""
    for path in files:
        doc, _ = read_input(path)
        if doc is not None:
            yield from pieces(doc)


def locale(cities: CityTally, city: str | None, city_map: tuple[tuple[str, str], ...] = ()) -> Locale:
    if city:
        return replace(Locale.for_city(city), city_map=city_map)
    return replace(cities.locale(), per_document=True, city_map=city_map)


# ---- the state kept for --append ------------------------------------------------------------------


@dataclass
class State:
    locale: Locale
    corpus: Corpus  # resolved, before kg.resolution.resolve.Resolver.finish
    entries: list[Entry] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # manifest counts by path
    version: int = STATE_VERSION


def load_state(out: Path) -> State | None:
    """The state of the build in `out`, or None when there is none. A damaged or foreign state file
    stops the run with a message naming it; nothing in it is ever run."""
    from kg.export import owning  # here: kg.export loads the HTML view

    with owning(out):  # a build interrupted while publishing is completed first: its state is the one
        pass
    path = out / STATE
    if not path.exists():
        if (out / _OLD_STATE).exists():
            old = out / _OLD_STATE
            raise SystemExit(
                f"kg: {old} was written by an older kg and is not read; build again without --append"
            )
        return None
    try:
        raw = codec.parse(path.read_bytes())
        version = raw.get("version") if isinstance(raw, dict) else None
        if version != STATE_VERSION:
            raise codec.StateError(f"version {version}, this kg reads version {STATE_VERSION}")
        return codec.decode(raw, State)
    except (OSError, codec.StateError) as error:
        raise SystemExit(
            f"kg: {path} is damaged or not a kg state ({error}); build again without --append"
        ) from None


def state_bytes(state: State) -> bytes:
    # Taken before finish() adds the hierarchy: the next append resolves on the corpus as it was.
    return codec.dumps(state)
