"""`kg lexicon check`: every data file of kg/data read against its schema, and the files against each
other, with each problem named by file and line.

A schema says how many tab-separated columns a table has and which values a column may take; lists
(one entry a line) must not repeat an entry. Cross-file checks: the organisation subtypes of every table
are those the ontology and the graph know; a head title, a shared title or a session title is a title;
participation roles fall in the documented classes; the post forms compile and read their examples'
shape (kg.readers.post_forms validates them).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from importlib import resources
from pathlib import Path

from kg.explore.html import STYLES
from kg.language.engines import POS_TAGS
from kg.language.gazetteer import DIVISION_LEVELS, Gazetteer, dataset
from kg.language.lexicon import (
    LexiconError,
    Lexicons,
    active,
    entries,
    expanded,
    package_text,
    role_classes,
    table,
    title_pattern,
    using,
)
from kg.rdf.graph import ORG_SUBTYPES
from kg.readers import post_forms

ROLE_CLASSES = ("presided", "attended", "spoke", "visited", "met", "accompanied", "led", "signed", "elected")
EVENT_TYPES = (
    "meeting", "conference", "press_conference", "ceremony", "signing", "exhibition", "competition", "event",
    "venue", "other",
)  # fmt: skip


@dataclass(frozen=True)
class Table:
    columns: int
    allowed: dict[int, tuple[str, ...]]  # column index → the values it may take


def _is_title(text: str) -> bool:
    return bool(title_pattern().search(text))


TABLES: dict[str, Table] = {
    "dependency_verbs.tsv": Table(2, {}),
    "department_full_names.tsv": Table(2, {}),
    "division_aliases.tsv": Table(2, {}),
    "divisions.tsv": Table(4, {2: DIVISION_LEVELS}),
    "event_acts.tsv": Table(6, {2: EVENT_TYPES}),
    "event_heads.tsv": Table(2, {1: EVENT_TYPES}),
    "credit_labels.tsv": Table(2, {1: ("author", "editor")}),
    "date_patterns.tsv": Table(3, {}),
    "event_patterns.tsv": Table(3, {}),
    "former_divisions.tsv": Table(4, {}),
    "project_patterns.tsv": Table(3, {}),
    "place_patterns.tsv": Table(3, {}),
    "name_patterns.tsv": Table(3, {}),
    "hanlp_tags.tsv": Table(3, {}),
    "head_titles.tsv": Table(2, {}),
    "implied_bodies.tsv": Table(2, {1: ORG_SUBTYPES}),
    "lookalikes.tsv": Table(2, {}),
    "national_bodies.tsv": Table(3, {2: ORG_SUBTYPES}),
    "opening_ceremonies.tsv": Table(2, {1: EVENT_TYPES}),
    "org_templates.tsv": Table(3, {2: ORG_SUBTYPES}),
    "org_types.tsv": Table(2, {1: ORG_SUBTYPES}),
    "org_subtypes.tsv": Table(5, {}),
    "participation_roles.tsv": Table(3, {2: ROLE_CLASSES}),
    "particular_lines.tsv": Table(3, {1: ("date", "place", "role")}),
    "place_aliases.tsv": Table(2, {}),
    "title_aliases.tsv": Table(2, {}),
    "post_forms.tsv": Table(5, {}),
    "paired_heads.tsv": Table(5, {}),
    "pos_tags.tsv": Table(5, {0: POS_TAGS}),
    "project_status.tsv": Table(2, {}),
    "session_bodies.tsv": Table(2, {}),
}
# Lists whose every entry must be a title (or end in one).
TITLE_LISTS = (
    "shared_titles.txt", "session_titles.txt", "body_member_titles.txt", "company_titles.txt",
    "standing_committee_titles.txt",
)  # fmt: skip
# Lists whose every entry must be an entry of another list.
SUBLISTS = {"ground_breaking_triggers.txt": "event_triggers.txt"}
# Tables whose first column must be a title.
TITLE_KEYS = ("head_titles.tsv", "implied_bodies.tsv")


def _lines(name: str) -> list[tuple[str, str]]:
    """(where, line): the lines the loaders read (kg.language.lexicon), kg's and a user's."""
    return entries(name, package_text)


def check_table(name: str, table: Table) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    for where, line in _lines(name):
        cells = line.split("\t")
        if len(cells) != table.columns:
            problems.append(f"{where}: expected {table.columns} tab-separated columns, found {len(cells)}")
            continue
        for column, values in table.allowed.items():
            if cells[column] not in values:
                problems.append(f"{where}: {cells[column]!r} is not one of {', '.join(values)}")
        if cells[0] in seen and name != "post_forms.tsv":
            problems.append(f"{where}: {cells[0]!r} is already at {seen[cells[0]]}")
        seen.setdefault(cells[0], where)
    return problems


def check_list(name: str) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    for where, line in _lines(name):
        entry = line.strip()
        if "\t" in entry:
            problems.append(f"{where}: a list takes one entry a line, found a tab")
        if entry in seen:
            problems.append(f"{where}: {entry!r} is already at {seen[entry]}")
        seen.setdefault(entry, where)
        if name in TITLE_LISTS and not _is_title(entry):
            problems.append(f"{where}: {entry!r} is no title of titles.txt")
    return problems


def check_sublists() -> list[str]:
    """A ground-breaking trigger is a trigger: a list that picks some words of another holds only them."""
    problems = []
    for part, whole in SUBLISTS.items():
        entries = {entry.strip() for _, entry in _lines(whole)}
        problems += [
            f"{where}: {line.strip()!r} is not in {whole}"
            for where, line in _lines(part)
            if line.strip() not in entries
        ]
    return problems


def check_title_keys(name: str) -> list[str]:
    return [
        f"{where}: {line.split(chr(9))[0]!r} is no title of titles.txt"
        for where, line in _lines(name)
        if not _is_title(line.split("\t")[0])
    ]


ONTOLOGY_CLASS = re.compile(r"^kg:(\w+) a owl:Class", re.MULTILINE)


def check_event_acts() -> list[str]:
    """Every act's role is a participation verb; its pattern compiles and matches its example."""
    problems = []
    for where, line in _lines("event_acts.tsv"):
        cells = line.split("\t")
        if len(cells) != 6:
            continue  # check_table names it
        act, _, _, role, pattern, example = cells
        if role != "-" and role not in table("participation_roles.tsv"):
            problems.append(f"{where}: {act}: {role!r} is no verb of participation_roles.tsv")
        problems += _example_problems(f"{where}: {act}", pattern, example)
    return problems


