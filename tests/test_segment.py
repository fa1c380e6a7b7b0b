from __future__ import annotations

from kg.input.clean import clean_document
from kg.input.segment import segment_document, split_sentences
from kg.model import Document

PAGE = """德州市召开优化营商环境工作推进会

本报讯（记者 王晓东 通讯员 李卫）3月15日，全市优化营商环境工作推进会召开。市委副书记、市长赵志明出席会议并讲话。

会议强调，要持续深化改革。（下转第二版）

乐陵市小麦喜获丰收

本报讯（记者 张青）6月20日，记者从乐陵市农业农村局获悉，今年全市小麦总产量创新高。

■ 本报记者 周明 刘芳
在德州经济技术开发区，山东恒达新材料有限公司的车间里机器轰鸣。公司总经理冯雪峰介绍，项目预计明年投产。
开发区新材料项目加快建设
"""


def _segment(text: str) -> Document:
    doc = Document("page.txt", text)
    return segment_document(clean_document(doc))


def test_articles_headlines_and_bylines() -> None:
    doc = _segment(PAGE)
    assert [a.headline for a in doc.articles] == [
        "德州市召开优化营商环境工作推进会",
        "乐陵市小麦喜获丰收",
        "开发区新材料项目加快建设",  # a headline set below its article goes to the article it describes
    ]
    assert doc.articles[0].authors == ["王晓东", "李卫"]
    assert doc.articles[1].authors == ["张青"]
    assert doc.articles[2].authors == ["周明", "刘芳"]


def test_a_subtitle_of_clauses_between_title_and_byline_is_the_articles() -> None:
    page = (
        "我市党政代表团赴邻县考察\n\n提振信心,鼓足干劲,为全市建设添一份力\n\n"
        "本报讯 8月21日,我市党政代表团先后来到邻县考察学习。市领导张三参加考察活动。\n"
    )
    doc = _segment(page)
    assert [a.headline for a in doc.articles] == ["我市党政代表团赴邻县考察"]


def test_a_writer_credited_on_the_page_is_an_author() -> None:
    page = (
        "县政协召开常委会议\n作者: 吴建国 来源: 某某日报 发表时间: 2026-01-15 09:17\n"
        "本报讯 1月14日,县政协召开常委会议。(作者:马 立)\n"
    )
    assert _segment(page).articles[0].authors == ["吴建国", "马立"]
    page = "县政协召开常委会议\n来源:某某网 作者:佚名\n本报讯 1月14日,县政协召开常委会议。\n"
    assert _segment(page).articles[0].authors == []  # 佚名: anonymous
    page = "区委召开常委会议\n作者:区委办  阅读数:250\n本报讯 1月14日,区委召开常委会议。\n"
    assert _segment(page).articles[0].authors == []  # a body credited (区 is a surname too)


def test_a_web_pages_source_hits_and_time_under_its_headline_are_one_article() -> None:
    from kg.input.segment import _classify, _drafts, _Line

    assert _classify("阅读:39228") == _classify("2022-05-10 16:48:59") == "credit"
    kinds = [
        ("县重大项目集中开工活动举行", "headline"),
        ("来源:某某客户端", "credit"),
        ("阅读:39228", "credit"),
        ("2022-05-10 16:48", "headline"),  # the page's dateline, read with its headline
        ("某某融媒5月10日讯 5月10日上午,县重大项目集中开工活动举行。", "body"),
        ("县长马立新主持。", "body"),
    ]
    lines = [_Line(i * 100, i * 100 + len(t), t, kind) for i, (t, kind) in enumerate(kinds)]
    drafts = _drafts(lines)
    assert len(drafts) == 1 and [line.text for line in drafts[0].body][-1] == "县长马立新主持。"


def test_continuation_marks_are_not_sentences() -> None:
    doc = _segment(PAGE)
    texts = [s.text for s in doc.articles[0].sentences]
    assert "会议强调，要持续深化改革。" in texts
    assert not any("下转" in t for t in texts)


