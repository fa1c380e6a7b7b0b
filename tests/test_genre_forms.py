"""Forms of the genre read on the real development pages, in sentences written for these tests:
congress bodies and deputies, sessions named short, lists before 担任, visits and meetings named by
their verb, roles as written with their class, projects listed with their own amounts, article dates."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.language.dates import date_document, dateline, path_date
from kg.language.lexicon import role_classes
from kg.model import Document
from kg.pipeline import analyse, locale_for
from kg.readers.orgs import Locale

POSTS = """沧州市第十五届人民代表大会第三次会议胜利闭幕

本报讯 2月10日，五届人大三次会议举行第三次全体会议。大会主席团常务主席刘建国、王文海、陈立新担任大会执行主席并在主席台前排就座。市人大主任孙海峰、副主任赵红梅出席。
全国人大代表李向东、省人大代表周丽华列席会议。
市中级人民法院召开会议，该院党组书记、院长吴国庆出席。市委常委、统战部长马志远讲话。
"""


@pytest.fixture(scope="module")
def posts(engine) -> set[tuple[str, str, str]]:
    docs = analyse([Document("posts.txt", POSTS)], engine, Locale.for_city("沧州市"))
    return {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}


@pytest.mark.parametrize(
    "post",
    [
        ("刘建国", "执行主席", "沧州市第十五届人民代表大会第三次会议"),  # A、B、C担任大会执行主席
        ("陈立新", "执行主席", "沧州市第十五届人民代表大会第三次会议"),
        ("王文海", "常务主席", "沧州市第十五届人民代表大会第三次会议"),
        ("孙海峰", "主任", "沧州市人民代表大会常务委员会"),  # a 人大's 主任 is its standing committee's
        ("赵红梅", "副主任", "沧州市人民代表大会常务委员会"),
        ("李向东", "代表", "全国人民代表大会"),
        ("周丽华", "代表", "河北省人民代表大会"),
        ("吴国庆", "院长", "沧州市中级人民法院"),  # 该院: the court named before
        ("马志远", "部长", "中共沧州市委统战部"),  # 统战部长
    ],
)
def test_post_is_read(posts: set, post: tuple[str, str, str]) -> None:
    assert post in posts


def _posts(engine, text: str, city: str) -> set[tuple[str, str, str]]:
    """(person, title, organisation) of the posts read in one page of a city's paper."""
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city(city))
    return {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}


def test_a_session_named_short_is_the_papers_own(engine) -> None:
    text = "本报讯 1月8日上午，市政协六届二次会议开幕。大会执行主席韩立军主持会议。\n"
    docs = analyse([Document("cppcc.txt", text)], engine, Locale.for_city("沧州市"))
    posts = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    assert ("韩立军", "执行主席", "沧州市政协六届二次会议") in posts


EVENTS = """市委书记杨光明到渤海新区调研

本报讯 3月5日上午，市委书记杨光明一行到渤海新区调研重点项目建设，副市长何文军陪同调研。
3月6日，市长周海波会见了华北能源集团有限公司党委书记、董事长郑立群一行，副市长何文军参加会见。
"""


@pytest.fixture(scope="module")
def article(engine):
    doc = Document("2025-03-07.txt", EVENTS)
    return analyse([doc], engine, Locale.for_city("沧州市"))[0].articles[0]


def test_a_visit_is_named_as_the_headline_names_it(article) -> None:
    visit = next(e for e in article.events if e.name == "杨光明到渤海新区调研")
    assert visit.date == "2025-03-05"  # the year from the file's path
    roles = {(p.person, p.role) for p in article.participations if p.event is visit}
    assert ("杨光明", "调研") in roles and ("何文军", "陪同") in roles


def test_a_meeting_is_named_after_its_two_sides(article) -> None:
    meeting = next(e for e in article.events if e.name == "周海波会见郑立群一行")
    assert meeting.type == "meeting"
    roles = {(p.person, p.role) for p in article.participations if p.event is meeting}
    assert ("周海波", "会见") in roles and ("何文军", "参加") in roles
    assert not any(person == "郑立群" for person, _ in roles)  # the guest takes no part named here


def test_roles_have_classes() -> None:
    classes = role_classes()
    assert classes["主持"] == "presided" and classes["陪同"] == "accompanied" and classes["会见"] == "met"
    assert set(classes.values()) <= {
        "presided",
        "attended",
        "spoke",
        "visited",
        "met",
        "accompanied",
        "led",
        "signed",
        "elected",
    }


def test_projects_listed_with_their_own_amounts(engine) -> None:
    text = (
        "今年以来，全县开工项目主要有总投资20亿元的东城新材料产业园项目、总投资6亿元的北湖康养中心项目、"
        "总投资4.5亿元的南山物流园项目、总投资2亿元的西湖片区(碧水园)项目等。\n"
    )
    docs = analyse([Document("projects.txt", text)], engine, Locale.for_city("沧州市"))
    money = {p.name: p.investment for p in docs[0].articles[0].projects}
    assert money["东城新材料产业园项目"] == 2e9
    assert money["北湖康养中心项目"] == 6e8
    assert money["南山物流园项目"] == 4.5e8
    assert money["西湖片区(碧水园)项目"] == 2e8  # named by its amount, whatever the tagger made of it


@pytest.mark.parametrize(
    "text, date",
    [
        ("市长调研工业企业\n2023-02-13 来源:包头市人民政府网\n2月6日，…", "2023-02-13"),
        ("标题\n发布时间：2020年6月7日 10:20\n正文", "2020-06-07"),
        ("聊城日报\n2025年1月3日 星期五\n正文", "2025-01-03"),
        ("标题\n2018/9/4 15:32:43\n正文", "2018-09-04"),
        ("任前公示\n正文……\n中共某市委组织部\n2023年3月10日", "2023-03-10"),
        ("标题\n8月18日上午，2020年度工作会议召开。", None),  # a date in running text is an event's
    ],
)
def test_the_dateline_of_a_page(text: str, date: str | None) -> None:
    assert dateline(text) == date


@pytest.mark.parametrize(
    "path, date",
    [
        ("papers/2024-12-28.txt", "2024-12-28"),
        ("papers/20241228/a.txt", "2024-12-28"),
        ("papers/2024/12/28/a.txt", "2024-12-28"),
        ("papers/2024-13-28.txt", None),
        ("papers/019262466.txt", None),
    ],
)
def test_a_date_in_the_path(path: str, date: str | None) -> None:
    assert path_date(path) == date


def test_where_an_articles_date_comes_from() -> None:
    dated = Document("x/2024-12-28.txt", "标题\n2025-01-02 来源:本报\n正文", date="2025-01-05")
    date_document(dated, "2025-02-01")
    assert (dated.date, dated.date_source) == ("2025-01-05", None)  # the page's metadata first
    printed = Document("x/2024-12-28.txt", "标题\n2025-01-02 来源:本报\n正文")
    date_document(printed, "2025-02-01")
    assert (printed.date, printed.date_source) == ("2025-01-02", "dateline")
    filed = Document("x/2024-12-28.txt", "标题\n正文")
    date_document(filed, "2025-02-01")
    assert (filed.date, filed.date_source) == ("2024-12-28", "path")
    given = Document("x/a.txt", "标题\n正文")
    date_document(given, "2025-02-01")
    assert (given.date, given.date_source) == ("2025-02-01", "given")


def test_signings_hosts_and_recalled_visits(engine) -> None:
    text = (
        "本报讯 5月8日，推介会在长春举行。会上，集安市政府与华北能源集团有限公司签订抽水蓄能电站项目。"
        "市委书记刘建华，市长孙海涛会见了出席推介会的港澳客商及嘉宾。"
        "会议要求，认真贯彻落实省委书记赵明远在集安调研时重要讲话精神。\n"
    )
    docs = analyse([Document("2025-05-09.txt", text)], engine, Locale.for_city("通化市"))
    events = {e.name: e for e in docs[0].articles[0].events}
    assert events["集安市政府与华北能源集团有限公司签订抽水蓄能电站项目"].type == "signing"
    assert "刘建华、孙海涛会见港澳客商及嘉宾" in events  # two hosts; guests that are no named person
    assert not any(name.startswith("赵明远") for name in events)  # a visit recalled is not reported


@pytest.mark.parametrize(
    "text, issue, start",
    [
        ("昨日，市长伍斌会见阿拉伯国家驻华使节团一行。", "2024-11-30", "2024-11-29"),
        ("前天上午，座谈会召开。", "2024-03-01", "2024-02-28"),
        ("昨日，市长会见客商。", None, None),  # a relative day needs the article's date
        ("12月3日召开，昨日闭幕。", "2024-12-05", "2024-12-03"),  # the first date written
        ("8日，鞍山市召开全市领导干部大会。", "2023-04-10", "2023-04-08"),  # a day alone: the issue's month
        ("28日上午，会议召开。", "2024-01-02", "2023-12-28"),  # … or the month before
        ("12月12日电 12月11日下午，会议召开。", "2015-12-12", "2015-12-11"),  # not the dispatch's date
        (
            "台海网12月29日讯 12月28日上午，在会议上，吴建国当选区长。",
            "2021-12-29",
            "2021-12-28",
        ),  # nor the report's
        ("东营日报12月30日讯 会议今天上午闭幕。", "2022-12-31", "2022-12-30"),  # the report's, when no other
    ],
)
def test_relative_days_count_back_from_the_articles_date(
    text: str, issue: str | None, start: str | None
) -> None:
    from kg.language.dates import parse_date

    found = parse_date(text, issue)
    assert (found.start if found else None) == start


def test_a_district_named_in_several_cities_still_places_its_bodies(engine) -> None:
    text = "区人大常委会举行会议\n\n8月13日，会议在新华区人大常委会会议室召开。区委常委、组织部部长龚宪君，副区长赵海洋出席。\n"
    docs = analyse([Document("x.txt", text)], engine, replace(Locale.for_city("沧州市"), per_document=True))
    posts = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    # 新华区 is a district of 石家庄, 沧州 and 平顶山: which one the page does not say, but its 区委 is 新华区's
    assert ("龚宪君", "常委", "中共新华区委员会") in posts and ("赵海洋", "副区长", "新华区人民政府") in posts


