"""Organisation names resolved in the city of publication.

In a 聊城 paper "市委" is 中共聊城市委员会, "市商务局" is 聊城市商务局 and "省科技厅"
is 山东省科技厅. An organisation as written is split into a *scope* (the place:
市, 省, 东阿县, 开发区, 温陈街道) and a *unit* (委, 商务局, 宣传部); the unit's
template in kg/data/org_templates.tsv gives the canonical name.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath

from kg.language.gazetteer import Division, Gazetteer, former_divisions
from kg.language.lexicon import (
    LexiconPattern,
    alternation,
    lexicon_cache,
    org_subtype,
    surnames,
    table,
    title_pattern,
    word_list,
)


def _pattern(name: str) -> LexiconPattern:
    """A pattern of kg/data/place_patterns.tsv, where the genre's words for where a page is from live."""
    return LexiconPattern("place_patterns.tsv", name)


_TOWN = re.compile(r"^([\u4e00-\u9fff]{2,4}?(?:街道|镇|乡))(?=[\u4e00-\u9fff])")
# A body written with only its level ("市委", "县政府", "州长", "盟委") is the paper's own body of that
# level: the character, and the ending of the division it then names.
# The divisions of a court or procuratorate, written bare after it in a chain ("中院副院长X、刑庭庭长Y").
_UNIT_ENDINGS = {"court": ("庭", "审判委员会"), "procuratorate": ("检察部", "检察室", "检察委员会")}
_LEVELS = {"市": "市", "省": "省", "县": "县", "区": "区", "旗": "旗", "州": "州", "盟": "盟", "地": "地区"}
# a level written alone, as a body's place: "自治区党委常委", "县委"
LEVEL_WORDS = ("自治区", *_LEVELS)
# bodies whose name puts a word before their place: "共青团聊城市委" is no column run into 市委
_NAMED_BEFORE_PLACE = ("共青团",)


@lexicon_cache
def company_references() -> frozenset[str]:
    """Words that refer to a company named before: "该公司", "集团" (kg/data/company_references.txt)."""
    return frozenset(word_list("company_references.txt"))


@dataclass(frozen=True)
class Locale:
    """The place a paper is published in: the city and its province."""

    city: str = ""  # 聊城市
    city_short: str = ""  # 聊城
    province: str = ""  # 山东省
    city_code: str = ""
    county: str = ""  # the county-level place a county's or district's news is about: 东阿县, 北京市通州区
    # inferred from the text (True) rather than given: then each document is read in its own city
    per_document: bool = False
    # --city-map: (glob, city) pairs; a document whose path matches a glob is read in that city
    city_map: tuple[tuple[str, str], ...] = ()

    def mapped_city(self, path: str) -> str | None:
        """The city the map gives a document's path (the first glob that matches), or None."""
        posix = PurePath(path)
        return next((city for glob, city in self.city_map if posix.match(glob)), None)

    def own_county(self) -> str:
        """The county-level place whose news the page is: the county found in the city, or the city
        itself when it is a county-level city (胶州市, whose 我市 is itself)."""
        county_level = bool(self.city_code) and not self.city_code.endswith("00")
        return self.county or (self.city if county_level else "")

    @classmethod
    def for_city(cls, name: str, gazetteer: Gazetteer | None = None, county: str = "") -> Locale:
        """The locale of a prefecture-level city (聊城市) or a county-level one (寿光市, whose 市委 is
        its own); `county` is a county-level place inside the city whose news it is."""
        gazetteer = gazetteer or Gazetteer.default()
        division = gazetteer.resolve(name)
        if division is None:
            raise ValueError(f"unknown city {name!r}: not a division in the gazetteer")
        province = gazetteer.province_of(division)
        return cls(
            city=gazetteer.scope_name(division),
            city_short=gazetteer.short_name(division),
            province=province.name if province else "",
            city_code=division.code,
            county=county,
        )

    def municipal_short(self, gazetteer: Gazetteer | None = None) -> str:
        """The short name of the place a bare 市 means: the city's, or in a 州's or 地区's paper about
        one of its county-level cities, that city's (博乐 in 博尔塔拉's news of 博乐市)."""
        if self.city.endswith("市") or not self.county.endswith("市"):
            return self.city_short
        gazetteer = gazetteer or Gazetteer.default()
        county = gazetteer.resolve(self.county)
        return gazetteer.short_name(county) if county else self.city_short


class CityMapError(ValueError):
    """A --city-map file that cannot be used; the message names the file and the line."""


def check_city(name: str, gazetteer: Gazetteer | None = None) -> None:
    """Raise ValueError unless `name` is a city kg can publish in: a prefecture-level division, a
    municipality, or a county-level city."""
    gazetteer = gazetteer or Gazetteer.default()
    division = gazetteer.resolve(name)
    if division is None or not (gazetteer.is_municipality(division) or division.level in (2, 3)):
        raise ValueError(f"unknown city {name!r}: not a prefecture- or county-level division")


