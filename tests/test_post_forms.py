"""The genre's other forms of posts (kg/data/post_forms.tsv), each on sentences of its own,
written for these tests in the style of a city paper (沧州, 河北省)."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.pipeline import analyse
from kg.readers import post_forms
from kg.readers.orgs import Locale

TEXT = """市人大常委会举行第十五次会议

本报讯 3月5日，市十七届人大常委会第十五次会议举行。市人大常委会主任吴建国主持会议，副主任马立新、郑红梅、钱立军，秘书长周子平出席会议。会议决定任命陈立为沧州市人民政府副市长、代理市长；免去孙强沧州市人民政府副市长、市公安局局长的职务；接受韩刚辞去沧州市人民政府市长职务的请求。会议还决定任命宋莉同志为沧州市财政局局长、查中才同志为沧州市商务局局长。贺洋当选为市政协副主席。会议提名丁明为沧州市监察委员会主任候选人。

新闻发布会现场

发布人：周海涛 运河区委书记
主持人：刘洋 市委宣传部副部长、市政府新闻办主任
冯雪峰（沧州市发改委主任）介绍了全市项目建设情况。原市财政局局长吴军曾任河间市市长。杜平不再担任沧州市人民政府副市长。
"""


@pytest.fixture(scope="module")
def posts(engine) -> dict[tuple[str, str, str], tuple[bool, bool, str | None]]:
    docs = analyse([Document("cangzhou.txt", TEXT)], engine, Locale.for_city("沧州市"))
    return {
        (p.person, p.title, p.organization): (p.former, p.acting, p.change)
        for a in docs[0].articles
        for p in a.positions
    }


@pytest.mark.parametrize(
    "post, former, acting, change",
    [
        # a title over a list of names: every name holds it
        (("马立新", "副主任", "沧州市人民代表大会常务委员会"), False, False, None),
        (("郑红梅", "副主任", "沧州市人民代表大会常务委员会"), False, False, None),
        (("钱立军", "副主任", "沧州市人民代表大会常务委员会"), False, False, None),
        (("周子平", "秘书长", "沧州市人民代表大会常务委员会"), False, False, None),
        # personnel decisions
        (("陈立", "副市长", "沧州市人民政府"), False, False, "appointed"),
        (("陈立", "市长", "沧州市人民政府"), False, True, "acting"),  # 任命…为代理市长
        (("孙强", "副市长", "沧州市人民政府"), True, False, "removed"),
        (("孙强", "局长", "沧州市公安局"), True, False, "removed"),
        (("韩刚", "市长", "沧州市人民政府"), True, False, "resigned"),
        (("宋莉", "局长", "沧州市财政局"), False, False, "appointed"),
        (("查中才", "局长", "沧州市商务局"), False, False, "appointed"),
        (("贺洋", "副主席", "中国人民政治协商会议沧州市委员会"), False, False, "elected"),
        (("丁明", "主任", "沧州市监察委员会"), False, False, "nominated"),
        (("杜平", "副市长", "沧州市人民政府"), True, False, "removed"),
        # name first, then the title
        (("周海涛", "书记", "中共运河区委员会"), False, False, None),
        (("刘洋", "副部长", "中共沧州市委宣传部"), False, False, None),
        (("刘洋", "主任", "沧州市人民政府新闻办"), False, False, None),
        (("冯雪峰", "主任", "沧州市发改委"), False, False, None),
        # former posts
        (("吴军", "局长", "沧州市财政局"), True, False, None),
        (("吴军", "市长", "河间市人民政府"), True, False, None),
    ],
)
def test_post_form(posts: dict, post: tuple, former: bool, acting: bool, change: str | None) -> None:
    assert posts.get(post) == (former, acting, change)


def test_a_decision_gives_no_post_to_the_deciding_body(posts: dict) -> None:
    assert not [p for p in posts if p[0] in ("会议", "常委会")]


def test_every_form_reads_its_example(engine) -> None:
    for form in post_forms.forms():
        docs = analyse([Document("example.txt", form.example + "。")], engine, Locale.for_city("沧州市"))
        found = [p for a in docs[0].articles for p in a.positions if p.form == form.id]
        assert found, f"form {form.id} reads nothing in its example: {form.example}"


def test_forms_are_validated() -> None:
    with pytest.raises(post_forms.FormError, match="kg/data/post_forms.tsv:3 "):
        post_forms._form("kg/data/post_forms.tsv:3", ["bad", "appointed", "", "{P}为", "x"])
    with pytest.raises(post_forms.FormError, match="unknown change"):
        post_forms._form("kg/data/post_forms.tsv:4", ["bad", "promoted", "", "{P}为{T}", "x"])


def test_session_posts_belong_to_the_session(engine) -> None:
    text = (
        "12月29日，沧州市第十六届人民代表大会第三次会议在沧州会展中心闭幕。"
        "大会执行主席马立新、郑红梅、钱立军在主席台就座。"
    )
    docs = analyse([Document("session.txt", text)], engine, Locale.for_city("沧州市"))
    found = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    session = "沧州市第十六届人民代表大会第三次会议"
    assert found == {(n, "执行主席", session) for n in ("马立新", "郑红梅", "钱立军")}


def _session_posts(engine, text: str) -> set[tuple[str, str, str]]:
    """The posts of a session's page, read in the county the page names (as `kg eval` reads it)."""
    docs = analyse([Document("session.txt", text)], engine, Locale(per_document=True))
    return {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}


