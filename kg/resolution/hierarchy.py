"""Where organisations sit: the body they belong to and the place they are in, from their
canonical names ("中共聊城市委宣传部" belongs to 中共聊城市委员会; "聊城市商务局" to
聊城市人民政府 and is in 聊城市; "华电山东公司" to 中国华电集团有限公司).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.language.gazetteer import Division, Gazetteer
from kg.language.lexicon import word_list

_PARTY_BODY = re.compile(r"^(?P<parent>.+?)(?:党组|党委|党工委|党总支|党支部)$")
_COMMITTEE_DEPARTMENT = re.compile(r"^中共(?P<scope>.+?)委(?!员会$)(?P<unit>.+)$")
_COUNTY_COMMITTEE = re.compile(r"^中共(?P<scope>.+?)委员会$")
_BRANCH = re.compile(r"^(?P<parent>.+?有限公司).+?分公司$")
_GROUP = re.compile(r"^(?:中国)?(?P<brand>[\u4e00-\u9fff]{2,6}?)(?:控股)?集团(?:股份)?(?:有限公司)?$")
_GOVERNMENT_UNIT = re.compile(r"(?:局|委|办公室|办|中心)$")


class Hierarchy:
    def __init__(self, gazetteer: Gazetteer | None = None, city: Division | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self.city = city

    def place_of(self, name: str) -> Division | None:
        """The division an organisation's name begins with (中共东阿县委员会 → 东阿县)."""
        core = name.removeprefix("中共").removeprefix("中国人民政治协商会议")
        for length in range(min(len(core), 10), 1, -1):
            division = self._division_named(core[:length])
            if division is not None:
                return division
        return None

    def _division_named(self, name: str) -> Division | None:
        """The division of that full name: the only one, or the only one in the city ("城关乡", a name six
        townships bear, is none of them in a page of another city)."""
        named = [d for d in self.gazetteer.lookup(name) if d.name == name]
        if len(named) > 1 and self.city is not None:
            named = [d for d in named if self.gazetteer.contains(self.city, d)]
        return named[0] if len(named) == 1 else None

    def parent_of(self, name: str, subtype: str, known: Iterable[str] = ()) -> str | None:
        """The body an organisation belongs to, when its name says so."""
        party = _PARTY_BODY.match(name)
        if party and not name.startswith("中共"):
            return party["parent"]  # 聊城市商务局党组 → 聊城市商务局
        department = _COMMITTEE_DEPARTMENT.match(name)
        if department and department["unit"] not in ("员会",):
            return f"中共{department['scope']}委员会"  # 中共聊城市委宣传部 → 中共聊城市委员会
        county = _COUNTY_COMMITTEE.match(name)
        if county:
            return self._higher_committee(county["scope"])
        branch = _BRANCH.match(name)
        if branch:
            return branch["parent"]
        if subtype == "company":
            return self._group_of(name, known)
        if subtype == "government" and _GOVERNMENT_UNIT.search(name):
            return self._government_of(name)
        return None

    def _higher_committee(self, scope: str) -> str | None:
        """中共东阿县委员会 belongs to the committee of the city 东阿县 is in."""
        division = self._division_named(scope)
        parent = self.gazetteer.parent(division) if division else None
        return f"中共{parent.name}委员会" if parent else None

    def _government_of(self, name: str) -> str | None:
        place = self.place_of(name)
        if place is None or name.endswith(word_list("non_government_units.txt")):
            return None
        rest = name[len(place.name) :]
        return f"{place.name}人民政府" if rest and not rest.startswith(("人民政府", "政府")) else None

    @staticmethod
    def _group_of(name: str, known: Iterable[str]) -> str | None:
        """A company named after a group it belongs to: 华电山东公司 → 中国华电集团有限公司."""
        for group in known:
            match = _GROUP.match(group)
            if match and group != name and match["brand"] in name and "集团" not in name:
                return group
        return None