def test_city_bodies_with_words_that_look_like_others(engine) -> None:
    text = "本报讯 会议决定，张建平任市民政局局长。市总工会主席方雷出席。\n"
    posts = _posts(engine, text, "洛阳市")
    assert ("张建平", "局长", "洛阳市民政局") in posts  # 市民政局, not 市民 + 政局
    assert ("方雷", "主席", "洛阳市总工会") in posts


def test_names_the_model_cut_and_titles_after_a_body(engine) -> None:
    text = (
        "市政府副秘书长吴兴涛，市林业局党组书记、局长向才焰参加调研。"
        "青岛市国际投资合作促进局张建军局长等一行8人到集团。\n"
    )
    posts = _posts(engine, text, "常德市")
    assert ("向才焰", "局长", "常德市林业局") in posts  # 向|才焰: a surname the model took for a preposition
    assert ("张建军", "局长", "青岛市国际投资合作促进局") in posts  # body, name, then the bare title


def test_sittings_of_congresses_are_events_wherever_named(engine) -> None:
    text = (
        "12月31日，甘谷县第十八届人大常委会召开第二十一次会议。县人大常委会主任杨帆主持会议。"
        "会议通过了关于召开甘谷县第十八届人民代表大会第四次会议的决定。\n"
    )
    article = analyse([Document("x.txt", text)], engine, Locale.for_city("天水市"))[0].articles[0]
    events = {e.name: e for e in article.events}
    assert "甘谷县第十八届人大常委会第二十一次会议" in events  # "…常委会召开第二十一次会议", named in full
    assert "甘谷县第十八届人民代表大会第四次会议" in events  # a sitting named in passing is kept
    chaired = {(p.person, p.role, p.event.name) for p in article.participations}
    assert ("杨帆", "主持", "甘谷县第十八届人大常委会第二十一次会议") in chaired


def test_names_written_with_a_middle_dot(engine) -> None:
    text = "本报讯 自治区政协副主席萨龙·平拉，市人大工委主任赛力克·哈布肯出席。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("日喀则市"))
    people = {p.person for a in docs[0].articles for p in a.positions}
    assert {"萨龙·平拉", "赛力克·哈布肯"} <= people  # kept whole, even when the model split at the dot


def test_a_dotted_name_cut_short_by_the_model_runs_on_to_the_stop(engine) -> None:
    text = "本报讯 自治区副主席凯赛尔·阿不都克热木，兵团党委常委、副司令员张三参加有关活动。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("和田地区"))
    posts = {(p.person, p.organization) for a in docs[0].articles for p in a.positions}
    assert ("凯赛尔·阿不都克热木", "新疆维吾尔自治区人民政府") in posts
    assert ("张三", "新疆生产建设兵团") in posts  # 兵团 written alone is the XPCC


def test_a_cppcc_session_named_in_full_keeps_its_name(engine) -> None:
    text = "本报讯 中国人民政治协商会议呼和浩特市第十四届委员会第一次会议开幕。大会主席团常务主席巴特尔、李文阁出席。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("呼和浩特市"))
    orgs = {p.organization for a in docs[0].articles for p in a.positions}
    assert orgs == {"中国人民政治协商会议呼和浩特市第十四届委员会第一次会议"}


def test_no_longer_after_a_new_post(engine) -> None:
    text = "本报讯(记者 费文鹏)8日，省委决定：王忠昆同志任鞍山市委书记，不再担任鞍山市市长职务。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("鞍山市"))
    posts = {(p.person, p.title, p.organization, p.change) for a in docs[0].articles for p in a.positions}
    assert ("王忠昆", "市长", "鞍山市人民政府", "removed") in posts
    assert not any(person == "费文鹏" for person, *_ in posts)  # the reporter holds no post


def test_names_listed_after_their_part(engine) -> None:
    text = (
        "本报讯 2月9日，市政协十四届一次会议开幕。出席会议并在主席台就座的领导同志还有：曹思阳、孙炳文、刘程民等。"
        "参加会议的有关部门负责人也出席。\n"
    )
    article = analyse([Document("x.txt", text)], engine, Locale.for_city("呼和浩特市"))[0].articles[0]
    roles = {(p.person, p.role) for p in article.participations}
    assert {("曹思阳", "出席"), ("曹思阳", "就座"), ("刘程民", "出席")} <= roles


def test_a_project_after_its_county_and_a_quoted_phrase(engine) -> None:
    text = "视察组先后实地察看了义马市“一带一路”大宗商品交易中心项目。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("三门峡市"))
    places = {p.name: p.place for p in docs[0].articles[0].projects}
    assert any(place == "义马市" for place in places.values()), places


def test_court_titles_written_without_the_court_are_the_articles_court(engine) -> None:
    """In a court's news the court is named once in full and its officials by title alone."""
    text = (
        "本报讯 近日，河北省沧州市中级人民法院召开全市法院工作会议。\n"
        "党组书记、院长张三出席会议并讲话，党组成员、副院长李四主持会议。王五院长对全市法院工作提出要求。\n"
    )
    posts = _posts(engine, text, "沧州市")
    assert {
        ("张三", "党组书记", "沧州市中级人民法院"),  # the party group's title takes the body of the next
        ("张三", "院长", "沧州市中级人民法院"),
        ("李四", "党组成员", "沧州市中级人民法院"),
        ("李四", "副院长", "沧州市中级人民法院"),
        ("王五", "院长", "沧州市中级人民法院"),  # not 沧州市人民法院 from "全市法院"
    } <= posts
    # no court named: a bare 院长 is no post (it could head a hospital, a school, an academy)
    assert not any(title == "院长" for _, title, _ in _posts(engine, "本报讯 院长张三出席会议。\n", "沧州市"))


def test_the_standing_committee_written_in_full_before_its_titles(engine) -> None:
    """人民代表大会 is not the verb 代表 ("代表市委讲话") that ends the text before a body."""
    text = (
        "本报讯 会议选举结果宣布，张强当选为大同市第十六届人民代表大会常务委员会委员。\n"
        "大同市人民代表大会常务委员会副主任李明出席会议。\n"
    )
    posts = _posts(engine, text, "大同市")
    assert ("张强", "委员", "大同市人民代表大会常务委员会") in posts
    assert ("李明", "副主任", "大同市人民代表大会常务委员会") in posts


def test_a_long_name_cut_in_a_list_and_this_sessions_presidium(engine) -> None:
    posts = _posts(engine, "本报讯 市人大主任李东辉、副主任张春雨、青格乐吐、吕凤民出席会议。\n", "通辽市")
    # 青格乐|吐: the model cut the Mongolian name; between two 、 the character is the name's
    assert ("青格乐吐", "副主任", "通辽市人民代表大会常务委员会") in posts
    assert ("吕凤民", "副主任", "通辽市人民代表大会常务委员会") in posts
    text = (
        "市政协十四届一次会议主席团举行第四次会议\n"
        "本报讯(记者 王晟)1月8日上午，大会主席团常务主席、本次大会执行主席张金锐、盛云生在主席台前排就座。\n"
    )
    session = "安庆市政协十四届一次会议"
    posts = _posts(engine, text, "安庆市")
    assert {("盛云生", "常务主席", session), ("盛云生", "执行主席", session)} <= posts  # 本次大会


def test_a_county_court_named_by_its_short_name_places_the_page() -> None:
    """County news that names its county only as 祁东法院 or 郏县法院 is read in that county's city."""
    from kg.readers.orgs import document_locale

    assert (
        document_locale("祁东法院召开2010年度工作会议。县法院各项工作取得进展。", Locale()).city == "衡阳市"
    )
    assert document_locale("郏县法院召开老干部座谈会。", Locale()).city == "平顶山市"


def test_a_county_courts_news_with_the_city_court_among_its_guests(engine) -> None:
    text = (
        "祁东法院召开年度工作会议\n"
        "3月24日上午，祁东法院召开年度工作会议，市中院党组书记、院长张三，县人大主任李四出席会议。\n"
        "党组书记、院长王五全面回顾总结了上年的工作。副院长赵六和党组成员、政治处主任钱七参加会议。\n"
    )
    posts = _posts(engine, text, "衡阳市")
    assert ("张三", "院长", "衡阳市中级人民法院") in posts
    assert ("王五", "院长", "祁东县人民法院") in posts  # the court that holds the meeting, not the guest's
    assert ("赵六", "副院长", "祁东县人民法院") in posts
    assert not any(org in ("和", "及") for _, _, org in posts)  # "赵六和党组成员…": 和 is no body


