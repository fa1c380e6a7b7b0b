from __future__ import annotations

import time

import pytest

from kg.language.gazetteer import Division, Gazetteer, SuffixTable


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return Gazetteer.default()


def one(g: Gazetteer, name: str) -> Division:
    """The single division with this full name (test helper)."""
    found = [d for d in g.lookup(name) if d.name == name]
    assert len(found) == 1, found
    return found[0]


# -- data ------------------------------------------------------------------------------------------


def test_dataset_has_four_levels_and_a_date(g: Gazetteer) -> None:
    assert len(g) > 40_000
    assert g.data_as_of is not None and g.data_as_of >= "2025"
    assert {d.level for d in g.prefectures()} == {1, 2}  # the municipalities are prefecture-level
    assert {d.name for d in g.prefectures() if d.level == 1} == {"北京市", "天津市", "上海市", "重庆市"}
    assert len(g.prefectures()) > 300


def test_default_is_cached() -> None:
    assert Gazetteer.default() is Gazetteer.default()


def test_default_loads_fast() -> None:
    start = time.perf_counter()
    Gazetteer.from_package()
    assert time.perf_counter() - start < 2.0  # about 0.2 s on the dev machine; generous for CI


@pytest.mark.parametrize(
    ("code", "name", "level", "parent"),
    [
        ("370000", "山东省", 1, None),
        ("371500", "聊城市", 2, "370000"),
        ("371502", "东昌府区", 3, "371500"),
        ("371503", "茌平区", 3, "371500"),
        ("371521", "阳谷县", 3, "371500"),
        ("371522", "莘县", 3, "371500"),
        ("371524", "东阿县", 3, "371500"),
        ("371525", "冠县", 3, "371500"),
        ("371526", "高唐县", 3, "371500"),
        ("371581", "临清市", 3, "371500"),
        ("371400", "德州市", 2, "370000"),
        ("371700", "菏泽市", 2, "370000"),
        ("130600", "保定市", 2, "130000"),
        ("320500", "苏州市", 2, "320000"),
        ("540100", "拉萨市", 2, "540000"),
        ("542500", "阿里地区", 2, "540000"),
        ("110000", "北京市", 1, None),
        ("110108", "海淀区", 3, "110000"),  # municipal districts hang from the province
        ("371503003", "温陈街道", 4, "371503"),
        ("371502114", "顾官屯镇", 4, "371502"),
    ],
)
def test_codes(g: Gazetteer, code: str, name: str, level: int, parent: str | None) -> None:
    assert g.get(code) == Division(code, name, level, parent)


def test_town_codes_have_nine_digits(g: Gazetteer) -> None:
    chiping = g.get("371503")
    assert chiping is not None
    towns = g.children(chiping)
    assert "温陈街道" in {t.name for t in towns}
    assert all(t.level == 4 and len(t.code) == 9 and t.code.startswith("371503") for t in towns)


def test_chiping_is_a_district_and_the_high_tech_zone_is_no_division(g: Gazetteer) -> None:
    # 茌平县 became 茌平区 in 2019: a division of its own only as a former name (former_divisions.tsv)
    assert [d.successor for d in g.lookup("茌平县")] == [one(g, "茌平区").code]
    assert g.lookup("聊城高新技术产业开发区") == []


def test_unknown_code(g: Gazetteer) -> None:
    assert g.get("999999") is None


# -- names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("聊城", "聊城市"),
        ("阳谷", "阳谷县"),
        ("山东", "山东省"),
        ("东昌府", "东昌府区"),
        ("内蒙古", "内蒙古自治区"),
        ("临清", "临清市"),
        ("茌平", "茌平区"),
        ("东阿", "东阿县"),
        ("高唐", "高唐县"),
        ("莘县", "莘县"),
        ("冠县", "冠县"),
        ("拉萨", "拉萨市"),
        ("阿里", "阿里地区"),
        ("保定", "保定市"),
        ("苏州", "苏州市"),
        ("北京", "北京市"),
        ("海淀", "海淀区"),
        ("温陈", "温陈街道"),
        ("顾官屯", "顾官屯镇"),
    ],
)
def test_lookup_short_and_full(g: Gazetteer, short: str, full: str) -> None:
    # Towns may share the short form (东阿镇, 北京街道): the higher level comes first and wins.
    assert g.lookup(short)[0].name == full
    resolved = g.resolve(short)
    assert resolved is not None and resolved.name == full
    assert [d.name for d in g.lookup(full)] == [full]