def test_session_posts_belong_to_the_session_reported_not_one_referred_to(engine) -> None:
    # "完成县十八届人大一次会议确定的目标": an earlier session (and 成县 is a county too), not the one reported
    text = (
        "1月14日,济阳县第十八届人民代表大会第二次会议开幕。大会执行主席马立新、郑红梅在主席台就座。"
        "政府工作报告说,全县圆满完成县十八届人大一次会议确定的主要目标任务。"
    )
    found = _session_posts(engine, text)
    session = "济阳县第十八届人民代表大会第二次会议"
    assert found == {(n, "执行主席", session) for n in ("马立新", "郑红梅")}


def test_a_session_list_after_its_order_and_with_notes_of_sex_and_nation(engine) -> None:
    text = (
        "中国人民政治协商会议凤台县第十一届委员会第一次会议于12月27日上午在会议中心隆重开幕。"
        "开幕大会的执行主席是:(以姓氏笔画为序排列)马立新(女)、王程(回族)、孙立平、张建军(女)。"
    )
    found = _session_posts(engine, text)
    session = "中国人民政治协商会议凤台县第十一届委员会第一次会议"
    assert found == {(n, "执行主席", session) for n in ("马立新", "王程", "孙立平", "张建军")}


def test_names_counted_by_a_title_of_the_session(engine) -> None:
    text = (
        "2月20日上午9时,张家川回族自治县第十五届人民代表大会第二次会议隆重开幕。"
        "马立新、吴建国等大会执行主席和孙立平、张建军等主席团成员出席会议。"
    )
    found = _session_posts(engine, text)
    session = "张家川回族自治县第十五届人民代表大会第二次会议"
    chairs = {(n, "执行主席", session) for n in ("马立新", "吴建国")}
    assert found == chairs | {(n, "主席团成员", session) for n in ("孙立平", "张建军")}


def _posts(engine, text: str) -> set[tuple[str, str, str, bool]]:
    docs = analyse([Document("forms.txt", text)], engine, Locale.for_city("沧州市"))
    return {(p.person, p.title, p.organization, p.former) for a in docs[0].articles for p in a.positions}


def test_a_bare_title_goes_on_with_the_body_of_the_sentence_before(engine) -> None:
    found = _posts(engine, "市政协主席吴建国主持会议并讲话。副主席马立新、郑红梅，秘书长周子平参加会议。")
    cppcc = "中国人民政治协商会议沧州市委员会"
    assert {("马立新", "副主席", cppcc, False), ("郑红梅", "副主席", cppcc, False)} <= found
    assert ("周子平", "秘书长", cppcc, False) in found