def test_a_surname_and_title_is_the_person_and_a_years_meeting_keeps_its_year(engine) -> None:
    text = (
        "祁东法院召开2010年度工作会议\n"
        "3月24日上午，祁东法院召开2010年度工作会议。党组书记、院长张华清主持会议。"
        "张院长向与会人员汇报了法院工作。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("衡阳市"))
    article = docs[0].articles[0]
    assert "2010年度工作会议" in {e.name for e in article.events}  # not "度工作会议"
    people = {p.person for p in article.participations}
    assert "张华清" in people and "张院长" not in people  # 张院长 is the one 张 the page names in full


def test_two_titles_written_as_one_and_a_county_that_speaks_for_its_city(engine) -> None:
    text = (
        "眉山市第五届人民代表大会第四次会议开幕\n"
        "本报讯(记者 彭林)2月20日下午，眉山市第五届人民代表大会第四次会议开幕。\n"
        "大会主席团常务(执行)主席刘先伟、高立新在主席台前排就座。\n"
    )
    posts = _posts(engine, text, "眉山市")
    session = "眉山市第五届人民代表大会第四次会议"
    assert {("高立新", "常务主席", session), ("高立新", "执行主席", session)} <= posts
    # a county named in full outweighs a city named in passing ("中国石油大学(北京)")
    from kg.readers.orgs import document_locale

    page = "州委副秘书长罗如贵到南华县罗武庄乡调研，了解中国石油大学(北京)助力南华县彝绣产业扶贫项目。"
    assert document_locale(page, Locale()).city == "楚雄彝族自治州"


def test_our_city_in_a_chain_is_the_papers_not_the_city_named_before_in_the_chain(engine) -> None:
    text = "永安市政协会议开幕\n12月31日，政协第十四届永安市委员会第二次会议开幕。三明市政协副主席、我市市委书记吴建国在会上讲话。\n"
    posts = _posts(engine, text, "永安市")
    assert ("吴建国", "书记", "中共永安市委员会") in posts
    assert ("吴建国", "副主席", "中国人民政治协商会议三明市委员会") in posts


def test_member_units_after_a_groups_members_are_no_person(engine) -> None:
    """ "领导小组成员单位主要负责人参加": 成员 is a title but 单位 (单 a surname) is a word, no name."""
    text = (
        "县里开工\n4月20日，县委书记吴建国，县转型项目建设年工作领导小组成员单位主要负责人参加了开工仪式。\n"
    )
    posts = _posts(engine, text, "忻州市")
    assert not [p for p in posts if p[0] == "单位"]


def test_a_surname_and_a_title_in_an_address_name_no_one(engine) -> None:
    """ "郭区长和徐副区长肯定了…": a surname with a title is an address, and 和 after it no surname."""
    text = (
        "马立新到片区调研\n各部门给予解答后，郭区长和徐副区长肯定了片区的工作成果，吴建国指出调研很有成效。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("黄石市"))
    persons = {m.text for a in docs[0].articles for m in a.mentions if m.type == "PERSON"}
    assert not [p for p in persons if "副" in p]
    assert "吴建国" in persons


def test_a_district_whose_name_two_cities_have_is_told_by_its_towns() -> None:
    """长安区 is a district of 西安 and of 石家庄: the towns the page names (滦镇, 鸣犊街道) tell which."""
    from kg.readers.orgs import document_locale

    page = "5月14日上午，长安区委书记吴建国在滦镇、子午、鸣犊街道调研生态环境保护工作。副区长马立新陪同调研。"
    found = document_locale(page, Locale())
    assert (found.city, found.county) == ("西安市", "长安区")


def test_a_visitors_party_is_read_in_its_own_line() -> None:
    """ "州长X到绿春县调研" above "…州长X率州政府调研组到我县调研": the visitors' party that came is read
    in the body's line, so the county its headline names, the page's own, is not taken for theirs."""
    from kg.readers.orgs import document_locale

    page = (
        "州委副书记 州长吴建国到绿春县调研\n\n来源:县政府办 发布日期:2017-12-18\n\n"
        "12月14日,州委副书记、州长吴建国率州政府调研组到我县调研。县委书记马立新陪同调研。吴建国要求抢抓红河谷开发机遇。"
    )
    assert document_locale(page, Locale()).county == "绿春县"


@pytest.mark.parametrize(
    "text, city, post",
    [
        # a preposition or conjunction before the organisation is not part of it
        (
            "拉萨市委书记张三会见了以丽江市委书记李四为团长的丽江市党政代表团。",
            "拉萨市",
            ("李四", "书记", "中共丽江市委员会"),
        ),
        ("市委书记王五和红安县长赵六与客人座谈。", "黄冈市", ("赵六", "县长", "红安县人民政府")),
        # a zone written short keeps its short name; written bare after a county's post it is the county's
        (
            "8月8日，沭阳县委书记、经开区党工委书记吴建国出席活动。",
            "宿迁市",
            ("吴建国", "书记", "沭阳经开区党工委"),
        ),
        (
            "市政府副市长、九江经开区党工委书记马立新出席并致辞。",
            "九江市",
            ("马立新", "书记", "九江经开区党工委"),
        ),
        # a photo's caption mark before a title chain is no part of the body
        ("↑西林县委书记马立新宣布活动周正式开幕", "百色市", ("马立新", "书记", "中共西林县委员会")),
        # "A、B、C等县委常委": each person of the list holds the title after 等 that names its body
        (
            "会议由县委书记吴建国主持，县领导马立新、孙立平、周子平等县委常委，及相关部门负责人参加会议。",
            "长治市",
            ("周子平", "常委", "县委"),
        ),
        # 和 right after a name joins the next title: the county's office, not 和县's
        ("副县长马立新和县政府办主任孙立平出席会议。", "巴中市", ("孙立平", "主任", "县政府办")),
        # a verb of the genre before the organisation ends the words before it
        ("会议听取了市发改委主任张三的汇报。", "沧州市", ("张三", "主任", "沧州市发改委")),
        ("会议传达学习了省长李四在我市调研时的讲话精神。", "伊春市", ("李四", "省长", "黑龙江省人民政府")),
        # places written one inside the other, down to the last; 伊犁州 is 伊犁哈萨克自治州
        (
            "新疆伊犁州伊宁市常务副市长王五到访企业。",
            "伊犁哈萨克自治州",
            ("王五", "常务副市长", "伊宁市人民政府"),
        ),
        ("伊犁州委书记赵六出席。", "伊犁哈萨克自治州", ("赵六", "书记", "中共伊犁哈萨克自治州委员会")),
        # "开幕会执行主席由A、B担任": a sitting's chair is the session's
        (
            "本报讯 市政协二届四次会议开幕。开幕会执行主席由张三、李四担任。",
            "铜仁市",
            ("李四", "执行主席", "铜仁市政协二届四次会议"),
        ),
        # "决定X副市长为某市人民政府代理市长": the acting post
        ("会议决定王五副市长为邵阳市人民政府代理市长。", "邵阳市", ("王五", "市长", "邵阳市人民政府")),
        # "并决定其为代理市长": 其 is the person the decision named before
        (
            "决定任命赵六为临沧市人民政府副市长，并决定其为代理市长。",
            "临沧市",
            ("赵六", "市长", "临沧市人民政府"),
        ),
        # a name, 任 and the body read by the model as one name
        (
            "会议决定张好富任市公用事业局局长、王五任市园林局局长。",
            "洛阳市",
            ("张好富", "局长", "洛阳市公用事业局"),
        ),
        # a place, a title and a surname the model read as one place (信阳市市长尚|朝阳)
        (
            "4月3日,河南省人民政府新闻办公室举行新闻发布会,信阳市市长尚朝阳在会上宣布,第26届信阳茶文化节将于4月28日开幕。",
            "信阳市",
            ("尚朝阳", "市长", "信阳市人民政府"),
        ),
        # titles of the genre: assistants to a head, academicians, editors
        (
            "宜春市人民政府市长助理李四到市矿业公司考察调研。",
            "宜春市",
            ("李四", "市长助理", "宜春市人民政府"),
        ),
        ("工程院院士张三、市委书记李四出席会议。", "通化市", ("张三", "院士", "中国工程院")),
        # a Party committee's body by its official name
        ("市委副书记、政法委书记张三赴润州区调研。", "镇江市", ("张三", "书记", "中共镇江市委政法委员会")),
        # a clause before a preposition right before the title is no organisation
        ("希望市政府在代理市长李四的带领下勇于担当。", "自贡市", ("李四", "市长", "自贡市人民政府")),
        # a name in a list of removals, before 的
        (
            "免去张三的市发展和改革委员会主任职务、于力强的市民政局局长职务。",
            "洛阳市",
            ("于力强", "局长", "洛阳市民政局"),
        ),
        # 该市: the city the article is about
        ("该市市委常委、政法委书记张三在会上讲话。", "许昌市", ("张三", "常委", "中共许昌市委员会")),
        # courts written short: 中级法院, 高级法院, 最高院
        ("省高级法院院长王五在会上讲话。", "许昌市", ("王五", "院长", "河南省高级人民法院")),
        ("最高院刑三庭审判员赵六到鸡冠区法院参观。", "鸡西市", ("赵六", "审判员", "最高人民法院刑三庭")),
        # a body of the centre at the head of a longer name
        (
            "全国人大环资委主任委员张三率调研组来我市。",
            "黑河市",
            ("张三", "主任委员", "全国人民代表大会环资委"),
        ),
        # a democratic party's committee of the paper's own city
        ("民盟市委会秘书长李四陪同调研。", "景德镇市", ("李四", "秘书长", "民盟景德镇市委会")),
        # a court's division, written bare after the court in the same list
        (
            "鸡西市中院副院长张三、刑庭庭长李四等人陪同参观。",
            "鸡西市",
            ("李四", "庭长", "鸡西市中级人民法院刑庭"),
        ),
        # "我院": the court whose news it is
        (
            "专家一行莅临鸡冠区法院参观。我院党组书记、院长王五介绍了法院文化建设的情况。",
            "鸡西市",
            ("王五", "院长", "鸡冠区人民法院"),
        ),
        # "院党组书记": the court the article is about
        (
            "2月28日上午,陇川县人民法院召开行政学习会议。会上,院党组书记、院长马立新同志要求全院干警加强宣传。",
            "德宏傣族景颇族自治州",
            ("马立新", "院长", "陇川县人民法院"),
        ),
        # "大会的执行主席是(按姓名笔画排列):A、B(女)、C": a listing of a session's chairs
        (
            "7月29日上午,衡山县第十四届人民代表大会第三次会议开幕。"
            "本次大会的执行主席是(按姓名笔画排列):吴建国、马立新(女)、张建军。",
            "衡阳市",
            ("张建军", "执行主席", "衡山县第十四届人民代表大会第三次会议"),
        ),
        # a town's 党委书记 is 书记 of the town's Party committee
        (
            "汜水镇党委书记王建军、高山镇镇长陈江山出席典礼仪式。",
            "郑州市",
            ("王建军", "书记", "中共汜水镇委员会"),
        ),
        # a department after another of the same committee: the committee's sibling, not the city's
        (
            "余庆县委常委、县委宣传部部长、统战部部长张建军参加调研。",
            "遵义市",
            ("张建军", "部长", "中共余庆县委统战部"),
        ),
        # "…考察团在X区副区长Y的陪同下": the body begins after 在
        (
            "1月17日,县党政考察团在通州区副区长王建军的陪同下考察了基础设施建设。",
            "北京市",
            ("王建军", "副区长", "北京市通州区人民政府"),
        ),
        # two titles with no mark between ("市委副书记市长X"): each its own post
        (
            "11月19日,双辽市召开座谈会,市委副书记市长吴建国出席会议。",
            "四平市",
            ("吴建国", "市长", "四平市人民政府"),
        ),
        (
            "11月19日,双辽市召开座谈会,市委副书记市长吴建国出席会议。",
            "四平市",
            ("吴建国", "副书记", "中共四平市委员会"),
        ),
        # a word that begins with a surname and one more character, between a title and a mark (宋国|地)
        (
            "11月19日,市人大常委会主任宋国地,市长吴建国出席会议。",
            "四平市",
            ("宋国地", "主任", "四平市人民代表大会常务委员会"),
        ),
        # a compound surname the model cut off its name (令|狐…)
        ("7月21日,县委书记令狐明辉到县融媒体中心调研。", "遵义市", ("令狐明辉", "书记", "县委")),
        # a word beginning with a surname, then the name's last character (商友|江)
        ("3月27日,县委书记商友江带队赴广东省中山市开展招商考察活动。", "铜仁市", ("商友江", "书记", "县委")),
        # a joint leading group's name holds 与
        (
            "市委书记、本溪市与本钢集团合作领导小组组长张三主持会议并讲话。",
            "本溪市",
            ("张三", "组长", "本溪市与本钢集团合作领导小组"),
        ),
        (
            "市委书记、本溪市与本钢集团合作领导小组组长张三主持会议。",
            "本溪市",
            ("张三", "书记", "中共本溪市委员会"),
        ),
        # the first name of a list after 任命, a common word the model does not type as a name
        ("决定任命白云、张三、李四为雅安市人民政府副市长。", "雅安市", ("白云", "副市长", "雅安市人民政府")),
        # a title written with its field
        (
            "东方希望集团有限公司投资总监赵六出席签约仪式。",
            "北海市",
            ("赵六", "投资总监", "东方希望集团有限公司"),
        ),
    ],
)
def test_forms_seen_on_new_development_pages(engine, text: str, city: str, post: tuple) -> None:
    assert post in _posts(engine, text, city)


def test_a_government_written_bare_before_a_county_head(engine) -> None:
    # "政府县长": the government of the title's level, in a county's news (not the city's)
    text = "景县重点项目集中开工。县委书记吴建国主持,政府县长马立新介绍景县项目情况。"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("衡水市", county="景县"))
    posts = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    assert ("马立新", "县长", "景县人民政府") in posts


def test_names_typed_as_places_inside_a_list_share_the_title(engine) -> None:
    # the model types some names as places (谢兆村, 格桑): inside a list of names they are names
    text = "市委常委：张晓、吴维、格桑、王友华、丹增、燕红等6人。大会执行主席王彤宇、谢兆村、刘国强在主席台就座。"
    posts = _posts(engine, text, "山南市")
    assert {p for p in posts if p[1] == "常委"} >= {
        ("格桑", "常委", "中共山南市委员会"),
        ("王友华", "常委", "中共山南市委员会"),
    }


def test_a_body_named_at_the_head_of_a_longer_name_is_the_one_referred_to(engine) -> None:
    text = "本报讯 专题对润州法院金山湖人民法庭进行调研。该院党组书记、院长王五介绍了情况。\n"
    assert ("王五", "院长", "润州区人民法院") in _posts(engine, text, "镇江市")


def test_a_company_written_short_is_the_one_named_in_full(engine) -> None:
    text = (
        "本报讯 市政府与广东粤海控股集团有限公司举行座谈。粤海集团党委书记、董事长张三出席。"
        "金川集团矿山工程有限公司总经理李四、金川集团副总经理王五参加。\n"
    )
    posts = _posts(engine, text, "茂名市")
    assert ("张三", "董事长", "广东粤海控股集团有限公司") in posts
    assert ("王五", "副总经理", "金川集团") in posts  # a subsidiary's name holds the group's: not the group


def test_a_name_cut_before_its_verb_is_mended() -> None:
    """ "副主任孟小|全|陪同": the model ends the name one character early; the lone character between a
    name right after its title and the name's verb is the name's last (not 也, 又, 在 …)."""
    from kg.language.recognise import repair_names

    cut = _words(("副主任", "NOUN"), ("孟小", "PERSON"), ("全", "ADV"), ("陪同", "VERB"), ("调研", "VERB"))
    assert [t.text for t in repair_names(cut) if t.tag == "PERSON"] == ["孟小全"]
    kept = _words(("市长", "NOUN"), ("王刚", "PERSON"), ("也", "ADV"), ("参加", "VERB"))
    assert [t.text for t in repair_names(kept) if t.tag == "PERSON"] == ["王刚"]
    no_title = _words(("会上", "NOUN"), ("王刚", "PERSON"), ("全", "ADV"), ("陪同", "VERB"))
    assert [t.text for t in repair_names(no_title) if t.tag == "PERSON"] == ["王刚"]


def test_a_body_that_begins_with_a_surname_before_an_acting_title_is_no_name(engine) -> None:
    # 区 is a surname too: "、区政府代理区长X" is a body and an acting head, not a decision's name
    text = "仪式由区委副书记、区政府代理区长吴建国主持。"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("池州市"))
    persons = {m.text for s in docs[0].articles[0].sentences for m in s.mentions if m.type == "PERSON"}
    assert persons == {"吴建国"}