def read_city_map(path: str | Path) -> tuple[tuple[str, str], ...]:
    """Lines "GLOB CITY" (tab or spaces between; # comments): the city of the documents whose path
    matches the glob, e.g. "dezhou/* 德州市". Every city must be a division kg knows."""
    file = Path(path)
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CityMapError(f"{file}: cannot be read as a city map ({error})") from None
    pairs = []
    for number, line in enumerate(lines, start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        parts = text.split()
        if len(parts) != 2:
            raise CityMapError(f"{file}:{number}: expected 'GLOB CITY', got {line.strip()!r}")
        glob, city = parts
        try:
            check_city(city)
        except ValueError as error:
            raise CityMapError(f"{file}:{number}: {error}") from None
        pairs.append((glob, city))
    return tuple(pairs)


def infer_city(texts: list[str], gazetteer: Gazetteer | None = None) -> Locale:
    """The run's city of publication (see CityTally.locale)."""
    tally = CityTally()
    for text in texts:
        tally.add(text, gazetteer)
    return tally.locale(gazetteer)


@dataclass
class CityTally:
    """Mentions of each prefecture over a run's documents, and how many documents each one leads. Texts
    are added one by one, so a long run counts file by file without holding the corpus."""

    mentions: Counter[str] = field(default_factory=Counter)
    leading: Counter[str] = field(default_factory=Counter)

    def add(self, text: str, gazetteer: Gazetteer | None = None) -> None:
        counts = city_counts(text, gazetteer)
        self.mentions.update(counts)
        top = counts.most_common(1)
        if top and top[0][1]:
            self.leading[top[0][0]] += 1

    def locale(self, gazetteer: Gazetteer | None = None) -> Locale:
        """The city named most (full names count double), when it is also the one most documents are
        about: one paper's pages. Pages of many cities have no city of the run; a page that names none
        is then read in no city rather than in another page's."""
        found = locale_of_counts(self.mentions, gazetteer)
        documents = sum(self.leading.values())
        if found.city and self.leading[found.city_code] * 2 <= documents:
            return Locale()  # not most of the documents: two pages of two cities have no city of the run
        return found


def document_locale(text: str, fallback: Locale, gazetteer: Gazetteer | None = None) -> Locale:
    """The locale of one document: its most prominent city, and within it the county-level place it
    is about when it names one often (a county's news). A county-level city named more often than
    its prefecture is the city of publication itself (a 寿光 paper's 市长 is 寿光市's)."""
    gazetteer = gazetteer or Gazetteer.default()
    text = _without_words_like_counties(text)
    hosts = _without_visited(_without_guests(text), gazetteer)
    at_home = _locale_of_text(hosts, Locale(), gazetteer) if hosts != text else Locale()
    found = at_home if at_home.city else _locale_of_text(text, fallback, gazetteer)
    return _county_of_towns(text, found, gazetteer) or found


@lexicon_cache
def _words_like_counties() -> re.Pattern[str]:
    # a word followed by a division's ending is a full name: 资源县, 公安局 is not (局 is no division)
    return re.compile(f"(?:{alternation(word_list('county_names_as_words.txt'))})(?![县市区旗])")


def _without_words_like_counties(text: str) -> str:
    """The text without the words that hold a county's name but name no county ("历史人文资源", "示范县")."""
    return _words_like_counties().sub("", text)


def _county_of_towns(text: str, found: Locale, gazetteer: Gazetteer) -> Locale | None:
    """A county's news that never names its county ("县委书记X到筠门岭镇、周田镇…调研", "旗委常委X到大沁他拉镇
    调研", "区委书记X…深入双照街道"): the county its towns are in, when two of them are of one county (or
    one whose name no other town has), unless the county found is named more than once."""
    # a page that names no city at all and speaks as a city ("市委书记X…仙人渡镇…光化街道") is a county-level
    # city's too
    voice = _COUNTY_LEVEL_VOICE.search(text) or (not found.city and _CITY_VOICE.search(text))
    if not voice or any(d.name in text for d in _full_county_names(gazetteer)):
        return None
    own = gazetteer.resolve(found.county) if found.county else None
    if own is not None and _named_alone(text, gazetteer.short_name(own)) > 1:
        return None
    county = _county_of_named_towns(text, gazetteer)
    city = gazetteer.parent(county) if county else None
    if county is None or city is None or county.name == found.county:
        return None
    return _county_locale(text, Locale.for_city(city.name, gazetteer), county, 1, gazetteer)


def _named_alone(text: str, short: str) -> int:
    """How often a short name stands in the text other than as a given name: "县长钱建华" is no 建华区, but
    "中国舞阳网" names 舞阳县 (国 is a surname too, but no title stands before 国舞阳)."""
    count = 0
    for m in re.finditer(re.escape(short), text):
        before = text[m.start() - 1 : m.start()]
        count += not (before in surnames() and _after_a_title(text, before + short))
    return count


def _after_a_title(text: str, name: str) -> bool:
    return any(
        title_pattern().search(text, max(0, m.start() - 12), m.start())
        for m in re.finditer(re.escape(name), text)
    )


@lexicon_cache
def _town_ends() -> re.Pattern[str]:
    return re.compile(alternation(word_list("town_suffixes.txt")))


def _towns_named(text: str, gazetteer: Gazetteer) -> dict[str, set[str]]:
    """The towns the text names in full, each with the codes of the counties a town of that name is in."""
    towns: dict[str, set[str]] = {}
    for end in (m.end() for m in _town_ends().finditer(text)):
        for length in range(7, 2, -1):  # the longest name: 大沁他拉镇, not 他拉镇
            name = text[max(0, end - length) : end]
            parents = _town_parents(name, gazetteer)
            if parents:
                towns[name] = parents
                break
    return towns


def _town_parents(name: str, gazetteer: Gazetteer) -> set[str]:
    """The codes of the counties that have a town of this full name."""
    return {d.parent for d in gazetteer.lookup(name) if d.level == 4 and d.name == name and d.parent}


@lexicon_cache
def _town_list() -> re.Pattern[str]:
    """ "前往沿岭、汪集、果园等乡镇", "深入沙江、长春镇": towns listed by name, their ending written once."""
    return re.compile(
        rf"((?:[\u4e00-\u9fff]{{2,6}}、)+[\u4e00-\u9fff]{{2,4}}?)等?(?:乡镇|{_town_ends().pattern})"
    )


def _towns_listed(text: str, gazetteer: Gazetteer) -> dict[str, set[str]]:
    """The towns of each list of town names that writes their ending once, with the codes of the counties
    a town of that name is in (the first item may begin with the verb before it: "前往沿岭")."""
    towns: dict[str, set[str]] = {}
    for match in _town_list().finditer(text):
        for item in match[1].split("、"):
            found = next(
                filter(None, (_town(item[-n:], gazetteer) for n in range(min(4, len(item)), 1, -1))), None
            )
            if found:
                towns[found[0]] = found[1]
    return towns


def _town(name: str, gazetteer: Gazetteer) -> tuple[str, set[str]] | None:
    """The full name of a town written without its ending ("沿岭" → 沿岭乡), with its counties' codes."""
    for end in word_list("town_suffixes.txt"):
        parents = _town_parents(name + end, gazetteer)
        if parents:
            return name + end, parents
    return None


def _county_of_named_towns(text: str, gazetteer: Gazetteer) -> Division | None:
    """The county that two of the towns the text names are in (or one, whose name no other town has)."""
    towns = _towns_named(text, gazetteer) | _towns_listed(text, gazetteer)
    towns = {name: _parents_named(parents, text, gazetteer) for name, parents in towns.items()}
    counts = Counter(code for parents in towns.values() for code in parents)
    best = counts.most_common(2)
    if not best or (len(best) > 1 and best[1][1] == best[0][1]):
        return None
    code, named = best[0]
    alone = len(towns) == 1 and all(len(n) >= 4 and len(p) == 1 for n, p in towns.items())
    county = gazetteer.get(code)
    return county if county is not None and county.level == 3 and (named >= 2 or alone) else None


def _parents_named(parents: set[str], text: str, gazetteer: Gazetteer) -> set[str]:
    """Of the counties of towns of one name (two 巴彦高勒镇), the one whose short name the text writes
    ("磴口华莱士瓜"), when one is."""
    named = {code for code in parents if _short_name_written(code, text, gazetteer)}
    return named if len(parents) > 1 and len(named) == 1 else parents


def _short_name_written(code: str, text: str, gazetteer: Gazetteer) -> bool:
    county = gazetteer.get(code)
    return county is not None and gazetteer.short_name(county) in text


def _locale_of_text(text: str, fallback: Locale, gazetteer: Gazetteer) -> Locale:
    cities = city_counts(text, gazetteer)
    found = _city_of_its_counties(cities, text, gazetteer) or locale_of_counts(cities, gazetteer)
    if not found.city:
        found = _city_of_named_county(text, gazetteer)
    if not found.city:
        return found if found.county else fallback
    county, count = _county_of(text, found, gazetteer)
    if county is None and _speaks_as_county(text) and _visited(text, found):
        # "县委书记X带队赴中山市招商…德江县…": a county's news of a trip; the city visited has no county
        # of the page's, the county named in full does
        home = _city_of_named_county(text, gazetteer)
        county, count = _county_of(text, home, gazetteer) if home.city else (None, 0)
        found = home if county is not None else found
    trip = _trip_home(text, found, county, gazetteer) or _our_county_named(text, county, gazetteer)
    if trip is not None:
        return trip
    if county is None:
        over = _county_named_over(text, found, cities, gazetteer)
        return over or _its_only_district(text, found, gazetteer) or replace(found, per_document=True)
    return _county_locale(text, found, county, count, gazetteer)


_OUR_DISTRICT = _pattern("our_district")


def _its_only_district(text: str, found: Locale, gazetteer: Gazetteer) -> Locale | None:
    """A district's news that never names its district ("来我区考察…区委副书记X陪同"), in a city of one
    district (平凉: 崆峒区): that district."""
    city = gazetteer.get(found.city_code)
    if city is None or not _OUR_DISTRICT.search(text):
        return None
    districts = [d for d in gazetteer.counties_in(city) if d.name.endswith("区")]
    return replace(found, county=districts[0].name, per_document=True) if len(districts) == 1 else None


def _city_of_its_counties(cities: Counter[str], text: str, gazetteer: Gazetteer) -> Locale | None:
    """Of cities named equally often ("佛山市化州商会…茂名"), the one whose county the page names most
    ("化州市委…亲清化州")."""
    most = max(cities.values(), default=0)
    tied = {code for code, n in cities.items() if n == most}
    if most == 0 or len(tied) < 2:
        return None
    counties = _short_names_alone(text, gazetteer)
    in_tied = Counter(
        {
            code: n
            for code, n in counties.items()
            if (county := gazetteer.get(code)) and (city := gazetteer.parent(county)) and city.code in tied
        }
    )
    found = _locale_of_county_counts(in_tied, gazetteer, text)
    return found if found.city else None


def _trip_home(text: str, found: Locale, county: Division | None, gazetteer: Gazetteer) -> Locale | None:
    """The place of a delegation whose trip the page reports ("率利川市党政代表团赴黄石市…", "安塞区代表团赴
    洛川县"): its news, not the city or county it went to."""
    visited = _visited(text, found) if county is None else _went_to(text, gazetteer.short_name(county))
    outbound = _delegation_home(text, gazetteer) if visited else None
    if outbound is None or (county is not None and outbound.county in ("", county.name)):
        return None
    return outbound


_OUR_COUNTY = _pattern("our_county")


def _our_county_named(text: str, county: Division | None, gazetteer: Gazetteer) -> Locale | None:
    """ "中共深圳市福田区委书记X率考察组到我县考察…马山县": a page that says 我县 (or whose bodies are a
    县's: 县委, 县长) is a 县's news; when the place found is a district or a city (its guest's), the 县
    the page names in full is its own."""
    if county is not None and _is_county(county):
        return None
    if not (_OUR_COUNTY.search(text) or _speaks_as_county(text)):
        return None  # "县委书记X，县长Y陪同" about a district's guests speaks as a county too
    named = Counter(
        {
            d.code: text.count(d.name)
            for d in _full_county_names(gazetteer)
            if _is_county(d) and d.name in text
        }
    )
    if county is None and not named:  # "赴门源县调研": an autonomous county written short, as a 县
        named = _counties_written_short(text, gazetteer)
    home = _locale_of_county_counts(named, gazetteer)
    own = gazetteer.get(named.most_common(1)[0][0]) if home.city else None
    return _county_locale(text, home, own, named[own.code], gazetteer) if own else None


def _counties_written_short(text: str, gazetteer: Gazetteer) -> Counter[str]:
    """Counties written by the short name only one county has and 县 ("门源县" for 门源回族自治县)."""
    return Counter(
        {
            code: text.count(short + "县")
            for short, code in _unique_county_names(gazetteer).items()
            if short + "县" in text and (d := gazetteer.get(code)) is not None and d.name != short + "县"
        }
    )


def _county_named_over(text: str, found: Locale, cities: Counter[str], gazetteer: Gazetteer) -> Locale | None:
    """A county's news (县委, 我县) that names its county by its short name alone, again and again
    ("金湖有着…"), while the city found is named once (maybe inside a person's name: 张金昌) or at most half
    as often: the county in its city; or a county-level city's news (市委, 市长) that so names its city
    ("昆山今年…")."""
    as_county = _speaks_as_county(text)
    if not (as_county or _CITY_VOICE.search(text)):
        return None  # "全州": the whole prefecture a 州's page speaks of, not 全州县
    counts = _short_names_alone(text, gazetteer)
    most = counts.most_common(1)[0][1] if counts else 0
    # the city found named more than once ("曲阜…在北京举行…北京市66个园区"): the county twice as often
    if most < 3 or (cities[found.city_code] > 1 and most <= 2 * cities[found.city_code]):
        return None
    alone = _locale_of_county_counts(counts, gazetteer)
    if not alone.city or alone.city == found.city:
        return None
    county, count = _county_of(text, alone, gazetteer)
    # a page that speaks as a city ("市委书记张某…昆山…") is a county-level city's
    if county is None or not (as_county or county.name.endswith("市")):
        return None
    return _county_locale(text, alone, county, count, gazetteer)


def _county_locale(text: str, found: Locale, county: Division, count: int, gazetteer: Gazetteer) -> Locale:
    """The locale of a page about a county of the city found, named `count` times: the county in its
    city, or a county-level city named more than its prefecture as the city itself."""
    city = gazetteer.get(found.city_code)
    assert city is not None
    former = _former_county(text, county, gazetteer)
    if former:
        return replace(found, county=former, per_document=True)
    # "围绕哈尔滨市委…", "哈尔滨市政府驻上海办事处": a county's paper names its prefecture's bodies in full
    of_bodies = len(re.findall(re.escape(city.name) + "(?:委|政府|人大|政协)", text))
    city_count = (text.count(city.name) - of_bodies) * 2 + text.count(gazetteer.short_name(city)) - of_bodies
    if county.name.endswith("市") and count > city_count and not _speaks_as_prefecture(text, city):
        return replace(Locale.for_city(county.name, gazetteer), per_document=True)
    return replace(found, county=gazetteer.scope_name(county), per_document=True)


def _former_county(text: str, county: Division, gazetteer: Gazetteer) -> str:
    """ "子长县" in a page of 2014, "济阳县" in one of 2017: a county that has since become a county-level
    city (子长市) or a district (济阳区) is read under the name the page gives it, so that its 县委 is
    中共子长县委员会."""
    now = text.count(county.name)
    # "沙县" inside "沙县区" is the name of today: only where it stands alone is it the former one
    written = [
        name
        for name in _former_names(county, gazetteer)
        if text.count(name) - (now if county.name.startswith(name) else 0) > now
        and not _speaks_as_level_of(text, county.name, name)
    ]
    return written[0] if written else ""


def _speaks_as_level_of(text: str, now: str, former: str) -> bool:
    """Do the page's bodies speak at today's level more than at the former one ("区委书记…大美梅县": 梅县区's
    news, whatever "梅县" it writes)?"""
    voices = {"县": _COUNTY_VOICE, "市": _CITY_VOICE, "区": _DISTRICT_VOICE}
    today, then = voices.get(now[-1]), voices.get(former[-1])
    return today is not None and then is not None and len(today.findall(text)) > len(then.findall(text))


# what a county-level city or a district may have been before: 会理市 was 会理县, 济阳区 济阳县 (not a
# district's "X市": "瑶海市民中心" is no city)
_FORMER_LEVELS = {"市": ("县",), "区": ("县",)}


def _former_names(county: Division, gazetteer: Gazetteer) -> list[str]:
    """The names the county-level place may have had, that no division bears now."""
    short = gazetteer.short_name(county)
    # "沙县区" was 沙县: a short name that is already a county's is the former name itself
    written = [
        short if short.endswith(level) else short + level for level in _FORMER_LEVELS.get(county.name[-1], ())
    ]
    return [name for name in written if not any(d.name == name for d in gazetteer.lookup(name))]


def _visited(text: str, found: Locale) -> bool:
    """Does the page go to the city ("赴广东省中山市", "前往中山")?"""
    return _went_to(text, found.city_short)


def _went_to(text: str, place: str) -> bool:
    return re.search(f"(?:赴|到|前往|来到)[^，,。]{{0,6}}?{re.escape(place)}", text) is not None


_OUTBOUND = _pattern("outbound")


def _delegation_home(text: str, gazetteer: Gazetteer) -> Locale | None:
    """The county-level place whose delegation the page says went out ("利川市党政代表团赴黄石市"): the
    page's own, in its prefecture (a 州's county-level city keeps the 州 for 州委)."""
    for match in _OUTBOUND.finditer(text):
        written = match.group(1)  # "…书记X率利川市": the place is the longest tail that names a county
        tails = (written[i:] for i in range(len(written) - 1))
        county = next((d for tail in tails for d in gazetteer.lookup(tail) if d.level == 3), None)
        parent = gazetteer.parent(county) if county else None
        if county is None or parent is None:
            continue
        if county.name.endswith("市") and not parent.name.endswith(("州", "地区", "盟")):
            return replace(Locale.for_city(county.name, gazetteer), per_document=True)
        return replace(Locale.for_city(parent.name, gazetteer), county=county.name, per_document=True)
    return None


def _county_of(text: str, found: Locale, gazetteer: Gazetteer) -> tuple[Division | None, int]:
    """The county of the found city the page is about, when it names one often enough, and how often."""
    city = gazetteer.get(found.city_code)
    if city is None:
        return None, 0
    counties = _voiced_counties(text, _county_counts(text, city, gazetteer), gazetteer)
    code, count = counties.most_common(1)[0] if counties else ("", 0)
    named = count >= 2 or _own_county_named_once(text, counties, gazetteer.get(code), gazetteer)
    return (gazetteer.get(code), count) if named else (None, 0)


def _own_county_named_once(
    text: str, counties: Counter[str], county: Division | None, gazetteer: Gazetteer
) -> bool:
    """A county's news names its county seldom ("…旺苍分会场…在我县…"): one county of the city named
    once, in a page that speaks as a county (or, for a county-level city, says 我市 or names itself in its
    byline, "邓州网讯", and names no other city: "来我市考察…在松滋投资"), is the page's."""
    if sum(1 for n in counties.values() if n) != 1:
        return False
    own_city = (
        county is not None
        and county.name.endswith("市")
        and (bool(_OUR_CITY.search(text)) or _byline_of(text, gazetteer.short_name(county)))  # "邓州网讯"
    )
    return _speaks_as_county(text) or (own_city and not any(city_counts(text, gazetteer).values()))


def _voice(level: str) -> re.Pattern[str]:
    """A page's own bodies and its "we" at a level: 县委, 县长, 县政府, 全县, 我县."""
    return re.compile(f"{level}(?:委|长|政府|人大|政协)|[全我本]{level}")


_COUNTY_VOICE, _CITY_VOICE, _DISTRICT_VOICE = _voice("县"), _voice("市"), _voice("区")
_COUNTY_LEVEL_VOICE = _voice("[县旗区]")  # a county's, a banner's or a district's own news
_OUR_CITY = _pattern("our_city")
_NEWS_AFTER_NAME = _pattern("news_after_name")


def _speaks_as_district(text: str) -> bool:
    """Its bodies and its "we" are a district's (区委, 区长, 我区) more often than a city's."""
    return len(_DISTRICT_VOICE.findall(text)) > len(_CITY_VOICE.findall(text))


def _speaks_as_county(text: str) -> bool:
    """Its bodies and its "we" are a county's (县委, 县长, 全县) more often than a city's."""
    return len(_COUNTY_VOICE.findall(text)) > len(_CITY_VOICE.findall(text))


# "枞阳县党政代表团来我县考察", "…来怀考察": a delegation's place is its guests', not the page's
_RECEIVED, _DELEGATION, _PARTY_CAME = _pattern("received"), _pattern("delegation"), _pattern("party_came")


def _without_guests(text: str) -> str:
    """The text without the places of the delegations it says came to it."""
    for party in _PARTY_CAME.findall(text):
        for place in _DIVISION_WORD.findall(party):
            text = text.replace(place, "")
    if not _RECEIVED.search(text):
        return text
    for guest in {m.group(1) for m in _DELEGATION.finditer(text)}:
        text = text.replace(guest, "")
        for part in _DIVISION_WORD.findall(guest):  # "宜昌市秭归县": 秭归县 named alone later too
            text = text.replace(part, "")
    return text


_DIVISION_WORD = _pattern("division_word")
# the places a county's own people went to ("县委书记X带队赴柘荣县、霞浦县考察学习")
_PLACE_WORD, _WENT_TO = _pattern("place_word"), _pattern("went_to")


def _without_visited(text: str, gazetteer: Gazetteer) -> str:
    """A county's (or a district's) page without the divisions it says its people went to, full and
    short names: a trip's news is the travellers' county's, however often the places visited are named."""
    if not (_speaks_as_county(text) or _speaks_as_district(text)):
        return text
    visited = {
        division
        for places in _WENT_TO.findall(text)
        for word in _PLACE_WORD.findall(places)
        for division in gazetteer.lookup(word)
        if division.name == word and division.level <= 3
    }
    for division in sorted(visited, key=lambda d: len(d.name), reverse=True):
        text = text.replace(division.name, "").replace(gazetteer.short_name(division), "")
    return text


_PREFECTURE_VOICE = re.compile(
    r"(?:(?<![\u4e00-\u9fff])州(?:党委|委|长|政府|人大|政协)|地委|行署|盟(?:委|长))"
)


def _speaks_as_prefecture(text: str, city: Division) -> bool:
    """ "州党委副书记、州长X" in a page about 博乐市: the autonomous prefecture's (地区's, 盟's) news."""
    return city.name.endswith(("州", "地区", "盟")) and _PREFECTURE_VOICE.search(text) is not None


def _voiced_counties(text: str, counties: Counter[str], gazetteer: Gazetteer) -> Counter[str]:
    """ "县委书记X带领考察团到舞钢市…": the county's news, not 舞钢市's; unless the page names no county
    ("北京市区县长中" in a district's news)."""
    if not _speaks_as_county(text):
        return counties
    named = Counter({c: n for c, n in counties.items() if n and _is_county(gazetteer.get(c))})
    return named or counties


def _is_county(division: Division | None) -> bool:
    return division is not None and division.name.endswith(("县", "旗"))


def _county_counts(text: str, city: Division, gazetteer: Gazetteer) -> Counter[str]:
    """Mentions of each county of the city (full names count double; a short name that begins the
    city's own short name does not count), and the paper's own county when its name says it."""
    city_short = gazetteer.short_name(city)
    headline = text.strip().split("\n", 1)[0]
    counties: Counter[str] = Counter()
    for county in gazetteer.counties_in(city):
        short = gazetteer.short_name(county)
        counties[county.code] = (
            text.count(county.name) * 2
            + (0 if city_short.startswith(short) else text.count(short))
            + sum(text.count(alias) for alias in gazetteer.aliases(county))  # "阿旗"
        )
        if county.name in headline:
            counties[county.code] += _PAPER_WEIGHT  # "郏县党政考察团外出考察…": what the page is about
    paper = paper_place(text, gazetteer)
    if paper is not None and paper.level == 3 and paper.code in counties:
        # a county's own portal that says 我县 is that county's news, however often its guests are named
        own = re.search(f"[我本]{paper.name[-1]}", text)
        counties[paper.code] += _PAPER_WEIGHT + (sum(counties.values()) if own else 0)
    return counties


_TERM = re.compile(
    r"(?:新一届|第?[一二三四五六七八九十百\d]+届)(?=[\u4e00-\u9fff]{0,8}?(?:人大|人民代表大会|委员会|政协))"
)
_FULL_COMMITTEE = re.compile(
    r"^(?P<body>中国人民政治协商会议|政协|中国共产党|中共)(?P<place>[\u4e00-\u9fff]{2,10}?[市县区旗州盟])委员会$"
)
_SHORT_BODY = {"中国人民政治协商会议": "政协", "政协": "政协", "中国共产党": "委", "中共": "委"}


def _without_term(text: str) -> str:
    """A body's name without its term: 徐州市十六届人大常委会 is 徐州市人大常委会, 政协第十四届安庆市
    委员会 is 安庆市政协, 中共安庆市委员会 is 安庆市委. A session (…第三次会议) keeps its term."""
    if text.endswith("会议"):
        return text
    text = _TERM.sub("", text)
    full = _FULL_COMMITTEE.match(text)
    return full["place"] + _SHORT_BODY[full["body"]] if full else text


def _national_prefix(text: str) -> str | None:
    """The longest name of a body of the centre (of three characters or more: not 中央, 国家) that a
    longer name begins with."""
    heads = [k for k in table("national_bodies.tsv") if len(k) >= 3 and text.startswith(k) and text != k]
    return max(heads, key=len) if heads else None


def _national_body(text: str) -> Org | None:
    """A body of the centre ("全国人大"), or one inside it named with its short name ("全国人大环资委",
    "最高院刑三庭"), by its full name."""
    if text in table("national_bodies.tsv"):
        return _national(text)
    national = _national_prefix(text)
    if not national:
        return None
    name = table("national_bodies.tsv")[national][0] + text[len(national) :]
    return Org(name, org_subtype(name), "", text)


def _national(text: str) -> Org:
    name, subtype = table("national_bodies.tsv")[text]
    return Org(name, subtype, "", text)


@lexicon_cache
def _standing_titles() -> frozenset[str]:
    return frozenset(word_list("standing_committee_titles.txt"))


def _city_of_named_county(text: str, gazetteer: Gazetteer) -> Locale:
    """A county's news that never names its city ("甘谷县人大常委会…"): the city of the county named
    most often in full, when one is."""
    counts: Counter[str] = Counter()
    for county in gazetteer.all_counties():
        for name in (county.name, *_former_names(county, gazetteer)):  # "会理县" in a page of 2019
            if len(name) >= 3 and name in text:
                counts[county.code] += text.count(name)
    # "郏县法院", "祁东法院": a county's bodies named by its short name, or by a two-character full name,
    # when no other county has that name
    for name, code in _unique_county_names(gazetteer).items():
        if name in text:
            counts[code] += len(_bodies_of(name, _is_former(gazetteer.get(code))).findall(text))
    if not any(counts.values()):
        counts = _short_names_alone(text, gazetteer)
    return _locale_of_county_counts(counts, gazetteer, text)


def _is_former(division: Division | None) -> bool:
    return division is not None and division.successor is not None


@functools.cache
def _bodies_of(name: str, former: bool) -> re.Pattern[str]:
    """ "郏县法院": a county's bodies by its name; a former name only where it opens a phrase ("户县县委",
    "中共户县委员会"), as 开县 does not in "召开县委"."""
    opening = "(?:(?<![\u4e00-\u9fff])|(?<=中共))" if former else ""
    return re.compile(f"{opening}{name}(?:{'|'.join(_COUNTY_BODIES)})")


def _short_names_alone(text: str, gazetteer: Gazetteer) -> Counter[str]:
    """A page that names nothing else: a county's short name written twice or more ("在台山碧桂园…"), or
    a 县's written once in a page that speaks as a county ("县长X…立足德清发展实际"), or a county-level
    city's once in a page that speaks as a city, where it names the city (`_city_named_as_itself`; a
    district's short name once is too often a word: 振兴)."""
    as_county, as_city = _speaks_as_county(text), bool(_CITY_VOICE.search(text))
    counts: Counter[str] = Counter()
    for name, code in _unique_county_names(gazetteer).items():
        if name not in text:
            continue
        n, county = _named_alone(text, name), gazetteer.get(code)  # "县长钱建华" is no 建华区
        if n:  # "东平镇" is a town of that name, not 东平县
            n -= len(re.findall(f"{name}(?:{_town_ends().pattern})", text))
        if n and (name[0] in _CONJUNCTION_CHARACTERS or _is_former(county)):
            # "各镇和县直部门": 和, then the county's 县直, no 和县; "召开县委…" is no 开县
            n -= len(re.findall(f"{name}(?:直|委|政府|长|级)", text))
        own = (as_county and _is_county(county)) or (
            as_city
            and county is not None
            and county.name.endswith("市")
            and _city_named_as_itself(text, name)
        )
        if n >= 2 or (n == 1 and own):
            counts[code] = n
    return counts


def _city_named_as_itself(text: str, name: str) -> bool:
    """A county-level city's short name in a page that speaks as a city, where it names the place and no
    word: after 在 ("在松滋投资"; "达成合作意向" is no 合作市) in a page that says 我市, in the byline
    ("邓州网讯"), or three characters long ("丹江口正处于…黄金期")."""
    if _byline_of(text, name):
        return True
    return bool(_OUR_CITY.search(text)) and (f"在{name}" in text or len(name) >= 3)


def _byline_of(text: str, name: str) -> bool:
    return any(_NEWS_AFTER_NAME.match(text, m.end()) for m in re.finditer(re.escape(name), text))


def _locale_of_county_counts(counts: Counter[str], gazetteer: Gazetteer, text: str = "") -> Locale:
    best = [(code, n) for code, n in counts.most_common(2) if n]
    if not best:
        return Locale()
    county = gazetteer.get(best[0][0])
    if len(best) > 1 and best[0][1] == best[1][1]:
        tied = [d for code, n in counts.items() if n == best[0][1] and (d := gazetteer.get(code))]
        by_towns = _of_its_towns(tied, text, gazetteer)
        if by_towns is None and (found := _tied_locale(tied, gazetteer)) is not None:
            return found
        county = by_towns or county
    parent = gazetteer.parent(county) if county else None
    return Locale.for_city(parent.name, gazetteer) if parent else Locale()


def _of_its_towns(tied: list[Division], text: str, gazetteer: Gazetteer) -> Division | None:
    """Of counties named equally often (长安区 of 西安 and of 石家庄), the one the towns the text names are
    in ("长安区委书记X在滦镇、子午、鸣犊街道调研")."""
    county = _county_of_named_towns(text, gazetteer) if text else None
    return county if county in tied else None


def _tied_locale(tied: list[Division], gazetteer: Gazetteer) -> Locale | None:
    """Counties named equally often: "新华区", a district of several cities, is that district's news in a
    city not known; counties of one city ("蓬安", "嘉陵江") are that city's (None: the caller's rule)."""
    parents = {p.code for d in tied if (p := gazetteer.parent(d))}
    if len(parents) <= 1:
        return None
    return Locale(county=tied[0].name, per_document=True) if len({d.name for d in tied}) == 1 else Locale()


_CONJUNCTION_CHARACTERS = ("和", "与", "及")
_COUNTY_BODIES = ("法院", "检察院", "县委", "县政府", "公安局", "人民医院", "融媒体中心")


@lexicon_cache
def _full_county_names(gazetteer: Gazetteer) -> tuple[Division, ...]:
    """Counties whose full name only one county has, and long enough not to be a word (新华区 is not)."""
    names = Counter(d.name for d in gazetteer.all_counties())
    return tuple(d for d in gazetteer.all_counties() if len(d.name) >= 3 and names[d.name] == 1)


@lexicon_cache
def _unique_county_names(gazetteer: Gazetteer) -> dict[str, str]:
    """Short names (祁东), the press's other names (克旗, kg/data/division_aliases.tsv) and two-character full
    names (郏县) that only one county has, → its code."""
    owners: dict[str, set[str]] = {}
    for d in gazetteer.all_counties():
        for name in {gazetteer.short_name(d), d.name, *gazetteer.aliases(d)}:
            if len(name) >= 2 and (name != d.name or len(name) == 2):
                owners.setdefault(name, set()).add(d.code)
    # "海南" alone names the province, not 海南区
    return {
        name: codes.pop()
        for name, codes in owners.items()
        if len(codes) == 1 and name not in _province_shorts()
    }


_ZONE_BODIES = ("党工委", "工委", "管委会", "党委", "管理委员会")


def _government_bureau(unit: str, context: Org) -> bool:
    """A bureau written bare after a post of a government ("副县长、公安局局长"): one of that government's."""
    return (
        context.subtype == "government"
        and context.unit.endswith("政府")
        and len(unit) >= 3
        and unit.endswith("局")
    )


def _zone_in(unit: str) -> str:
    """ "渤海新区党工委" → 渤海新区: the zone a zone body is named after, else ""."""
    for body in _ZONE_BODIES:
        zone = unit.removesuffix(body)
        if zone != unit and zone.endswith(tuple(word_list("zone_suffixes.txt"))):
            return zone
    return ""


_BRACKETED_PLACE = re.compile(r"(?<=[\u4e00-\u9fff])[（(][\u4e00-\u9fff]{2,4}[)）]")


@lexicon_cache
def _two_character_counties(gazetteer: Gazetteer) -> re.Pattern[str]:
    names = sorted(n for n in _unique_county_names(gazetteer) if len(n) == 2 and n.endswith("县"))
    return re.compile(f"(?:^|(?<=[\\n。！？；：!?;:\\s]))({'|'.join(names)})", re.MULTILINE)


def city_counts(text: str, gazetteer: Gazetteer | None = None) -> Counter[str]:
    """Mentions of each prefecture in one text, by code: counts of texts add up, so a long run can
    count file by file without holding the corpus."""
    gazetteer = gazetteer or Gazetteer.default()
    counts: Counter[str] = Counter()
    # "中国石油大学(北京)", "台泥(安顺)水泥有限公司": a place in brackets inside a name is a
    # branch's, not the page's
    text = _BRACKETED_PLACE.sub("", text)
    for division in gazetteer.prefectures():
        counts[division.code] += _prefecture_named(text, division, gazetteer)
    # A county named in full speaks for its city ("州委副秘书长…到南华县调研" is 楚雄州's news, whatever
    # "中国石油大学(北京)" says)
    for county in _full_county_names(gazetteer):
        if county.name in text:
            parent = gazetteer.parent(county)
            if parent is not None and parent.level == 2:
                counts[parent.code] += 2 * _outside_companies(text, county.name)  # in full: counts double
    # "房县举行…": a two-character county name only one county has, standing at the start of a clause
    for match in _two_character_counties(gazetteer).finditer(text):
        named = gazetteer.get(_unique_county_names(gazetteer)[match[1]])
        parent = gazetteer.parent(named) if named else None
        if parent is not None and parent.level == 2:
            counts[parent.code] += 1
    paper = paper_place(text, gazetteer)
    if paper is not None:  # "来源:罗源新闻网", "德州日报": the paper names its own place
        city = paper if paper.level == 2 else gazetteer.parent(paper)
        if city is not None:
            counts[city.code] += _PAPER_WEIGHT
    return counts


def _prefecture_named(text: str, division: Division, gazetteer: Gazetteer) -> int:
    """How often the text names the prefecture, by its full name or its short name alone."""
    short = gazetteer.short_name(division)
    # "吉林省" names the province, not 吉林市; "海南省" not 海南藏族自治州
    # "大兴安岭地委" names 大兴安岭地区, not 兴安盟 inside it
    own = _without(text, _longer_prefecture_names().get(division.code, ()))
    # "海南" alone is the province's (海南自由贸易港), not 海南藏族自治州's (吉林 is 吉林市's too)
    province_named = short in _province_shorts() and division.name != short + "市"
    # "九江镇…九江海寿岛": a page that names a town of the city's short name means the town by it alone
    town_named = re.search(f"{re.escape(short)}(?:{_town_ends().pattern})", own) is not None
    alone = 0 if province_named or town_named else own.count(short) - own.count(short + "省")
    return own.count(division.name) + alone


def _outside_companies(text: str, name: str) -> int:
    """Mentions of a county's full name that do not begin a company's name ("当阳市茂源玻璃制品有限公司"
    in 宣恩's news: where a company is registered, not the page's place) nor end a longer county's
    (江达县 in 工布江达县)."""
    inside = "".join(f"(?<!{re.escape(prefix)})" for prefix in _longer_county_prefixes().get(name, ()))
    return len(re.findall(f"{inside}{re.escape(name)}(?!{_COMPANY_REST})", text))


def _without(text: str, names: tuple[str, ...]) -> str:
    for name in names:
        text = text.replace(name, "")
    return text


@lexicon_cache
def _longer_prefecture_names() -> dict[str, tuple[str, ...]]:
    """For each prefecture (by code), the longer names its short name is inside: another prefecture's
    (兴安 in 大兴安岭), or a county's of another prefecture (眉山 in 峨眉山, a county-level city of 乐山)."""
    gazetteer = Gazetteer.default()
    by_short = {gazetteer.short_name(d): d for d in gazetteer.prefectures()}
    found: dict[str, set[str]] = {}
    for name in by_short:
        for short in _inside(name, by_short):
            found.setdefault(by_short[short].code, set()).add(name)
    for county in gazetteer.all_counties():
        for name in {county.name, gazetteer.short_name(county)}:
            for short in _inside(name, by_short):
                if not gazetteer.contains(by_short[short], county):
                    found.setdefault(by_short[short].code, set()).add(name)
    return {code: tuple(sorted(names, key=len, reverse=True)) for code, names in found.items()}


def _inside(name: str, words: dict[str, Division]) -> set[str]:
    """The words (of two characters or more) inside `name` and shorter than it."""
    return {
        name[i:j] for i in range(len(name)) for j in range(i + 2, len(name) + 1) if j - i < len(name)
    } & words.keys()


@lexicon_cache
def _province_shorts() -> frozenset[str]:
    """Short names of the provinces that are no prefecture themselves: 海南, 吉林 (not 北京)."""
    gazetteer = Gazetteer.default()
    return frozenset(
        gazetteer.short_name(d) for d in gazetteer.provinces() if not gazetteer.is_municipality(d)
    )


@lexicon_cache
def _longer_county_prefixes() -> dict[str, tuple[str, ...]]:
    """For a county's full name that ends another's (江达县, 工布江达县), what comes before it there."""
    names = {d.name for d in Gazetteer.default().all_counties() if len(d.name) >= 3}
    found: dict[str, list[str]] = {}
    for name in names:
        for i in range(1, len(name) - 2):
            if name[i:] in names:
                found.setdefault(name[i:], []).append(name[:i])
    return {name: tuple(prefixes) for name, prefixes in found.items()}


_COMPANY_REST = r"[\u4e00-\u9fff]{2,12}?(?:有限责任公司|股份有限公司|有限公司)"


# The paper's name as a page prints it (masthead, 来源): its place is the place of publication.
def _paper_ends() -> str:
    return "|".join(map(re.escape, word_list("paper_names.txt")))


@lexicon_cache
def _paper() -> re.Pattern[str]:
    """A paper's name in a page's first lines ("来源:罗源新闻网", "衡阳县党政门户网讯", a web page's title
    "…座谈会召开-织金发布"): the place it is named for."""
    return re.compile(
        rf"(?:^|来源|稿源|\n|[-_|｜])[^\u4e00-\u9fff\n]{{0,30}}?(?P<place>[\u4e00-\u9fff]{{2,8}}?)(?:{_paper_ends()})"
    )


@lexicon_cache
def _paper_reporter() -> re.Pattern[str]:
    """A reporter credited with his paper anywhere in the page: "(昌吉市融媒体中心记者 X)"."""
    return re.compile(rf"[(（](?P<place>[\u4e00-\u9fff]{{2,8}}?)(?:{_paper_ends()})\s*(?:记者|通讯员)")


_PAPER_WEIGHT = 5


def paper_place(text: str, gazetteer: Gazetteer | None = None) -> Division | None:
    """The division a page's paper is named after ("来源:罗源新闻网" → 罗源县), in its first lines."""
    gazetteer = gazetteer or Gazetteer.default()
    for match in [*_paper().finditer(text[:_PAPER_HEAD]), *_paper_reporter().finditer(text)]:
        place = match["place"]
        for start in range(len(place) - 1):  # "井冈山报社融媒体": the longest place ending the name
            division = gazetteer.resolve(place[start:])
            if division is not None and 2 <= division.level <= 3:
                return division
    return None


_PAPER_HEAD = 400


def locale_of_counts(counts: Counter[str], gazetteer: Gazetteer | None = None) -> Locale:
    gazetteer = gazetteer or Gazetteer.default()
    if not counts or counts.most_common(1)[0][1] == 0:
        return Locale()
    code = counts.most_common(1)[0][0]
    division = gazetteer.get(code)
    assert division is not None
    return Locale.for_city(division.name, gazetteer)


# 市政 that is no 市政府 nor 市政协: municipal works ("市政集团", "市政工程公司"), no city's body
_MUNICIPAL_WORKS = re.compile("市政(?!府|协)")


@dataclass(frozen=True)
class Org:
    """An organisation resolved from text."""

    name: str  # canonical
    subtype: str
    scope: str  # the place it belongs to ("" when unknown)
    unit: str  # 委, 商务局, 宣传部, …

    @property
    def is_party_committee(self) -> bool:
        return self.unit in _party_committee_units()


@lexicon_cache
def _templates() -> dict[str, tuple[str, ...]]:
    return table("org_templates.tsv")


@lexicon_cache
def _party_committee_units() -> frozenset[str]:
    return frozenset(
        u for u, (template, _) in _templates().items() if template.endswith("}委员会") and "中共" in template
    )


@lexicon_cache
def _party_departments() -> tuple[str, ...]:
    return word_list("party_departments.txt")


@lexicon_cache
def _aliases() -> dict[str, str]:
    """Zones written short and their names (place_aliases.tsv), longest first (经济技术开发区, 开发区)."""
    rows = sorted(table("place_aliases.tsv").items(), key=lambda kv: -len(kv[0]))
    return {key: values[0] for key, values in rows}


_LONGEST_DIVISION = 15  # 积石山保安族东乡族撒拉族自治县
_LEVEL_TWICE = re.compile(
    rf"(?P<division>[\u4e00-\u9fff]{{1,{_LONGEST_DIVISION}}}?(?P<level>[县市区旗]))(?P=level)委"
)


def _former_prefecture(city: str) -> str:
    """The 地区 a prefecture-level city was before it became a city (kg/data/former_divisions.tsv), or ""."""
    return next(
        (f for f, successor, _, _ in former_divisions() if successor == city and f.endswith("地区")), ""
    )


class OrgResolver:
    """Turns organisation text into canonical organisations for one locale."""

    def __init__(self, locale: Locale, gazetteer: Gazetteer | None = None) -> None:
        self.locale = locale
        self.gazetteer = gazetteer or Gazetteer.default()
        self._city = self.gazetteer.get(locale.city_code) if locale.city_code else None

    def resolve(self, text: str, context: Org | None = None) -> Org:
        """Canonical organisation for `text`; `context` is the organisation of the
        previous post in the same title chain, whose place a bare unit inherits."""
        national = _national_body(text)
        if national:
            return national
        text = self._in_own_level(self._short_form(self._level_once(text)))
        scope, unit = self._county_zone(text, context) or self.split(text)
        if context is not None and self._same_level(text, context):
            # "泰州市委常委、市政府常务副市长", "在莘县历任副县长，县委常委": the 市 (县) the chain has named
            scope, unit = context.scope, unit if scope else text[1:]
        if not scope and context is not None:
            inside = self.inside(unit, context)
            if inside:
                return inside
            scope = self._scope_of_chain(unit, context)
        if not scope and (
            unit in _templates() or unit in _party_departments() or self._party_group_of_body(unit)
        ):
            scope = self.paper_scope()  # 政协, 人大常委会, 宣传部 written bare mean the paper's own
        return self.build(scope, unit, text)

    def _county_zone(self, text: str, context: Org | None) -> tuple[str, str] | None:
        """A zone written bare after a county's post ("沭阳县委书记、经开区党工委书记"): the county's zone
        (沭阳经开区), not the city's."""
        alias = next((a for a in _aliases() if text.startswith(a)), None)
        if alias is None or len(text) == len(alias) or context is None or not context.scope:
            return None
        county = self.gazetteer.resolve(context.scope)
        if county is None or county.level != 3:
            return None
        return _aliases()[alias].format(city=self.gazetteer.short_name(county)), text[len(alias) :]

    def _scope_of_chain(self, unit: str, context: Org) -> str:
        """The place a bare unit takes from the body before it in the chain, or "": "渤海新区党工委书记、
        管委会主任" the zone's 管委会, not the city's; "县委副书记、人大党组书记" the county's 人大; "副县长、
        公安局局长" the county's 公安局."""
        departments = unit in _party_departments() or _government_bureau(unit, context)
        if self.needs_scope(unit) or self._party_group_of_body(unit) or departments:
            return context.scope + _zone_in(context.unit)
        return ""

    def _same_level(self, text: str, context: Org) -> bool:
        """A body written with a bare level ("市政府") after one of another place of that level."""
        level = _LEVELS.get(text[:1])
        return (
            level is not None
            and context.scope.endswith(level)
            and not text.startswith(word_list("not_level_words.txt"))
            and self._known_division(context.scope)
        )

    def _known_division(self, scope: str) -> bool:
        """A place the gazetteer knows, written alone or after its city ("北京市石景山区")."""
        return any(self.gazetteer.resolve(s) is not None for s in (scope, self._without_province(scope)))

    def inside(self, unit: str, context: Org) -> Org | None:
        """A bare unit of the body before it in the chain: a Party committee's department ("市委常委、
        宣传部部长"), a court's division ("中院副院长X、刑庭庭长Y")."""
        party_unit = unit in _party_departments() or unit in word_list("committee_units.txt")
        # "县委宣传部部长、统战部部长": a sibling of the committee's department before it, too
        of_committee = context.is_party_committee or context.unit in _party_departments()
        if context.scope and of_committee and party_unit:
            return self._party_department(context.scope, unit)
        unit = table("department_full_names.tsv").get(unit, (unit,))[0]  # 审委会 is 审判委员会
        if unit.endswith(_UNIT_ENDINGS.get(context.subtype, ())):
            return Org(context.name + unit, context.subtype, context.scope, unit)
        return None

    def body_of(self, org: Org) -> Org:
        """The body a division belongs to ("公安县人民法院" for "公安县人民法院刑庭"), else the org itself."""
        if org.unit.endswith(_UNIT_ENDINGS.get(org.subtype, ())) and org.name.endswith(org.unit):
            return self.resolve(org.name.removesuffix(org.unit))
        return org

    def _in_own_level(self, text: str) -> str:
        """ "民盟市委会", "九三学社省委": a democratic party's committee of the paper's own city or
        province, named with it ("民盟景德镇市委会")."""
        party = next((p for p in word_list("democratic_parties.txt") if text.startswith(p)), "")
        rest = text[len(party) :]
        if not party or rest[:1] not in _LEVELS or not rest[1:].startswith("委"):
            return text
        scope = self._level_scope(rest[0])
        return party + scope + rest[1:] if scope else text

    def build(self, scope: str, unit: str, text: str = "") -> Org:
        if scope and unit in _party_departments():
            return self._party_department(scope, unit)
        if scope and unit.startswith("委") and len(unit) > 1 and not unit.startswith("委员"):
            return self._party_department(scope, unit[1:])  # 市委党校, 市委宣传部
        if scope and unit in _templates():
            template, subtype = _templates()[unit]
            return Org(template.format(scope=scope), subtype, scope, unit)
        parent = self._template_prefix(unit) if scope else None
        if parent:  # 市政协党组, 市政府新闻办公室: a body of a templated organisation
            body = self.build(scope, parent).name + unit[len(parent) :]
            return Org(body, org_subtype(body), scope, unit)
        name = scope + unit if scope else (text or unit)
        return Org(name, org_subtype(name), scope, unit)

    @classmethod
    def _party_group_of_body(cls, unit: str) -> bool:
        """ "人大党组", "政协党组": the party group of a body the templates know, written bare."""
        return unit.endswith("党组") and cls._template_prefix(unit) is not None

    @staticmethod
    def _template_prefix(unit: str) -> str | None:
        prefixes = [
            key
            for key in _templates()
            if unit.startswith(key) and len(unit) > len(key) and not (key == "委" and unit.startswith("委员"))
        ]
        return max(prefixes, key=len) if prefixes else None

    def head_of(self, title: str, context: Org | None) -> Org | None:
        """The organisation a title names by itself: 市长 → the city government."""
        for suffix, (unit,) in table("head_titles.tsv").items():
            if title.endswith(suffix):
                if unit in table("national_bodies.tsv"):
                    return _national(unit)  # 总书记 → 中国共产党中央委员会
                level = suffix[0]
                ending = _LEVELS.get(level, level)
                scope = context.scope if context and context.scope.endswith(ending) else ""
                if not scope and level in _LEVELS:
                    scope = self._level_scope(level)
                if scope:
                    return self.build(scope, unit)
                # with no place known, "县长" heads the 县政府 as written, not the body named before it
                return self.build("", unit, level + unit) if level in _LEVELS else None
        return None

    def trim(self, text: str) -> str:
        """Drop words run in from a neighbouring column:
        "推动传统产业绿市工业和信息化局" → "市工业和信息化局" (but not "中国电建市政集团": 市政 is
        municipal works)."""
        text = self._short_form(text)
        if self.split(text)[0] or text.startswith(
            (*word_list("democratic_parties.txt"), *_NAMED_BEFORE_PLACE)
        ):
            return text
        for i in range(1, len(text) - 1):
            if (
                text[i] in "市省"
                and text[i - 1 : i + 1] not in word_list("level_ending_words.txt")
                and not _MUNICIPAL_WORKS.match(text, i)
                and self.split(text[i:])[0]
                and self.gazetteer.resolve(text[: i + 1]) is None
            ):
                return text[i:]
        return text

    def _own_level(self, text: str) -> tuple[str, str] | None:
        """ "自治区党委", "自治州政府", "地区行署", "自治县委": the region, prefecture, 地区 or autonomous
        county of the paper itself."""
        for level, place in (
            ("自治区", self.locale.province),
            ("自治州", self.locale.city),
            ("地区", self.locale.city),
            ("自治县", self.locale.county),
            ("自治旗", self.locale.county),
        ):
            if text.startswith(level) and place.endswith(level):
                return place, text[len(level) :]
        return None

    def split(self, text: str) -> tuple[str, str]:
        """("市", "商务局") → (聊城市, 商务局); ("东阿县委") → (东阿县, 委); unknown places keep the text."""
        text = text.removeprefix("中共") or text
        if text.startswith(word_list("democratic_parties.txt")):
            return "", text  # 民革安顺市委 is that party's committee, not the CPC's
        own = self._own_level(text)
        if own:
            return own
        text = self._without_province(text)
        not_level = text.startswith(word_list("not_level_words.txt")) and not text.startswith(
            word_list("level_then_body.txt")
        )
        if len(text) > 1 and text[0] in _LEVELS and not not_level:
            scope = self._level_scope(text[0])
            if scope:
                return scope, text[1:]
        zone = self._city_zone(text)
        if zone:
            return zone
        division_scope = self._division_prefix(text)
        if division_scope:
            return division_scope
        town = _TOWN.match(text)
        if town:
            return town.group(1), text[town.end() :]
        return "", text

    def _without_province(self, text: str) -> str:
        """ "广西桂林市" is 桂林市: a province before a division of its own is dropped, and so is a city
        written short before a county of its own ("秦皇岛卢龙县委" is 卢龙县委)."""
        for length in (2, 3, 4, 5, 6, 7, 8):  # 内蒙古自治区, 广西壮族自治区, 新疆维吾尔自治区
            outer = self.gazetteer.resolve(text[:length])
            rest = text[length:]
            if outer is None or not rest or not self._division_prefix(rest):
                continue
            if outer.level == 1 or (outer.level == 2 and self._opens_with_county_of(outer, rest)):
                return rest
        return text

    def _opens_with_county_of(self, city: Division, text: str) -> bool:
        """Does `text` begin with the full name of a county of `city`?"""
        return any(text.startswith(county.name) for county in self.gazetteer.counties_in(city))

    def _city_zone(self, text: str) -> tuple[str, str] | None:
        """A zone of the paper's city written short, with or without the city: 高新区, 潍坊高新区."""
        city_short = self.locale.city_short
        if not city_short:
            return None
        for alias, full in _aliases().items():
            for written in (alias, city_short + alias, self.locale.city + alias):
                if text.startswith(written):
                    return full.format(city=city_short), text[len(written) :]
        return None

    def _division_prefix(self, text: str) -> tuple[str, str] | None:
        for length in range(min(len(text), _LONGEST_DIVISION), 1, -1):
            head, rest = text[:length], text[length:]
            division = self.gazetteer.resolve(head, within=self._city)
            if division is None:
                continue
            if head == division.name:
                if rest[:1] == head[-1] and rest[1:] in ("委", "政府", "人民政府"):
                    rest = rest[1:]  # "杞县县委" is 杞县委
                # "内江市中区法院": the city's 市 is also the first character of its district 市中区
                county = self._county_after(division, rest) or self._county_after(division, head[-1] + rest)
                return county or (self.gazetteer.scope_name(division), rest)
            # a short form ("东阿县委" is full, "聊城大学" is not a place + unit), or a body inside one
            # ("公安法院审判管理办公室")
            if (
                rest in _templates()
                or rest in _party_departments()
                or len(self._template_prefix(rest) or "") > 1
            ):
                # "沙县县委" in a page of 2016, read under 沙县 (now 沙县区): the name the page gives it
                return (head if head == self.locale.county else self.gazetteer.scope_name(division)), rest
        return None

    def _county_after(self, city: Division, rest: str) -> tuple[str, str] | None:
        """ "南宁市武鸣区检察院": a county's body written after its city is the county's."""
        if city.level != 2:
            return None
        for county in self.gazetteer.counties_in(city):
            if rest.startswith(county.name) and len(rest) > len(county.name):
                return self.gazetteer.scope_name(county), rest[len(county.name) :]
        return None

    def as_place(self, text: str) -> Org | None:
        """ "秦皇岛" before 市长: a place written alone, as the scope of the title after it."""
        division = self.gazetteer.resolve(text, within=self._city) or self._last_of_places(text)
        if division is None or division.level > 3:
            return None
        name = self.gazetteer.scope_name(division)
        return Org(name, "other", name, "")

    def _last_of_places(self, text: str, outer: Division | None = None) -> Division | None:
        """ "新疆伊犁州伊宁市": places written one inside the other, down to the last."""
        for cut in range(2, len(text) - 1):
            head = self.gazetteer.resolve(text[:cut], within=outer)
            if head is None or (outer is not None and not self.gazetteer.contains(outer, head)):
                continue
            rest = text[cut:]
            inner = self.gazetteer.resolve(rest, within=head)
            if inner is not None and self.gazetteer.contains(head, inner):
                return inner
            deeper = self._last_of_places(rest, head)
            if deeper is not None:
                return deeper
        return None

    def standing_committee(self, org: Org, title: str) -> Org:
        """ "市人大主任": a congress's 主任, 副主任 and 秘书长 are its standing committee's."""
        if org.subtype == "congress" and org.name.endswith("人民代表大会") and title in _standing_titles():
            return self.resolve(org.name + "常务委员会")
        return org

    def _level_once(self, text: str) -> str:
        """ "曹县县委宣传部", "德州市市委": a division's level written again before 委 is written once
        (曹县委宣传部, 德州市委)."""
        doubled = _LEVEL_TWICE.match(text)
        # the division may follow its province: "内蒙古自治区乌拉特前旗旗委"
        if doubled is None or self.gazetteer.resolve(self._without_province(doubled["division"])) is None:
            return text
        return doubled["division"] + text[doubled.end("division") + 1 :]

    def _short_form(self, text: str) -> str:
        """The name as the templates know it (see `_without_term`), when they know its place."""
        short = _without_term(text)
        return short if short == text or self.split(short)[0] else text

    def own_place(self, text: str) -> str:
        """ "我市", "本县", "我区": the paper's own division of that level, or "" when it has none."""
        if len(text) == 2 and text[0] in "我本" and text[1] in "市县区旗州盟":
            return self._level_scope(text[1])
        return ""

    def paper_scope(self, level: str = "") -> str:
        """The paper's own place: of a level ("市", "县") when one is written, else the county whose
        news it is, else its city."""
        if level:
            return self._level_scope(level)
        return self.locale.county or self.locale.city

    def _level_scope(self, level: str) -> str:
        """The paper's own division of a level: 市 → its city, 县 → the county whose news it is."""
        ending = _LEVELS.get(level, level)
        if level == "省":
            return self.locale.province
        # 市 is the city's even where a county-level city's news is read (临清市 in a 聊城 paper), unless
        # the city is a 州 or 地区 (博乐市's 市委 in a 博尔塔拉 paper)
        places = (
            (self.locale.city, self.locale.county)
            if level == "市"
            else (self.locale.county, self.locale.city)
        )
        for place in places:
            if place.endswith(ending):
                return place
        # "地委" in a city that was a 地区 (昌都市, 昌都地区 until 2014) is the 地区's: only a 地区 has one
        return _former_prefecture(self.locale.city) if level == "地" else ""

    def _party_department(self, scope: str, unit: str) -> Org:
        committee = self.build(scope, "委")
        name = committee.name.removesuffix("员会") if committee.name.endswith("委员会") else committee.name
        official = table("department_full_names.tsv").get(unit, (unit,))[0]
        return Org(name + official, "party", scope, unit)

    @staticmethod
    def needs_scope(unit: str) -> bool:
        """Units that are meaningless without a place: 管委会, 办事处, 政府, … (not a zone's body named
        after its zone: 居巢经开区党工委 is known by that name)."""
        if _zone_in(unit):
            return False
        return unit in _templates() or unit.endswith(("管委会", "办事处", "党工委", "政府", "工委"))