def test_a_post_held_before_by_everyone_of_a_list(engine) -> None:
    found = _posts(engine, "市政协主席吴建国讲话。往届市政协主席马立新、郑红梅在主席台就座。")
    cppcc = "中国人民政治协商会议沧州市委员会"
    assert {("马立新", "主席", cppcc, True), ("郑红梅", "主席", cppcc, True)} <= found


def test_a_conjunction_before_a_chain_is_no_part_of_its_body(engine) -> None:
    found = _posts(engine, "沧县县委书记吴建国介绍了成就，并和沧县县委副书记、县长马立新一起回答记者提问。")
    assert ("马立新", "副书记", "中共沧县委员会", False) in found


def test_a_title_stated_before_its_holders(engine) -> None:
    text = "沧州市第十六届人民代表大会第三次会议开幕。本次会议的执行主席是马立新、郑红梅。"
    session = "沧州市第十六届人民代表大会第三次会议"
    assert _posts(engine, text) == {(n, "执行主席", session, False) for n in ("马立新", "郑红梅")}
    serving = "沧州市第十六届人民代表大会第三次会议开幕。担任本次会议执行主席的是马立新、郑红梅。"
    assert _posts(engine, serving) == {(n, "执行主席", session, False) for n in ("马立新", "郑红梅")}


def test_members_counted_in_a_session_are_of_its_body(engine) -> None:
    text = (
        "政协第十四届沧州市委员会第二次会议举行第二次全体会议。"
        "马立新、郑红梅等2名委员作大会发言。钱立军等委员作书面发言。"
    )
    cppcc = "中国人民政治协商会议沧州市委员会"
    found = _posts(engine, text)
    assert {(n, "委员", cppcc, False) for n in ("马立新", "郑红梅", "钱立军")} <= found


def test_members_counted_are_not_read_into_a_decision(engine) -> None:
    text = "沧州市第十六届人民代表大会第三次会议开幕。会议接受马立新等辞去沧州市第十六届人大代表职务。"
    assert not [p for p in _posts(engine, text) if p[1] == "委员"]


def test_a_biography_gives_former_posts(engine) -> None:
    text = (
        "吴建国，男，汉族，1973年5月生。吴建国长期在省委办公厅工作，历任：省委办公厅秘书处秘书，"
        "省委研究室副巡视员等职。2017年，他任衡水市委常委、宣传部部长，2021年任邢台市委常委，"
        "市政府常务副市长，2023年起任沧州市委副书记至今。"
    )
    found = _posts(engine, text)
    assert {
        ("吴建国", "秘书", "中共河北省委办公厅秘书处", True),
        ("吴建国", "副巡视员", "中共河北省委研究室", True),
        ("吴建国", "常委", "中共衡水市委员会", True),
        ("吴建国", "部长", "中共衡水市委宣传部", True),
        ("吴建国", "常委", "中共邢台市委员会", True),
        ("吴建国", "常务副市长", "邢台市人民政府", True),  # the 市 the biography has just named
        ("吴建国", "副书记", "中共沧州市委员会", False),  # held 至今
    } <= found


def test_a_post_now_held(engine) -> None:
    found = _posts(engine, "原任沧州市市长吴建国，已任沧州市委书记。")
    assert ("吴建国", "书记", "中共沧州市委员会", False) in found
    assert ("吴建国", "市长", "沧州市人民政府", True) in found


def test_names_each_with_posts_then_elected_to_one(engine) -> None:
    text = "河北省副省长马立新、衡水市委书记郑红梅，新当选为河北省委常委。"
    found = _posts(engine, text)
    assert {
        ("马立新", "常委", "中共河北省委员会", False),
        ("郑红梅", "常委", "中共河北省委员会", False),
    } <= found