def check_patterns(name: str) -> list[str]:
    """Every named pattern compiles and finds something in its example."""
    problems = []
    for where, line in _lines(name):
        cells = line.split("\t")
        if len(cells) == 3:  # else check_table names it
            where = f"{where}: {cells[0]}"
            try:
                pattern = expanded(name, cells[1])
            except (KeyError, FileNotFoundError) as missing:
                problems.append(f"{where}: no such placeholder's source: {missing}")
                continue
            problems += _example_problems(where, pattern, cells[2])
    return problems


def _example_problems(where: str, pattern: str, example: str) -> list[str]:
    try:
        return [] if re.search(pattern, example) else [f"{where}: the pattern does not match its example"]
    except re.error as error:
        return [f"{where}: {error}"]


def check_particular_lines() -> list[str]:
    """A line of particulars that names persons gives them a role of participation_roles.tsv."""
    problems = []
    for where, line in _lines("particular_lines.tsv"):
        cells = line.split("\t")
        if len(cells) != 3:
            continue  # check_table names it
        key, reads, role = cells
        wanted = role in role_classes() if reads == "role" else role == "-"
        if not wanted:
            problems.append(f"{where}: {key}: {role!r} does not fit {reads!r}")
    return problems


def check_forms() -> list[str]:
    try:
        post_forms.forms()
    except post_forms.FormError as error:
        return [str(error)]
    return []


def checked(lexicons: Lexicons) -> Lexicons:
    """`lexicons` when kg's files with the user's after them are sound; else LexiconError naming each
    problem's file and line."""
    with using(lexicons):
        problems = check()
    if problems:
        raise LexiconError("lexicons that kg cannot use:\n" + "\n".join(problems))
    return lexicons


def _data_names() -> list[str]:
    return sorted(entry.name for entry in (resources.files("kg") / "data").iterdir() if entry.is_file())