def test_sentences_keep_offsets() -> None:
    text = "他说：“要抓落实。”会议结束！下一步怎么办？"
    sentences = split_sentences(text, 0, len(text))
    assert [s.text for s in sentences] == ["他说：“要抓落实。”", "会议结束！", "下一步怎么办？"]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_segmentation_loses_no_article_text() -> None:
    doc = _segment(PAGE)
    covered = "".join(s.text for a in doc.articles for s in a.sentences)
    for word in ("赵志明", "乐陵市农业农村局", "冯雪峰", "开发区新材料项目加快建设"):
        assert word in covered


def test_a_run_without_sentence_ends_is_cut_into_bounded_pieces() -> None:
    text = ("市委常委、宣传部部长王某某出席，" * 60) + "会议" * 400
    sentences = split_sentences(text, 0, len(text))
    assert max(len(s.text) for s in sentences) <= 300
    assert "".join(s.text for s in sentences) == text  # nothing lost
    assert all(s.text[-1] in "，、" for s in sentences[:3])  # cut at commas where there are some


def test_a_block_of_two_headlines_is_cut_between_the_articles_they_describe() -> None:
    text = (
        "本报讯（记者 孙浩）12月16日，市长赵志明到禹城市调研农业农村工作，察看禹城市小麦长势。\n\n"
        "赵志明到禹城市调研\n\n"  # set below its article
        "德州华光碳纤维项目开工\n\n"  # set above the next
        "本报讯（记者 孙浩）12月17日，德州华光碳纤维项目开工仪式在临邑县举行，碳纤维项目总投资5亿元。\n"
    )
    doc = _segment(text)
    assert [a.headline for a in doc.articles] == ["赵志明到禹城市调研", "德州华光碳纤维项目开工"]


def test_a_photo_caption_is_part_of_its_article_not_a_headline() -> None:
    from kg.input.clean import clean_document
    from kg.input.segment import segment_document
    from kg.model import Document

    text = (
        "南康14个项目集中开工\n\n5月20日上午，项目集中开工仪式举行。\n▲开工仪式现场 郭先明摄\n"
        "区委书记张三出席仪式并宣布项目开工，区长李四主持开工仪式。\n▲张三出席仪式 郭先明摄\n"
    )
    doc = segment_document(clean_document(Document("p.txt", text)))
    assert len(doc.articles) == 1 and doc.articles[0].headline == "南康14个项目集中开工"


def test_a_source_line_after_the_body_is_no_headline() -> None:
    text = (
        "李四赴景德镇开展专题调研活动\n\n来源: 民盟景德镇市委员会 发布时间: 2023-04-19\n\n"
        "4月15日，李四率调研组一行到景德镇市开展专题调研活动。\n来源:江西民盟、景德镇政协微信公众号\n"
    )
    doc = segment_document(clean_document(Document("p.txt", text)))
    assert [a.headline for a in doc.articles] == ["李四赴景德镇开展专题调研活动"]


def test_a_line_of_particulars_is_no_sentence_and_splits_no_article() -> None:
    page = (
        "真抓实干往前赶 创新突破向未来 市政协八届五次会议隆重开幕 吴建国讲话 马立新等到会祝贺\n"
        "2026年01月20日 15:29:24 来源:某某日报\n\n"
        "图为大会现场 张三/摄\n\n"
        "1月19日上午,政协第八届某某市委员会第五次会议在市会堂隆重开幕。\n"
    )
    doc = _segment(page)
    assert len(doc.articles) == 1
    sentences = doc.articles[0].sentences
    assert not any("来源" in s.text for s in sentences)
    assert [s.caption for s in sentences] == [False, True, False]  # the caption is never the lead
    assert sentences[0].headline and not sentences[2].headline


def test_a_caption_above_the_opening_line_opens_no_article_of_its_own() -> None:
    page = (
        "某某市第五届人民代表大会第二次会议开幕\n\n"
        "某某日报 2017-09-19 04:05\n\n"
        "图为大会会场。本报记者张三摄\n\n"
        "本报讯(记者李四)9月18日下午,某某市第五届人民代表大会第二次会议隆重开幕。\n"
    )
    doc = _segment(page)
    assert len(doc.articles) == 1
    assert doc.articles[0].headline == "某某市第五届人民代表大会第二次会议开幕"