def test_elected_with_their_posts_written_before_the_name(engine) -> None:
    found = _posts(engine, "会议推选市委书记吴建国为沧州代表团团长。")
    assert ("吴建国", "团长", "沧州代表团", False) in found
    assert ("吴建国", "书记", "中共沧州市委员会", False) in found


def test_a_regions_party_committee_and_its_post(engine) -> None:
    found = _posts(engine, "省委常委、市委书记吴建国出席。河北省委常委马立新出席。")
    assert ("吴建国", "常委", "中共河北省委员会", False) in found


def test_the_presidiums_other_members(engine) -> None:
    text = "沧州市第十六届人民代表大会第三次会议开幕。马立新、郑红梅及大会主席团其他成员在主席台就座。"
    session = "沧州市第十六届人民代表大会第三次会议"
    assert {(n, "主席团成员", session, False) for n in ("马立新", "郑红梅")} <= _posts(engine, text)
    text = "沧州市第十六届人民代表大会第三次会议开幕。马立新、郑红梅及其他主席团成员在主席台就座。"
    assert {(n, "主席团成员", session, False) for n in ("马立新", "郑红梅")} <= _posts(engine, text)
    text = "沧州市第十六届人民代表大会第三次会议开幕。马立新、郑红梅以及主席团其他成员在主席台就座。"
    assert {(n, "主席团成员", session, False) for n in ("马立新", "郑红梅")} <= _posts(engine, text)
    # a title of one's own before "等以及…其他成员": not said to be a member
    text = "沧州市第十六届人民代表大会第三次会议开幕。马立新、市政府秘书长郑红梅等以及主席团其他成员在主席台就座。"
    assert ("郑红梅", "主席团成员", session, False) not in _posts(engine, text)


def test_a_biography_in_a_county_and_with_words_before_its_verb(engine) -> None:
    text = (
        "吴建国，男，1970年生。2000年9月，吴建国任共青团沧州市委副书记。2002年12月，吴建国调至献县工作，"
        "在献县历任副县长，县委常委、常务副县长，县委书记。2019年10月，吴建国跨市升任衡水市副市长。"
    )
    found = _posts(engine, text)
    assert {
        ("吴建国", "副书记", "共青团沧州市委", True),
        ("吴建国", "副县长", "献县人民政府", True),
        ("吴建国", "常委", "中共献县委员会", True),
        ("吴建国", "书记", "中共献县委员会", True),
        ("吴建国", "副市长", "衡水市人民政府", True),
    } <= found


def test_words_before_a_chain_are_no_body(engine) -> None:
    text = "受市人大常委会主任吴建国委托，副主任马立新主持会议。会议根据市长郑红梅的提请，决定任命。"
    found = _posts(engine, text)
    assert ("吴建国", "主任", "沧州市人民代表大会常务委员会", False) in found
    assert ("郑红梅", "市长", "沧州市人民政府", False) in found


def test_persons_counted_before_their_post_without_deng(engine) -> None:
    text = "本报讯 大会选举张亚军、尚卫东、李红、赵伟四位同志为市政协副主席，选举丁月、王宇两位同志为市政协常务委员。\n"
    found = {(p[0], p[1]) for p in _posts(engine, text)}
    assert {("张亚军", "副主席"), ("赵伟", "副主席"), ("丁月", "常务委员"), ("王宇", "常务委员")} <= found


def _changes(engine, text: str) -> set[tuple[str, str, str, str | None]]:
    docs = analyse([Document("cangzhou.txt", text)], engine, Locale.for_city("沧州市"))
    return {(p.person, p.title, p.organization, p.change) for a in docs[0].articles for p in a.positions}