def test_two_levels_written_before_one_body_name_no_body(engine) -> None:
    # "省市委全会": the province's and the city's committees' plenaries, no body "河北省市委"
    text = "凝心聚力促发展,全面落实党的二十届四中全会、省市委全会和区委三届九次全会精神。"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("石家庄市"))
    orgs = {m.text for s in docs[0].articles[0].sentences for m in s.mentions if m.type == "ORG"}
    assert "省市委" not in orgs and "区委" in orgs


def test_a_surname_read_as_a_word_of_its_own_is_mended() -> None:
    """ "主席祝|学军|率调研组": a surname the model read as a verb (祝, "to wish") and a two-character
    given name, between a title and a visitor's verb, are one name; "县长于|会上|强调" is no name."""
    from kg.language.recognise import repair_names

    cut = _words(("主席", "NOUN"), ("祝", "VERB"), ("学军", "NOUN"), ("率", "VERB"), ("调研组", "NOUN"))
    assert [t.text for t in repair_names(cut) if t.tag == "PERSON"] == ["祝学军"]
    prep = _words(("县长", "NOUN"), ("于", "PREP"), ("会上", "NOUN"), ("强调", "VERB"))
    assert not [t for t in repair_names(prep) if t.tag == "PERSON"]
    common = _words(("副市长", "NOUN"), ("安", "ADJ"), ("全", "NOUN"), ("检查", "VERB"))
    assert not [t for t in repair_names(common) if t.tag == "PERSON"]


def test_a_conjunction_read_into_a_name_before_the_group_that_closes_a_list() -> None:
    """ "县委副书记孙立平和|主席团其他成员": 和 before "其他…" or 主席团 can only join; a name that ends in
    和 before a verb stays whole."""
    from kg.language.recognise import repair_names

    cut = _words(("副书记", "NOUN"), ("孙立和", "PERSON"), ("主席", "NOUN"), ("团", "NOUN"), ("其他", "PRON"))
    assert [(t.text, t.tag) for t in repair_names(cut)][1:3] == [("孙立", "PERSON"), ("和", "CONJ")]
    kept = _words(("副书记", "NOUN"), ("孙立和", "PERSON"), ("出席", "VERB"))
    assert [t.text for t in repair_names(kept) if t.tag == "PERSON"] == ["孙立和"]


def test_a_place_word_in_a_long_list_of_names_is_a_name() -> None:
    """ "…、王斌、金川、司戎、…": 金川, a county's short name, among names is a name; among places it stays one."""
    from kg.language.recognise import repair_names

    names = ("吴建国", "马立新", "孙立平", "张建军")
    people = _words(
        *[w for n in names for w in ((n, "PERSON"), ("、", "PUNCT"))],
        ("金川", "PLACE"),
        ("、", "PUNCT"),
        ("王程", "PERSON"),
    )
    assert "金川" in [t.text for t in repair_names(people) if t.tag == "PERSON"]
    places = _words(
        ("北京", "PLACE"),
        ("、", "PUNCT"),
        ("上海", "PLACE"),
        ("、", "PUNCT"),
        ("金川", "PLACE"),
        ("、", "PUNCT"),
        ("广州", "PLACE"),
    )
    assert not [t for t in repair_names(places) if t.tag == "PERSON"]


def test_a_name_cut_into_words_that_closes_a_list_with_deng_is_a_name() -> None:
    """ "吴建国、马立新、周子|平等市领导和…企业负责人出席": the item before 等 after names is a name the
    model cut into words; "吴建国、马立新、企业等" is no name, nor is an item after no names."""
    from kg.language.recognise import repair_names

    def listed(*words: tuple[str, str]) -> list[str]:
        head = (("吴建国", "PERSON"), ("、", "PUNCT"), ("马立新", "PERSON"), ("、", "PUNCT"))
        return [t.text for t in repair_names(_words(*head, *words)) if t.tag == "PERSON"]

    rest = (
        ("等", "PART"),
        ("市", "NOUN"),
        ("领导", "NOUN"),
        ("和", "CONJ"),
        ("龙辰公司", "ORG"),
        ("出席", "VERB"),
    )
    assert listed(("周子", "NOUN"), ("平", "VERB"), *rest)[-1] == "周子平"
    assert listed(("企业", "NOUN"), *rest)[-1] == "马立新"
    after_places = _words(
        ("北京", "PLACE"), ("、", "PUNCT"), ("上海", "PLACE"), ("、", "PUNCT"), ("周子", "NOUN")
    )
    assert not [t for t in repair_names([*after_places, *_words(("平", "VERB"), *rest)]) if t.tag == "PERSON"]


