"""Events in the shapes a city daily reports them: opening ceremonies, sittings of a session, agenda
items of a conference, venues "设在" a site, dates that belong to the report and not to the event.
Sentences written for these tests (a 潍坊 paper), not copied from any page."""

from __future__ import annotations

import pytest

from kg.input.clean import clean_document
from kg.input.segment import segment_document
from kg.model import Document, EventMention
from kg.pipeline import analyse, build_corpus
from kg.readers.orgs import Locale

PAGE = """“风筝故里”非遗展开展仪式举行

本报讯（记者 高明）4月18日，“风筝故里”非遗展开展仪式在潍坊市博物馆举行。市委常委、宣传部部长周建国宣布展览开幕，市人大常委会副主任韩立新出席活动。

本报讯（记者 吴雪）4月19日，潍坊市城市书房建设推进会暨昌乐县图书馆开馆仪式举行。副市长冯志强出席并讲话。

政协第十四届潍坊市委员会第三次会议闭幕

本报讯（记者 孙涛）1月10日，政协第十四届潍坊市委员会第三次会议在潍坊市会议中心闭幕。闭幕大会前，在秦海波主持下，举行选举大会。

本报讯（记者 许静）3月6日，全市2025年重点项目观摩现场会主会场设在潍坊滨海经济技术开发区新能源装备产业园项目现场。

本报讯（记者 李娜）7月1日，记者从市商务局了解到，在刚刚召开的全国跨境电商发展推广大会上，我市申报的案例成功入选典型案例。

本报讯（记者 郑华）2025年3月8日至9日，全省优强民企助力潍坊高质量发展大会将在潍坊召开。

大会共有8项议程，主要包括省市领导致辞、企业家代表发言、潍坊市人民政府和山东省工商联签订战略合作协议等内容。

本报讯（记者 赵宁）5月20日，在全省县域经济发展专题研讨班期间，潍坊市科协与淄博市科协签署战略合作框架协议。

本报讯（记者 王芳）12月26日，全市党风廉政建设工作情况座谈会召开。市委常委、市纪委书记杜明远向党外人士通报了今年以来工作情况。会议强调，要深入学习领会习近平总书记重要讲话精神。
"""


@pytest.fixture(scope="module")
def corpus(engine):
    locale = Locale.for_city("潍坊市")
    docs = analyse([Document("weifang.txt", PAGE)], engine, locale, issue_date="2025-04-20")
    return build_corpus(docs, locale)


def _events(corpus) -> dict[str, str]:
    return {e.label: k for k, e in corpus.entities.items() if e.type == "EVENT"}


def _facts(corpus, predicate: str) -> set[tuple[str, str]]:
    label = lambda key: corpus.entities[key].label  # noqa: E731
    return {(label(f.subject), label(f.object)) for f in corpus.facts.values() if f.predicate == predicate}


def _roles(corpus, event: str) -> set[tuple[str, str]]:
    key = _events(corpus)[event]
    return {(corpus.entities[p].label, r) for (p, e, r) in corpus.participations if e == key}


def test_an_exhibition_opening_is_a_ceremony_within_the_exhibition(corpus) -> None:
    events = _events(corpus)
    ceremony, exhibition = "“风筝故里”非遗展开展仪式", "“风筝故里”非遗展"
    assert {ceremony, exhibition} <= set(events)
    assert corpus.events[events[exhibition]].type == "exhibition"
    for name in (ceremony, exhibition):
        assert corpus.events[events[name]].date == "2025-04-18"
        assert (name, "潍坊市博物馆") in _facts(corpus, "location")
    assert (ceremony, exhibition) in _facts(corpus, "superEvent")
    assert ("周建国", "宣布") in _roles(corpus, ceremony) and ("韩立新", "出席") in _roles(corpus, ceremony)


def test_a_venue_opening_is_held_at_the_venue(corpus) -> None:
    name = "潍坊市城市书房建设推进会暨昌乐县图书馆开馆仪式"
    assert name in _events(corpus)
    assert any(a == name and "昌乐县" in b for a, b in _facts(corpus, "location"))


def test_a_sitting_of_a_session_is_the_session(corpus) -> None:
    events = _events(corpus)
    assert "选举大会" not in events
    assert ("秦海波", "主持") in _roles(corpus, "政协第十四届潍坊市委员会第三次会议")


def test_an_event_set_at_a_site(engine) -> None:
    text = "本报讯（记者 许静）3月6日，全市2025年重点项目观摩现场会主会场设在潍坊滨海经济技术开发区新能源装备产业园项目现场。"
    doc = analyse([Document("site.txt", text)], engine, Locale.for_city("潍坊市"))[0]
    (event,) = [e for a in doc.articles for e in a.events]
    assert event.name == "全市2025年重点项目观摩现场会"
    assert event.date == "2025-03-06"  # the year its name gives
    assert event.place == "潍坊滨海经济技术开发区新能源装备产业园项目"


def test_the_dateline_of_a_report_is_not_the_date_of_the_event_it_reports(corpus) -> None:
    # "7月1日，记者了解到，在刚刚召开的…大会上": no date, no place, nobody named: background
    assert not any("推广大会" in name for name in _events(corpus))


def test_agenda_items_are_parts_of_the_conference(corpus) -> None:
    events = _events(corpus)
    conference = "全省优强民企助力潍坊高质量发展大会"
    signing = next(name for name in events if name.endswith("签订战略合作协议"))
    assert corpus.events[events[conference]].date == "2025-03-08"
    assert corpus.events[events[signing]].date is None  # no day of its own in a two-day conference
    assert any(a == signing and "潍坊" in b for a, b in _facts(corpus, "location"))
    assert (signing, conference) in _facts(corpus, "superEvent")


def test_a_line_with_a_comma_is_body_text_not_a_headline() -> None:
    text = (
        "本报讯（记者 李娜）12月28日，记者从市政府新闻办召开的新闻发布会上获悉，今年全市外贸增长。\n"
        "市商务局党组书记、局长马立华 介绍,我市积极培育外贸主体,构建\n"
        '"外贸综合服务"体系，成效明显。\n'  # an ASCII quote: the cleaner cannot join across it
    )
    doc = segment_document(clean_document(Document("comma.txt", text)))
    assert len(doc.articles) == 1
    assert not any(s.headline for s in doc.articles[0].sentences)
    assert "马立华介绍" in doc.text  # the layout space inside the body line is gone


def test_a_briefing_is_a_role_and_a_speech_studied_is_not(corpus) -> None:
    roles = _roles(corpus, "全市党风廉政建设工作情况座谈会")
    assert ("杜明远", "通报") in roles  # 向党外人士通报了…情况: the verb as written, of the class "spoke"
    assert not any(name == "习近平" for name, _ in roles)  # 学习…重要讲话精神: his speech, not his part


def test_an_event_under_way_is_the_whole_of_what_happened_during_it(corpus) -> None:
    events = _events(corpus)
    course = "全省县域经济发展专题研讨班"
    signing = next(name for name in events if name.endswith("签署战略合作框架协议"))
    assert course in events
    assert corpus.events[events[signing]].date == "2025-05-20"
    assert corpus.events[events[course]].date is None  # 5月20日 is a day within it, not its start
    assert (signing, course) in _facts(corpus, "superEvent")


PAGE_2 = """市政协十四届八次常委会议召开

本报讯（记者 韩雪）1月6日，中国人民政治协商会议第十四届枣庄市委员会常务委员会第八次会议召开。市政协主席吕建军主持会议。

会议审议通过了关于召开中国人民政治协商会议第十四届枣庄市委员会第四次会议的决定。会议决定，市政协十四届四次会议于2025年1月12日至15日在枣庄召开。

台儿庄运河非遗展开幕


本报讯（记者 马骏）2月20日，“运河人家·薪火相传”台儿庄区非物质文化遗产展开幕式在台儿庄古城举行。市委常委、宣传部部长邢丽萍宣布展览开幕，副市长杜海洋出席。

本报讯（记者 马骏）2月21日，枣庄天工年产8万吨锂电隔膜项目开工仪式在滕州经济开发区举行。副市长杜海洋宣布项目开工。

本报讯（记者 韩雪）2月18日，记者从市商务局获悉，前两个月全市外贸稳中有进。市商务局局长潘志刚介绍，在此前举办的枣庄—东盟经贸对接会上，全市企业签订意向订单8000万美元。

在峄城区，侯明远来到山东安泰食品有限公司，听取企业负责人介绍。
"""


@pytest.fixture(scope="module")
def corpus_2(engine):
    locale = Locale.for_city("枣庄市")
    return build_corpus(analyse([Document("zaozhuang.txt", PAGE_2)], engine, locale), locale)


def test_a_session_named_in_full_and_in_short_is_one_event_with_its_own_dates(corpus_2) -> None:
    events = _events(corpus_2)
    session = "中国人民政治协商会议第十四届枣庄市委员会第四次会议"
    assert session in events and "市政协十四届四次会议" not in events
    details = corpus_2.events[events[session]]
    assert (details.date, details.end_date) == ("2025-01-12", "2025-01-15")  # "于…至…在枣庄召开"
    assert any(a == session and b == "枣庄市" for a, b in _facts(corpus_2, "location"))
    assert not any(a == session for a, _ in _facts(corpus_2, "superEvent"))  # to come: no agenda item


def test_a_headline_in_short_is_the_ceremony_the_body_reports(corpus_2) -> None:
    events = _events(corpus_2)
    ceremony = "“运河人家·薪火相传”台儿庄区非物质文化遗产展开幕式"
    assert "台儿庄运河非遗展" not in events
    assert ("邢丽萍", "宣布") in _roles(corpus_2, ceremony) and ("杜海洋", "出席") in _roles(
        corpus_2, ceremony
    )


def test_who_announced_a_ground_breaking_is_no_part_of_its_name(corpus_2) -> None:
    events = _events(corpus_2)
    assert not any("杜海洋" in name for name in events)
    assert ("杜海洋", "宣布") in _roles(corpus_2, "枣庄天工年产8万吨锂电隔膜项目开工仪式")


def test_an_event_mentioned_further_down_takes_neither_dateline_nor_speakers(corpus_2) -> None:
    assert not any("对接会" in name for name in _events(corpus_2))


def test_hearing_someone_present_is_not_presenting(engine) -> None:
    text = "本报讯（记者 马骏）2月22日，市长侯明远到峄城区调研。在峄城区，侯明远来到山东安泰食品有限公司，听取企业负责人介绍。"
    doc = analyse([Document("visit.txt", text)], engine, Locale.for_city("枣庄市"))[0]
    roles = {(p.person, p.role) for a in doc.articles for p in a.participations}
    assert ("侯明远", "调研") in roles and ("侯明远", "介绍") not in roles


def _events_by_name(engine, text: str, locale: Locale) -> dict[str, EventMention]:
    docs = analyse([Document("x.txt", text)], engine, locale)
    return {e.name: e for a in docs[0].articles for e in a.events}