def test_a_decision_goes_on_after_a_semicolon(engine) -> None:
    text = (
        "会议依法选举吴建国为市人大常委会主任，马立新、郑红梅为市人大常委会副主任；"
        "陈立为沧州市人民政府市长，宋莉、王海为沧州市人民政府副市长；"
        "周子平为沧州市人民检察院检察长(须报经省人民检察院检察长提请省人大常委会批准任命)；"
        "丁明等24位同志为沧州市人大常委会委员。\n"
    )
    found = _changes(engine, text)
    government = "沧州市人民政府"
    assert {
        ("陈立", "市长", government, "elected"),
        ("宋莉", "副市长", government, "elected"),
        ("王海", "副市长", government, "elected"),
        ("周子平", "检察长", "沧州市人民检察院", "elected"),
        ("丁明", "委员", "沧州市人民代表大会常务委员会", "elected"),
    } <= found


def test_a_standing_committee_decides_who_holds_a_post(engine) -> None:
    text = (
        "会议表决通过，决定接受韩刚辞去沧州市人民政府市长职务；决定吴建国为沧州市人民政府代理市长。"
        "会议决定陈立为沧州市人民政府副市长，宋莉为沧州市人民政府副市长。\n"
    )
    found = _changes(engine, text)
    assert ("吴建国", "市长", "沧州市人民政府", "acting") in found
    assert {
        ("陈立", "副市长", "沧州市人民政府", "appointed"),
        ("宋莉", "副市长", "沧州市人民政府", "appointed"),
    } <= found


def test_the_newly_elected_named_after_their_posts(engine) -> None:
    # "新当选的X主席A和副主席B": both are elected; a hand ("副县长左手抚按《宪法》") is no name
    text = "会上，吴建国为新当选的政协沧县第九届委员会主席马立新和副主席郑红梅颁发当选证书。"
    docs = analyse([Document("forms.txt", text)], engine, Locale.for_city("沧州市"))
    changes = {(p.person, p.title, p.change) for a in docs[0].articles for p in a.positions}
    assert {("马立新", "主席", "elected"), ("郑红梅", "副主席", "elected")} <= changes
    text = "本次会议新当选的沧县人民政府副县长左手抚按《宪法》，右手举拳，进行了庄严宣誓。"
    assert _posts(engine, text) == set()


def test_a_company_named_with_a_place_in_brackets_is_one_company(engine) -> None:
    # the place inside a company's name ("…(湖北)有限公司", "…（湖北）有限公司") is part of it, not the body
    text = "吴建国来我市考察，瓷行天下文化传播(湖北)有限公司董事长马立新、鸿蒙祥云计算（湖北）有限公司董事长郑红梅陪同。"
    found = {(p, t, o) for p, t, o, _ in _posts(engine, text)}
    assert ("马立新", "董事长", "瓷行天下文化传播(湖北)有限公司") in found
    assert ("郑红梅", "董事长", "鸿蒙祥云计算（湖北）有限公司") in found


def test_the_day_a_chronicles_entry_opens_with_is_no_body(engine) -> None:
    text = "2020年10月大事记\n9日 县长马立新主持召开县长碰头会。\n10日 原全国政协主席吴建国来沧考察。"
    found = _posts(engine, text)
    assert ("吴建国", "主席", "中国人民政治协商会议全国委员会", True) in found
    assert not any(org.startswith("日") for _, _, org, _ in found)


def test_huitong_after_a_name_is_the_verb_not_the_county(engine) -> None:
    # "会同" (together with) before 县委常委 is no 会同县: the posts are the page's county's
    text = "宕昌县委书记吴建国会同县委常委、副县长马立新检查指导疫情防控工作。宕昌县"
    found = _posts(engine, text)
    assert not any("会同" in org for _, _, org, _ in found)


def test_a_bare_body_of_a_level_the_page_lacks_is_the_guests_division_named_in_a_body(engine) -> None:
    # "X旗旗委书记A，旗委副书记B一行来…": B's 旗委 is the 旗 named inside A's body
    text = "12月10日下午，内蒙古自治区乌拉特前旗旗委书记吴建国，旗委副书记马立新一行来沧县调研。"
    found = _posts(engine, text)
    assert ("马立新", "副书记", "中共乌拉特前旗委员会", False) in found
