"""Events, participation, projects, companies, places and organisation hierarchy, on sentences
written for these tests in the genre of a city daily (a 德州 paper)."""

from __future__ import annotations

import pytest

from kg.language.dates import parse_date
from kg.language.gazetteer import Gazetteer
from kg.model import Document
from kg.pipeline import analyse, build_corpus
from kg.readers.orgs import Locale, OrgResolver
from kg.resolution.hierarchy import Hierarchy
from kg.resolution.resolve import Resolver

PAGE = """全市招商引资工作推进会召开

本报讯（记者 王晓东）3月15日，全市招商引资工作推进会在德州市会议中心召开。市委副书记、市长赵志明出席会议并讲话。市委常委、常务副市长孙立新主持。周海涛、马红梅、郑国栋应邀出席会议并在主席台就座。

德州新能源装备产业园项目在乐陵开工建设

本报讯（记者 李卫）3月16日，德州新能源装备产业园项目在乐陵市正式开工建设。副市长钱文杰出席活动。该项目总投资约18.5亿元，由山东恒达新材料有限公司投资建设，规划年产5万台风电设备。

在德城区，山东瑞达铝业科技有限公司车间内机器轰鸣。这家由恒达集团与宏远集团强强联合组建的企业，是一家生产高端铝材的国家级高新技术企业。

市政协主席刘晓峰到夏津县调研

本报讯（记者 张青）3月17日，市政协主席刘晓峰到夏津县调研文旅产业发展情况。副市长、夏津县委书记陈立民参加活动。

“书香德州”全民阅读摄影展开幕

本报讯（记者 周明）3月18日，“书香德州”全民阅读摄影展在德州市图书馆开幕。摄影展由中共德州市委宣传部、德州市文学艺术界联合会主办，德州市摄影家协会承办。
"""


@pytest.fixture(scope="module")
def corpus(engine):
    locale = Locale.for_city("德州市")
    docs = analyse([Document("dezhou.txt", PAGE)], engine, locale, issue_date="2025-03-19")
    return build_corpus(docs, locale)


def _label(corpus, key: str) -> str:
    return corpus.entities[key].label


def _facts(corpus, predicate: str) -> set[tuple[str, str]]:
    return {
        (_label(corpus, f.subject), f.object if f.literal else _label(corpus, f.object))
        for f in corpus.facts.values()
        if f.predicate == predicate
    }


def _event(corpus, text: str):
    keys = [k for k, e in corpus.entities.items() if e.type == "EVENT" and text in e.label]
    assert keys, f"no event with {text!r}: {[e.label for e in corpus.entities.values() if e.type == 'EVENT']}"
    return keys[0]


def test_event_with_date_and_place(corpus) -> None:
    key = _event(corpus, "全市招商引资工作推进会")
    assert corpus.events[key].type == "meeting"
    assert corpus.events[key].date == "2025-03-15"  # the year from the issue date
    assert ("全市招商引资工作推进会", "德州市会议中心") in {
        (a[:11], b) for a, b in _facts(corpus, "location")
    }


def test_participation_roles_and_person_lists(corpus) -> None:
    key = _event(corpus, "全市招商引资工作推进会")
    roles = {(_label(corpus, p), r) for (p, e, r) in corpus.participations if e == key}
    assert {("赵志明", "出席"), ("赵志明", "讲话"), ("孙立新", "主持")} <= roles
    for name in ("周海涛", "马红梅", "郑国栋"):  # a list before 应邀出席 … 并在主席台就座
        assert (name, "出席") in roles and (name, "就座") in roles
    assert not any(name == "王晓东" for name, _ in roles)  # the reporter took no part


def test_visit_is_an_event_with_its_visitor(corpus) -> None:
    key = _event(corpus, "刘晓峰到夏津县调研")
    assert corpus.events[key].type == "inspection"
    roles = {(_label(corpus, p), r) for (p, e, r) in corpus.participations if e == key}
    assert ("刘晓峰", "调研") in roles and ("陈立民", "参加") in roles
    assert (corpus.entities[key].label, "夏津县") in _facts(corpus, "location")


def test_exhibition_organisers(corpus) -> None:
    key = _event(corpus, "全民阅读摄影展")
    assert corpus.events[key].type == "exhibition"
    organisers = {b for a, b in _facts(corpus, "organizer") if a == corpus.entities[key].label}
    assert organisers == {"中共德州市委宣传部", "德州市文学艺术界联合会"}
    assert {b for a, b in _facts(corpus, "coOrganizer")} == {"德州市摄影家协会"}


def test_project_with_investment_owner_place_quantity(corpus) -> None:
    projects = {corpus.entities[k].label: d for k, d in corpus.projects.items()}
    name = "德州新能源装备产业园项目"
    assert name in projects
    details = projects[name]
    assert details.investment == 1_850_000_000 and details.investment_approximate
    assert (name, "山东恒达新材料有限公司") in _facts(corpus, "owner")
    assert (name, "乐陵市") in _facts(corpus, "location")
    assert any(q.unit == "台" and q.value == 50_000 and q.kind == "年产" for q in details.quantities)
    assert ("开工", "2025-03-16") in details.statuses