def check_user_folders() -> list[str]:
    """A user's folder holds only files named as kg's lexicons and pattern files (*.txt, *.tsv)."""
    names = {name for name in _data_names() if name.endswith((".txt", ".tsv"))}
    problems = []
    for folder in map(Path, active().folders):
        if not folder.is_dir():
            problems.append(f"{folder}: no such folder of lexicons")
            continue
        for path in sorted(folder.iterdir()):
            if path.name not in names and not path.name.startswith("."):
                problems.append(f"{path}: not one of kg's lexicons (the .txt and .tsv files of kg/data)")
    return problems


def check() -> list[str]:
    """Every problem found in kg/data and the active user folders, or [] when all files are sound."""
    problems = check_user_folders()
    names = _data_names()
    for name in names:
        if name in TABLES:
            problems += check_table(name, TABLES[name])
        elif name.endswith(".txt"):
            problems += check_list(name)
        elif name.endswith(".tsv"):
            problems.append(f"kg/data/{name}: a table with no schema in kg/lexicon_check.py")
    checks: list[Callable[[], list[str]]] = [
        check_forms, check_event_acts, check_org_subtypes, check_aliases, check_lookalikes,
        check_particular_lines, check_divisions, check_sublists, check_former_divisions,
    ]  # fmt: skip
    checks += [partial(check_title_keys, name) for name in TITLE_KEYS]
    checks += [partial(check_patterns, name) for name in names if name.endswith("_patterns.tsv")]
    for run in checks:
        problems += run()
    return problems


def check_lookalikes() -> list[str]:
    """A look-alike is one character read as one other: the text's positions stay the page's."""
    return [
        f"{where}: {line!r} is not one character, tab, one other character"
        for where, line in _lines("lookalikes.tsv")
        if not re.fullmatch(r"(.)\t(?!\1).", line)
    ]


def check_aliases() -> list[str]:
    """Every alias names a division the gazetteer knows by its full name."""
    from kg.language.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    rows = [(where, line.split("\t")[-1]) for where, line in _lines("division_aliases.tsv")]
    return [
        f"{where}: {full!r} is no division's full name"
        for where, full in rows
        if not any(d.name == full for d in gazetteer.lookup(full))
    ]


def check_divisions() -> list[str]:
    """An added division has a code of digits no division of the dataset has, and a parent above it (the
    dataset's or one added before it; a municipality's districts are right below it)."""
    known = {d.code: d.level for d in dataset()[0]}
    problems = []
    for where, line in _lines("divisions.tsv"):
        cells = line.split("\t")
        if len(cells) != 4 or cells[2] not in DIVISION_LEVELS:
            continue  # check_table names it
        code, name, level, parent = cells[0], cells[1], int(cells[2]), cells[3]
        if not code.isdigit() or code in known:
            problems.append(f"{where}: {code!r} is not a new code of digits")
        elif (parent == "-") != (level == 1) or (parent != "-" and not 0 < known.get(parent, 0) < level):
            problems.append(f"{where}: {name}: parent {parent!r} is no division above level {level}")
        known.setdefault(code, level)
    return problems


def check_former_divisions() -> list[str]:
    """A former division names its successor by today's full name under its parent, and a year."""
    gazetteer = Gazetteer.from_package()
    problems = []
    for where, line in _lines("former_divisions.tsv"):
        cells = line.split("\t")
        if len(cells) != 4:
            continue  # check_table names it
        former, successor, parent, year = cells
        if gazetteer.successor(successor, parent) is None:
            problems.append(f"{where}: {former}: no division {successor} under {parent}")
        if not re.fullmatch(r"(?:19|20)\d\d", year):
            problems.append(f"{where}: {former}: {year!r} is not a year")
    return problems


def check_org_subtypes() -> list[str]:
    """Every row of org_subtypes.tsv names a class the ontology defines and a style the legend has."""
    defined = set(ONTOLOGY_CLASS.findall(package_text("ontology.ttl")))
    problems = []
    for where, line in _lines("org_subtypes.tsv"):
        cells = line.split("\t")
        if len(cells) != 5:
            continue  # check_table names it
        subtype, _, kg_class, style, _ = cells
        if kg_class not in defined:
            problems.append(f"{where}: {subtype}: kg:{kg_class} is no class of kg/data/ontology.ttl")
        if style not in STYLES:
            problems.append(f"{where}: {subtype}: no legend style {style!r} ({', '.join(STYLES)})")
    return problems