def test_a_districts_session_keeps_the_city_written_before_it(engine) -> None:
    text = (
        "4月9日下午,大同市平城区第二届人民代表大会第一次会议在大同大剧院胜利闭幕。\n"
        "大会执行主席吴建国、马立新、孙立平在主席台前排就座。\n"
    )
    posts = _posts(engine, text, "大同市")
    assert ("马立新", "执行主席", "大同市平城区第二届人民代表大会第一次会议") in posts


def test_elections_read_in_the_order_the_text_states_them(engine) -> None:
    text = (
        "大同市平城区第二届人民代表大会第一次会议闭幕。选举吴建国为区二届人大常委会主任,马立新、孙立平当选为副主任,"
        "选举张建军等30人为区二届人大常委会委员;选出王程为区人民检察院检察长。\n"
        "会议选举李永群为乐东黎族自治县人民政府县长、选举陈王东为乐东黎族自治县人民代表大会常务委员会副主任。\n"
        "湖北省襄阳市人大常委会原副主任谢传纪等退休老领导来枣阳市参观考察。\n"
        "会议邀请了黄山市地方志办公室原副主任马立新作专题报告。\n"
    )
    posts = _posts(engine, text, "大同市")
    # the deputies' body is that of the decision right before them, not of the last one of its form
    assert ("马立新", "副主任", "区二届人大常委会") in posts
    assert ("王程", "检察长", "区人民检察院") in posts  # 选出…为
    # a chain ends where the next decision begins
    assert not [p for p in posts if p[0] == "李永群" and p[1] == "副主任"]
    assert ("谢传纪", "副主任", "襄阳市人民代表大会常务委员会") in posts  # 原 is no part of the body
    assert ("马立新", "副主任", "黄山市地方志办公室") in posts


def test_a_page_whose_bodies_are_a_countys_is_the_county_its_guest_went_to() -> None:
    """ "珠海市斗门区委副书记、区长X率队到福贡县…调研，县委书记Y，县委副书记、县长Z陪同": the guest's
    district is named more often, but the page's 县委 and 县长 are 福贡县's."""
    from kg.readers.orgs import document_locale

    page = (
        "8月22日至23日,珠海市斗门区委副书记、区长吴建国率队到福贡县开展扶贫协作工作调研,县委书记马立新,"
        "县委副书记、县长孙立平陪同调研。吴建国指出,此次到福贡调研,感触颇深。下一步,斗门区将进一步提高"
        "政治站位,斗门区将与福贡县加强协作,斗门区各部门要主动对接。"
    )
    found = document_locale(page, Locale())
    assert (found.city, found.county) == ("怒江傈僳族自治州", "福贡县")


def test_a_prefectures_short_name_inside_anothers_does_not_count() -> None:
    from kg.language.gazetteer import Gazetteer
    from kg.readers.orgs import city_counts

    counts = city_counts("马鞍山市委书记吴建国到含山县调研。马鞍山经开区、马鞍山港建设加快。")
    assert counts[Gazetteer.default().lookup("鞍山市")[0].code] == 0  # 鞍山 inside 马鞍山


def test_a_long_name_cut_inside_a_list_of_names_is_one_name() -> None:
    """ "张某、汤某、才|仁达哇、格扎": single characters and a name inside a list of names are one name;
    "张三、李四、及|王小明" is not (及 joins the list)."""
    from kg.language.recognise import repair_names

    mark = ("、", "PUNCT")
    cut = _words(
        ("吴建国", "PERSON"),
        mark,
        ("马立新", "PERSON"),
        mark,
        ("才", "ADV"),
        ("仁达哇", "PERSON"),
        mark,
        ("孙立平", "PERSON"),
    )
    assert "才仁达哇" in [t.text for t in repair_names(cut) if t.tag == "PERSON"]
    joined = _words(
        ("吴建国", "PERSON"), mark, ("马立新", "PERSON"), mark, ("及", "CONJ"), ("王小明", "PERSON")
    )
    assert "王小明" in [t.text for t in repair_names(joined) if t.tag == "PERSON"]


def test_members_counted_by_their_bodys_title(engine) -> None:
    text = (
        "12月28日,中国人民政治协商会议北京市顺义区第六届委员会第二次会议召开协商议政座谈会。"
        "座谈会上,吴建国、马立新、孙立平3位政协委员先后发言。会议同意张建军同志辞去县人大代表职务。\n"
    )
    posts = _posts(engine, text, "北京市")
    assert ("马立新", "委员", "中国人民政治协商会议北京市顺义区委员会") in posts
    assert not [p for p in posts if p[0] == "张建军" and "辞去" in p[2]]  # no body begins with a verb


def test_a_page_that_says_our_county_is_the_county_it_names() -> None:
    """ "中共深圳市福田区委书记X率考察组到我县考察…马山县": the guest's district is named more often, but a
    page that says 我县 is a 县's news: the 县 it names in full, in its own city."""
    from kg.readers.orgs import document_locale

    page = (
        "深圳福田区委书记吴建国率考察组到我县考察调研\n"
        "11月9日,中共深圳市福田区委书记吴建国率考察组一行到我县考察调研,并召开深圳市福田区—南宁市马山县"
        "粤桂协作联席会议。会议通报了马山县经济社会发展情况。签订了福田区—马山县合作框架协议,并举行"
        "福田区向马山县捐赠社会帮扶资金仪式。"
    )
    assert (document_locale(page, Locale()).city, document_locale(page, Locale()).county) == (
        "南宁市",
        "马山县",
    )
    guest = "11月9日,福田区委书记吴建国到罗湖区考察。福田区与罗湖区签订协议。"  # no 我县: as before
    assert document_locale(guest, Locale()).city == "深圳市"


def test_events_of_the_fifth_round(engine) -> None:
    text = (
        "3月5日下午，扎赉特旗第十五届人民代表大会第四次会议完成各项会议议程，在旗宣传文化中心闭幕。"
        "5月25日，淇滨区举行8个项目的集中签约仪式。"
        "会上，副院长张三传达了院长李四在全省专项整治动员部署会上的讲话精神。"
        "会议深入学习领会中央经济工作会议精神。\n"
    )
    article = analyse([Document("x.txt", text)], engine, Locale.for_city("兴安盟"))[0].articles[0]
    events = {e.name: e for e in article.events}
    # the session is the subject of "完成各项会议议程": its name ends before the predicate
    assert events["扎赉特旗第十五届人民代表大会第四次会议"].place == "旗宣传文化中心"
    assert "8个项目集中签约仪式" in events  # "N个项目的…仪式" named without 的
    # a meeting whose speech is relayed is an event held before, with no date of the sentence's
    relayed = events["全省专项整治动员部署会"]
    assert relayed.date is None and relayed.cited
    assert "中央经济工作会议" not in events  # only studied: background (as tests/gold has it)


def test_visits_led_by_a_list_or_a_group(engine) -> None:
    text = (
        "李四赴景德镇开展专题调研活动\n"
        "4月15日，省政协副主席、民盟省委会主委李四率调研组一行到景德镇市开展专题调研活动。"
        "民盟市委会专职副主委王五陪同调研。\n"
        "9月4日下午，海口日报社总编辑丁宁带领政文部主任张志红、海口网总经理郑文强，新媒体部副主任符绩国等一行到美兰区调研座谈。\n"
    )
    articles = analyse([Document("x.txt", text)], engine, Locale.for_city("景德镇市"))[0].articles
    events = {e.name: e for a in articles for e in a.events}
    parts = {(p.person, p.role, p.event.name) for a in articles for p in a.participations}
    assert (
        events["李四到景德镇调研"].place == "景德镇市"
    )  # the headline's visit, its place and day from the lead
    assert ("李四", "调研", "李四到景德镇调研") in parts  # 率调研组一行到…: led, then came
    assert (
        "王五",
        "陪同",
        "李四到景德镇调研",
    ) in parts  # 副主|委王五: the title's last character is the title's
    assert events["丁宁到美兰区调研座谈"].place == "美兰区"  # 带领A、B，C等一行到…
    assert ("郑文强", "调研", "丁宁到美兰区调研座谈") in parts


def test_a_name_split_into_two_place_words_inside_a_list_is_one_name() -> None:
    """ "柳洪、自|福庄、沐华斌": two words typed as places, no division above a township, between names."""
    from kg.language.recognise import repair_names

    split = _words(("柳洪", "PERSON"), ("、", "PUNCT"), ("自", "PLACE"), ("福庄", "PLACE"), ("、", "PUNCT"))
    split += _words(("沐华斌", "PERSON"))
    assert [t.text for t in repair_names(split) if t.tag == "PERSON"] == ["柳洪", "自福庄", "沐华斌"]
    city = _words(("柳洪", "PERSON"), ("、", "PUNCT"), ("沧州", "PLACE"), ("市", "PLACE"), ("、", "PUNCT"))
    city += _words(("沐华斌", "PERSON"))
    assert [t.text for t in repair_names(city) if t.tag == "PERSON"] == ["柳洪", "沐华斌"]