def test_lookup_ambiguous_returns_all(g: Gazetteer) -> None:
    found = g.lookup("朝阳")
    codes = {d.code for d in found}
    assert {"211300", "110105", "220104", "211321"} <= codes  # 朝阳市, two 朝阳区, 朝阳县
    assert len(g.lookup("朝阳区")) == 2


def test_lookup_lists_full_names_first(g: Gazetteer) -> None:
    assert g.lookup("吉林")[0].name == "吉林省"
    assert g.lookup(" 聊城市 ")[0].code == "371500"


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("聊城市", "聊城"),
        ("东昌府区", "东昌府"),
        ("阳谷县", "阳谷"),
        ("莘县", "莘县"),
        ("山东省", "山东"),
        ("内蒙古自治区", "内蒙古"),
        ("新疆维吾尔自治区", "新疆"),
        ("广西壮族自治区", "广西"),
        ("宁夏回族自治区", "宁夏"),
        ("香港特别行政区", "香港"),
        ("延边朝鲜族自治州", "延边"),
        ("克孜勒苏柯尔克孜自治州", "克孜勒苏"),
        ("黔东南苗族侗族自治州", "黔东南"),
        ("阿里地区", "阿里"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("通州区", "通州"),
        ("沙县区", "沙县"),
        ("城区", "城区"),
        ("浦东新区", "浦东"),
        ("清新区", "清新"),
        ("神农架林区", "神农架"),
        ("万柏林区", "万柏林"),
        ("井陉矿区", "井陉矿"),
        ("六枝特区", "六枝"),
        ("围场满族蒙古族自治县", "围场"),
        ("龙胜各族自治县", "龙胜"),
        ("东乡族自治县", "东乡"),
        ("鄂温克族自治旗", "鄂温克"),
        ("鄂伦春自治旗", "鄂伦春"),
        ("管城回族区", "管城"),
        ("温陈街道", "温陈"),
        ("顾官屯镇", "顾官屯"),
        ("杨官屯乡", "杨官屯"),
        ("新发朝鲜民族乡", "新发"),
        ("达斡尔民族乡", "达斡尔"),
        ("满族屯满族乡", "满族屯"),
    ],
)
def test_short_forms(full: str, short: str) -> None:
    assert SuffixTable.load().shorten(full) == short


def test_short_name_of_divisions(g: Gazetteer) -> None:
    liaocheng = g.get("371500")
    assert liaocheng is not None
    shorts = {g.short_name(d) for d in g.children(liaocheng) if d.successor is None}
    assert shorts == {"东昌府", "茌平", "阳谷", "莘县", "东阿", "冠县", "高唐", "临清"}


def test_no_short_form_has_one_character(g: Gazetteer) -> None:
    assert all(len(name) >= 2 for name in g.names())


def test_names_cover_full_and_short_forms(g: Gazetteer) -> None:
    names = set(g.names())
    assert {"聊城市", "聊城", "茌平区", "茌平", "温陈街道", "温陈"} <= names
    county_names = set(g.names(max_level=3))
    assert {"聊城", "茌平"} <= county_names
    assert "温陈" not in county_names


# -- hierarchy -------------------------------------------------------------------------------------


def test_ancestors_nearest_first(g: Gazetteer) -> None:
    wenchen = g.get("371503003")
    assert wenchen is not None
    assert [d.name for d in g.ancestors(wenchen)] == ["茌平区", "聊城市", "山东省"]
    assert [d.name for d in g.ancestors(one(g, "噶尔县"))] == ["阿里地区", "西藏自治区"]
    assert [d.name for d in g.ancestors(one(g, "海淀区"))] == ["北京市"]
    assert g.ancestors(one(g, "山东省")) == []