def test_a_bylines_trainees_photographers_and_credits_are_no_names() -> None:
    doc = _segment(
        "本报讯(记者 张三 实习记者 李四 摄影 王五)昨天上午，会议召开。\n会场。融媒体中心记者 赵六摄\n"
    )
    assert doc.articles[0].authors == ["张三", "李四", "王五", "赵六"]
    reported = _segment("海报新闻记者 张三 李四 日照报道\n昨天上午，会议召开。\n")
    assert reported.articles[0].authors == ["张三", "李四"]  # "日照报道": where it was filed from


def test_captions_inside_a_one_article_page_split_no_article() -> None:
    page = (
        "县政协十一届六次会议今日开幕\n"
        "发布时间:2012-02-12 00:00:00 信息来源:某县政府网\n"
        "今天下午,县政协十一届六次会议在县城隆重开幕。\n"
        "会议现场\n"
        "县政协副主席吴建国主持开幕式\n"
        "县政协主席马立新、县委书记张建军在主席台前排就坐。\n"
        "开幕式由县政协副主席吴建国主持。\n"
    )
    doc = _segment(page)
    assert len(doc.articles) == 1
    assert "马立新" in doc.articles[0].sentences[-2].text
    # a second article of such a page begins as an article does: with its date
    second = page + "一周要闻\n2月13日,县委召开常委会议。\n"
    assert len(_segment(second).articles) == 2


def test_an_image_placeholder_splits_no_article_and_a_long_headline_stands_above_its_particulars() -> None:
    page = (
        "现场签约9个项目总投资26亿!某县食品产业专场招商推介活动在广州举行\n"
        "时间:2024-04-30 10:33:48 来源:本网\n"
        "4月28日,某县食品产业专场招商推介活动在广州市番禺区举行,现场签约9个项目。\n"
        "图片\n"
        "县委书记吴建国等参加活动,县长马立新主持活动。\n"
    )
    doc = _segment(page)
    assert len(doc.articles) == 1
    assert doc.articles[0].headline.startswith("现场签约9个项目")


def test_a_portraits_caption_and_a_scene_caption_between_body_lines_split_no_article() -> None:
    page = (
        "某县召开项目建设推进会\n"
        "3月2日,全县项目建设推进会召开。县委书记吴建国出席会议并讲话。\n"
        "县委书记吴建国\n"
        "县委副书记、县人民政府县长马立新主持会议。\n"
        "签约仪式现场\n"
        "会上,5个项目现场签约。\n"
    )
    doc = _segment(page)
    assert [a.headline for a in doc.articles] == ["某县召开项目建设推进会"]
    # a headline of an article of its own, not a title and a name, still opens one
    second = page + "某县举办农民丰收节\n9月23日,丰收节开幕。\n"
    assert len(_segment(second).articles) == 2


def test_a_caption_that_ends_with_its_photographer_in_brackets_splits_no_article() -> None:
    page = (
        "某县第十七届人民代表大会第二次会议胜利闭幕\n"
        "1月20日,某县第十七届人民代表大会第二次会议胜利闭幕。\n"
        "会议现场(张三 摄)\n"
        "大会执行主席是吴建国、马立新、孙立平。\n"
        "县委书记吴建国讲话（李四摄）\n"
        "大会由马立新主持。\n"
        "闭幕式现场(摄影 王五)\n"
        "大会选举孙立平为县人民政府县长。\n"
    )
    doc = _segment(page)
    assert len(doc.articles) == 1
    captions = [s.text for s in doc.articles[0].sentences if s.caption]
    assert captions == ["会议现场(张三 摄)", "闭幕式现场(摄影 王五)"]