def test_a_four_character_name_without_a_surname_between_names_of_a_list_is_a_name() -> None:
    """ "A、洛桑多吉、B": a Tibetan name the model cut into words; a title between names is not one."""
    from kg.language.recognise import repair_names

    cut = _words(("孙立平", "PERSON"), ("、", "PUNCT"), ("洛", "ADV"), ("桑", "NOUN"), ("多", "ADV"))
    cut += _words(("吉", "VERB"), ("、", "PUNCT"), ("马立新", "PERSON"))
    assert [t.text for t in repair_names(cut) if t.tag == "PERSON"] == ["孙立平", "洛桑多吉", "马立新"]
    title = _words(("孙立平", "PERSON"), ("、", "PUNCT"), ("常务", "ADJ"), ("副县长", "NOUN"))
    title += _words(("、", "PUNCT"), ("马立新", "PERSON"))
    assert [t.text for t in repair_names(title) if t.tag == "PERSON"] == ["孙立平", "马立新"]


def test_a_verbs_first_character_read_into_a_name_goes_back() -> None:
    from kg.language.recognise import repair_names

    read_in = _words(("市委书记", "NOUN"), ("沈星率", "NOUN"), ("团", "NOUN"), ("考察", "VERB"))
    assert [t.text for t in repair_names(read_in) if t.tag == "PERSON"] == ["沈星"]
    named = _words(("市长", "NOUN"), ("钱简作", "PERSON"), ("推介", "VERB"), ("发言", "VERB"))
    assert [t.text for t in repair_names(named) if t.tag == "PERSON"] == ["钱简"]
    whole = _words(("市长", "NOUN"), ("王小明", "PERSON"), ("作", "VERB"), ("报告", "NOUN"))
    assert [t.text for t in repair_names(whole) if t.tag == "PERSON"] == ["王小明"]
    group = _words(("书记", "NOUN"), ("王程率", "PERSON"), ("考察", "VERBAL_NOUN"), ("组", "NOUN"))
    assert [t.text for t in repair_names(group) if t.tag == "PERSON"] == ["王程"]
    closing = _words(("副主席", "NOUN"), ("马立新等", "PERSON"), ("陪同", "VERB"))
    assert [t.text for t in repair_names(closing) if t.tag == "PERSON"] == ["马立新"]


def test_a_conjunction_read_into_a_name_goes_back() -> None:
    from kg.language.recognise import repair_names

    glued = _words(("检察长", "NOUN"), ("钱中原和", "PERSON"), ("区监察委员会", "ORG"))
    assert [t.text for t in repair_names(glued) if t.tag == "PERSON"] == ["钱中原"]
    cut = _words(("主任", "NOUN"), ("曹仲", "PERSON"), ("有", "VERB"), ("及", "CONJ"), ("法院", "NOUN"))
    assert [t.text for t in repair_names(cut) if t.tag == "PERSON"] == ["曹仲有"]


def test_a_body_with_its_other_name_in_brackets_and_our_citys_committee(engine) -> None:
    text = "高新区(运河区)人民检察院检察长吴建国走访代表。我市市委书记马立新出席。"
    posts = _posts(engine, text, "沧州市")
    assert ("吴建国", "检察长", "运河区人民检察院") in posts
    assert ("马立新", "书记", "中共沧州市委员会") in posts


def _words(*pairs: tuple[str, str]) -> list:
    """Tokens as a model would give them, for the rules that mend its slips."""
    from kg.language.engines import Token

    tokens, start = [], 0
    for text, tag in pairs:
        tokens.append(Token(text, start, start + len(text), tag))
        start += len(text)
    return tokens


def test_the_last_name_of_a_list_typed_as_a_body_is_a_name() -> None:
    from kg.language.recognise import repair_names

    listed = _words(
        ("副主任", "NOUN"), ("姚一", "PERSON"), ("、", "PUNCT"), ("柯二", "PERSON"), ("、", "PUNCT")
    )
    named = listed + _words(("富国权", "ORG"), ("参加", "VERB"))
    assert [t.text for t in repair_names(named) if t.tag == "PERSON"] == ["姚一", "柯二", "富国权"]
    body = listed + _words(("市政协", "ORG"), ("参加", "VERB"))
    assert [t.text for t in repair_names(body) if t.tag == "PERSON"] == ["姚一", "柯二"]
    all_members = listed + _words(("全体", "NOUN"), ("委员", "NOUN"))
    assert [t.text for t in repair_names(all_members) if t.tag == "PERSON"] == ["姚一", "柯二"]


def test_a_title_inside_book_title_marks_is_read(engine) -> None:
    text = "听取和评议了《市人民法院副院长吴建国同志个人履职情况的专项工作报告》。"
    assert ("吴建国", "副院长", "沧州市人民法院") in _posts(engine, text, "沧州市")


def test_a_name_cut_before_a_verb_in_a_list_and_a_photo_credit() -> None:
    from kg.language.recognise import repair_names

    listed = _words(("张一", "PERSON"), ("、", "PUNCT"), ("孔祥", "PERSON"), ("成", "VERB"), ("出席", "VERB"))
    assert [t.text for t in repair_names(listed) if t.tag == "PERSON"] == ["张一", "孔祥成"]
    credit = _words(("会场", "NOUN"), ("。", "PUNCT"), ("范一涛摄", "PERSON"))
    assert [t.text for t in repair_names(credit) if t.tag == "PERSON"] == ["范一涛"]


def test_long_names_in_a_list_of_executive_chairs(engine) -> None:
    text = (
        "本报讯 1月9日下午，阿坝州第十三届人民代表大会第五次会议举行第三次全体会议。"
        "大会的执行主席是张三、李四、达扎·尕让托布旦拉西降措、白玛罗尔伍、王五。\n"
    )
    chairs = {p for p, title, _ in _posts(engine, text, "阿坝藏族羌族自治州") if title == "执行主席"}
    # a dotted name the model cut in five runs on to the list's 、; a five-character name in a list is one
    assert {"达扎·尕让托布旦拉西降措", "白玛罗尔伍"} <= chairs


def test_a_head_title_with_no_place_known_heads_its_own_body(engine) -> None:
    text = "县政协主席张三出席会议；县人大副主任李四，副县长王五应邀指导会议。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale())
    posts = {(p.person, p.organization) for a in docs[0].articles for p in a.positions}
    assert ("王五", "县政府") in posts  # not 县人大, the body named before him


def test_a_plenary_recalled_for_its_spirit_is_no_event(engine) -> None:
    text = (
        "本报讯 12月15日，市委书记张三率队调研重点项目建设时要求，各级各部门要深入学习贯彻落实"
        "党的十九届五中全会精神，以及省委十二届十二次全会精神。\n"
        "2月7日，李四、王五到安马大营二号地施工现场进行了调研指导。\n"
    )
    article = analyse([Document("x.txt", text)], engine, Locale.for_city("梅州市"))[0].articles[0]
    events = {e.name: e for e in article.events}
    assert not any("全会" in name for name in events)
    assert "张三率队调研重点项目建设" in events  # what he said while there is not the visit's object
    visit = events["李四、王五到安马大营二号地施工现场调研指导"]
    assert visit.place == "安马大营二号地施工现场"


def test_deputies_elected_after_their_head_take_the_heads_body(engine) -> None:
    text = (
        "本报讯 石景山区“两会”24日闭幕。张三当选石景山区第十五届人民代表大会常务委员会主任，刘建国、陈立新当选为副主任，"
        "赵六等21人当选为新一届石景山区人大常委会委员。\n"
    )
    committee = "北京市石景山区人民代表大会常务委员会"
    posts = _posts(engine, text, "北京市")
    assert {("刘建国", "副主任", committee), ("陈立新", "副主任", committee)} <= posts
    assert ("赵六", "委员", committee) in posts  # 新一届 is the term, not the body's name


def test_a_county_typed_as_a_person_is_a_place_unless_a_title_names_him(engine) -> None:
    text = "本报阿克苏讯 阿坝州第十三届人民代表大会第五次会议在马尔康闭幕。市委副书记、市长江华出席。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("阿坝藏族羌族自治州"))
    persons = {
        m.text for a in docs[0].articles for s in a.sentences for m in s.mentions if m.type == "PERSON"
    }
    assert "马尔康" not in persons and "阿克苏" not in persons
    assert "江华" in persons  # 江华 is also a county, but here a 市长's name


def test_a_long_name_the_model_cut_into_characters_after_a_title() -> None:
    from kg.language.recognise import repair_names

    cut = _words(
        ("副主任", "NOUN"),
        ("才", "ADV"),
        ("让", "VERB"),
        ("当智", "PERSON"),
        ("、", "PUNCT"),
        ("李一", "PERSON"),
    )
    assert [t.text for t in repair_names(cut) if t.tag == "PERSON"] == ["才让当智", "李一"]
    motion = _words(("成员", "NOUN"), ("来瑞", "PERSON"), ("考察", "VERB"))  # 来 and 瑞安 written 瑞
    assert not [t for t in repair_names(motion) if t.tag == "PERSON"]
    verb = _words(("书记", "NOUN"), ("又", "ADV"), ("在", "PREP"), ("李一", "PERSON"), ("、", "PUNCT"))
    assert [t.text for t in repair_names(verb) if t.tag == "PERSON"] == ["李一"]


def test_a_courts_divisions_written_alone_or_short(engine) -> None:
    text = (
        "本报讯 5月24日，公安县人民法院邀请人大代表旁听庭审。刑庭庭长张三向人大代表们汇报了工作，"
        "公安法院审判管理办公室主任李四介绍了情况。会议任命王五为公安县人民法院审判员、审委会委员、副院长。\n"
    )
    posts = _posts(engine, text, "荆州市")
    assert ("张三", "庭长", "公安县人民法院刑庭") in posts  # the division of the court the article is about
    assert ("李四", "主任", "公安县人民法院审判管理办公室") in posts  # the county's short name + 法院
    assert ("王五", "委员", "公安县人民法院审判委员会") in posts
    assert ("王五", "副院长", "公安县人民法院") in posts  # the court's, not its committee's


def test_a_name_cut_before_daibiao() -> None:
    from kg.language.recognise import repair_names

    cut = _words(
        ("主任", "NOUN"), ("邱一", "PERSON"), ("让", "VERB"), ("代表", "VERB"), ("县人大常委会", "ORG")
    )
    assert [t.text for t in repair_names(cut) if t.tag == "PERSON"] == ["邱一让"]