def test_parent_children_and_province(g: Gazetteer) -> None:
    liaocheng = one(g, "聊城市")
    assert g.parent(liaocheng) == one(g, "山东省")
    assert g.parent(one(g, "山东省")) is None
    assert {d.name for d in g.children(liaocheng)} == {
        "东昌府区",
        "茌平区",
        "阳谷县",
        "莘县",
        "东阿县",
        "冠县",
        "高唐县",
        "临清市",
        "茌平县",
    }  # fmt: skip  (茌平县: 茌平区 before 2019, a former division)
    assert g.province_of(one(g, "顾官屯镇")) == one(g, "山东省")
    assert g.province_of(one(g, "山东省")) == one(g, "山东省")
    assert g.province_of(one(g, "拉萨市")) == one(g, "西藏自治区")
    assert g.contains(liaocheng, one(g, "温陈街道"))
    assert not g.contains(liaocheng, one(g, "德州市"))


def test_prefectures(g: Gazetteer) -> None:
    names = {d.name for d in g.prefectures()}
    assert {
        "聊城市",
        "德州市",
        "菏泽市",
        "保定市",
        "苏州市",
        "拉萨市",
        "阿里地区",
        "延边朝鲜族自治州",
    } <= names
    assert "北京市" in names and "茌平区" not in names  # municipalities are prefecture-level


# -- resolve ---------------------------------------------------------------------------------------


def test_resolve_within(g: Gazetteer) -> None:
    liaocheng = one(g, "聊城市")
    assert g.resolve("阳谷", within=liaocheng) == one(g, "阳谷县")
    assert g.resolve("茌平", within=liaocheng) == one(g, "茌平区")
    assert g.resolve("温陈", within=liaocheng) == one(g, "温陈街道")
    assert g.resolve("山东", within=liaocheng) == one(g, "山东省")  # an ancestor of the scope
    assert g.resolve("聊城", within=liaocheng) == liaocheng


def test_resolve_without_scope(g: Gazetteer) -> None:
    assert g.resolve("东昌府") == one(g, "东昌府区")
    assert g.resolve("聊城市") == one(g, "聊城市")
    assert g.resolve("德州") == one(g, "德州市")
    assert g.resolve("阿里") == one(g, "阿里地区")
    assert g.resolve("不存在的地方") is None


def test_resolve_prefers_higher_level_for_ambiguous_short_forms(g: Gazetteer) -> None:
    assert g.resolve("朝阳") == g.get("211300")  # 朝阳市 over 朝阳区/朝阳县/朝阳镇
    assert g.resolve("中山") == g.get("442000")  # 中山市 over 中山区 and many 中山街道
    assert g.resolve("吉林") == g.get("220000")  # the province over 吉林市


def test_resolve_ties_give_none_unless_scoped(g: Gazetteer) -> None:
    assert g.resolve("朝阳区") is None  # 北京 and 长春 both have one
    assert g.resolve("朝阳区", within=one(g, "北京市")) == g.get("110105")
    assert g.resolve("城关镇") is None
    # 河东区 is in 临沂 (山东) and 天津: from 聊城 the one in the same province wins.
    assert g.resolve("河东区", within=one(g, "聊城市")) == g.get("371312")


# -- OCR -------------------------------------------------------------------------------------------


def test_correct_ocr(g: Gazetteer) -> None:
    liaocheng = one(g, "聊城市")
    assert g.correct_ocr("在平区", liaocheng) == one(g, "茌平区")
    assert g.correct_ocr("高塘县", liaocheng) == one(g, "高唐县")
    assert g.correct_ocr("在平区", one(g, "德州市")) is None  # not inside the scope


def test_correct_ocr_refuses_real_names_and_ambiguity(g: Gazetteer) -> None:
    liaocheng = one(g, "聊城市")
    assert g.correct_ocr("茌平区", liaocheng) is None  # already a division
    assert g.correct_ocr("东阿镇", liaocheng) is None  # a real town elsewhere (平阴县)
    assert g.correct_ocr("在平", liaocheng) is None  # 茌平 and 博平(镇) are both one step away
    assert g.correct_ocr("完全不同", liaocheng) is None
    assert g.correct_ocr("平", liaocheng) is None


def test_a_former_name_is_a_division_of_its_own_under_its_successors_parent(g: Gazetteer) -> None:
    (former,) = g.lookup("户县")
    successor = one(g, "鄠邑区")
    assert former.successor == successor.code and former.parent == successor.parent
    assert former in g.counties_in(one(g, "西安市"))
    assert g.resolve("户县") == former  # not corrected to 和县, one character away