def _article_events(engine, text: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    articles = docs[0].articles
    events = {e.name for a in articles for e in a.events}
    roles = {(p.person, p.event.name, p.role) for a in articles for p in a.participations}
    return events, roles


def test_an_event_named_in_full_after_a_verb_of_taking_part(engine) -> None:
    text = "本报讯 3月1日，市长张三出席莆田市2023年重点项目集中开工仪式并讲话。\n"
    events, roles = _article_events(engine, text)
    assert "莆田市2023年重点项目集中开工仪式" in events
    assert ("张三", "莆田市2023年重点项目集中开工仪式", "出席") in roles


def test_an_event_held_by_an_event_is_named_after_the_verb(engine) -> None:
    # "A在P举行B": B is what was held, not A; but "出席X开工复工仪式" names one ceremony
    text = (
        "张三王五等出席23个招商项目集中开工仪式\n"
        "本报讯 3月15日，莆田经开区彩旗招展，莆田市今年一季度23个招商项目在此举行集中开工仪式。"
        "市委书记张三出席仪式并讲话。\n"
    )
    events, roles = _article_events(engine, text)
    assert "23个招商项目集中开工仪式" in events
    assert not any(name.endswith("项目开工") for name in events)
    assert ("张三", "23个招商项目集中开工仪式", "出席") in roles
    events, roles = _article_events(engine, "本报讯 3月16日，市长李四出席2021年重点项目开工复工仪式。\n")
    assert ("李四", "重点项目开工复工仪式", "出席") in roles


def test_a_title_that_holds_a_verb_gives_no_role(engine) -> None:
    text = (
        "本报讯 1月15日，市政协十四届二次会议在市文化艺术中心开幕。"
        "市委书记张三，市政协副主席李四，市政协副调研员王五，在主席台前排就座。\n"
    )
    _, roles = _article_events(engine, text)
    assert {role for person, _, role in roles if person in ("张三", "李四", "王五")} == {"就座"}


@pytest.mark.parametrize(
    "text",
    [
        "本报讯 3月1日，市长张三出席座谈会并讲话。\n",  # a bare head: the article's event, named elsewhere
        "本报讯 3月1日，市长张三参加此次调研活动。\n",  # a reference to one
        "本报讯 会议选举产生莆田市出席福建省第十四届人民代表大会代表51名。\n",  # the deputies, no report
    ],
)
def test_no_event_of_its_own_after_a_verb_of_taking_part(engine, text: str) -> None:
    events, _ = _article_events(engine, text)
    assert not events & {"座谈会", "此次调研活动", "福建省第十四届人民代表大会"}


def test_the_parts_taken_in_an_oath_taking_ceremony(engine) -> None:
    text = (
        "本报讯 1月8日，市七届人大三次会议举行第三次全体会议。市人大常委会主任张三主持宪法宣誓仪式。"
        "李四、王五进行宣誓。\n"
    )
    _, roles = _article_events(engine, text)
    assert ("张三", "宪法宣誓仪式", "主持") in roles
    assert ("张三", "宪法宣誓仪式", "宣誓") not in roles  # 宣誓 is the event's name there
    assert {("李四", "宪法宣誓仪式", "宣誓"), ("王五", "宪法宣誓仪式", "宣誓")} <= roles


def test_a_date_without_its_year_takes_the_year_the_event_s_name_gives(engine) -> None:
    text = "本报讯 8月29日，甘肃省2023年下半年重大产业项目集中开工白银市分会场活动在中瑞铝业举行。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("白银市"))
    (event,) = [e for a in docs[0].articles for e in a.events]
    assert event.date == "2023-08-29"


def test_a_page_without_a_date_gives_the_year_in_its_own_words(engine) -> None:
    """A session that reviews the year just gone by is held in the next; a page dated by the paper's
    run of issues ("2021年8月（总第149期）") dates a meeting of that month; words that disagree give none."""
    session = "1月14日，县第十八届人民代表大会第二次会议开幕。县长张三说，刚刚过去的2017年极不平凡。\n"
    meeting = "2021年8月（总第149期）\n8月2日，县长李四主持召开专题会议。\n"
    both = "3月7日，县十七届人大常委会第十七次会议召开，审议了2019年工作要点，听取了2017年工作回顾。\n"
    dates = [
        {
            e.date
            for a in analyse([Document("x.txt", text)], engine, Locale.for_city("济南市"))[0].articles
            for e in a.events
        }
        for text in (session, meeting, both)
    ]
    assert dates == [{"2018-01-14"}, {"2021-08-02"}, {"--03-07"}]


def test_a_delegation_s_visit_is_an_event(engine) -> None:
    text = (
        "本报讯 2月20日，市长张三率党政考察团来威海考察，市委书记李四陪同。\n\n"
        "本报讯 8月19日，衡南县党政代表团到衡阳县调研考察，县委书记王五陪同。\n"
    )
    events, roles = _article_events(engine, text)
    # a person's visit is named with 到 where the text says 来: one name in the papers of both places
    assert {"张三率党政考察团到威海考察", "衡南县党政代表团到衡阳县调研考察"} <= events
    assert {
        ("张三", "张三率党政考察团到威海考察", "率团"),
        ("李四", "张三率党政考察团到威海考察", "陪同"),
    } <= roles
    assert ("王五", "衡南县党政代表团到衡阳县调研考察", "陪同") in roles


def test_a_visit_made_for_exchange_or_support_is_named_by_what_it_is_for(engine) -> None:
    text = (
        "本报讯 9月16日，县委书记张三带队到信宜市开展粤桂协作对接工作。市领导李四参加调研活动。\n\n"
        "本报讯 10月14日，乐清市党政代表团来平阳县开展山海协作交流活动，县委书记王五陪同。\n"
    )
    events, roles = _article_events(engine, text)
    assert {"张三带队到信宜市开展粤桂协作对接工作", "乐清市党政代表团来平阳县开展山海协作交流活动"} <= events
    assert {
        ("张三", "张三带队到信宜市开展粤桂协作对接工作", "带队"),
        ("李四", "张三带队到信宜市开展粤桂协作对接工作", "参加"),
        ("王五", "乐清市党政代表团来平阳县开展山海协作交流活动", "陪同"),
    } <= roles
    # a piece of work done at home is no visit
    events, _ = _article_events(engine, "本报讯 9月16日，县委书记张三在县委开展粤桂协作对接工作。\n")
    assert not [e for e in events if "对接工作" in e]


def test_a_photo_captions_bracket_is_not_in_the_events_name(engine) -> None:
    text = "（沧州市四届人大七次会议开幕，全体起立，奏国歌 记者 吴建国/摄）"
    doc = analyse([Document("caption.txt", text)], engine, Locale.for_city("沧州市"))[0]
    names = [e.name for a in doc.articles for e in a.events]
    assert names and not [n for n in names if n[0] in "(（"]


def test_a_meeting_within_a_session_is_not_the_session() -> None:
    from kg.readers.events import _session_key

    session = _session_key("沧州市第四届人民代表大会第七次会议")
    assert session is not None and session == _session_key("沧州市四届人大七次会议")
    assert _session_key("沧州市第四届人民代表大会第七次会议主席团第一次会议") is None


def test_a_session_is_known_by_its_body_term_and_sitting_in_any_numerals() -> None:
    from kg.readers.events import _session_key

    assert _session_key("中国人民政治协商会议第十三届潍坊市委员会第五次会议") == ("政协", False, 13, 5)
    assert _session_key("县第18届人大常委会第3次会议") == ("人大", True, 18, 3)
    assert _session_key("第三届职工代表大会第二次会议") is None  # no body of session_bodies.tsv


def test_a_session_reported_in_short_takes_its_full_name_from_a_resolution(engine) -> None:
    text = (
        "沧州市第十届人大一次会议胜利闭幕\n"
        "11月26日上午，沧州市第十届人大一次会议历时四天，圆满完成了各项议程胜利闭幕。\n"
        "市委书记吴建国主持会议。\n"
        "会议通过了沧州市第十届人民代表大会第一次会议关于政府工作报告的决议。\n"
    )
    doc = analyse([Document("session.txt", text)], engine, Locale.for_city("沧州市"))[0]
    events = [e for a in doc.articles for e in a.events if not e.in_passing]
    assert [e.name for e in events] == ["沧州市第十届人民代表大会第一次会议"]
    roles = {(p.person, p.role, p.event.name) for a in doc.articles for p in a.participations}
    assert ("吴建国", "主持", "沧州市第十届人民代表大会第一次会议") in roles


def test_a_presidium_meeting_held_at_a_place(engine) -> None:
    text = "2月26日上午，市第十五届人民代表大会第八次会议主席团在市文昌会议中心举行第二次会议。会议由大会主席团常务主席吴建国主持。"
    doc = analyse([Document("presidium.txt", text)], engine, Locale.for_city("沧州市"))[0]
    event, session = [e for a in doc.articles for e in a.events]
    assert event.name == "市第十五届人民代表大会第八次会议主席团第二次会议"
    assert event.place == "市文昌会议中心"
    assert event.part_of is session and session.name == "市第十五届人民代表大会第八次会议"
    roles = {(p.person, p.role) for a in doc.articles for p in a.participations}
    assert ("吴建国", "主持") in roles


def test_an_oath_to_the_constitution_is_an_event_of_its_own(engine) -> None:
    text = (
        "本报讯 3月2日，市十六届人大常委会第二十次会议闭幕。会议任命吴建国为副市长。"
        "新任命的副市长吴建国向宪法宣誓就职。\n"
    )
    events, roles = _article_events(engine, text)
    assert "宪法宣誓" in events
    assert ("吴建国", "宪法宣誓", "宣誓") in roles
    events, roles = _article_events(
        engine, "本报讯 3月2日，会上举行了庄严的宪法宣誓仪式，市人大常委会主任吴建国监誓。\n"
    )
    assert events == {"宪法宣誓仪式"}
    assert ("吴建国", "宪法宣誓仪式", "监誓") in roles


def test_those_newly_elected_to_the_titles_listed_swear_the_oath(engine) -> None:
    """ "新当选的区人大常委会主任、区人民政府区长进行宪法宣誓": the persons the article elected to those
    titles swore, on the day of the sitting; one elected to a title not listed did not."""
    text = (
        "区人大举行会议\n"
        "1月9日，柯桥区第九届人民代表大会第五次会议举行第三次全体会议。会议选举吴建国为区人大常委会主任，"
        "选举马立新为柯桥区人民政府区长，选举孙立平为柯桥区人民政府副区长。"
        "新当选的区人大常委会主任、区人民政府区长举行单独宪法宣誓。\n"
    )
    docs = analyse([Document("oath.txt", text)], engine, Locale.for_city("绍兴市"))
    article = docs[0].articles[0]
    sworn = {p.person for p in article.participations if p.role == "宣誓"}
    assert sworn == {"吴建国", "马立新"}
    oath = next(e for e in article.events if e.name == "宪法宣誓")
    assert oath.date == "--01-09"


def test_a_party_plenary_named_by_its_term(engine) -> None:
    text = "本报讯 1月1日，中共莆田市委举行新闻发布会，介绍莆田市委八届九次全会有关情况。会议要求学习贯彻党的二十届三中全会精神。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    events = {e.name: e for a in docs[0].articles for e in a.events}
    assert "莆田市委八届九次全会" in events
    assert "党的二十届三中全会" not in events  # studied for its spirit: recalled, not reported
    assert events["莆田市委八届九次全会"].date is None  # the date is the press conference's


def test_a_hearing_of_the_standing_committee_is_an_event(engine) -> None:
    text = "本报讯 4月26日下午，市人大常委会在仙游县樱桃基地举行乡村振兴工作专题询问。市人大常委会副主任吴建国主持。\n"
    events, roles = _article_events(engine, text)
    assert "乡村振兴工作专题询问" in events
    assert ("吴建国", "乡村振兴工作专题询问", "主持") in roles


def test_a_visit_is_named_without_its_purpose(engine) -> None:
    text = "本报讯 7月23日，市中院院长吴建国到仙游县法院就文化建设进行参观调研，县委常委马立新陪同。\n"
    events, roles = _article_events(engine, text)
    assert "吴建国到仙游县法院调研" in events
    assert ("马立新", "吴建国到仙游县法院调研", "陪同") in roles


def test_who_accompanies_in_the_zai_de_form(engine) -> None:
    """ "A在B的陪同下", "A在B陪同下" (的 left out): B accompanies; A makes the visit and accompanies no one."""
    for text in (
        "本报讯 7月23日，省高院副院长吴建国一行在市中院院长马立新的陪同下来到仙游县法院调研。\n",
        "本报讯 2月5日，县长吴建国在县委副书记马立新和有关人员陪同下，深入仙游县法院进行调研。\n",
        # those who accompany listed with a comma between them
        "本报讯 3月30日，县长吴建国一行在县委副书记马立新，院长孙立平等陪同下来到仙游县法院调研。\n",
    ):
        _, roles = _article_events(engine, text)
        assert {
            ("吴建国", "吴建国到仙游县法院调研", "调研"),
            ("马立新", "吴建国到仙游县法院调研", "陪同"),
        } <= roles
        assert all(role == "陪同" for person, _, role in roles if person != "吴建国")


def test_meetings_of_each_host_and_with_a_group(engine) -> None:
    text = (
        "本报讯 8月1日，市长吴建国、副市长马立新分别会见中能建代表团一行。\n\n"
        "本报讯 7月12日，市委书记张建军会见了以某市委书记李志强为团长的某市党政代表团一行。\n\n"
        "本报讯 12月11日，市长张建军会见了某集团总经理李志强一行。\n"
    )
    events, roles = _article_events(engine, text)
    assert {"吴建国会见中能建代表团", "马立新会见中能建代表团", "张建军会见某市党政代表团"} <= events
    assert "张建军会见李志强一行" in events
    assert ("吴建国", "马立新会见中能建代表团", "会见") not in roles


def test_hosts_listed_with_their_posts_meet_after_a_comma(engine) -> None:
    text = "本报讯 7月8日,市委书记吴建国,市委副书记、市长马立新,会见了来莆的某集团总经理李志强一行。\n"
    events, roles = _article_events(engine, text)
    assert "吴建国、马立新会见李志强一行" in events
    assert ("马立新", "吴建国、马立新会见李志强一行", "会见") in roles


def test_a_meeting_is_named_after_its_guest_not_the_guest_s_posts(engine) -> None:
    # in a headline as in the lead: "会见某集团总经理马立新一行" is 吴建国会见马立新一行
    text = (
        "吴建国会见某集团总经理马立新一行\n\n12月11日，市长吴建国会见了某集团总经理、党组副书记马立新一行。\n"
    )
    events, _ = _article_events(engine, text)
    assert events == {"吴建国会见马立新一行"}
    # a talk on a visit too: "…调研，并与长春市委常委、公主岭市委书记B座谈" is A与B座谈
    text = "本报讯 8月15日，某报社副总编辑张建国率领调研组来到公主岭市调研，并与长春市委常委、公主岭市委书记李志强座谈。\n"
    events, _ = _article_events(engine, text)
    assert "张建国与李志强座谈" in events


def test_a_talk_between_two_sides(engine) -> None:
    text = "本报讯 7月16日，走访中，吴建国、马立新与省交通投资集团负责人座谈交流。\n"
    events, roles = _article_events(engine, text)
    assert "吴建国、马立新与省交通投资集团负责人座谈" in events
    assert ("马立新", "吴建国、马立新与省交通投资集团负责人座谈", "座谈") in roles


def test_a_collective_ground_breaking_named_by_its_count(engine) -> None:
    text = "本报讯 9月3日，计划总投资78.25亿元的莆田秋季29个重点项目集中开工。\n\n本报讯 3月17日，全市150个重大项目集中开工。\n"
    events, _ = _article_events(engine, text)
    assert events == {"莆田秋季29个重点项目集中开工"}


def test_sitting_in_at_a_meeting_is_no_meeting_of_one_s_own(engine) -> None:
    text = "本报讯 10月9日下午，市委书记吴建国会见了某协会理事长马立新一行。市委副书记张建军会见时在座。\n"
    _, roles = _article_events(engine, text)
    assert ("张建军", "吴建国会见马立新一行", "在座") in roles
    assert ("张建军", "吴建国会见马立新一行", "会见") not in roles


def test_a_cppcc_session_named_with_its_body_first(engine) -> None:
    events, _ = _article_events(engine, "本报讯 1月11日，市政协八届一次会议在市委会堂开幕。\n")
    assert events == {"市政协八届一次会议"}


def test_roles_of_the_genre_as_written(engine) -> None:
    text = (
        "本报讯 8月27日，市长吴建国到会同县调研，市政府秘书长马立新随同调研。\n\n"
        "本报讯 5月26日，某某主题活动新闻发布会召开。副市长张建军出席发布会并接受记者提问。\n\n"
        "本报讯 2月23日，我市举行2024年第一季度重大项目集中开工活动，市委书记李志强出席主会场开工仪式并宣布开工。"
        "会议要求学习习近平总书记考察广东重要讲话精神。\n"
    )
    events, roles = _article_events(engine, text)
    assert ("马立新", "吴建国到会同县调研", "随同") in roles
    assert not [r for r in roles if r[0] == "马立新" and r[2] == "调研"]
    assert ("张建军", "某某主题活动新闻发布会", "答记者问") in roles
    assert "主会场开工仪式" not in events
    assert ("李志强", "2024年第一季度重大项目集中开工活动", "宣布") in roles
    assert not [r for r in roles if r[0] == "习近平"]  # a visit recalled in a speech's name


def test_counts_and_bare_ordinals_name_no_event(engine) -> None:
    events, _ = _article_events(engine, "本报讯 3月2日，市委召开一次重要会议。4次重点项目推进会议召开。\n")
    assert not [e for e in events if e.startswith(("一次", "4次"))]


def test_a_branch_venue_keeps_its_events_type_and_place(engine) -> None:
    text = "本报讯 7月18日上午，全省主题系列新闻发布会莆田专场在福州举行。市委书记吴建国介绍情况。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    (event,) = [e for a in docs[0].articles for e in a.events]
    assert (event.type, event.place) == ("press_conference", "福州")


def test_a_countys_scene_of_a_citys_ceremony_is_the_ceremony_its_headline_names(engine) -> None:
    """ "…项目集中开工仪式宁武现场活动": a county's scene of the city's ceremony is a ceremony, the one the
    headline names in short, and those who attended "开工仪式" attended it."""
    text = (
        "宁武县举行重点项目集中开工仪式\n"
        "4月20日，忻州市2018年“转型项目建设年”项目集中开工仪式宁武现场活动在宁武县新能源节能环保产业园隆重举行。"
        "县委书记吴建国出席了开工仪式。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("忻州市"))
    (event,) = [e for a in docs[0].articles for e in a.events]
    assert event.name == "忻州市2018年“转型项目建设年”项目集中开工仪式宁武现场活动"
    assert event.type == "ceremony"
    assert [(p.person, p.role) for a in docs[0].articles for p in a.participations] == [("吴建国", "出席")]


def test_the_leads_event_the_headline_names_in_short_is_the_one_reported(engine) -> None:
    """A lead that names the city's event and then the county's ("新乡市举行X活动，我市同步举行X暨Y开工
    仪式"): the one the headline names ("参加我市Y开工仪式") is what the article reports, so "出席开工仪式"
    is its."""
    text = (
        "市委副书记吴建国参加我市辉吴路灾后重建项目开工仪式\n"
        "2月26日上午，新乡市举行交通、水利、城建项目集中开工活动，"
        "我市同步举行交通、水利、城建项目集中开工暨辉吴路灾后重建项目开工仪式。\n"
        "市领导马立新、孙立平等出席开工仪式。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("新乡市"))
    roles = {(p.person, p.event.name, p.role) for a in docs[0].articles for p in a.participations}
    ceremony = "交通、水利、城建项目集中开工暨辉吴路灾后重建项目开工仪式"
    assert {("马立新", ceremony, "出席"), ("吴建国", ceremony, "参加")} <= roles


def test_an_event_named_only_where_the_roles_were_taken(engine) -> None:
    """ "在X仪式暨Y活动中，…。县委书记A出席并宣布开工": X is the event, held that day; "在市会议中心"
    names a venue."""
    text = (
        "蓝山县项目开工\n"
        "3月29日，在全省第二批重大项目集中开工仪式暨全市第二次重大项目集中开工签约活动中，蓝山县开工项目2个。"
        "县委书记吴建国出席并宣布项目开工。\n"
    )
    events, roles = _article_events(engine, text)
    name = "全省第二批重大项目集中开工仪式暨全市第二次重大项目集中开工签约活动"
    assert events == {name}
    assert {("吴建国", name, "出席"), ("吴建国", name, "宣布")} <= roles
    events, _ = _article_events(
        engine, "县委召开会议\n3月2日，马立新在市会议中心传达了习近平总书记在中央经济工作会议上的讲话精神。\n"
    )
    assert not [e for e in events if "会议中" in e]


def test_a_meeting_during_a_visit_is_where_the_visit_went_and_on_its_day(engine) -> None:
    text = (
        "本报讯 8月1日下午，某研究院院长吴建国率队来莆考察，市长马立新会见吴建国一行。\n"
        "走访中，马立新、张建军与某集团负责人座谈交流。\n"
    )
    events = _events_by_name(engine, text, Locale.for_city("莆田市"))
    assert events["马立新会见吴建国一行"].place == "莆田市"  # 来莆: the paper's city, written short
    assert events["马立新、张建军与某集团负责人座谈"].date == "--08-01"


def test_a_part_after_a_modifier_and_in_the_event_reported_before(engine) -> None:
    text = (
        "本报讯 8月10日，阿旗乡友恳谈会在赤峰举行。王建华、李志强等参会的各位乡友均先后进行了交流发言。\n\n"
        "本报讯 7月16日，某中心部长吴建国一行到访某某集团调研交流。集团副董事长马立新等参加交流。\n"
    )
    _, roles = _article_events(engine, text)
    assert ("王建华", "阿旗乡友恳谈会", "发言") in roles
    assert ("王建华", "阿旗乡友恳谈会", "参加") not in roles
    assert [r for r in roles if r[0] == "马立新"] and all(r[2] == "参加" for r in roles if r[0] == "马立新")


def test_a_visit_spoken_of_is_no_part_taken(engine) -> None:
    text = "本报讯 1月16日，市政协主席吴建国会见某集团总经理马立新。马立新表示，此次考察旨在寻求合作。\n"
    _, roles = _article_events(engine, text)
    assert ("马立新", "吴建国会见马立新", "考察") not in roles


def test_a_standing_committee_sitting_a_visit_paid_and_a_group_s_tour(engine) -> None:
    text = (
        "本报讯 10月23日，州政协十一届二十九次常委会召开。州政协主席吴建国主持会议。\n\n"
        "本报讯 5月6日，在某某储备粮管理集团有限公司，市委书记马立新拜访了该公司董事长张建军。\n\n"
        "本报讯 4月18日，某科技大学商务参访团一行6人来莆田进行了为期3天的参观考察。\n"
    )
    events, roles = _article_events(engine, text)
    assert {"州政协十一届二十九次常委会", "马立新拜访张建军", "某科技大学商务参访团来莆田参观考察"} <= events
    assert ("吴建国", "州政协十一届二十九次常委会", "主持") in roles
    assert ("马立新", "马立新拜访张建军", "拜访") in roles


def test_a_banquet_given_is_a_meeting(engine) -> None:
    events, roles = _article_events(engine, "本报讯 4月18日，市长吴建国宴请了某大学参访团。\n")
    assert "吴建国宴请某大学参访团" in events
    assert ("吴建国", "吴建国宴请某大学参访团", "宴请") in roles


def test_the_lead_under_a_line_of_particulars_and_a_caption_gives_the_date_and_the_roles(engine) -> None:
    text = (
        "市政协八届五次会议隆重开幕 吴建国讲话 马立新等到会祝贺\n"
        "2026年01月20日 15:29:24 来源:某某日报\n\n"
        "图为大会现场 张三/摄\n\n"
        "1月19日上午，中国人民政治协商会议第八届莆田市委员会第五次会议在市会堂隆重开幕。"
        "应邀出席会议并在主席台就座的有：市委书记吴建国，市委副书记、市长马立新。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    events = {e.name: e for a in docs[0].articles for e in a.events}
    session = events["中国人民政治协商会议第八届莆田市委员会第五次会议"]
    assert session.date == "2026-01-19" and session.place == "市会堂"
    roles = {(p.person, p.role) for a in docs[0].articles for p in a.participations}
    assert {("吴建国", "就座"), ("马立新", "就座"), ("吴建国", "讲话")} <= roles


def test_a_headline_meeting_is_the_lead_s_meeting_not_the_session_its_guests_came_to(engine) -> None:
    text = (
        "市委书记吴建国、市长马立新会见港澳政协委员\n\n"
        "2月24日，市委书记吴建国，市长马立新会见了出席政协莆田市三届六次会议的港澳政协委员。\n"
    )
    events, roles = _article_events(engine, text)
    assert "吴建国、马立新会见港澳政协委员" in events
    assert ("吴建国", "吴建国、马立新会见港澳政协委员", "会见") in roles
    assert ("吴建国", "政协莆田市三届六次会议", "会见") not in roles


def test_a_headline_line_that_is_an_event_s_name(engine) -> None:
    text = (
        "某某区14个项目集中开工\n\n"
        "5月20日上午\n"
        "某某产城特别合作区一期项目集中开工仪式\n"
        "在某某木材集散中心举行\n"
        "▲开工仪式现场 张三摄\n"
        "区委书记吴建国出席仪式并宣布项目开工。\n"
    )
    events, roles = _article_events(engine, text)
    assert "某某产城特别合作区一期项目集中开工仪式" in events
    assert ("吴建国", "某某产城特别合作区一期项目集中开工仪式", "出席") in roles


def test_a_session_named_with_its_full_body_and_who_it_elected(engine) -> None:
    text = (
        "本报讯 1月18日，太和县政协十届一次会议胜利闭幕。县领导张三、李四等在主席台前排就座。"
        "大会选举张三同志为县政协第十届委员会主席，选举李四、王五两位同志为县政协第十届委员会副主席。"
        "张三指出，中国人民政治协商会议太和县第十届委员会第一次会议圆满完成各项议程。\n"
    )
    events, roles = _article_events(engine, text)
    assert events == {"中国人民政治协商会议太和县第十届委员会第一次会议"}  # one session, named in full
    session = "中国人民政治协商会议太和县第十届委员会第一次会议"
    assert {("张三", session, "当选"), ("李四", session, "当选"), ("王五", session, "当选")} <= roles


def test_deputies_elected_to_a_congress_do_not_take_part_in_it(engine) -> None:
    text = "本报讯 会议选举了莆田市出席福建省第十四届人民代表大会的代表，选举张三为莆田市人大常委会主任。\n"
    _, roles = _article_events(engine, text)
    assert not any(r[1] == "福建省第十四届人民代表大会" for r in roles)


def test_a_visit_of_a_delegation_to_several_places(engine) -> None:
    text = (
        "本报讯 2月13日，县委书记张三带领县党政考察团到某某市、叶县、某某产业聚集区考察学习。县长李四参加。\n"
    )
    events, roles = _article_events(engine, text)
    visit = "张三到某某市、叶县、某某产业聚集区考察"
    assert visit in events  # 考察团 is a noun: the visit goes on to all three places
    assert ("李四", visit, "参加") in roles


def test_a_year_written_before_an_event_s_name_is_its_year(engine) -> None:
    text = "本报讯 7月12日，某某县举行2017年招商引资签约暨第二批重点项目集中开工仪式。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    dates = {e.name: e.date for a in docs[0].articles for e in a.events}
    assert dates == {"招商引资签约暨第二批重点项目集中开工仪式": "2017-07-12"}


def test_a_visit_to_us_is_named_after_the_county_whose_news_it_is(engine) -> None:
    text = (
        "衡阳县党政门户网讯 近日，衡南县委书记张三率衡南县党政代表团来我县调研考察。"
        "衡南县党政代表团一行先后考察了衡南县企业在我县的项目。县委书记王五陪同。\n"
    )
    docs = analyse(
        [Document("x.txt", text)], engine, Locale(per_document=True)
    )  # the county read from the text
    names = {e.name for a in docs[0].articles for e in a.events}
    assert "张三率衡南县党政代表团到衡阳县调研" in names


def test_an_activity_organised_is_an_event(engine) -> None:
    text = "本报讯 11月2日，我县组织开展了重大重点项目10月份观摩活动。县委书记张三参加了观摩活动。\n"
    events, roles = _article_events(engine, text)
    assert "重大重点项目10月份观摩活动" in events
    assert ("张三", "重大重点项目10月份观摩活动", "参加") in roles


def test_the_day_a_sitting_decided_is_its_date(engine) -> None:
    text = "本报讯 莆田市第十届人民代表大会常务委员会第二次会议于2017年6月21日决定：接受张三辞去莆田市人民政府市长职务的请求。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    dates = {e.name: e.date for a in docs[0].articles for e in a.events}
    assert dates.get("莆田市第十届人民代表大会常务委员会第二次会议") == "2017-06-21"


def test_a_year_opening_an_event_s_name_without_its_year_mark(engine) -> None:
    text = "本报讯 7月22日，2021西宁城市发展投资洽谈会专场签约仪式在青海国际会展中心举行。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("西宁市"))
    dates = {e.name: e.date for a in docs[0].articles for e in a.events}
    assert dates == {"2021西宁城市发展投资洽谈会专场签约仪式": "2021-07-22"}


def test_a_visit_to_some_of_a_kind_has_no_place(engine) -> None:
    docs = analyse(
        [Document("x.txt", "本报讯 4月8日，市委书记张三深入部分重点企业调研。\n")],
        engine,
        Locale.for_city("莆田市"),
    )
    visits = [e for a in docs[0].articles for e in a.events]
    assert [(e.name, e.place) for e in visits] == [("张三到部分重点企业调研", None)]


def test_sessions_a_briefing_is_about_and_their_dates_written_with_a_dash(engine) -> None:
    text = (
        "本报讯 2月23日，某某县第十九届人民代表大会第四次会议新闻发布会召开。"
        "靖边县第十九届人民代表大会第四次会议将于2025年2月25日—2月27日在县城张家畔召开。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("榆林市"))
    events = {e.name: e for a in docs[0].articles for e in a.events}
    session = events["靖边县第十九届人民代表大会第四次会议"]
    assert (session.date, session.end_date, session.place) == ("2025-02-25", "2025-02-27", "县城张家畔")
    assert any(e.type == "press_conference" for e in events.values())  # the briefing stays its own event


def test_a_briefing_heard_at_length_is_no_part_of_the_visitor(engine) -> None:
    text = (
        "本报讯 2月13日，县委书记张三到某某产业园考察。考察中，张三一行走进企业生产车间，"
        "听取了企业负责人关于机械制造、厂区规划等方面的情况介绍。\n"
    )
    _, roles = _article_events(engine, text)
    assert not any(r[0] == "张三" and r[2] == "介绍" for r in roles)


def test_an_inspection_tour_a_congress_organises_is_an_event(engine) -> None:
    text = (
        "本报讯 6月23日，市人大常委会组织常委会组成人员进行了会前集中视察。"
        "市人大常委会主任张三，副主任李四参加视察。\n"
    )
    events, roles = _article_events(engine, text)
    assert "会前集中视察" in events
    assert ("李四", "会前集中视察", "参加") in roles


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("某某县融媒体中心1月3日讯(记者 张三)1月2日上午，全县重点项目集中开工活动举行。\n", "2024-01-02"),
        ("本报1月3日讯(记者 张三)今天上午，全县重点项目集中开工活动举行。\n", "2024-01-03"),
    ],
)
def test_a_byline_s_day_is_the_event_s_only_when_the_text_gives_none(engine, text: str, date: str) -> None:
    docs = analyse([Document("2024-01-03/x.txt", text)], engine, Locale.for_city("信阳市"))
    assert [e.date for a in docs[0].articles for e in a.events] == [date]


def test_a_slogan_before_the_report_is_not_its_lead(engine) -> None:
    text = (
        "凝心聚力谋发展，继往开来谱新篇。柞水县第十七届人民代表大会第二次会议今天上午在新纪元酒店隆重开幕。"
        "主席团执行主席张三、李四在主席台前排就坐，王五及大会主席团其他成员在主席台就座。\n"
    )
    events, roles = _article_events(engine, text)
    session = "柞水县第十七届人民代表大会第二次会议"
    assert {("张三", session, "就座"), ("李四", session, "就座"), ("王五", session, "就座")} <= roles


def test_a_sessions_plenary_held_is_where_the_parts_are_taken(engine) -> None:
    text = (
        "阿坝州第十三届人民代表大会第五次会议闭幕\n"
        "本报讯 1月9日，阿坝州第十三届人民代表大会第五次会议在马尔康闭幕。\n"
        "1月9日下午，阿坝州第十三届人民代表大会第五次会议举行第三次全体会议。\n"
        "州委副书记、州长张三，州政协主席李四等出席会议并在主席台就座。\n"
        "大会选举王五为阿坝州第十三届人民代表大会常务委员会副主任。"
        "会议听取了关于州十三届人大四次会议代表建议办理情况的报告。\n"
    )
    events, roles = _article_events(engine, text)
    plenary = "阿坝州第十三届人民代表大会第五次会议第三次全体会议"
    assert {plenary, "阿坝州第十三届人民代表大会第五次会议"} <= set(events)
    assert {("张三", plenary, "就座"), ("李四", plenary, "就座"), ("王五", plenary, "当选")} <= roles
    assert not [name for name in events if "四次会议" in name]  # a report about a past session


def test_central_plenaries_recalled_and_greetings_are_no_events(engine) -> None:
    text = (
        "本报讯 3月3日，政协第八届留坝县委员会第三次会议开幕。县委书记张三在主席台前排就座，祝贺大会召开。"
        "会议要求全面贯彻落实中共十八大、十八届三中全会和县委十三届五次全委会精神。"
        "李四指出，十七届六中全会作出了重要决定。院长王五走访全国人大代表赵六。\n"
    )
    events, _ = _article_events(engine, text)
    assert not [name for name in events if "全会" in name or name == "祝贺大会"]
    visits = [
        e for e in analyse([Document("x.txt", text)], engine, Locale.for_city("汉中市"))[0].articles[0].events
    ]
    assert all(e.place is None for e in visits if "走访" in e.name)  # whom he visited is no place


def test_a_groups_visit_keeps_the_headlines_name_and_its_leaders(engine) -> None:
    text = (
        "枞阳县党政代表团来怀考察\n本网讯 11月4日，枞阳县委书记吴建国，县委副书记、县长马立新率党政代表团来我县考察学习。"
        "县委书记张建军等陪同。\n"
        "本报讯 5月19日，由市委宣传部干部赵六共同组成的联合调研组到江陵县宣传思想文化工作调研。\n"
    )
    events, roles = _article_events(engine, text)
    assert "枞阳县党政代表团来怀考察" in events
    visit = "枞阳县党政代表团来怀考察"
    assert {("吴建国", visit, "率团"), ("张建军", visit, "陪同")} <= roles
    assert any(name.startswith("联合调研组到江陵县") for name in events)  # not "…干部赵六共同组成的…"


def test_a_person_a_place_is_named_after_takes_no_part(engine) -> None:
    text = (
        "本报讯 11月4日，枞阳县委书记吴建国率党政代表团来我县考察。代表团先后来到安庆英科医疗有限公司、"
        "稼先公园、邓稼先生平陈列馆等地，实地考察我县产业发展情况。\n"
        "12日，博乐市2019年第二批项目在博乐市南城区中水调节池建设项目现场集中开工。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("安庆市"))
    people = {p.person for a in docs[0].articles for p in a.participations}
    assert "邓稼先" not in people and "吴建国" in people
    places = {e.place for a in docs[0].articles for e in a.events}
    assert "博乐市南城区中水调节池建设项目现场" in places  # not "…现场集中"


def test_a_name_the_model_read_as_two_words_and_a_trigger_inside_a_briefings_name(engine) -> None:
    text = (
        "本报讯 8月14日，柳州市委常委、副市长曾艳到我县调研指导宣传文化工作。\n\n"
        "本报讯 11月11日上午，县人民政府在县行政新区会议室再次举行“淮滨县2016年重点项目集中开工新闻发布会”。\n"
    )
    events, roles = _article_events(engine, text)
    assert any(person == "曾艳" and role == "调研" for person, _, role in roles)  # 曾|艳: one name
    assert not [name for name in events if name.endswith("集中开工")]  # the briefing, not a ground-breaking


def test_a_visit_to_a_county_level_city_written_short_and_a_trip_for_investment(engine) -> None:
    text = (
        "本报讯 11月17日,平度市委书记张建国带领考察团来胶考察,市委书记陈立新陪同。\n\n"
        "本报讯 3月27日,县委书记马立新带队赴广东省中山市开展招商考察活动。\n"
    )
    events = _events_by_name(engine, text, Locale.for_city("胶州市"))
    assert events["张建国到胶州市考察"].place == "胶州市"  # the paper's own city, written 胶
    assert events["张建国到胶州市考察"].visitor == "张建国"  # not 来胶, a name the model read
    trip = next(e for name, e in events.items() if name.startswith("马立新"))
    assert trip.place == "广东省中山市"  # not "广东省中山市开展招商"


def test_dates_and_names_of_a_countys_meetings(engine) -> None:
    text = (
        "本报讯 9月19日,某商会会长吴建国带领考察团来我县考察。县委书记陈立新主持召开投资考察座谈会。\n\n"
        "本报讯 3月20上午,2019年第一季度全市重点项目集中开工活动在乐亭经济开发区举行。\n\n"
        "本报讯 7月29日上午,衡山县第十四届人民代表大会第三次会议在县剧院开幕。"
        "县人大常委会主任马立新主持会议并宣布大会开幕。\n\n"
        "本报讯 12月19日,县政府召开常务会议,传达学习12月10日至11日中央经济工作会议精神。\n\n"
        "本报讯 9月12日,县委书记张建军到我县融媒体中心调研。\n"
    )
    events = _events_by_name(engine, text, Locale.for_city("衡阳市", county="衡山县"))
    assert events["投资考察座谈会"].date == "--09-19"  # held in the sentence after the lead
    assert events["2019年第一季度全市重点项目集中开工活动"].date == "2019-03-20"  # 3月20 without 日
    assert not [name for name in events if "并宣布" in name]
    assert "中央经济工作会议" in events  # the spirit relayed, named without its dates
    visit = next(e for name, e in events.items() if name.startswith("张建军"))
    assert visit.place == "衡山县融媒体中心"


def test_visits_briefings_and_reports_as_county_news_writes_them(engine) -> None:
    text = (
        "本报讯 11月17日,黑河市爱辉区委书记张建国带领考察团,来胶州市考察项目建设。市领导孙永红陪同考察。"
        "市委书记孙永红对张建国一行来胶考察表示欢迎。\n\n"
        "本报讯 3月15日,记者从砀山县政府新闻发布会上获悉,第29届梨花节开幕式将于3月30日在梨花广场举行。\n\n"
        "本报讯 2月27日,景县在龙华现代智能物流装备产业园组织开展上半年项目集中开工活动。县委书记吴建国主持开工仪式。\n\n"
        "本报讯 1月24日,县长马立新主持召开座谈会,就《政府工作报告》征求意见。\n\n"
        "本报讯 3月1日,县人民代表大会第四次会议开幕。会议听取了县长刘志强作的政府工作报告。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("胶州市"))
    events = {e.name: e for a in docs[0].articles for e in a.events}
    roles = {(p.person, p.event.name, p.role) for a in docs[0].articles for p in a.participations}
    visits = [name for name in events if name.startswith("张建国")]
    assert (
        visits == ["张建国到胶州市考察"] and events[visits[0]].date == "--11-17"
    )  # one visit, 带领考察团,来…
    assert ("孙永红", visits[0], "考察") not in roles  # he welcomed it ("孙永红对…表示欢迎")
    assert events["砀山县政府新闻发布会"].date == "--03-15"  # where the reporter learnt it
    assert events["砀山县政府新闻发布会"].place is None  # the opening's place is not the briefing's
    ground_breaking = events["上半年项目集中开工活动"]
    assert ground_breaking.place == "龙华现代智能物流装备产业园"  # "在P组织开展X活动"
    assert not [name for name in events if "组织开展" in name]
    assert not [r for r in roles if r[0] == "马立新" and r[2] == "报告"]  # 《政府工作报告》 is no part
    assert any(r[0] == "刘志强" and r[2] == "报告" for r in roles)  # "听取了县长X作的政府工作报告"


def test_more_of_the_genres_verbs_of_taking_part(engine) -> None:
    text = (
        "本报讯 6月1日,市人大常委会第十次会议召开。市长吴建国提请的任免议案并作说明。"
        "市人大常委会秘书长马立新宣读了任命决定。\n\n"
        "本报讯 6月2日,市重大项目集中开工仪式在哈密举行。市领导刘志强、孙立平共同启动项目建设。\n"
    )
    _, roles = _article_events(engine, text)
    assert {(person, role) for person, _, role in roles} >= {
        ("吴建国", "说明"),
        ("马立新", "宣读"),
        ("刘志强", "启动"),
        ("孙立平", "启动"),
    }


def test_a_speech_preached_on_a_visit_is_neither_its_place_nor_its_participant(engine) -> None:
    text = (
        "本报讯 3月8日至10日,市长吴建国深入务川自治县、湄潭县宣讲张建国同志视察贵州重要讲话精神"
        "并调研督导经济社会发展情况。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("遵义市"))
    (visit,) = [e for a in docs[0].articles for e in a.events]
    assert (visit.place, visit.sites) == (None, ["务川自治县", "湄潭县"])  # two counties: no one place
    roles = {(p.person, p.role) for a in docs[0].articles for p in a.participations}
    assert roles == {("吴建国", "调研"), ("吴建国", "督导")}


def test_a_list_that_attends_one_ceremony_or_another_names_no_event(engine) -> None:
    text = (
        "本报讯 10月9日,全省第二期“三个一批”活动暨罗山县电子电器元器件专业园项目开工仪式举行。"
        "县领导吴建国、马立新、刘志强等出席签约仪式或参加开工仪式。\n"
    )
    events, roles = _article_events(engine, text)
    assert not [name for name in events if "或参加" in name]
    assert {person for person, _, role in roles if role == "出席"} == {"吴建国", "马立新", "刘志强"}


TRANSCRIPT = """“乡村振兴”系列新闻发布会│潍城区推进和美乡村建设

地点:潍坊市新闻发布厅

主持人:市委宣传部副部长 吴建国

发布人:潍城区委常委、副区长 马立新;潍城区农业农村局党组书记、局长 孙立平

摘要:5月12日,潍坊市人民政府新闻办公室举行“乡村振兴”系列新闻发布会,邀请潍城区相关负责人介绍建设情况。
"""


def test_a_transcripts_particulars_give_its_place_and_who_took_which_part(engine) -> None:
    """A press conference's page opens with its particulars ("地点：", "主持人：", "发布人：A；B"):
    the place and the persons named are the conference's (kg/data/particular_lines.tsv)."""
    locale = Locale.for_city("潍坊市")
    docs = analyse([Document("transcript.txt", TRANSCRIPT)], engine, locale, issue_date="2025-05-12")
    corpus = build_corpus(docs, locale)
    name = "“乡村振兴”系列新闻发布会"
    assert (name, "潍坊市新闻发布厅") in _facts(corpus, "location")
    assert _roles(corpus, name) == {("吴建国", "主持"), ("马立新", "发布"), ("孙立平", "发布")}
    posts = {(p.person, p.title) for doc in docs for a in doc.articles for p in a.positions}
    assert ("吴建国", "副部长") in posts  # a title spaced off the name that ends the line


def test_a_sitting_named_by_its_count_alone_is_the_bodys_that_holds_it(engine) -> None:
    text = "县政府召开第四次全体会议\n\n3月2日上午，县政府召开第四次全体会议。县长吴建国讲话。县领导马立新、孙立平参加。\n"
    events, roles = _article_events(engine, text)
    assert "县政府第四次全体会议" in events
    assert {("吴建国", "县政府第四次全体会议", "讲话"), ("马立新", "县政府第四次全体会议", "参加")} <= roles


def test_the_sittings_a_session_holds_are_its_own_named_with_it(engine) -> None:
    """ "大会举行第一次全体会议", "大会主席团举行第三次会议": sittings of the session the article reports,
    each on the session's day (a clock time starts no new day), each with its own chair."""
    text = (
        "某县第三届人民代表大会第六次会议召开\n"
        "12月17日，某县第三届人民代表大会第六次会议召开。\n"
        "上午10时，大会举行第一次全体会议。大会主席团常务主席吴建国、马立新在主席台前排就座。会议由马立新主持。\n"
        "上午11时30分，大会举行第二次全体会议。会议由吴建国主持。\n"
    )
    docs = analyse([Document("2025-12-18/x.txt", text)], engine, Locale.for_city("石家庄市"))
    article = docs[0].articles[0]
    session = "某县第三届人民代表大会第六次会议"
    dates = {e.name: e.date for e in article.events}
    assert dates[session + "第一次全体会议"] == dates[session + "第二次全体会议"] == "2025-12-17"
    roles = {(p.person, p.event.name, p.role) for p in article.participations}
    assert ("马立新", session + "第一次全体会议", "主持") in roles
    assert ("吴建国", session + "第二次全体会议", "主持") in roles


def test_a_brand_the_model_reads_as_a_name_inside_a_projects_name_keeps_the_event(engine) -> None:
    # the model reads 艾绿 (a brand) as a name: inside "…项目开工仪式", with nouns up to 项目, it is none
    text = "标题\n6月23日上午，我县举行重大项目集中开工活动暨艾绿芳香度假小镇项目开工仪式。县领导吴建国参加了开工仪式。\n"
    events, roles = _article_events(engine, text)
    name = "重大项目集中开工活动暨艾绿芳香度假小镇项目开工仪式"
    assert name in events and ("吴建国", name, "参加") in roles
    # a title and a visit after the name make it a person's ("彭某书记调研…项目")
    text = "标题\n县委书记吴建国书记调研城市建设重点项目。\n"
    assert "吴建国书记调研城市建设重点项目" not in _article_events(engine, text)[0]


def test_a_party_congress_named_with_its_place_and_number_is_an_event(engine) -> None:
    text = (
        "标题\n5月25日上午，中共某区委一届十二次全体会议召开。会上，区委副书记吴建国作中国共产党某市某区"
        "第二次代表大会筹备工作情况的报告；讨论区委向区第二次党代会所作的工作报告。\n"
    )
    events, _ = _article_events(engine, text)
    assert "中国共产党某市某区第二次代表大会" in events


def test_a_meetings_roster_under_its_label_gives_who_sat_in(engine) -> None:
    """A government's record of a meeting ends with its roster ("列席人员:" over lines of names padded to
    one width): they sat in (列席) on the meeting the page records."""
    text = (
        "县政府常务会议\n\n5月20日，县长吴建国主持召开县政府第三十四次常务会议。县领导马立新出席会议。\n\n"
        "会议还研究了其他事项。\n\n列席人员:\n\n孙立平   周子平   王    勇\n"
    )
    events, roles = _article_events(engine, text)
    meeting = "县政府第三十四次常务会议"
    assert {("孙立平", meeting, "列席"), ("周子平", meeting, "列席"), ("王勇", meeting, "列席")} <= roles


def test_a_meeting_records_particulars_name_its_day_and_who_sat_in(engine) -> None:
    """ "会议时间: 10月16日" dates the meeting; "市民代表、媒体等列席情况:" over a roster: they sat in."""
    text = (
        "市政府第22次常务会议召开\n会议时间: 10月16日\n\n市民代表、媒体、利益相关方等列席情况:\n\n"
        "孙立平  周子平  张建军  李卫东\n\n会议内容:\n\n10月16日,市长吴建国主持召开市政府常务会议。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("聊城市"))
    article = docs[0].articles[0]
    roles = {(p.person, p.role) for p in article.participations}
    assert {("孙立平", "列席"), ("周子平", "列席"), ("吴建国", "主持")} <= roles
    assert ("孙立平", "主持") not in roles
    assert article.events[0].date == "--10-16"


def test_a_visit_is_named_with_what_it_looks_into(engine) -> None:
    text = "本报讯 6月21日，省委政研室二级巡视员吴建国一行来寿光市调研乡村振兴工作，副市长马立新陪同。\n"
    events, roles = _article_events(engine, text)
    assert "吴建国到寿光市调研乡村振兴工作" in events
    assert ("马立新", "吴建国到寿光市调研乡村振兴工作", "陪同") in roles


def test_a_visit_by_a_party_of_four_led_by_its_head(engine) -> None:
    text = (
        "本报讯 6月2日，省检察院副检察长吴建国一行四人到仙游县调研检察建议办理情况。\n\n"
        "本报讯 7月5日，县委书记马立新率队赴金寨县考察，县长孙立平陪同。\n"
    )
    events, roles = _article_events(engine, text)
    assert {"吴建国到仙游县调研检察建议办理情况", "马立新率队到金寨县考察"} <= events
    assert ("孙立平", "马立新率队到金寨县考察", "陪同") in roles


def test_a_bodys_counted_sitting_is_a_meeting(engine) -> None:
    text = "本报讯 2月22日下午，莆田人联谊总会一届六次理事会召开。市长吴建国出席并讲话。\n"
    events, roles = _article_events(engine, text)
    assert "莆田人联谊总会一届六次理事会" in events
    assert ("吴建国", "莆田人联谊总会一届六次理事会", "讲话") in roles


def test_the_year_an_events_name_gives_and_the_events_of_its_day(engine) -> None:
    text = "本报讯 9月20日，中国•仙游2018(第三届)中秋恳亲大会召开。会上还举行了签约仪式，县长吴建国致辞。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    dates = {e.name: e.date for a in docs[0].articles for e in a.events}
    assert dates["中国•仙游2018(第三届)中秋恳亲大会"] == "2018-09-20"
    assert dates["签约仪式"] == "2018-09-20"  # on the day of the article's event


def test_a_ceremony_held_by_a_county_is_held_there(engine) -> None:
    text = (
        "本报讯 3月9日，仙游县举行2017年第一批重点项目集中开工仪式。县长吴建国出席。\n\n"
        "本报讯 3月10日，全市举行重点项目集中签约仪式。市长马立新出席。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    places = {e.name: e.place for a in docs[0].articles for e in a.events}
    assert places["2017年第一批重点项目集中开工仪式"] == "仙游县"
    assert places["重点项目集中签约仪式"] is None  # 全市 is no place of its own


def test_a_ceremony_held_by_a_county_is_held_there_past_the_year_of_its_name(engine) -> None:
    text = "本报讯 10月9日，仙游县举行2025年四季度重大项目集中开工仪式。县长吴建国出席仪式并致辞。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    places = {e.name: e.place for a in docs[0].articles for e in a.events}
    assert places == {"四季度重大项目集中开工仪式": "仙游县"}


def test_a_visit_that_names_no_place_is_in_the_visitors_own_county(engine) -> None:
    text = (
        "本报讯 11月7日，仙游县委副书记、县长吴建国现场调研重点项目建设情况。\n\n"
        "本报讯 11月8日，莆田市委常委、仙游县委书记马立新调研交通基础设施建设工作。\n\n"
        "本报讯 11月9日，省委书记孙立平调研乡村振兴工作。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    places = {e.visitor: e.place for a in docs[0].articles for e in a.events}
    assert places["吴建国"] == "仙游县"
    assert places["马立新"] == "仙游县"  # the county he leads, not the city's committee he sits on
    assert places["孙立平"] is None  # a province is no place a visit names by its visitor


def test_an_activity_that_restates_the_ceremony_is_the_ceremony(engine) -> None:
    text = (
        "本报讯 2月26日，仙游县举行2024年第一季度重点项目集中开工仪式，26个项目参加集中开工活动，"
        "县委书记吴建国出席仪式并讲话，县长马立新主持仪式，县政协主席孙立平在分会场参加活动。\n"
    )
    events, roles = _article_events(engine, text)
    ceremony = "2024年第一季度重点项目集中开工仪式"
    assert events == {ceremony}  # 集中开工活动 is no second event
    assert {("吴建国", ceremony, "出席"), ("吴建国", ceremony, "讲话"), ("马立新", ceremony, "主持")} <= roles
    assert ("孙立平", ceremony, "参加") in roles


def test_names_listed_after_a_long_description_of_who_sat_there(engine) -> None:
    text = (
        "本报讯 1月5日，某某县第十六届人民代表大会第一次会议开幕。"
        "在主席台前排就座的县人大常委会领导有：吴建国、马立新。"
        "在主席台就座的大会主席团其他成员有：孙立平、张建军。\n"
    )
    _, roles = _article_events(engine, text)
    session = "某某县第十六届人民代表大会第一次会议"
    sat = {person for person, event, role in roles if event == session and role == "就座"}
    assert sat == {"吴建国", "马立新", "孙立平", "张建军"}


def test_a_session_named_short_takes_its_full_name_and_the_day_its_first_sitting_opened_it(engine) -> None:
    text = (
        "仙游县十二届人大七次会议第一次全体会议召开\n\n"
        "本报讯 6月29日下午，仙游县第十二届人民代表大会第七次会议第一次全体会议召开。"
        "吴建国、马立新在主席台前排就座。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    dates = {e.name: e.date for a in docs[0].articles for e in a.events}
    assert dates["仙游县第十二届人民代表大会第七次会议"] == "--06-29"
    assert "仙游县十二届人大七次会议" not in dates


def test_projects_starting_together_are_the_event_held_for_them(engine) -> None:
    text = (
        "仙游县12个重大项目集中开工\n\n"
        "本报讯 2月25日，仙游县2022年一季度重大项目集中开工动员大会在城东工业园区举行。县长吴建国出席动员大会。\n"
    )
    events, roles = _article_events(engine, text)
    assert events == {"仙游县2022年一季度重大项目集中开工动员大会"}  # the headline's 集中开工 is that meeting
    assert ("吴建国", "仙游县2022年一季度重大项目集中开工动员大会", "出席") in roles


def test_a_stop_at_one_of_the_sites_a_visit_listed_is_that_visit(engine) -> None:
    text = (
        "本报讯 3月14日，市委书记吴建国一行到华宇铝业、榜头镇、九鲤湖调研。"
        "当天，吴建国一行来到华宇铝业视察项目建设。\n"
    )
    events, _ = _article_events(engine, text)
    assert events == {"吴建国到华宇铝业、榜头镇、九鲤湖调研"}


@pytest.mark.parametrize(
    "visit, name, sites",
    [
        (
            "到华宇铝业、榜头镇、九鲤湖调研",
            "吴建国到华宇铝业、榜头镇、九鲤湖调研",
            ["华宇铝业", "榜头镇", "九鲤湖"],
        ),
        ("赴莆田经济开发区和榜头镇调研", "吴建国到莆田经济开发区和榜头镇调研", ["莆田经济开发区", "榜头镇"]),
    ],
)
def test_a_visit_to_several_places_went_to_no_one_place(engine, visit: str, name: str, sites: list) -> None:
    text = f"本报讯 3月14日，市委书记吴建国{visit}。\n"
    event = _events_by_name(engine, text, Locale.for_city("莆田市"))[name]
    assert (event.place, event.sites) == (None, sites)


def test_persons_listed_with_semicolons_take_the_verb_after_the_last(engine) -> None:
    text = (
        "本报讯 9月10日，市政府新闻办召开新闻发布会。仙游县委副书记、县长吴建国；仙游县委常委、副县长马立新；"
        "仙游县副县长孙立平出席新闻发布会并回答记者提问。\n"
    )
    _, roles = _article_events(engine, text)
    answered = {person for person, _, role in roles if role == "答记者问"}
    assert answered == {"吴建国", "马立新", "孙立平"}


def test_a_long_list_of_visitors_with_yixing_is_named_after_the_first(engine) -> None:
    text = (
        "本报讯 3月16日，市委书记吴建国，市长马立新，市人大常委会主任孙立平，市政协主席张建军一行到仙游县调研。"
        "县委书记王程陪同。\n"
    )
    events, roles = _article_events(engine, text)
    assert "吴建国一行到仙游县调研" in events
    visit = "吴建国一行到仙游县调研"
    assert {(p, visit, "调研") for p in ("吴建国", "马立新", "孙立平", "张建军")} <= roles
    assert ("王程", visit, "陪同") in roles


def test_in_a_sound_or_a_mood_is_no_place(engine) -> None:
    text = (
        "本报讯 3月24日，仙游县第十八届人民代表大会第二次会议在雄壮的国歌声中胜利闭幕。\n\n"
        "本报讯 3月12日，仙游县第二批项目在城东工业园区项目现场集中开工。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    places = {e.name: e.place for a in docs[0].articles for e in a.events}
    assert places["仙游县第十八届人民代表大会第二次会议"] is None
    assert any(p == "城东工业园区项目现场" for p in places.values())  # 集中 is how, not 中


def test_a_visit_verb_inside_a_campaigns_name_names_the_campaign(engine) -> None:
    text = (
        "本报讯 10月9日，县委书记吴建国带领相关部门负责人到城东工业园区开展“再学习、再调研、再落实”"
        "暨赴重点项目现场调研活动，县领导马立新参加活动。\n"
    )
    events, roles = _article_events(engine, text)
    name = "“再学习、再调研、再落实”暨赴重点项目现场调研活动"
    assert name in events and not any(e.endswith("再调研") for e in events)
    assert {("吴建国", name, "调研"), ("马立新", name, "参加")} <= roles


def test_a_talk_with_a_named_guest_is_named_after_both(engine) -> None:
    text = (
        "本报讯 9月8日上午，清能集团党委副书记、总经理吴建国与到访的咸丰县委书记马立新一行举行会谈。"
        "集团副总经理孙立平参加座谈。\n"
    )
    events, roles = _article_events(engine, text)
    assert "吴建国与马立新一行会谈" in events
    assert {
        ("吴建国", "吴建国与马立新一行会谈", "会谈"),
        ("孙立平", "吴建国与马立新一行会谈", "参加"),
    } <= roles


def test_meeting_a_visiting_group_is_part_of_its_visit(engine) -> None:
    text = (
        "清徐县党政考察团在交城县考察交流学习\n\n"
        "本报讯 11月22日上午，由清徐县委书记吴建国带队的考察团来到交城县进行考察交流学习。"
        "交城县委书记马立新，县长孙立平会见考察团并一同考察。\n"
    )
    events, roles = _article_events(engine, text)
    assert events == {"清徐县党政考察团在交城县考察"}
    assert {
        ("马立新", "清徐县党政考察团在交城县考察", "会见"),
        ("孙立平", "清徐县党政考察团在交城县考察", "考察"),
    } <= roles


def test_a_visit_to_a_field_of_work_has_no_place(engine) -> None:
    text = "吴建国专题调研交通基础设施建设工作\n\n本报讯 12日，县长吴建国带领相关部门负责人到部分重大交通项目现场进行专题调研。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    places = {e.name: e.place for a in docs[0].articles for e in a.events}
    assert places == {"吴建国专题调研交通基础设施建设": None}


def test_a_report_to_the_session_is_one_role_however_written(engine) -> None:
    text = (
        "本报讯 1月16日上午，仙游县第十九届人民代表大会第四次会议开幕。县长吴建国向大会报告工作，"
        "并请政协委员和其他列席人员提出意见。\n"
    )
    events, roles = _article_events(engine, text)
    assert roles == {("吴建国", "仙游县第十九届人民代表大会第四次会议", "报告")}  # no person 和其他


def test_a_page_cut_before_its_lead_is_about_the_session_it_names(engine) -> None:
    text = (
        "县上领导吴建国、马立新在大会主席台前排就坐。大会由县政协副主席孙立平主持。\n"
        "大会首先审议通过了政协旬阳县第九届委员会第三次会议议程。\n"
    )
    events, roles = _article_events(engine, text)
    session = "政协旬阳县第九届委员会第三次会议"  # 旬阳县, a county until 2021
    assert session in events
    assert {("吴建国", session, "就座"), ("孙立平", session, "主持")} <= roles


def test_one_acting_for_another_and_those_addressed_take_no_part(engine) -> None:
    text = (
        "本报讯 8月31日上午，泗洪膜材料产业园奠基仪式成功举行。市委书记马立新出席活动。\n"
        "受市委书记马立新委托，市长吴建国向参加本次活动的开工项目表示祝贺。\n"
    )
    events, roles = _article_events(engine, text)
    assert events == {"泗洪膜材料产业园奠基仪式"}  # 成功举行
    assert roles == {
        ("马立新", "泗洪膜材料产业园奠基仪式", "出席"),
        ("吴建国", "泗洪膜材料产业园奠基仪式", "祝贺"),
    }


def test_a_dateline_before_yesterday_is_the_reports_day(engine) -> None:
    text = (
        "浙江在线-安吉新闻网3月12日讯(记者 李红)昨天上午，全县一季度重点项目集中开竣工活动举行。"
        "县领导吴建国、马立新参加，并为洁美电子材料产业园(一期)项目奠基。\n"
        "会议要求，努力在重大产业项目引进推进和省市长项目争取上取得突破。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("湖州市"), issue_date="2019-03-12")
    articles = docs[0].articles
    assert {e.name: e.date for a in articles for e in a.events} == {
        "全县一季度重点项目集中开竣工活动": "2019-03-11"
    }
    assert {(p.person, p.role) for a in articles for p in a.participations} == {
        ("吴建国", "参加"),
        ("马立新", "参加"),
    }
    assert not [
        m
        for a in articles
        for s in a.sentences
        for m in s.mentions
        if m.text == "项目" and m.type == "PERSON"
    ]


def test_a_title_with_a_comma_over_its_date_names_the_visit_of_the_lead(engine) -> None:
    text = (
        "市长吴建国莅临广西华友调研指导,鼓励企业冲刺一季度“开门红”\n-\n2023-02-02\n"
        "1月31日，市委副书记、市长吴建国，副市长马立新一行莅临广西华友，围绕项目建设情况开展调研工作。"
        "广西华友总经理孙立平热情接待并汇报相关工作。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("玉林市"), issue_date="2023-02-02")
    events = {e.name: (e.date, e.place) for a in docs[0].articles for e in a.events}
    assert events == {"吴建国到广西华友调研指导": ("2023-01-31", "广西华友")}


def test_one_visit_written_twice_is_one_and_goes_where_its_place_is_named(engine) -> None:
    text = (
        "本报讯 吴建国到龙山区部分企业，就项目建设情况进行调研。\n"
        "3月27日上午，市委书记吴建国深入龙山区部分企业就项目建设情况进行调研。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("辽源市"), issue_date="2015-03-30")
    events = {e.name: (e.date, e.place) for a in docs[0].articles for e in a.events}
    assert events == {"吴建国到龙山区部分企业调研": ("2015-03-27", "龙山区")}


def test_a_venue_before_a_comma_and_the_holding_verb_is_where_it_was_held(engine) -> None:
    text = (
        "本报讯 5月21日上午，某市在源城工业园三期扩园现场，举行2019年某市综合类项目集中签约动工投产仪式。\n"
    )
    events = _events_by_name(engine, text, Locale.for_city("河源市"))
    assert events["某市综合类项目集中签约动工投产仪式"].place == "源城工业园三期扩园现场"


def test_zai_inside_an_events_name_is_no_place(engine) -> None:
    text = "本报讯 4月3日上午，某县籍在外人士回乡行座谈会召开。县委书记张三致辞。\n"
    events = _events_by_name(engine, text, Locale.for_city("潍坊市"))
    assert list(events) == ["某县籍在外人士回乡行座谈会"]
    cited = "本报讯 为做好视察工作，在市六届人大常委会第四十四次会议召开前，市人大常委会组织视察。\n"
    assert not any(
        name.startswith("在") for name in _events_by_name(engine, cited, Locale.for_city("朔州市"))
    )


def test_a_visitor_leading_people_listed_with_their_titles_before_yi_xing(engine) -> None:
    text = (
        "本报讯 8月25日，凉山州委副书记张建军率州委副秘书长马立新，州政府副秘书长、州扶贫局局长孙立平一行，"
        "赴马边县考察调研脱贫攻坚工作。县委书记王程陪同。\n"
    )
    events, roles = _article_events(engine, text)
    assert events == {"张建军到马边县考察调研脱贫攻坚工作"}
    visitors = {p for p, _, r in roles if r == "考察"}
    assert visitors == {"张建军", "马立新", "孙立平"}
    assert ("王程", "张建军到马边县考察调研脱贫攻坚工作", "陪同") in roles


def test_a_talk_the_visitor_holds_on_the_visit_is_an_event_of_its_own(engine) -> None:
    text = "本报讯 3月5日，市委书记王程到某某县调研，并在县委常委会议室和县四家班子领导进行座谈。县委书记马立新陪同。\n"
    events = _events_by_name(engine, text, Locale.for_city("桂林市"))
    talk = events["王程与县四家班子领导座谈"]
    assert (talk.type, talk.place) == ("meeting", "县委常委会议室")
    assert "王程到某某县调研" in events


@pytest.mark.parametrize(
    "text, visit",
    [
        ("本报讯 7月25日，某某县党政考察团在某某县委副书记、县长马立新的带领下来敦煌考察学习市政建设情况。\n",
         "某某县党政考察团来敦煌考察"),
        ("本报讯 7月7日，由马立新带领的某某国某某州代表团来敦煌参观考察。市长王程致辞。\n",
         "某某国某某州代表团来敦煌参观考察"),
    ],
)  # fmt: skip
def test_a_group_led_by_someone_that_is_the_subject_names_the_visit(engine, text: str, visit: str) -> None:
    events = _events_by_name(engine, text, Locale.for_city("酒泉市"))
    assert list(events) == [visit]
    assert events[visit].place == "敦煌"


def test_a_day_stamped_before_a_headline_is_no_part_of_the_name() -> None:
    from kg.readers.events import _trim_quotes

    assert (
        _trim_quotes("08.21 全市项目观摩督查组来某县开展项目观摩督查活动")
        == "全市项目观摩督查组来某县开展项目观摩督查活动"
    )
    assert (
        _trim_quotes("「晨报快讯」某市第十九届人民代表大会第一次会议") == "某市第十九届人民代表大会第一次会议"
    )


def test_names_elected_in_the_clauses_after_an_election(engine) -> None:
    text = (
        "「晨报快讯」图们市第十九届人民代表大会第一次会议闭幕\n\n"
        "11月26日，图们市第十九届人民代表大会第一次会议闭幕。会议选举吴建国为市人大常委会主任，"
        "马立新、孙立平为市人大常委会副主任，会议要求全市以新发展理念为引领。\n"
    )
    events, roles = _article_events(engine, text)
    session = "图们市第十九届人民代表大会第一次会议"  # the column's tag is no part of the name
    assert events == {session}
    assert roles == {(p, session, "当选") for p in ("吴建国", "马立新", "孙立平")}


def test_a_line_of_the_date_gives_no_part_to_the_persons_after_it(engine) -> None:
    text = (
        "青阳县第十五届人民代表大会第六次会议举行第二次全体会议\n日期:2021年02月07日 阅读:\n\n"
        "大会执行主席:吴建国、马立新在主席台前排就座。\n"
    )
    _, roles = _article_events(engine, text)
    assert {role for _, _, role in roles} == {"就座"}


def test_all_who_lead_a_delegation_led_it(engine) -> None:
    text = "本报讯 11月13日，鹤庆县委书记吴建国，县委副书记、县长马立新率鹤庆县党政考察团到永平县考察交流。\n"
    events, roles = _article_events(engine, text)
    led = {(person, role) for person, _, role in roles if role == "率团"}
    assert led == {("吴建国", "率团"), ("马立新", "率团")}


def test_one_who_led_a_team_takes_the_part_the_page_writes(engine) -> None:
    text = "本报讯 2月6日，县委副书记、县长吴建国率队组成工作组深入高速公路项目建设工地调研。\n"
    _, roles = _article_events(engine, text)
    assert {role for person, _, role in roles if person == "吴建国"} == {"率队", "调研"}


def test_a_report_or_an_explanation_given_by_its_title(engine) -> None:
    text = (
        "1月14日，新安县第十二届人民代表大会第六次会议隆重开幕。会上，县长吴建国代表县政府向大会作"
        "《政府工作报告》。副县长马立新作了关于新安县国民经济和社会发展第十二个五年规划纲要(草案)的说明；"
        "县财政局局长孙立平向大会作了《新安县2010年财政预算执行情况》的报告。\n"
    )
    _, roles = _article_events(engine, text)
    assert {(person, role) for person, _, role in roles} == {
        ("吴建国", "报告"),
        ("马立新", "说明"),
        ("孙立平", "报告"),
    }


def test_a_call_paid_at_a_place_is_a_visit_and_on_a_person_a_meeting(engine) -> None:
    text = (
        "本报讯 9月4日，市长吴建国来到浙江大学紫金港校区拜访了学校领导。"
        "在中储粮油脂有限公司，吴建国拜访了该公司党委书记、董事长马立新。\n"
    )
    events, roles = _article_events(engine, text)
    assert events == {"吴建国到浙江大学紫金港校区拜访", "吴建国拜访马立新"}
    assert ("吴建国", "吴建国到浙江大学紫金港校区拜访", "拜访") in roles


def test_those_greeted_are_described_by_the_verb_before_de(engine) -> None:
    text = (
        "本报讯 12月25日，新安县第十二届人民代表大会第六次会议开幕。"
        "县委书记吴建国，县长马立新看望出席新安县第十二届人民代表大会第六次会议的人大代表。\n"
    )
    _, roles = _article_events(engine, text)
    assert not {(person, role) for person, _, role in roles if role == "出席"}


def test_a_festival_that_holds_a_ceremony_names_it_and_is_an_event_too(engine) -> None:
    text = (
        "本报讯 6月6日，第19届中国·金湖荷花节举行重大项目开工暨签约仪式。"
        "县委书记吴建国出席签约仪式。县长马立新主持签约仪式。\n"
    )
    events, roles = _article_events(engine, text)
    ceremony = "第19届中国·金湖荷花节重大项目开工暨签约仪式"
    assert events == {ceremony, "第19届中国·金湖荷花节"}
    assert {("吴建国", ceremony, "出席"), ("马立新", ceremony, "主持")} == roles


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a body holds a ceremony; it is no festival's edition
        ("本报讯 12月3日，市第四届人大常委会举行宪法宣誓仪式。\n", "宪法宣誓仪式"),
        # a headline's kicker before a dash is no part of the event it names
        (
            "新年重头戏——巩义市2021年第一批重大项目集中开工仪式\n\n1月4日上午，巩义市举行2021年第一批"
            "重大项目集中开工仪式，此次集中开工的项目共20个。市领导吴建国、马立新等出席仪式。\n",
            "巩义市2021年第一批重大项目集中开工仪式",
        ),
    ],
)
def test_the_one_event_a_holding_names(engine, text: str, name: str) -> None:
    events, _ = _article_events(engine, text)
    assert events == {name}


def test_a_sitting_within_a_session_reports_the_session_too(engine) -> None:
    text = (
        "6月15日下午，岳池县第十八届人民代表大会第二次会议主席团举行第一次会议。"
        "大会主席团成员、县委书记吴建国主持会议。\n"
    )
    events, roles = _article_events(engine, text)
    sitting, session = (
        "岳池县第十八届人民代表大会第二次会议主席团第一次会议",
        "岳池县第十八届人民代表大会第二次会议",
    )
    assert events == {sitting, session}
    assert ("吴建国", sitting, "主持") in roles


@pytest.mark.parametrize(
    ("headline", "lead", "visit"),
    [
        (
            "县人大常委会调研县检察院工作情况",
            "6月7日下午，县人大常委会主任吴建国，副主任马立新一行调研检察院工作情况。",
            "县人大常委会调研县检察院工作情况",
        ),
        (
            "县领导到宁海三门湾新区调研工作",
            "12月2日上午，县委书记吴建国，县长马立新来到宁海三门湾新区调研工作。",
            "县领导到宁海三门湾新区调研工作",
        ),
        # a meeting's headline, a column's tag: the lead's visit keeps its name
        (
            "市领导会见广州市对口合作调研团一行",
            "5月6日，市长吴建国到新罗区调研。",
            "吴建国到新罗区调研",
        ),
        ("【领导调研.重要活动】", "8月2日，县长吴建国到气象局调研。", "吴建国到气象局调研"),
    ],
)
def test_a_headline_names_the_visit_of_a_body_or_group(engine, headline: str, lead: str, visit: str) -> None:
    events, roles = _article_events(engine, f"{headline}\n\n{lead}\n")
    assert visit in events and ("吴建国", visit, "调研") in roles


def test_the_same_subject_answers_after_a_comma_and_bing(engine) -> None:
    text = (
        "本报讯 3月2日，文县新冠肺炎疫情防控工作第三场新闻发布会召开。副县长吴建国，县公安局副局长马立新，"
        "通报疫情防控工作开展情况，并回答大家关心的问题。\n\n"
        "本报讯 5月6日，市委书记孙立平对张建军一行来胶考察表示欢迎，并介绍了经济社会发展情况。\n"
    )
    _, roles = _article_events(engine, text)
    assert {person for person, _, role in roles if role == "答记者问"} == {"吴建国", "马立新"}
    assert ("张建军", "介绍") not in {(person, role) for person, _, role in roles}


def test_a_visit_to_a_list_of_sites_written_with_zhi_is_named_by_what_it_looks_into(engine) -> None:
    text = (
        "本报讯 9月2日，市委常委、政法委书记吴建国带队至新港城幼儿园、印象城、市汽车客运站等地"
        "督查调研校园和重点场所安全稳定工作。\n"
    )
    events, roles = _article_events(engine, text)
    visit = "吴建国带队督查调研校园和重点场所安全稳定工作"
    assert events == {visit} and ("吴建国", visit, "带队") in roles


def test_a_column_heading_of_verbs_is_no_visit(engine) -> None:
    events, _ = _article_events(engine, "调研检查\n\n9月2日，市长吴建国到新港城幼儿园调研。\n")
    assert events == {"吴建国到新港城幼儿园调研"}


@pytest.mark.parametrize(
    "name, kind",
    [
        ("专题协商会", "meeting"),  # a consultation is a meeting, though it ends like 商会
        ("温州商会", None),  # a chamber of commerce is a body
        ("温州商会成立大会", "conference"),
        ("区人大常委会", None),
    ],
)
def test_an_events_type_from_its_head_and_a_body_is_no_event(name: str, kind: str | None) -> None:
    from kg.readers.events import event_type

    assert event_type(name) == kind


def test_a_visit_is_named_to_its_place_whatever_the_motion_and_without_its_topic(engine) -> None:
    text = (
        "本报讯 8月22日,珠海市斗门区委副书记、区长吴建国率队赴福贡县开展扶贫协作工作调研,县委书记马立新陪同调研。\n\n"
        "本报讯 3月15日,新华社黑龙江分社社长孙立平一行6人深入新林区进行实地调研。\n"
    )
    events = _events_by_name(engine, text, Locale.for_city("怒江傈僳族自治州"))
    assert "吴建国率队到福贡县调研" in events  # 赴 is 到; "开展扶贫协作工作" is no part of the place
    assert events["吴建国率队到福贡县调研"].place == "福贡县"
    assert "孙立平到新林区调研" in events  # 深入 is 到


def test_the_main_venue_the_meeting_a_session_holds_and_ground_breaking_roles(engine) -> None:
    text = (
        "本报讯 10月29日,全市第三次重点项目集中开工活动在固安召开,主会场设在固安县联东医疗器械产业园项目现场。"
        "市领导吴建国、马立新出席我县主会场活动。\n\n"
        "本报讯 12月28日,中国人民政治协商会议北京市顺义区第六届委员会第二次会议召开协商议政座谈会。"
        "区政协主席孙立平主持会议。\n\n"
        "本报讯 2月20日上午,商水县2021年第一批重点项目集中开工仪式举行。县委书记张建军宣布开工并下达开工令。"
        "县委副书记王程等出席开工仪式并为项目开工培土奠基。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("廊坊市"))
    roles = {(p.person, p.event.name, p.role) for a in docs[0].articles for p in a.participations}
    events = {e.name: e for a in docs[0].articles for e in a.events}
    # "出席我县主会场活动" attends the event whose main venue it is, held where the venue is
    assert ("吴建国", "全市第三次重点项目集中开工活动", "出席") in roles
    assert events["全市第三次重点项目集中开工活动"].place.startswith("固安县联东医疗器械产业园项目")
    # the session holds the talk: the article is about the talk
    assert ("孙立平", "协商议政座谈会", "主持") in roles
    ceremony = "商水县2021年第一批重点项目集中开工仪式"
    assert {("张建军", ceremony, "下达开工令"), ("王程", ceremony, "奠基")} <= roles  # 奠基 after 开工


def test_a_ceremony_named_again_in_short_after_a_visit_takes_the_parts_of_its_sentence(engine) -> None:
    text = (
        "本报讯 三月的炳灵湖畔,永靖县2021年重点项目开工复工仪式隆重举行。3月16日下午,州委书记吴建国,"
        "副州长马立新、孙立平一行到永靖县调研督导重点项目建设,出席2021年重点项目开工复工仪式,吴建国宣布开工,"
        "县委书记王程致辞。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("临夏回族自治州"))
    events = {e.name for a in docs[0].articles for e in a.events}
    roles = {(p.person, p.event.name, p.role) for a in docs[0].articles for p in a.participations}
    ceremony = "永靖县2021年重点项目开工复工仪式"
    assert not [name for name in events if name.startswith("出席")]  # the verb is no part of a name
    # the visitors attend it (one subject across the comma), and its parts are taken in it, not the visit
    assert {("马立新", ceremony, "出席"), ("吴建国", ceremony, "宣布"), ("王程", ceremony, "致辞")} <= roles


def test_a_visit_named_without_the_clause_of_those_who_accompany_it(engine) -> None:
    text = (
        "本报讯 4月2日,县长吴建国一行在发改委主任马立新、县委办副主任孙立平及县交通运输局班子成员的陪同下,"
        "调研了2013年农村公路建设工作。\n"
    )
    events, roles = _article_events(engine, text)
    assert events == {"吴建国一行调研2013年农村公路建设"}
    assert ("马立新", "吴建国一行调研2013年农村公路建设", "陪同") in roles


def test_an_event_held_right_before_its_name_is_reported_without_date_or_place(engine) -> None:
    text = (
        "本报讯 县委书记吴建国等县领导到项目现场观摩。观摩活动结束后,桐柏县举行了第四季度重点项目集中开工仪式。\n\n"
        "本报讯 全年迅速召开了全区优化营商环境推动高质量发展动员大会,先后举办美食节、消费节等活动。\n"
    )
    events, _ = _article_events(engine, text)
    assert "第四季度重点项目集中开工仪式" in events
    # a year's account of what was done is background: 迅速召开了, 先后举办 A、B
    assert not [name for name in events if "动员大会" in name or "美食节" in name]


def test_a_venue_that_ends_in_zhong_is_a_place_not_a_mood(engine) -> None:
    text = (
        "本报讯 1月8日上午,乐东黎族自治县第十四届人民代表大会第六次会议圆满完成各项议程,在乐东县思源高中胜利闭幕。\n\n"
        "本报讯 1月9日,某县第十届人民代表大会第二次会议在热烈的掌声中胜利闭幕。\n"
    )
    events = _events_by_name(engine, text, Locale.for_city("乐东黎族自治县"))
    assert events["乐东黎族自治县第十四届人民代表大会第六次会议"].place == "乐东县思源高中"
    assert all(e.place is None for name, e in events.items() if name.startswith("某县"))  # in a mood


def test_an_afternoons_meeting_is_on_the_day_of_the_sentence_before(engine) -> None:
    text = (
        "5月22日,北京市丰台区委副书记、代区长吴建国一行在州人大副主任马立新陪同下赴治多县交流对接对口援建工作。"
        "工作组一行先后看望慰问治渠乡同卡村特困户,走访调研了北京援建项目治渠乡同卡村生态畜牧业合作社发展情况。\n"
        "下午,在县政府常务会议室召开北京市丰台区与青海省治多县交流对接座谈会。县四大班子领导、五乡一镇及县直各部门"
        "参加了会议。\n"
        "会议听取了治多县情、经济社会发展情况。丰台区花乡人民政府与治多县发展改革局签署农副产品销售框架协议。\n"
    )
    events = _events_by_name(engine, text, Locale())
    assert events["北京市丰台区与青海省治多县交流对接座谈会"].date == "--05-22"


def test_the_editors_of_a_page_take_no_part_in_what_it_reports(engine) -> None:
    text = (
        "本报讯 一周盘点 ·第55期· 核发:吴建国 编审:王程 校对:孙立平 9月20日,市委书记张建军深入永定区调研"
        "察看永定红石材循环经济产业园。\n"
    )
    _, roles = _article_events(engine, text)
    assert {person for person, _, _ in roles} == {"张建军"}


def test_a_visitors_compound_verb_gives_the_role_it_begins_with(engine) -> None:
    text = (
        "吴建国督导检查我县产业项目建设情况\n"
        "10月11日,县委书记吴建国深入我县部分企业、项目建设现场督导检查产业项目建设情况。\n"
    )
    _, roles = _article_events(engine, text)
    assert {role for person, _, role in roles if person == "吴建国"} == {"督导"}  # not 调研


def test_a_preparatory_meeting_is_a_sitting_of_its_own(engine) -> None:
    text = (
        "4月27日下午,仙游县第十七届人民代表大会第六次会议举行预备会议。\n"
        "县委书记吴建国在主席台就座。县人大常委会主任王程主持并讲话。\n"
        "会议应出席代表167人,出席151人,出席人数符合法定人数。\n"
    )
    events, roles = _article_events(engine, text)
    sitting = "仙游县第十七届人民代表大会第六次会议预备会议"
    assert sitting in events
    assert {("王程", sitting, "主持"), ("吴建国", sitting, "就座")} <= roles


def test_an_election_goes_on_after_a_semicolon(engine) -> None:
    text = (
        "12月23日上午,荔城区第十一届人民代表大会第一次会议举行第三次全体会议。"
        "会议依法选举吴建国为荔城区人大常委会主任,陈立为荔城区人大常委会副主任;"
        "王海为荔城区人民政府区长,宋莉、孙立平为荔城区人民政府副区长;张建军为荔城区人民法院院长。\n"
    )
    _, roles = _article_events(engine, text)
    elected = {person for person, _, role in roles if role == "当选"}
    assert {"吴建国", "陈立", "王海", "宋莉", "孙立平", "张建军"} <= elected


def test_a_zone_unveiled_after_a_start_of_works_is_where_the_ceremony_is(engine) -> None:
    text = "4月17日上午,2020年某县重点项目集中开工、新安合作区揭牌仪式顺利举行。县委书记吴建国出席。\n"
    events = _events_by_name(engine, text, Locale.for_city("长春市"))
    assert events["某县重点项目集中开工、新安合作区揭牌仪式"].place == "新安合作区"


def test_a_visit_to_learn_is_at_the_place_not_the_place_and_learning(engine) -> None:
    # "赴X县学习考察": 学习 qualifies the visit, as 实地 does; the place is X县
    text = "本报讯 10月23日，县委书记张三率领党政考察团赴濮阳市清丰县学习考察产业集聚区建设。\n"
    events = _events_by_name(engine, text, Locale.for_city("安阳市"))
    assert [e.place for e in events.values()] == ["濮阳市清丰县"]
    text = "本报讯 我县党政考察团赴濮阳市清丰县学习考察。\n"
    events = _events_by_name(engine, text, Locale.for_city("安阳市"))
    assert [e.place for e in events.values()] == ["濮阳市清丰县"]


def test_a_county_written_with_its_city_is_that_county(engine) -> None:
    # the place of "赴濮阳市清丰县考察" is the county 清丰县, not a place named "濮阳市清丰县" in 濮阳市
    text = "本报讯 10月23日，县委书记张三率领党政考察团赴濮阳市清丰县考察。\n"
    locale = Locale.for_city("安阳市")
    corpus = build_corpus(analyse([Document("x.txt", text)], engine, locale), locale)
    places = {e.label: e for e in corpus.entities.values() if e.type == "PLACE"}
    assert "濮阳市清丰县" not in places
    assert places["清丰县"].identifier  # the division, with its code
    event = next(k for k, e in corpus.entities.items() if e.type == "EVENT")
    assert (event, "location", places["清丰县"].key) in {f[:3] for f in corpus.facts}


def test_two_sittings_held_together_are_each_the_session_s(engine) -> None:
    text = "本报讯 11月11日上午，伍家岗区第六届人民代表大会第一次会议举行第三次全体会议及主席团第5次会议。会议由张建国主持。\n"
    events, roles = _article_events(engine, text)
    session = "伍家岗区第六届人民代表大会第一次会议"
    assert {session + "第三次全体会议", session + "主席团第5次会议"} <= events
    assert not any("及" in name for name in events)
    assert ("张建国", session + "第三次全体会议", "主持") in roles


def test_a_visit_to_the_county_by_the_last_character_of_its_name(engine) -> None:
    # 大竹县 is 竹 as 胶州市 is 胶: "来竹考察" went to 大竹县, one visit with "来我县考察"
    text = "本报讯 3月27日，某协会秘书长陈志明一行来我县考察。座谈会上，县长李国华对陈志明一行来竹考察表示欢迎。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("达州市", county="大竹县"))
    visits = {e.name: e.place for a in docs[0].articles for e in a.events}
    assert visits == {"陈志明到大竹县考察": "大竹县"}


def test_a_group_led_with_a_comma_and_a_first_stop(engine) -> None:
    text = "本报讯 1月21日，某区经济发展局副局长陈志明，率京东、苏宁易购等10家企业投资经贸考察团一行，首站到我县考察投资项目。\n"
    events, roles = _article_events(engine, text)
    visit = next(name for name in events if name.startswith("陈志明"))
    assert {("陈志明", visit, "考察"), ("陈志明", visit, "率团")} <= roles


def test_a_group_counted_after_its_visitors(engine) -> None:
    text = "本报讯 4月24日，某县政协副主席张建国、李国华一行22人，来我县考察古文化资源开发情况。县政协主席王立新陪同考察。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("平凉市", county="泾川县"))
    visits = {e.name: e.place for a in docs[0].articles for e in a.events}
    assert visits == {"张建国、李国华到泾川县考察古文化资源开发情况": "泾川县"}
    roles = {(p.person, p.role) for a in docs[0].articles for p in a.participations}
    assert {("张建国", "考察"), ("李国华", "考察"), ("王立新", "陪同")} <= roles


def test_those_a_visitor_leads_are_in_his_visit(engine) -> None:
    # "X率A，B一行赴P": A and B take part in X's visit; they make no second visit of their own
    text = "本报讯 8月25日，某州委副书记陈志明率州委副秘书长张建国，州政府副秘书长李国华一行，赴某市某县考察调研脱贫攻坚工作。\n"
    events, _ = _article_events(engine, text)
    assert len(events) == 1 and next(iter(events)).startswith("陈志明")


def test_a_solemn_oath_is_the_constitutional_oath(engine) -> None:
    text = "本报讯 11月24日，新当选的县人民政府副县长吴建国左手抚按《宪法》，右手举拳，进行了庄严宣誓。\n"
    events, roles = _article_events(engine, text)
    assert ("吴建国", "宪法宣誓", "宣誓") in roles


def test_a_county_s_venue_of_an_activity_organised_province_wide(engine) -> None:
    # "全省同步组织的X活动Y县分会场在P举行": the event is "X活动Y县分会场"; who organised it is no part of its name
    text = "本报讯 10月8日上午，全省同步组织的第二期“三个一批”活动固始县分会场在史河湾产业集聚区隆重举行。县委书记吴建国等县领导参加活动。\n"
    events, roles = _article_events(engine, text)
    assert events == {"第二期“三个一批”活动固始县分会场"}
    assert ("吴建国", "第二期“三个一批”活动固始县分会场", "参加") in roles


def test_a_meeting_relayed_is_not_the_meeting_that_relays_it(engine) -> None:
    # "传达了省、市X会议精神": the province's and city's X, cited; the county's own X keeps its participants
    text = (
        "某县召开府检联动第一次联席会议\n\n本报讯 12月23日，某县组织召开府检联动第一次联席会议，县长吴建国出席会议。"
        "会上传达了省、市府检联动第一次联席会议精神。\n"
    )
    events, roles = _article_events(engine, text)
    assert ("吴建国", "府检联动第一次联席会议", "出席") in roles


def test_a_main_activity_of_a_festival_is_part_of_it(engine) -> None:
    # "作为X节的主体活动之一——Y举行": Y on the sentence's day, part of X (which the sentence gives no day)
    text = (
        "本报讯 5月27日上午，作为第五届湖北·监利小龙虾节的主体活动之一——某市2023年二季度招商引资集中签约仪式举行，"
        "53家企业现场签约。\n"
    )
    events = _events_by_name(engine, text, Locale.for_city("荆州市"))
    signing = events["某市2023年二季度招商引资集中签约仪式"]
    assert signing.part_of is events["第五届湖北·监利小龙虾节"]
    assert signing.date and signing.date.endswith("05-27") and events["第五届湖北·监利小龙虾节"].date is None


def test_who_hands_the_newly_elected_their_certificates_was_not_elected(engine) -> None:
    text = (
        "本报讯 7月2日，政协仙游县第九届委员会第四次会议闭幕。吴建国、马立新出席会议。"
        "会上，吴建国和马立新分别为新当选的政协仙游县第九届委员会主席郑红梅颁发当选证书。\n"
    )
    _, roles = _article_events(engine, text)
    assert ("吴建国", "出席") in {(p, r) for p, _, r in roles}
    assert not {(p, r) for p, _, r in roles if p in ("吴建国", "马立新") and r == "当选"}


def test_those_described_as_attending_take_that_part_and_the_next(engine) -> None:
    text = (
        "2月21日下午，中国人民政治协商会议台州市第十六届委员会第三次会议隆重开幕。"
        "应邀出席会议的市领导张大明、李小红，市人民法院院长赵元明等在主席台就座，祝贺大会召开。\n"
    )
    events, roles = _article_events(engine, text)
    session = "中国人民政治协商会议台州市第十六届委员会第三次会议"
    assert {(p, session, r) for p in ("张大明", "李小红", "赵元明") for r in ("出席", "就座")} <= roles


def test_a_visitor_leading_officials_named_with_the_model_gluing_the_verb(engine) -> None:
    text = (
        "3月4日，州委常委、瑞丽市委书记龚大明率市政府、市直相关部门负责人调研瑞丽市“美丽县城”建设工作。"
        "龚大明要求，全市各相关部门要将建设作为惠民实事。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("德宏傣族景颇族自治州"))
    article = docs[0].articles[0]
    assert {p.person for p in article.positions} == {"龚大明"}  # not 龚大明率
    visit = "龚大明调研瑞丽市“美丽县城”建设"  # the visit, named as one without the officials led
    assert visit in {e.name for e in article.events}
    assert ("龚大明", visit, "调研") in {(p.person, p.event.name, p.role) for p in article.participations}


def test_meetings_whose_spirit_is_relayed_were_held_before(engine) -> None:
    text = (
        "12月8日，县政府召开第48次常务会议。会议传达学习了省委十二届四次全会、市委五届八次全会和市委工作务虚会精神，"
        "强调要全面深刻领会会议精神。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("资阳市"))
    events = {e.name: e for a in docs[0].articles for e in a.events}
    assert {"市委五届八次全会", "市委工作务虚会"} <= set(events)  # two meetings joined by 和
    assert events["市委五届八次全会"].date is None  # not held on the day of the meeting that relays it
    assert not any("领会" in name for name in events)


def test_a_talk_about_a_matter_with_the_other_side(engine) -> None:
    text = "4月21日，考察期间，张大超一行还就茶博会分会场有关筹备工作与茶产业博览会执委会进行了沟通对接。\n"
    events, roles = _article_events(engine, text)
    assert "张大超与茶产业博览会执委会沟通对接" in events


def test_a_meeting_held_at_a_place_written_with_yu(engine) -> None:
    text = (
        "本报讯 1月30日下午，市委书记吴建国于市委大院听事堂会见某某同乡会会长马立新一行。"
        "市政协主席孙立平陪同会见。\n"
    )
    events, roles = _article_events(engine, text)
    assert "吴建国会见马立新一行" in events
    assert {("吴建国", "吴建国会见马立新一行", "会见"), ("孙立平", "吴建国会见马立新一行", "陪同")} <= roles


def test_a_briefings_name_ends_after_its_venue_part_not_at_a_word_ending_like_a_head(engine) -> None:
    text = (
        "本报讯 9月28日上午，烟台市人民政府新闻办公室召开“走在前、开新局”主题系列新闻发布会莱州市专场"
        "——凝心聚力谋发展 再创莱州新辉煌。会上，市长吴建国介绍了有关情况。\n"
    )
    events, roles = _article_events(engine, text)
    briefing = "“走在前、开新局”主题系列新闻发布会莱州市专场"
    assert briefing in events and ("吴建国", briefing, "介绍") in roles


def test_a_visit_to_a_site_to_work_there_is_a_visit(engine) -> None:
    events, _ = _article_events(engine, "本报讯 12月5日，区委书记吴建国到五协生态科技产业园现场办公。\n")
    assert "吴建国到五协生态科技产业园现场办公" in events


def test_visitors_listed_with_their_titles_looking_into_a_matter(engine) -> None:
    text = (
        "本报讯 3月24日，县委书记吴建国，县委副书记、县长孙立平，县委常委、副县长马立新就城市建设工作"
        "开展调研活动。\n"
    )
    events, roles = _article_events(engine, text)
    visit = next(e for e in events if e.endswith("就城市建设工作开展调研"))
    assert {(p, visit, "调研") for p in ("吴建国", "孙立平", "马立新")} <= roles


def test_a_group_led_by_a_visitor_that_inspects_what_it_names(engine) -> None:
    """ "由处长A带领的督查组一行，对崇信县2016省列观摩项目进行督查": A's visit, with those who accompanied it."""
    text = (
        "本报讯 5月17日，由甘肃省发改委收费处处长吴建国带领的督查组一行，对崇信县2016省列观摩项目进行督查。"
        "县委书记马立新陪同。\n"
    )
    events, roles = _article_events(engine, text)
    visit = next(e for e in events if e.startswith("吴建国") and e.endswith("进行督查"))
    assert {("吴建国", visit, "督查"), ("马立新", visit, "陪同")} <= roles


def test_a_groups_visit_on_a_topic_with_those_who_took_part(engine) -> None:
    """ "县人大常委会调研组对全县茶产业发展情况进行专题调研，主任A，副主任B等参加调研": the group's visit."""
    text = (
        "本报讯 近日，某县人大常委会调研组对全县生态茶产业发展情况进行专题调研，县人大常委会主任吴建国，"
        "副主任马立新、孙立平等参加调研。\n"
    )
    events, roles = _article_events(engine, text)
    visit = "某县人大常委会调研组对全县生态茶产业发展情况专题调研"
    assert visit in events
    assert {(p, visit, "参加") for p in ("吴建国", "马立新", "孙立平")} <= roles


def test_a_visit_to_a_place_written_by_one_character_after_li(engine) -> None:
    """ "组长A带队莅饶调研我县重点项目建设情况": 莅 and a one-character short name report a visit."""
    text = "本报讯 11月14日，省委第三巡回指导组组长吴建国带队莅饶调研我县重点项目建设情况。\n"
    events, roles = _article_events(engine, text)
    visit = next(e for e in events if e.startswith("吴建国"))
    assert {("吴建国", visit, "调研"), ("吴建国", visit, "带队")} <= roles


def test_an_important_speech_given_is_a_part_taken_one_studied_is_not(engine) -> None:
    text = (
        "县人代会闭幕\n1月10日，某县第十四届人民代表大会第六次会议闭幕。县委书记吴建国作重要讲话。"
        "会议传达学习了马立新重要讲话精神。\n"
    )
    _, roles = _article_events(engine, text)
    assert ("吴建国", "讲话") in {(p, r) for p, _, r in roles}
    assert "马立新" not in {p for p, _, _ in roles}


def test_a_verb_joined_to_one_of_attending_is_what_was_attended(engine) -> None:
    """ "A等参加调研或座谈": 参加 is A's part, 调研 and 座谈 what A attended; "B陪同考察或参加座谈": 陪同 and
    参加 are both B's."""
    text = (
        "本报讯 5月2日，某县人大常委会调研组对全县茶产业发展情况进行专题调研，县人大常委会主任吴建国等参加调研或座谈，"
        "副县长马立新陪同考察或参加座谈。\n"
    )
    _, roles = _article_events(engine, text)
    parts = {(p, r) for p, _, r in roles}
    assert {("吴建国", "参加"), ("马立新", "陪同"), ("马立新", "参加")} <= parts
    assert ("吴建国", "座谈") not in parts


def test_a_visitor_with_staff_and_hosts_who_accompanied_the_inspection(engine) -> None:
    text = (
        "本报讯 4月12日，市长吴建国与市发改委、财政局相关负责人来城关镇，就重大项目推进情况进行现场办公。"
        "县委书记孙立平陪同了视察。\n"
    )
    events, roles = _article_events(engine, text)
    assert "吴建国到城关镇现场办公" in events
    assert ("孙立平", "吴建国到城关镇现场办公", "陪同") in roles
    assert ("孙立平", "吴建国到城关镇现场办公", "视察") not in roles


def test_a_session_closing_after_its_agenda_and_a_ceremony_of_what_a_company_builds(engine) -> None:
    text = (
        "本报讯 1月6日下午,莆田县第十九届人民代表大会第二次会议在圆满完成各项议程后胜利闭幕。\n"
        "本报讯 7月1日上午,由集团投资开发建设的江西万载古城暨百合花城奠基仪式隆重举行。市委常委吴建国参加活动。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    events = {e.name: e for a in docs[0].articles for e in a.events}
    session = next(e for n, e in events.items() if n.endswith("第十九届人民代表大会第二次会议"))
    assert session.place is None  # 在…后 is a time, not a place
    assert "江西万载古城暨百合花城奠基仪式" in events


def test_leaders_who_bring_a_delegation_and_the_delegation_welcomed_by_name(engine) -> None:
    text = (
        "本报讯 10月13日下午,安徽省休宁县委书记吴建国,县委副书记、县长马立新带领党政代表团来临考察。"
        "区领导孙立平接待来访。区委书记孙立平对休宁县党政代表团来临考察表示热烈欢迎。\n"
    )
    events, roles = _article_events(engine, text)
    assert events == {"休宁县党政代表团来临考察"}
    assert {
        ("吴建国", "休宁县党政代表团来临考察", "率团"),
        ("马立新", "休宁县党政代表团来临考察", "考察"),
    } <= roles


def test_an_inspection_of_several_fields_of_work_is_no_visit_to_a_place(engine) -> None:
    text = (
        "本报讯 2月27日,区委书记吴建国,区委副书记、区长马立新带队检查全国两会服务保障、安全生产及大气污染"
        "防治工作。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    visit = docs[0].articles[0].events[0]
    assert visit.name.endswith("检查全国两会服务保障、安全生产及大气污染防治工作")
    assert visit.place != "全国两会服务保障"


def test_a_works_started_without_the_word_project_and_one_who_attended_and_presided(engine) -> None:
    text = (
        "本报讯 2月4日上午,莆田县第四中学建设开工。开工典礼由副县长吴建国主持。\n"
        "本报讯 12月7日,莆田县政协常务委员会第八次会议召开。县政协主席马立新出席并主持会议。\n"
    )
    events, roles = _article_events(engine, text)
    assert ("吴建国", "莆田县第四中学建设开工", "主持") in roles
    assert "并主持会议" not in events
    assert ("马立新", "莆田县政协常务委员会第八次会议", "主持") in roles


def test_staff_brought_along_are_not_in_the_visits_name_and_an_unnamed_county_is_no_place(engine) -> None:
    text = (
        "本报讯 3月12日,县委书记吴建国,县长马立新带领县委办、县政府办、县发改局负责人调研督导2021年重点项目"
        "开工情况。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("莆田市"))
    visit = docs[0].articles[0].events[0]
    assert visit.name.startswith("吴建国、马立新调研督导2021年重点项目")
    assert visit.place is None  # the page never says which county its 县委 is


def test_a_cppcc_session_named_with_its_county_between_zhengxie_and_its_term(engine) -> None:
    text = "本报讯 1月5日,政协莆田县十届四次会议召开第二次全体会议。县委书记吴建国出席。\n"
    events, roles = _article_events(engine, text)
    assert ("吴建国", "政协莆田县十届四次会议第二次全体会议", "出席") in roles


def test_a_name_read_as_a_weekday_and_a_visit_to_inspect(engine) -> None:
    text = "本报讯 1月27日,县委书记周三连到城关镇检查安全生产工作。\n"
    events, roles = _article_events(engine, text)
    assert any(person == "周三连" and role == "检查" for person, _, role in roles)


def test_a_months_chronicle_gives_each_entrys_events_their_day(engine) -> None:
    text = (
        "2020年10月大事记\n\n7日   县长吴建国到定军山镇检查指导脱贫攻坚工作。\n9日   县长吴建国主持召开县长碰头会。\n"
        "※    县委书记马立新主持召开县脱贫攻坚领导小组第9次会议。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("汉中市"))
    dates = {e.name: e.date for a in docs[0].articles for e in a.events}
    assert dates["县长碰头会"] == "2020-10-09"
    assert dates["县脱贫攻坚领导小组第9次会议"] == "2020-10-09"  # ※: the day before's
    assert dates["吴建国到定军山镇检查指导"] == "2020-10-07"


def test_two_events_held_one_after_the_other_are_two(engine) -> None:
    # "先后召开A会和B会议": two meetings, not one named with 和; "A会和B会等系列活动" is no pair
    text = (
        "本报讯 1月5日，区里先后召开老干部迎春慰问暨工作情况通报会和社会各界工作通报会议。吴建国出席会议。\n"
    )
    events, _ = _article_events(engine, text)
    assert {"老干部迎春慰问暨工作情况通报会", "社会各界工作通报会议"} <= events
    series = "本报讯 5月8日，吴建国参加温州项目推介会和吉林市对口合作交流会等系列活动。\n"
    assert "吉林市对口合作交流会等系列活动" not in _article_events(engine, series)[0]


def test_a_venues_part_in_brackets_is_part_of_the_name(engine) -> None:
    # "…活动(仁化分会场)": the 会 of 分会场 ends no name
    text = "本报讯 12月20日，仁化县举行全市第四季度项目集中开竣工活动(仁化分会场)，涉及39个项目。吴建国出席活动。\n"
    events, roles = _article_events(engine, text)
    assert "全市第四季度项目集中开竣工活动(仁化分会场)" in events
    assert ("吴建国", "全市第四季度项目集中开竣工活动(仁化分会场)", "出席") in roles


def test_delegations_that_sit_together_within_a_session(engine) -> None:
    # "参加X会议A代表团、B代表团分团审议": the delegations' sitting, an event of its own; a bare
    # "分组审议" names none
    text = "本报讯 12月26日，市委书记吴建国参加市十一届人大五次会议仙人渡代表团、光化代表团分团审议。\n"
    events, roles = _article_events(engine, text)
    sitting = "市十一届人大五次会议仙人渡代表团、光化代表团分团审议"
    assert sitting in events
    assert ("吴建国", sitting, "参加") in roles
    bare = "本报讯 6月28日，县十七届人大常委会第三次会议召开。会议进行分组审议，吴建国出席。\n"
    assert "分组审议" not in _article_events(engine, bare)[0]


def test_speakers_whose_speeches_are_relayed_take_no_part(engine) -> None:
    # "传达贯彻A、B在省委全会上的讲话精神…听取…汇报": A and B spoke elsewhere; they report nothing here
    text = (
        "12月14日,区委书记吴建国在区政府会议室主持召开2020年第三十次区委常委会会议。会议传达贯彻马立新、孙立平在"
        "省委十一届十二次全体会议上的讲话精神和周子平、马立新、孙立平在湖南省领导干部会议上的讲话精神以及第40次、"
        "第41次市委常委会会议精神,并集中观看电视片,听取省脱贫攻坚工作实地考核反馈问题整改落实工作、省生态环境保护督察"
        "整改工作、全区疫情常态化防控工作等情况汇报。\n"
    )
    _, roles = _article_events(engine, text)
    assert not any(person in ("马立新", "孙立平", "周子平") for person, _, _ in roles)
    assert ("吴建国", "2020年第三十次区委常委会会议", "主持") in roles


def test_what_a_meeting_urges_is_no_ceremony_held(engine) -> None:
    # "确保X仪式顺利举行", "推动X项目开工建设": what the meeting asks for, not events of the day
    text = (
        "本报讯 4月30日，市长吴建国主持召开全市项目开工筹备工作会议。5月6日，各县市区将同步举行项目集中启动仪式。\n"
        "会议强调，要全力做好保障工作，确保项目集中启动仪式顺利举行。会议要求，推动全市重点项目开工建设。\n"
    )
    events, _ = _article_events(engine, text)
    assert "全市项目开工筹备工作会议" in events
    assert not any(name.startswith(("确保", "推动")) for name in events)
    held = "本报讯 3月2日，莆田市高新技术产业园项目开工建设。市长吴建国出席。\n"
    assert "莆田市高新技术产业园项目开工建设" in _article_events(engine, held)[0]


def test_an_event_held_in_step_at_many_places_is_held_there(engine) -> None:
    text = "本报讯 5月6日，在莆田市各县区同步举行项目集中启动仪式。市长吴建国出席。\n"
    events = _events_by_name(engine, text, Locale.for_city("莆田市"))
    assert events["项目集中启动仪式"].place == "莆田市各县区"


def test_a_visit_into_a_long_list_of_what_it_looks_into(engine) -> None:
    # "来到我县,对A、B、C及D等项工作进行调研": the 对 clause may be long
    text = (
        "本报讯 省委书记吴建国带领省直相关部门领导来到我县,对黑蜂产业园区、口岸建设、楼体综合改造项目、现代农业"
        "示范园区及新农村建设等项工作进行调研。县委书记马立新陪同调研。\n"
    )
    _, roles = _article_events(engine, text)
    assert any(person == "吴建国" and role == "调研" for person, _, role in roles)
    assert any(person == "马立新" and role == "陪同" for person, _, role in roles)


def test_talks_held_are_talks_not_a_meeting_named_before_their_tan(engine) -> None:
    # "举行工作会谈": 会 of 会谈 ends no meeting's name ("工作会")
    text = "本报讯 3月19日,县委书记吴建国与中国电建集团总经理马立新一行举行工作会谈,双方深入交流。\n"
    events, roles = _article_events(engine, text)
    assert "工作会" not in events
    assert {("吴建国", "会谈"), ("马立新", "会谈")} <= {(person, role) for person, _, role in roles}


def test_a_two_character_name_listed_among_names_is_a_name_wherever_the_article_writes_it(engine) -> None:
    # 白鹤 is a crane too: listed between names, it is a person in "大会由白鹤主持" and "白鹤宣布大会开幕"
    text = (
        "2月18日,某区第七届人民代表大会第三次会议在区影剧院隆重开幕。\n"
        "吴建国、马立新、李考玉、白鹤、孙立平、周子平在主席台前排就座。大会由白鹤主持。\n"
        "上午,白鹤宣布大会开幕。全体起立,奏唱国歌。\n"
    )
    events, roles = _article_events(engine, text)
    assert not any(name.startswith("白鹤") for name in events)
    assert {("白鹤", "主持"), ("白鹤", "宣布")} <= {(person, role) for person, _, role in roles}