def test_a_dotted_name_whose_dot_the_model_kept_on_the_first_half() -> None:
    from kg.language.recognise import repair_names

    cut = _words(("县长", "NOUN"), ("波来提·", "PERSON"), ("卡依尔", "PERSON"), ("出席", "VERB"))
    assert [t.text for t in repair_names(cut) if t.tag == "PERSON"] == ["波来提·卡依尔"]


def test_a_county_level_citys_page_names_its_prefectures_bodies_in_full() -> None:
    """五常市's paper writes "哈尔滨市委…" and "我市": its 市委 is 五常市's."""
    from kg.readers.orgs import document_locale

    page = (
        "我市举行招商引资集中签约仪式。哈尔滨市政府驻上海办事处副主任吴建国参加。市委常委、常务副市长马立新出席。"
        "围绕哈尔滨市委构建现代产业新体系，这是五常发展的永恒主题，让投资五常的企业、支持五常发展的客商满意。"
    )
    assert document_locale(page, Locale()).city == "五常市"
    # a county-level city's page that names itself once: in its byline ("邓州网讯"), or three characters
    # long in a page that says 我市; a two-character name once, elsewhere, is too often a word
    page = "邓州网讯 近日，市委书记吴建国带领有关部门到杏山旅游管理区督导检查。"
    assert document_locale(page, Locale()).city == "邓州市"
    page = "2月21日，我市与某设计院签订协议。市委副书记、市长马立新指出，丹江口正处于发展的黄金期。"
    assert document_locale(page, Locale()).city == "丹江口市"
    page = "2月21日，我市与某设计院签订协议。市委副书记、市长马立新指出，邓州正处于发展的黄金期。"
    assert document_locale(page, Locale()).city == ""


def test_a_titles_qualifier_after_another_title_is_no_name(engine) -> None:
    text = "本报讯 开工仪式上，剑阁县委常委常务副县长吴建国指出，要以此次集中开工为契机。\n"
    posts = _posts(engine, text, "广元市")
    assert posts == {("吴建国", "常委", "中共剑阁县委员会"), ("吴建国", "常务副县长", "剑阁县人民政府")}


def test_a_banner_named_as_its_press_shortens_it_is_the_pages_county(engine) -> None:
    """阿旗 is 阿鲁科尔沁旗 (kg/data/division_aliases.tsv): its 旗委 is that banner's committee."""
    text = "本报讯 阿旗召开招商引资推进会。阿旗旗委书记吴建国主持会议，阿旗旗长马立新讲话，阿旗各部门负责人参加。\n"
    posts = _posts(engine, text, "赤峰市")
    assert ("吴建国", "书记", "中共阿鲁科尔沁旗委员会") in posts


def test_the_group_a_page_named_is_the_bare_group_of_a_chain(engine) -> None:
    text = "本报讯 9月8日，海露集团董事长吴建国会见了客人。集团副董事长马立新，集团市场营销部总经理孙立平参加交流。\n"
    posts = _posts(engine, text, "伊犁哈萨克自治州")
    assert {("马立新", "副董事长", "海露集团"), ("孙立平", "总经理", "海露集团市场营销部")} <= posts


def test_a_page_of_its_delegations_trip_is_the_delegations_places(engine) -> None:
    """利川's news of its delegation in 黄石, which it names as often: its 州委 and 市委 are 恩施州's, 利川市's."""
    text = (
        "利川党政代表团赴黄石考察\n\n"
        "本报讯 7月10日，州委常委、市委书记吴建国率利川市党政代表团赴黄石市考察。黄石市委常委马立新出席座谈会。"
        "吴建国对黄石市对利川的支持表示感谢，希望黄石继续帮助利川。\n"
    )
    from kg.pipeline import locale_for

    docs = [Document("x.txt", text)]
    docs = analyse(docs, engine, locale_for(docs, None))  # no --city: each page in the place it names
    posts = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    assert ("吴建国", "书记", "中共利川市委员会") in posts
    assert ("吴建国", "常委", "中共恩施土家族苗族自治州委员会") in posts


@pytest.mark.parametrize(
    ("cut", "name"),
    [
        # the model's dotted half after a person of its own: one name
        (
            (("主任", "NOUN"), ("巴哈尔", "PERSON"), ("古丽•艾麦提", "PERSON"), (",", "PUNCT")),
            "巴哈尔古丽•艾麦提",
        ),
        # the dot alone, then words of no name's kind up to the stop
        (
            (
                ("主任", "NOUN"),
                ("托合提", "PERSON"),
                ("•", "PUNCT"),
                ("热合", "VERB"),
                ("木提", "NOUN"),
                (",", "PUNCT"),
            ),
            "托合提•热合木提",
        ),
        # the dot glued to the second half, up to a person's verb
        (
            (
                ("主席", "NOUN"),
                ("阿布", "PERSON"),
                ("沙拉木", "PERSON"),
                ("·麦木", "PUNCT"),
                ("提明", "VERB"),
                ("主持", "VERB"),
            ),
            "阿布沙拉木·麦木提明",
        ),
        # a word after the name is no part of it: the person after the dot, and no more
        (
            (("赛力克", "PERSON"), ("·", "PUNCT"), ("哈布肯", "PERSON"), ("为", "VERB"), ("。", "PUNCT")),
            "赛力克·哈布肯",
        ),
    ],
)
def test_a_name_written_with_a_dot_the_model_cut(cut, name: str) -> None:
    from kg.language.recognise import repair_names

    assert [t.text for t in repair_names(_words(*cut)) if t.tag == "PERSON"] == [name]


def test_a_slogan_with_a_dot_is_no_name() -> None:
    from kg.language.recognise import repair_names

    cut = _words(
        ("人", "NOUN"), ("才", "PERSON"), ("·", "PUNCT"), ("聚", "VERB"), ("里下河", "PLACE"), ("，", "PUNCT")
    )
    assert [t.text for t in repair_names(cut) if t.tag == "PERSON"] == ["才"]


def test_a_name_with_a_surname_of_two_characters_after_a_title(engine) -> None:
    # the model reads 上官明远 as a verb; after a title chain it is a name, as three-character ones are
    text = "市委副书记、副市长上官明远到北客站等地进行了实地查看。实地调研后,上官明远同志主持召开座谈会。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("西安市"))
    posts = {(p.person, p.title) for a in docs[0].articles for p in a.positions}
    assert ("上官明远", "副市长") in posts


def test_a_county_page_s_bare_bodies_and_party_groups_are_the_county_s(engine) -> None:
    # a county's news: 人大 and 政法委 written bare, in a chain after 县委 or alone, are the county's
    text = (
        "本报讯 1月9日，乌什县政协十四届七次会议开幕。县委书记吴建国，县委副书记、人大党组书记、政法委书记马立新，"
        "人大党组副书记、主任王程出席。\n"
    )
    docs = [Document("x.txt", text)]
    docs = analyse(docs, engine, locale_for(docs, None))  # read in the county the page names
    posts = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    assert {
        ("马立新", "党组书记", "乌什县人民代表大会常务委员会"),
        ("马立新", "书记", "中共乌什县委政法委员会"),
        ("王程", "主任", "乌什县人民代表大会常务委员会"),
    } <= posts


def test_the_heads_of_the_two_courts_named_together_then_their_holders_in_order(engine) -> None:
    text = "本报讯 12月23日，某区人代会举行全体会议。区领导吴建国、马立新，两院院长、检察长陈立、王海在主席台上就座。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    posts = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    assert {("陈立", "院长", "莆田市人民法院"), ("王海", "检察长", "莆田市人民检察院")} <= posts
    assert not any(org == "两院" for _, _, org in posts)  # the two together are no organisation


def test_a_dotted_name_cut_anywhere_is_mended_by_its_full_form_in_the_page(engine) -> None:
    # the first time whole before a stop; the second time run on into 向大会作…, which no rule can cut
    text = (
        "本报讯 县政协党组副书记、主席阿布都沙拉木•麦木提明,县委书记吴建国出席。\n"
        "县政协主席阿布都沙拉木•麦木提明向大会作常务委员会工作报告。\n"
    )
    docs = [Document("x.txt", text)]
    docs = analyse(docs, engine, locale_for(docs, "阿克苏地区"))
    people = {p.person for a in docs[0].articles for p in a.positions}
    assert "阿布都沙拉木•麦木提明" in people
    assert not any(name.startswith("阿布都") and name != "阿布都沙拉木•麦木提明" for name in people)
    persons = {
        m.text for a in docs[0].articles for s in a.sentences for m in s.mentions if m.type == "PERSON"
    }
    assert "沙拉木" not in persons  # a part of the name mended whole is no person of its own


def test_a_place_inside_a_persons_name_says_nothing_of_the_pages_place(engine) -> None:
    # "刘庆武强调": 武强 (a county of 衡水) inside a name and the verb after it, on a page that never
    # names its county
    from kg.pipeline import locale_for

    text = (
        "6月27日，县委书记刘庆武来我院视察调研检察工作，听取了检察长张伟的汇报。刘庆武强调，检察机关要"
        "围绕县委县政府工作大局，服务全县经济社会发展。"
    )
    docs = [Document("x.txt", text)]
    analyse(docs, engine, locale_for(docs, None))
    assert docs[0].county != "武强县"