def test_ground_breaking_is_an_event(corpus) -> None:
    key = _event(corpus, "德州新能源装备产业园项目开工")
    roles = {(_label(corpus, p), r) for (p, e, r) in corpus.participations if e == key}
    assert ("钱文杰", "出席") in roles


def test_joint_venture_and_industry(corpus) -> None:
    parents = _facts(corpus, "parentOrganization")
    assert ("山东瑞达铝业科技有限公司", "恒达集团") in parents
    assert ("山东瑞达铝业科技有限公司", "宏远集团") in parents
    assert ("山东瑞达铝业科技有限公司", "生产高端铝材") in _facts(corpus, "industry")


def test_places_carry_codes_and_containment(corpus) -> None:
    place = corpus.entities["place:乐陵市"]
    assert place.identifier == "371481"
    assert ("乐陵市", "德州市") in _facts(corpus, "containedInPlace")
    assert ("德州市", "山东省") in _facts(corpus, "containedInPlace")


def test_organisation_hierarchy(corpus) -> None:
    under = _facts(corpus, "subOrganizationOf")
    assert ("中共德州市委宣传部", "中共德州市委员会") in under
    assert ("中共夏津县委员会", "中共德州市委员会") in under


def test_hierarchy_rules() -> None:
    h = Hierarchy()
    assert h.parent_of("聊城市商务局", "government") == "聊城市人民政府"
    assert h.parent_of("聊城市商务局党组", "party") == "聊城市商务局"
    assert h.parent_of("华电山东公司", "company", ["中国华电集团有限公司"]) == "中国华电集团有限公司"
    assert h.parent_of("中国石化销售有限公司山东聊城石油分公司", "company") == "中国石化销售有限公司"
    assert h.parent_of("聊城市监察委员会", "government") is None
    # a township's name six townships bear belongs to none of them in a page of another city
    assert h.parent_of("中共城关乡委员会", "party") is None
    assert Hierarchy(city=Gazetteer.default().lookup("介休市")[0]).parent_of("中共城关乡委员会", "party") == (
        "中共介休市委员会"
    )


@pytest.mark.parametrize(
    ("text", "issue", "expected"),
    [
        ("2025年1月2日至3日", None, ("2025-01-02", "2025-01-03")),
        ("12月27日", None, ("--12-27", None)),  # no year is invented
        ("12月27日", "2024-12-28", ("2024-12-27", None)),
        ("1月2日", "2024-12-28", ("2025-01-02", None)),
        ("12月30日", "2025-01-03", ("2024-12-30", None)),
    ],
)
def test_dates(text: str, issue: str | None, expected: tuple) -> None:
    span = parse_date(text, issue)
    assert (span.start, span.end) == expected


def test_places_resolve_in_context_and_ocr_slips_are_corrected() -> None:
    resolver = Resolver(OrgResolver(Locale.for_city("聊城市")))
    assert resolver._place("阳谷").label == "阳谷县"  # a short form, in the paper's city
    corrected = resolver._place("在平区")  # one character off 茌平区, a district of the city
    assert corrected.label == "茌平区" and "在平区" in corrected.alt_labels
    assert resolver._place("开发区").label == "聊城经济技术开发区"
    assert resolver._place("市委党校").label == "中共聊城市委党校"
    assert resolver._place("拉萨").label == "拉萨市"  # a prefecture far away: still a place
    assert resolver._place("宝马").identifier is None  # a town's short form far away: a word (宝马镇, 四川)
    assert resolver._place("合作").identifier is None  # a county's short form outside the province


def test_same_name_in_another_city_stays_apart(engine) -> None:
    locale = Locale.for_city("德州市")
    text = (
        "本报讯（记者 王晓东）3月1日，市长李建国主持会议。\n\n"
        "本报讯（记者 李卫）3月2日，菏泽市副市长李建国带队来德州考察。"
    )
    corpus = build_corpus(analyse([Document("p.txt", text)], engine, locale), locale)
    people = [k for k, e in corpus.entities.items() if e.type == "PERSON" and e.label == "李建国"]
    assert len(people) == 2


def test_a_division_written_with_its_province_is_that_division_not_a_zone_of_the_city(engine) -> None:
    text = "本报讯 3月27日,县委书记吴建国带队赴广东省中山市开展招商考察活动。\n"
    locale = Locale.for_city("铜仁市", county="德江县")
    corpus = build_corpus(analyse([Document("x.txt", text)], engine, locale), locale)
    contained = _facts(corpus, "containedInPlace")
    assert ("中山市", "广东省") in contained
    assert not [pair for pair in contained if pair[0] == "中山市" and pair[1] != "广东省"]
