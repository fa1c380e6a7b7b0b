"""Title chains in sentences written for these tests, in the genre of a city daily."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.pipeline import analyse
from kg.readers.orgs import Locale

TEXT = """德州市召开优化营商环境工作推进会

本报讯（记者 王晓东 通讯员 李卫）3月15日，全市优化营商环境工作推进会召开。市委副书记、市长赵志明出席会议并讲话。市委常委、组织部部长、统战部部长孙立新主持会议。副市长、市公安局局长周海涛，市人大常委会副主任马红梅，市政协副主席郑国栋出席。

市政府党组成员，开发区党工委书记、管委会主任钱文杰作了发言。德城区委书记吴建华、区长黄立平参加会议。

在德州经济技术开发区，山东恒达新材料有限公司正在建设年产5万吨新材料项目，总投资12亿元。“我们的产品供不应求。”公司总经理冯雪峰介绍。

会议选举刘晓峰为市政协秘书长。德州学院党委书记、副校长陈立民出席。
"""


@pytest.fixture(scope="module")
def posts(engine) -> set[tuple[str, str, str]]:
    docs = analyse([Document("dezhou.txt", TEXT)], engine, Locale.for_city("德州市"))
    return {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}


@pytest.mark.parametrize(
    "post",
    [
        ("赵志明", "副书记", "中共德州市委员会"),
        ("赵志明", "市长", "德州市人民政府"),
        ("孙立新", "常委", "中共德州市委员会"),
        ("孙立新", "部长", "中共德州市委组织部"),
        ("孙立新", "部长", "中共德州市委统战部"),
        ("周海涛", "副市长", "德州市人民政府"),
        ("周海涛", "局长", "德州市公安局"),
        ("马红梅", "副主任", "德州市人民代表大会常务委员会"),
        ("郑国栋", "副主席", "中国人民政治协商会议德州市委员会"),
        ("钱文杰", "党组成员", "德州市人民政府"),
        ("钱文杰", "书记", "德州经济技术开发区党工委"),
        ("钱文杰", "主任", "德州经济技术开发区管委会"),
        ("吴建华", "书记", "中共德城区委员会"),
        ("黄立平", "区长", "德城区人民政府"),
        ("冯雪峰", "总经理", "山东恒达新材料有限公司"),
        ("刘晓峰", "秘书长", "中国人民政治协商会议德州市委员会"),
        ("陈立民", "党委书记", "德州学院"),
        ("陈立民", "副校长", "德州学院"),
    ],
)
def test_post_is_read(posts: set, post: tuple[str, str, str]) -> None:
    assert post in posts


def test_no_posts_for_reporters_or_meetings(posts: set) -> None:
    people = {p[0] for p in posts}
    assert "王晓东" not in people and "李卫" not in people
    assert len(posts) == 18


def test_posts_taken_up_and_a_sittings_chairs(engine) -> None:
    from kg.model import Document
    from kg.pipeline import analyse
    from kg.readers.orgs import Locale

    text = (
        "本报讯 昨日，市人大常委会任命了3个局的局长，其中王建华出任新组建的市商务局局长，"
        "李志强出任市海洋与渔业局局长。会议还任命某县副县长张建军为市人大常委会副秘书长。\n"
        "本报讯 1月11日，阳江市第八届人民代表大会第一次会议开幕。大会第一次全体会议执行主席冯玲、余金富在主席台就座。\n"
    )
    doc = analyse([Document("x.txt", text)], engine, Locale.for_city("阳江市"))[0]
    posts = {(p.person, p.title, p.organization, p.change) for a in doc.articles for p in a.positions}
    assert ("王建华", "局长", "阳江市商务局", "appointed") in posts
    assert ("李志强", "局长", "阳江市海洋与渔业局", "appointed") in posts
    assert ("张建军", "副秘书长", "阳江市人民代表大会常务委员会", "appointed") in posts
    assert ("冯玲", "执行主席", "阳江市第八届人民代表大会第一次会议", None) in posts


def test_a_byline_is_no_body(engine) -> None:
    from kg.model import Document
    from kg.pipeline import analyse
    from kg.readers.orgs import Locale

    doc = analyse([Document("x.txt", "本报讯 市长王建华出席会议。\n")], engine, Locale.for_city("阳江市"))[0]
    assert [(p.title, p.organization) for a in doc.articles for p in a.positions] == [
        ("市长", "阳江市人民政府")
    ]


def test_the_company_a_sentence_names_before_its_reference(engine) -> None:
    from kg.model import Document
    from kg.pipeline import analyse
    from kg.readers.orgs import Locale

    text = (
        "本报讯 在中国储备棉管理总公司，市长吴建国拜访了该公司党委书记、董事长王建华。"
        "在中国储备粮管理集团有限公司，吴建国拜访了该公司董事长李志强。"
        "出席活动的市级部门领导有市发改委主任张建军。\n"
    )
    doc = analyse([Document("x.txt", text)], engine, Locale.for_city("铜陵市"))[0]
    posts = {(p.person, p.title, p.organization) for a in doc.articles for p in a.positions}
    assert ("王建华", "董事长", "中国储备棉管理总公司") in posts
    assert ("李志强", "董事长", "中国储备粮管理集团有限公司") in posts
    assert ("张建军", "主任", "铜陵市发改委") in posts  # "领导有" is not part of the body


@pytest.mark.parametrize(
    ("text", "city", "body"),
    [
        ("本报讯 省副省长张三出席。\n", "聊城市", "山东省人民政府"),  # 省 written alone is only a place
        ("本报讯 自治区副主席张三出席。\n", "和田地区", "新疆维吾尔自治区人民政府"),  # a region's 主席
        ("本报讯 自治区政协副主席张三出席。\n", "和田地区", "中国人民政治协商会议新疆维吾尔自治区委员会"),
        ("本报讯 地区行署专员张三出席。\n", "和田地区", "和田地区行政公署"),  # a 地区's own news
        ("本报讯 市院党组书记、检察长张三出席。\n", "盐城市", "盐城市人民检察院"),  # the procuratorates' 市院
    ],
)
def test_a_head_title_after_a_level_written_alone(engine, text: str, city: str, body: str) -> None:
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city(city))
    assert {(p.person, p.organization) for a in docs[0].articles for p in a.positions} == {("张三", body)}


def test_a_district_the_ministrys_table_lacks_names_its_bodies(engine) -> None:
    # 新林区 of 大兴安岭地区 (kg/data/divisions.tsv)
    text = "本报讯 5月8日，新林区召开项目建设推进会。区委书记张三出席会议。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("新林区"))
    assert {(p.person, p.organization) for a in docs[0].articles for p in a.positions} == {
        ("张三", "中共新林区委员会")
    }


def test_a_county_by_its_former_name_names_its_bodies_as_they_were(engine) -> None:
    # 户县 has been 鄠邑区 since 2016 (kg/data/former_divisions.tsv): a page of 2015 writes 户县
    text = "户县召开经济工作会议\n本报讯 12月5日，户县召开经济工作会议。县委书记张三、县长李四出席会议。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("户县"))
    posts = {(p.person, p.organization) for a in docs[0].articles for p in a.positions}
    assert posts == {("张三", "中共户县委员会"), ("李四", "户县人民政府")}


def test_a_bare_body_of_another_level_is_the_one_the_sentence_names(engine) -> None:
    # a county's news visiting a district: its 区委 and 区长 are that district's
    text = "本报讯 5月8日,在西宁市城中区,县长张三与区委书记李四、区长王五座谈。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("久治县"))
    posts = {(p.person, p.organization) for a in docs[0].articles for p in a.positions}
    assert {("李四", "中共城中区委员会"), ("王五", "城中区人民政府")} <= posts


def _posts_in(engine, text: str, city: str) -> set[tuple[str, str, str, bool]]:
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city(city))
    return {(p.person, p.title, p.organization, p.former) for a in docs[0].articles for p in a.positions}


def test_a_former_post_said_between_a_body_and_its_title(engine) -> None:
    text = "本报讯 广州军区原司令员、国防大学原校长吴建国上将出席签约仪式。\n"
    posts = _posts_in(engine, text, "潮州市")
    assert ("吴建国", "司令员", "广州军区", True) in posts
    assert ("吴建国", "校长", "国防大学", True) in posts


def test_municipal_works_in_a_companys_name_are_no_citys_body(engine) -> None:
    text = "本报讯 3月19日,县委书记马立新与中国电建市政集团轨道公司总经理吴建国一行举行工作会谈。\n"
    posts = _posts_in(engine, text, "邢台市")
    assert ("吴建国", "总经理", "中国电建市政集团轨道公司", False) in posts


def test_the_body_after_a_groups_preposition_and_the_body_headed_by_its_title(engine) -> None:
    text = (
        "本报讯 4月19日,红河州政府督查室以主任吴建国为组长的州政府检查组到蒙自市检查。"
        "上午,调研组在县政协主席马立新的带领下,先后到物流园区实地察看。\n"
    )
    posts = {(p, t, o) for p, t, o, _ in _posts_in(engine, text, "红河哈尼族彝族自治州")}
    assert ("吴建国", "主任", "红河哈尼族彝族自治州人民政府督查室") in posts
    assert not any(org.startswith(("调研组", "红河州政府督查室以")) for _, _, org in posts)