def test_a_county_written_by_its_press_name_and_words_that_only_look_like_counties() -> None:
    from kg.readers.orgs import document_locale

    # 克旗 is how the press writes 克什克腾旗 (kg/data/division_aliases.tsv)
    page = "克旗举行重点项目集中开工仪式。旗委书记张三说，克旗干部群众上下一心。"
    assert document_locale(page, Locale()).county == "克什克腾旗"
    # a county's short name inside a person's given name, after a title, is no county ...
    page = "县委书记李四主持召开会议。县领导钱建华出席。县委副书记、县长钱建华提出要求。"
    assert document_locale(page, Locale()).county != "建华区"
    # ... but after a surname-like character that no title stands before, it is ("中国舞阳网")
    page = "县委县政府重点工作周交办会议召开\n来源: 中国舞阳网\n8月22日，县委副书记、县长王五主持召开会议。"
    assert document_locale(page, Locale()).county == "舞阳县"
    # "各镇和县直部门": 和 joins, 县直 is the county's own departments
    page = "县委书记赵六主持召开会议。各镇和县直相关部门负责同志参加了会议。"
    assert document_locale(page, Locale()).county != "和县"
    # 凤凰 is a village's, a lake's, a hotel's name far more often than 凤凰县's
    page = "市长吴建国来我县督查项目，深入城关镇凤凰美丽乡村项目现场。县委书记马立新陪同。"
    assert document_locale(page, Locale()).county != "凤凰县"


def test_a_session_is_named_as_the_page_writes_it_in_full(engine) -> None:
    text = (
        "1月25日下午，科右前旗第十八届人民代表大会第六次会议举行第三次全体会议。\n"
        "科右前旗人大常委会主任张三主持会议。旗领导李四、王五等大会主席团成员在主席台就座。\n"
        "会议听取了《关于旗十八届人大六次会议议案审查情况的报告》。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("兴安盟", county="科尔沁右翼前旗"))
    posts = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    assert ("李四", "主席团成员", "科右前旗第十八届人民代表大会第六次会议") in posts


def test_an_invitation_opens_a_chain_and_a_campaigns_word_is_no_name(engine) -> None:
    text = "会议由县委常委张三主持。并特邀集宁区委宣传部副部长李四分享了创城经验。\n"
    assert ("李四", "副部长", "中共集宁区委宣传部") in _posts(engine, text, "乌兰察布市")
    text = "3月8日上午，海棠区召开创文巩卫工作会议。区委书记王五出席会议并作重要讲话。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("三亚市"))
    article = docs[0].articles[0]
    assert "创文巩卫工作会议" in {e.name for e in article.events}
    assert "巩卫" not in {p.person for p in article.participations}


def test_an_adverb_or_a_verb_before_a_chain_and_a_city_written_short_before_its_county(engine) -> None:
    """ "最后县委书记张三讲话", "落实好区委书记李四的讲话精神": the word before the chain is no part of its
    organisation; "秦皇岛卢龙县委": a city written short before a county of its own is dropped."""
    text = "最后县委书记张三讲话。要学习好、落实好区委书记李四的重要讲话精神。\n"
    posts = _posts(engine, text, "自贡市")
    assert {org for _, _, org in posts} <= {"县委", "区委"} and len(posts) == 2
    text = "10月30日，秦皇岛卢龙县委副书记、县长王五主持召开县政府工作调度会。\n"
    assert ("王五", "副书记", "中共卢龙县委员会") in _posts(engine, text, "秦皇岛市")


def test_every_titled_person_listed_before_a_presidiums_members_is_one(engine) -> None:
    text = (
        "2月25日上午，城中区第十三届人民代表大会第六次会议开幕。区委副书记、区长周大祥，区人大常委会主任姚小良，"
        "区委常委周小平、佟大军，区人大常委会副主任张大源、陈远明等大会主席团成员在主席台就座。\n"
    )
    posts = _posts(engine, text, "柳州市")
    # a district's name several cities have (城中区) is named with the paper's city
    session = "柳州市城中区第十三届人民代表大会第六次会议"
    members = {"周大祥", "姚小良", "周小平", "佟大军", "张大源", "陈远明"}
    assert {(person, "主席团成员", session) for person in members} <= posts
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("柳州市"))
    assert session in {e.name for a in docs[0].articles for e in a.events}  # the event, named as its body


def test_a_name_cut_before_its_last_character_is_mended() -> None:
    """A conjunction cannot stand before a list's mark, a closing bracket ends a byline's name, a word
    the model read as an adjective begins a name after a title, and 家 after a name is its home."""
    from kg.language.recognise import repair_names

    def persons(*pairs: tuple[str, str]) -> list[str]:
        return [t.text for t in repair_names(_words(*pairs)) if t.tag == "PERSON"]

    assert persons(
        ("副主席", "NOUN"),
        ("冯松柏", "PERSON"),
        ("、", "PUNCT"),
        ("梁昌", "PERSON"),
        ("和", "CONJ"),
        (",", "PUNCT"),
    ) == ["冯松柏", "梁昌和"]
    assert persons(("县长", "NOUN"), ("李明", "PERSON"), ("和", "CONJ"), ("王强", "PERSON")) == [
        "李明",
        "王强",
    ]
    assert persons(("记者", "NOUN"), ("吴凤", "PERSON"), ("至", "VERB"), (")", "PUNCT")) == ["吴凤至"]
    assert persons(("记者", "NOUN"), ("王小", "PERSON"), ("摄", "VERB"), (")", "PUNCT")) == ["王小"]
    assert persons(("常务主席", "NOUN"), ("高善", "ADJ"), ("玉", "NOUN"), ("、", "PUNCT")) == ["高善玉"]
    assert persons(("走进", "VERB"), ("村支书", "NOUN"), ("杨生科家", "PERSON"), (",", "PUNCT")) == ["杨生科"]


@pytest.mark.parametrize(
    ("text", "person", "title"),
    [
        (
            "本报讯 县委副书记、县长次仁达瓦主持会议。\n",
            "次仁达瓦",
            "县长",
        ),  # two syllables of name_syllables.txt
        ("本报讯 县委书记才让尼玛、县长张三出席。\n", "才让尼玛", "书记"),
        ("本报讯 旗长巴图苏和出席。\n", "巴图苏和", "旗长"),
        ("本报讯 区委副书记艾山·买提出席会议。\n", "艾山·买提", "副书记"),  # a dotted name after a title
        ("本报讯 自治区人大常委会党组成员买买提艾力·吐尔逊讲话。\n", "买买提艾力·吐尔逊", "党组成员"),
    ],
)
def test_tibetan_mongolian_and_uyghur_names_after_a_title(engine, text: str, person: str, title: str) -> None:
    assert person in {p for p, t, _ in _posts(engine, text, "西宁市") if t == title}


def test_several_names_in_a_row_the_model_missed_in_a_list_of_names() -> None:
    """ "A、B、C、施|立意、黄龙、严明云、D": up to three items in a row that look like names, between names of
    a list mostly of names, are names; a run of four is not read so."""
    from kg.language.recognise import repair_names

    names = ("吴建国", "马立新", "孙立平", "张建军")
    missed = (
        ("施", "VERB"),
        ("立意", "NOUN"),
        ("、", "PUNCT"),
        ("黄龙", "PLACE"),
        ("、", "PUNCT"),
        ("严明云", "ADJ"),
    )
    people = _words(
        *[w for n in names for w in ((n, "PERSON"), ("、", "PUNCT"))],
        *missed,
        ("、", "PUNCT"),
        ("王程", "PERSON"),
    )
    found = [t.text for t in repair_names(people) if t.tag == "PERSON"]
    assert {"施立意", "黄龙", "严明云"} <= set(found)
    too_many = _words(
        *[w for n in names for w in ((n, "PERSON"), ("、", "PUNCT"))],
        *missed,
        ("、", "PUNCT"),
        ("王强盛", "ADJ"),
        ("、", "PUNCT"),
        ("王程", "PERSON"),
    )
    assert "黄龙" not in [t.text for t in repair_names(too_many) if t.tag == "PERSON"]


def test_a_name_before_reading_out_a_list() -> None:
    """ "肖某宣|读…名单": the model read 宣读's first character into the name before it."""
    from kg.language.recognise import repair_names

    words = _words(
        ("常务副县长", "NOUN"), ("马立宣", "PERSON"), ("读", "VERB"), ("开工", "VERB"), ("名单", "NOUN")
    )
    assert [t.text for t in repair_names(words) if t.tag == "PERSON"] == ["马立"]


def test_a_word_read_as_a_name_where_a_route_begins_is_a_place() -> None:
    """ "鲁布格|至|岔江|公路": the model reads the route's first place as a person; before 至 and a place it
    is a place (and the ceremony named with it is no longer dropped for holding a person)."""
    from kg.language.recognise import repair_names

    route = _words(
        ("鲁布格", "PERSON"), ("至", "VERB"), ("岔江", "PLACE"), ("公路", "NOUN"), ("项目", "NOUN")
    )
    assert [t.tag for t in repair_names(route)][0] == "PLACE"
    person = _words(("吴建国", "PERSON"), ("至", "VERB"), ("今", "NOUN"), ("未", "ADV"))
    assert [t.tag for t in repair_names(person)][0] == "PERSON"


def test_the_verb_of_bringing_staff_read_into_a_word_after_a_title_goes_back() -> None:
    """ "副市长吴建率|相关镇处…负责人": the model reads 率 into a word after the title; it is the verb."""
    from kg.language.recognise import repair_names

    cut = _words(("副市长", "NOUN"), ("吴建率", "PROPER"), ("相关", "VERBAL_NOUN"), ("镇处", "NOUN"))
    assert [t.text for t in repair_names(cut) if t.tag == "PERSON"] == ["吴建"]


def test_a_name_without_a_surname_typed_as_a_place_between_a_title_and_a_verb_is_a_name() -> None:
    """ "副主任巴音达宣布": a Mongolian name, no Chinese surname, typed as a place; after a title and before a
    person's verb it is a name. A division's name stays a place."""
    from kg.language.recognise import repair_names

    named = _words(("副主任", "NOUN"), ("巴音达", "PLACE"), ("宣布", "VERB"), ("开工", "VERB"))
    assert [t.text for t in repair_names(named) if t.tag == "PERSON"] == ["巴音达"]
    place = _words(("副主任", "NOUN"), ("精河县", "PLACE"), ("宣布", "VERB"))
    assert not [t for t in repair_names(place) if t.tag == "PERSON"]
