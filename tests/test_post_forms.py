"""The genre's other forms of posts (kg/data/post_forms.tsv), each on sentences of its own,
written for these tests in the style of a city paper (沧州, 河北省)."""

from __future__ import annotations

import pytest

from kg import post_forms
from kg.model import Document
from kg.orgs import Locale
from kg.pipeline import analyse

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
    with pytest.raises(post_forms.FormError, match="line 3"):
        post_forms._form(3, ["bad", "appointed", "", "{P}为", "x"])
    with pytest.raises(post_forms.FormError, match="unknown change"):
        post_forms._form(4, ["bad", "promoted", "", "{P}为{T}", "x"])


def test_session_posts_belong_to_the_session(engine) -> None:
    text = (
        "12月29日，沧州市第十六届人民代表大会第三次会议在沧州会展中心闭幕。"
        "大会执行主席马立新、郑红梅、钱立军在主席台就座。"
    )
    docs = analyse([Document("session.txt", text)], engine, Locale.for_city("沧州市"))
    found = {(p.person, p.title, p.organization) for a in docs[0].articles for p in a.positions}
    session = "沧州市第十六届人民代表大会第三次会议"
    assert found == {(n, "执行主席", session) for n in ("马立新", "郑红梅", "钱立军")}