def test_a_caption_that_credits_a_body_splits_no_article() -> None:
    page = (
        "国际在线辽宁频道消息(张三):12月7日,沈阳市和平区第十九届人民代表大会第一次会议开幕。249名新一届和平区人大代表出席大会,"
        "认真履职尽责。当日9时,和平区人大常委会主任吴建国宣布大会开幕。\n"
        "沈阳市和平区第十九届人民代表大会第一次会议现场 供图 和平区委宣传部\n"
        "本次大会第一次全体会议的执行主席是:吴建国、马立新、孙立平。\n"
        "和平区人民政府代区长马立新向大会作政府工作报告 和平区委宣传部供图\n"
        "会议听取了和平区2021年国民经济和社会发展计划执行情况的报告。\n"
    )
    doc = _segment(page)
    assert len(doc.articles) == 1  # the captions are the article's, not headlines of their own


def test_editors_credited_on_the_page_are_the_articles_editors() -> None:
    page = (
        "县政协召开常委会议\n来源:某某网 编辑:肖文东    作者:赖青 左云\n\n"
        "本报讯 1月14日,县政协召开常委会议,听取县政府关于全县重点项目建设情况的通报。\n\n"
        "会议指出,要抓好项目建设,推动全县经济社会高质量发展。\n\n"
        "(一审:周明 二审:黄岸 三审:扶国权)\n\n县融媒体中心编辑:陈佳明 马羚编审:闫丽华\n"
    )
    article = _segment(page).articles[0]
    assert article.headline == "县政协召开常委会议"
    assert article.authors == ["赖青", "左云"]
    assert article.editors == ["肖文东", "周明", "黄岸", "扶国权", "陈佳明", "马羚", "闫丽华"]
    page = "县政协召开常委会议\n\n本报讯 1月14日,县政协召开常委会议。\n\n责任编辑:不详\n"
    assert _segment(page).articles[0].editors == []


def test_a_page_with_no_headline_but_credits_is_headed_by_its_first_words() -> None:
    page = (
        "泸溪融媒3月29日讯 3月29日上午,某县重大项目集中开工活动在高新区举行,县委书记张三宣布项目开工。\n"
        "县领导李四、王五参加开工活动。\n一审:唐 军\n二审:宋丽梅\n来源:某县融媒体中心\n编辑:宋丽梅\n"
    )
    article = _segment(page).articles[0]
    assert article.headline.startswith("泸溪融媒3月29日讯")
    assert article.editors == ["唐军", "宋丽梅"]


def test_a_headline_shaped_caption_above_a_line_that_refers_back_splits_no_article() -> None:
    page = (
        "某县召开创城工作动员大会\n\n"
        "8月23日下午,某县召开创城工作动员大会。全体在家县领导,各乡镇党委书记、乡镇长,县直各单位负责同志,"
        "受表彰单位代表近300人参加会议。\n\n"
        "县领导为先进单位和先进个人代表颁发荣誉证书\n\n"
        "会议由县委副书记、县长马立新主持。会上,县委常委孙立平宣读表扬决定。最后县委书记吴建国讲话,"
        "他强调,创城成绩来之不易,要巩固成果。\n"
    )
    doc = _segment(page)
    assert [a.headline for a in doc.articles] == ["某县召开创城工作动员大会"]
    captions = [s.text for s in doc.articles[0].sentences if s.caption]
    assert captions == ["县领导为先进单位和先进个人代表颁发荣誉证书"]
    # a line that opens as articles do still opens one
    other = page + "某县举办农民丰收节\n9月23日,丰收节开幕。\n"
    assert len(_segment(other).articles) == 2


def test_the_only_headline_of_an_article_below_its_lead_is_its_headline() -> None:
    page = (
        "4月22日上午,某市政府新闻办公室邀请新闻媒体召开新闻发布会。\n"
        "某市政府召开新闻发布会讲述抗疫故事\n"
        "会上,副市长马立新介绍了全市疫情防控工作情况。\n"
    )
    doc = _segment(page)
    assert [a.headline for a in doc.articles] == ["某市政府召开新闻发布会讲述抗疫故事"]
