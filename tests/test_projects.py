"""Projects: which noun phrases name one, and where each is. The page is written for these tests in
the genre of a city daily (a 德州 paper); none of it comes from the seed pages."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.pipeline import analyse, build_corpus
from kg.readers.orgs import Locale

PAGE = """市发展改革委深化“投资审批”改革

本报讯（记者 韩冬）5月8日，记者从市发展和改革委员会了解到，今年以来，我市大力推进重点项目建设，全市新开工项目120个。市发展和改革委员会坚持“一窗受理”，为企业减少跑腿次数。推行“联合审图”后，晶华玻璃、丰源轮胎扩能、绿洲之家等20余家企业项目缩短了审批时间。

在津县重点项目建设提速

本报讯（记者 孙悦）6月5日，在宋官屯街道，德州恒信装备科技有限公司年产3万台农机装备项目建设现场，工人们正在安装设备。该项目总投资3.6亿元。同时，位于同一片区的山东鲁晶新材料有限公司也在加紧生产。这家由鲁南玻璃集团与北方新材集团合资成立的企业，今年启动了年产5万吨特种玻璃项目的智能化改造。

我市生态环境治理成效明显

本报讯（记者 周琳）12月20日，记者从市生态环境局获悉，我市持续完善环境治理体系，减河湿地EOD项目获评省级试点，马颊河EOD项目进入国家生态环境导向开发项目储备库。陵城高端化工产业园区去年获评省级化工园区，项目全部建成后，年消纳固废200万吨。北部新材料园区入驻企业达到40家。同时，我市完成文庙大成殿修缮等文物保护项目12个，引进书店、茶馆、民宿等各类文旅业态项目60余个，新建口袋公园、街心游园等城建项目30个，推进道路提升等项目建设。德城区持续推进新湖南岸改造提升项目。

武城县小麦喜获丰收

本报讯（记者 刘洋）6月20日，记者从武城县农业农村局获悉，武城县今年小麦单产再创新高。落实玉米政策性保险项目，全县投保面积40万亩。

优化营商环境 德州再出实招

本报讯（记者 王芳）在乐陵市，首个“交地即开工”棚改项目——乐陵市西关三期棚改安置区项目比计划提前4个月开工。开发区将持续优化营商环境。推进东部蒸汽管网、新河水厂等项目建设。3月2日，在山东丰源轮胎制造股份有限公司智能工厂扩产项目建设工地，两条新生产线正在调试。

齐河县：重大项目建设蹄疾步稳

本报讯（记者 高远）11月8日，齐河县招商投资部门正在梳理项目服务清单。加快推进黄河国际会展中心、鲁齐智能装备产业园、德齐集团康宁医药产业园等9个项目开工建设。

总投资120亿元 18个项目集中开工

本报讯（记者 陈晨）9月3日，德州金石新能源储能电池项目开工仪式在庆云经济开发区隆重举行。山东远航重工有限公司在夏津县投资建设的大型风电塔筒项目，总投资20亿元。德州瑞丰医疗器械项目落户天衢新区，总投资8亿元。今年以来，全县恒力精密铸件、金达新型建材等6个项目相继投产。市民俗馆展出剪纸、黑陶、扎染等36个非遗项目的200余件作品。

市长到平原县调研工业经济和重点项目建设

本报讯（记者 陈晨）9月4日，市长到平原县调研工业经济和重点项目建设。
"""


@pytest.fixture(scope="module")
def corpus(engine):
    locale = Locale.for_city("德州市")
    docs = analyse([Document("dezhou-projects.txt", PAGE)], engine, locale, issue_date="2025-06-30")
    return build_corpus(docs, locale)


@pytest.fixture(scope="module")
def projects(corpus) -> dict[str, str]:
    """Project name → key."""
    return {corpus.entities[k].label: k for k in corpus.projects}


def _object(corpus, key: str, predicate: str) -> str | None:
    found = [f.object for f in corpus.facts.values() if f.subject == key and f.predicate == predicate]
    return corpus.entities[found[0]].label if found else None


def _place(corpus, projects, name: str) -> str | None:
    assert name in projects, f"no project {name!r}: {sorted(projects)}"
    return _object(corpus, projects[name], "location")


def test_no_place_when_none_is_stated(corpus, projects) -> None:
    # the city was the subject two sentences before, but an organisation took over the passage
    for name in ("晶华玻璃", "丰源轮胎扩能", "绿洲之家"):
        assert _place(corpus, projects, name) is None


def test_our_city_as_subject_places_its_projects(corpus, projects) -> None:
    assert _place(corpus, projects, "减河湿地EOD项目") == "德州市"
    assert _place(corpus, projects, "马颊河EOD项目") == "德州市"


def test_a_collection_of_projects_is_no_project(projects) -> None:
    assert not any("储备" in name or "导向开发" in name for name in projects)


def test_same_area_takes_the_previous_projects_place_and_the_passage_company(corpus, projects) -> None:
    assert _place(corpus, projects, "德州恒信装备科技有限公司年产3万台农机装备项目") == "宋官屯街道"
    assert _place(corpus, projects, "年产5万吨特种玻璃项目") == "宋官屯街道"
    # "这家…的企业，今年启动了…项目的智能化改造": the company of the passage, not its parents
    assert _object(corpus, projects["年产5万吨特种玻璃项目"], "owner") == "山东鲁晶新材料有限公司"


def test_policy_programme_is_no_project(projects) -> None:
    assert not any("保险" in name for name in projects)


def test_division_fragment_with_generic_words_is_no_project(projects) -> None:
    # "津县" is a district's name cut short: with 重点 it names no particular project
    assert not any(name.endswith("重点项目") for name in projects)


def test_name_is_not_cut_at_a_split_word(corpus, projects) -> None:
    # the segmenter cuts 棚改 into 棚/n 改/v; the name runs on to the dash
    assert _place(corpus, projects, "乐陵市西关三期棚改安置区项目") == "乐陵市"
    assert "棚改项目" not in projects


def test_company_begins_the_name_and_owns_the_project(corpus, projects) -> None:
    name = "山东丰源轮胎制造股份有限公司智能工厂扩产项目"
    assert name in projects
    assert _object(corpus, projects[name], "owner") == "山东丰源轮胎制造股份有限公司"
    # "在X公司…现场" is a company's site: the zone of the sentences before is no longer stated
    assert _place(corpus, projects, name) is None


def test_single_named_item_before_a_count_is_a_project(corpus, projects) -> None:
    assert _place(corpus, projects, "文庙大成殿修缮") == "德州市"
    # kinds, not projects: "各类…项目60余个", generic items before a count, a generic single item
    for kind in ("书店", "茶馆", "民宿", "口袋公园", "街心游园", "道路提升"):
        assert kind not in projects


def test_facility_the_sentence_calls_a_project(corpus, projects) -> None:
    assert _place(corpus, projects, "陵城高端化工产业园区") == "陵城区"  # short form of the district
    assert not any(name.startswith("北部") for name in projects)  # only called 园区
    assert not any("化工园区" in name for name in projects)  # the kind it was rated, not a name


def test_subject_of_a_passage_places_its_list(corpus, projects) -> None:
    # "开发区将…。推进A、B等项目建设": the sentence after keeps the zone as its subject
    assert _place(corpus, projects, "东部蒸汽管网") == "德州经济技术开发区"
    assert _place(corpus, projects, "新河水厂") == "德州经济技术开发区"


def test_narrower_subject_replaces_the_city(corpus, projects) -> None:
    # 改造提升 is part of the name although tagged a verb; the district is the clause's subject
    assert _place(corpus, projects, "新湖南岸改造提升项目") == "德城区"


def test_headline_subject_places_the_articles_projects(corpus, projects) -> None:
    assert _place(corpus, projects, "黄河国际会展中心") == "齐河县"
    assert _place(corpus, projects, "鲁齐智能装备产业园") == "齐河县"


def test_company_that_begins_a_listed_name_owns_it(corpus, projects) -> None:
    # the segmenter runs the group's name into the park's: 德齐集团康宁医药/ORG 产业园/n
    assert _object(corpus, projects["德齐集团康宁医药产业园"], "owner") == "德齐集团"
    assert _object(corpus, projects["黄河国际会展中心"], "owner") is None


def test_ground_breaking_ceremony_is_held_on_the_site(corpus, projects) -> None:
    assert _place(corpus, projects, "德州金石新能源储能电池项目") == "庆云经济开发区"


def test_company_building_somewhere_owns_and_places_the_project(corpus, projects) -> None:
    assert _place(corpus, projects, "大型风电塔筒项目") == "夏津县"
    assert _object(corpus, projects["大型风电塔筒项目"], "owner") == "山东远航重工有限公司"


def test_project_settles_in_a_zone(corpus, projects) -> None:
    assert _place(corpus, projects, "德州瑞丰医疗器械项目") == "天衢新区"


def test_list_after_the_county_as_subject(projects) -> None:
    assert {"恒力精密铸件", "金达新型建材"} <= set(projects)  # not "全县恒力精密铸件"


def test_sets_coordinations_and_heritage_items_are_no_projects(projects) -> None:
    assert not any("18个" in name for name in projects)  # "总投资120亿元 18个项目"
    assert not any("工业经济" in name for name in projects)  # "工业经济和重点项目"
    assert not {"剪纸", "黑陶", "扎染"} & set(projects)  # "36个非遗项目": items of a register


def test_a_sets_total_is_not_each_items_investment_and_a_site_chosen_is_the_place(engine) -> None:
    text = (
        "本报讯（记者 陈晨）9月5日，宁津县招商工作成效明显。今年以来，全县恒力精密铸件、金达新型建材等6个项目"
        "相继落地，总投资15亿元。德州华康医养综合体项目选址黄河涯镇，总投资约5亿元。"
    )
    locale = Locale.for_city("德州市")
    corpus = build_corpus(analyse([Document("sets.txt", text)], engine, locale), locale)
    found = {corpus.entities[k].label: (d, k) for k, d in corpus.projects.items()}
    for item in ("恒力精密铸件", "金达新型建材"):
        assert item in found and found[item][0].investment is None
    details, key = found["德州华康医养综合体项目"]
    assert details.investment == 500_000_000
    assert _object(corpus, key, "location") == "黄河涯镇"


def test_projects_listed_with_their_own_amounts_joined_by_and(engine) -> None:
    from kg.model import Document
    from kg.pipeline import analyse
    from kg.readers.orgs import Locale

    text = "本报讯 20亿元以上项目2个，分别是总投资38亿元的青龙山国际康养度假区项目和总投资25亿元的巩义市产业集聚区小微企业园项目。\n"
    docs = analyse([Document("p.txt", text)], engine, Locale.for_city("郑州市"))
    amounts = {p.name: p.investment for a in docs[0].articles for p in a.projects}
    assert amounts == {"青龙山国际康养度假区项目": 3.8e9, "巩义市产业集聚区小微企业园项目": 2.5e9}


def test_items_each_priced_before_a_kind_and_count_are_projects_with_their_amounts(engine) -> None:
    text = (
        "其中，投资10亿元的某某医药中间体、投资15亿元的某某科创孵化器、投资9.2亿元的某某大健康产业园等"
        "工业项目16个、总投资72.4亿元。\n"
    )
    projects = _article_projects(engine, text, "菏泽市")
    amounts = {name: p.investment for name, p in projects.items()}
    assert amounts == {"某某医药中间体": 1e9, "某某科创孵化器": 1.5e9, "某某大健康产业园": 9.2e8}


def test_the_amount_before_a_sets_one_named_item_is_the_sets_total(engine) -> None:
    text = (
        "总投资80亿元的某某新能源汽车发动机等6个项目集中开工。"
        "市长与企业代表就投资30亿元的某某锂电池材料产业基地项目、投资6亿元的某某科技产业园项目等16个项目签约。\n"
    )
    projects = _article_projects(engine, text, "黄石市")
    assert projects["某某新能源汽车发动机"].investment is None  # 80亿 is the six projects'
    assert projects["某某锂电池材料产业基地项目"].investment == 3e9


def test_a_list_the_text_counts_gives_each_item_and_keeps_the_total_apart(engine) -> None:
    from kg.model import Document
    from kg.pipeline import analyse
    from kg.readers.orgs import Locale

    text = (
        "这次秋季集中开工项目为河北某某科技有限公司标识制作项目、安济路综合管廊工程、东城门片区环境整治提升工程、"
        "某某科技正定有限责任公司储能装备生产基地项目，共计4个，总投资27.78亿元。\n"
    )
    article = analyse([Document("x.txt", text)], engine, Locale.for_city("石家庄市"))[0].articles[0]
    projects = {p.name: p for p in article.projects}
    assert {"安济路综合管廊工程", "东城门片区环境整治提升工程"} <= set(
        projects
    )  # named 工程, counted as projects
    assert projects["某某科技正定有限责任公司储能装备生产基地项目"].investment is None  # 27.78亿 is the set's


@pytest.mark.parametrize(
    "text",
    [
        "集中开工项目有某某县生态种养殖基地建设项目、七峰林海项目等24个，总投资60.4亿元。\n",
        "集中开工的有北区热源厂改扩建项目、市四中校园扩建项目等15个重点项目，总投资22.7亿元。\n",
        "4月23日，某某区在七峰林海项目现场举行重大项目集中开工仪式，集中开工23个项目，总投资24.8亿元。\n",
    ],
)
def test_the_total_of_a_set_counted_after_its_last_item_is_not_that_items(engine, text: str) -> None:
    projects = _article_projects(engine, text, "黄石市")
    assert any(name.endswith("项目") for name in projects)
    assert all(p.investment is None for p in projects.values()), text


def test_a_set_or_an_enumerations_item_is_no_project() -> None:
    from kg.readers.projects import _SET

    for name in ("前全部项目", "两个引资额超亿元项目", "三是风力发电等新能源", "其中工业项目"):
        assert _SET.match(name), name
    for name in ("前海深港现代服务业合作区项目", "两岸产业合作园项目", "三门峡黄河大桥项目"):
        assert not _SET.match(name), name


def _article_projects(engine, text: str, city: str) -> dict:
    from kg.model import Document
    from kg.pipeline import analyse
    from kg.readers.orgs import Locale

    article = analyse([Document("x.txt", text)], engine, Locale.for_city(city))[0].articles[0]
    return {p.name: p for p in article.projects}


def test_a_list_counted_before_it_gives_each_item(engine) -> None:
    text = (
        "本报讯 1月3日，此次集中开工项目中民生公共服务项目3个，包括航天城市综合体、某某市基础教育工程、"
        "某某中心小学典昌分园，总投资30亿元。\n"
    )
    projects = _article_projects(engine, text, "海口市")
    assert {"航天城市综合体", "某某市基础教育工程", "某某中心小学典昌分园"} <= set(projects)
    assert all(p.investment is None for p in projects.values())  # 30亿 is the three's


def test_one_of_the_projects_the_text_names(engine) -> None:
    text = "本报讯 7月31日，作为本次开工重点项目之一的界首通用航空产业园总投资11.5亿元，其中一期投资3亿元。\n"
    projects = _article_projects(engine, text, "阜阳市")
    assert projects["界首通用航空产业园"].investment == 1.15e9


def test_a_visits_place_places_the_projects_visited(engine) -> None:
    text = (
        "本报讯 3月27日上午，市委书记吴建国深入龙山区部分企业就项目建设情况进行调研。\n"
        "吴建国到某某制药公司调研了水解蛋白大容量注射液项目。\n"
    )
    projects = _article_projects(engine, text, "辽源市")
    assert projects["水解蛋白大容量注射液项目"].place == "龙山区"


def test_a_headlines_county_after_its_province_and_money_after_the_land(engine) -> None:
    """ "广东怀集投46亿…": the county written after its province is the place (the model took 怀集 for a
    verb); a sentence opening with the land and no subject goes on about the project before; 人民币 may
    stand between 约 and the amount."""
    text = (
        "广东怀集投46亿建设十大重点项目\n"
        "18日上午，怀集县十大重点项目举行了签约、动工仪式。其他项目包括闸岗工业园开发项目。\n"
        "据了解，怀集县城新城区开发建设项目按照中等城市规模进行规划建设。规划用地面积133.22公顷，工程总投资约人民币"
        "3.52亿元。\n"
    )
    projects = _article_projects(engine, text, "肇庆市")
    assert projects["闸岗工业园开发项目"].place == "怀集"
    assert projects["怀集县城新城区开发建设项目"].investment == 3.52e8


def test_an_emphasised_project_and_a_phase_in_brackets(engine) -> None:
    text = (
        "本报讯 2月23日，开工项目包括某某电厂接入工程、华电储能项目(一期)等15个基建项目。"
        "特别是南粤技师学院二期项目，总投资9.66亿元。\n"
    )
    projects = _article_projects(engine, text, "汕尾市")
    assert "华电储能项目(一期)" in projects
    assert projects["南粤技师学院二期项目"].investment == 9.66e8


def test_a_list_counted_without_deng_gives_each_item(engine) -> None:
    text = (
        "本报讯 5月21日，共有28个项目集中签约，其中包括金盛兰优特钢、南粤产业城、爱莎国际教育3个百亿元以上项目，"
        "四季花海特色小镇、文化创意工业小镇等5个50亿元以上项目，和万隆湖景一号、伊罗卡科技2个10亿元以上项目。县长吴建国详细介绍了集中开工的5个重点项目。\n"
    )
    projects = _article_projects(engine, text, "河源市")
    assert {
        "金盛兰优特钢",
        "南粤产业城",
        "爱莎国际教育",
        "四季花海特色小镇",
        "万隆湖景一号",
        "伊罗卡科技",
    } <= set(projects)
    assert not [name for name in projects if "个" in name or "吴建国" in name]


def test_a_batch_or_the_projects_started_are_no_project() -> None:
    from kg.readers.projects import _generic

    for name in ("第二批重点项目", "新开工重点项目", "竣工投产项目"):
        assert _generic(name), name
    assert not _generic("昭君山庄二期")


def test_a_project_after_an_activity_joined_by_ji_and_a_count_before_the_total(engine) -> None:
    text = (
        "本报讯 11月25日，孝昌县举行2022年四季度重大项目集中签约和集中开工活动暨小河镇全域国土综合整治项目"
        "开工仪式，共签约、开工项目18个，总投资56.96亿元。\n"
    )
    projects = _article_projects(engine, text, "孝感市")
    assert "小河镇全域国土综合整治项目" in projects  # not "活动暨…": 暨 joins the activities
    assert projects["小河镇全域国土综合整治项目"].investment is None  # the 18 projects' total


def test_lists_that_name_no_projects(engine) -> None:
    text = (
        "本报讯 1月16日,市长吴建国代表市委、市人大、市政府、市政协向8个重点项目的集中开工表示祝贺。"
        "副镇长马立新等领导和相关项目投资方代表出席活动。"
        "双方就水利水电、矿山矿石、水环境治理等领域合作项目展开交流座谈。"
        "本市开工代表性项目有,理士年处理5万吨废旧锂电池综合利用项目,总投资13.3亿元。"
        "签约仪式前,陈立新详细询问和听取了白城市“双创中心”、宁波华顺太阳能实业有限公司分布式光伏电站等签约项目企业负责人的介绍。\n"
    )
    projects = set(_article_projects(engine, text, "白城市"))
    assert not [p for p in projects if p.startswith(("市", "吴建国", "马立新", "水利", "矿山", "代表性"))]
    assert "宁波华顺太阳能实业有限公司分布式光伏电站" in projects
    assert "白城市“双创中心”" in projects  # not "陈立新详细询问和听取了白城市…"


def test_an_amount_and_an_investor_written_before_the_projects_name(engine) -> None:
    text = (
        "本报讯 5月1日,上海东方希望畜牧有限公司投资10亿元建设年出栏60万头生猪一体化产业项目。"
        "张掖城投公司投资7.3亿元的张掖大数据产业园项目开工。"
        "全县实施3.29亿元基层人力资源和社会保障服务信息平台建设项目。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("南充市"))
    found = {p.name: (p.investment, p.owner) for a in docs[0].articles for p in a.projects}
    assert found["年出栏60万头生猪一体化产业项目"] == (1e9, "上海东方希望畜牧有限公司")
    assert found["张掖大数据产业园项目"] == (7.3e8, "张掖城投公司")
    assert found["基层人力资源和社会保障服务信息平台建设项目"][0] == 3.29e8


def test_who_proposed_a_project_is_not_its_owner(engine) -> None:
    text = "本报讯 3月28日,座谈会上,由某市贵州商会照明分会提出到德江投资灯饰五金件生产项目的规划方案。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("铜仁市", county="德江县"))
    owners = {p.owner for a in docs[0].articles for p in a.projects}
    assert not [o for o in owners if o and "提出" in o]


def test_a_list_after_the_scene_it_was_signed_at_starts_with_its_first_name(engine) -> None:
    text = "本报讯 2月22日，座谈会召开。会上还为滨海湾时尚产业园、西塘商住开发等17个项目举行了签约仪式。\n"
    projects = _article_projects(engine, text, "温州市")
    assert {"滨海湾时尚产业园", "西塘商住开发"} <= set(projects)


@pytest.mark.parametrize(
    "written, amount",
    [("三千万元", 3e7), ("两亿元", 2e8), ("1,200万元", 1.2e7), ("3.2亿元", 3.2e8), ("一百五十万元", 1.5e6)],
)
def test_an_amount_in_chinese_numerals_or_with_thousands_marked(engine, written: str, amount: float) -> None:
    text = f"本报讯 3月1日，金鑫新材料产业园项目总投资{written}，由鑫源集团投资建设。\n"
    projects = _article_projects(engine, text, "德州市")
    assert projects["金鑫新材料产业园项目"].investment == amount


def test_each_item_of_a_list_counted_above_an_amount_is_at_least_that(engine) -> None:
    text = "本报讯 5月21日，共有28个项目集中签约，其中包括金盛兰优特钢、南粤产业城、爱莎国际教育3个百亿元以上项目。\n"
    projects = _article_projects(engine, text, "河源市")
    for name in ("金盛兰优特钢", "南粤产业城", "爱莎国际教育"):
        assert projects[name].investment == 1e10 and projects[name].investment_approximate


def test_a_list_of_projects_followed_by_their_total(engine) -> None:
    text = "本报讯 6月26日，当天集中开工的项目为龙亢循环科技产业园、凯聚绿色建材科技产业园，总投资7.6亿元。\n"
    projects = _article_projects(engine, text, "蚌埠市")
    assert {"龙亢循环科技产业园", "凯聚绿色建材科技产业园"} <= set(projects)
    assert all(p.investment is None for p in projects.values())  # 7.6亿 is the two's


def test_kinds_of_projects_and_the_ceremonys_site_are_not_projects_or_places(engine) -> None:
    text = (
        "本报讯 9月28日，既有瞄准行业前沿的工业项目，也有直接关系到民生福祉的基础设施项目。"
        "在重大项目集中开工活动现场，县委书记吴建国宣布良信电器智能型低压电器研发及制造基地项目正式开工。\n"
    )
    projects = _article_projects(engine, text, "嘉兴市")
    assert "基础设施项目" not in projects
    assert projects["良信电器智能型低压电器研发及制造基地项目"].place != "重大项目集中开工活动现场"


def test_names_in_a_list_keep_their_quotes_brackets_and_first_words(engine) -> None:
    text = (
        "本报讯 7月9日，会议听取了泸州老窖白酒生产基地项目、传化物流“公路港”项目、惠升制药胰岛素二期项目、"
        "健康食品产业园(一期、二期)项目、现代农产品批发市场项目情况的汇报。"
        "全县“金鸡归巢”项目和“六稳”重点项目进展顺利，新增县重大建设(政府投资)项目12个。\n"
    )
    names = set(_article_projects(engine, text, "通化市"))
    assert {
        "传化物流“公路港”项目",  # a quoted name after a company's
        "惠升制药胰岛素二期项目",  # 惠升, read as a verb, begins the list's item
        "健康食品产业园(一期、二期)项目",  # phases in brackets
        "现代农产品批发市场项目",
    } <= names
    assert not [n for n in names if "金鸡归巢" in n or "六稳" in n or "政府投资" in n]  # kinds, a note


def test_a_list_of_what_is_done_to_projects_names_none(engine) -> None:
    """ "天天谋项目、天天抓项目": a verb right before 项目 with no proper word in the item is something done
    to projects; an item that holds a company's name stays a project though the walk stops at a verb."""
    text = (
        "本报讯 要天天谋项目、天天抓项目、天天盯项目，做到高起点谋划项目、超常规引进项目、大力度落实项目。"
        "5月11日，国华太平风光同场建设项目、通辽荣达光电有限公司5万千瓦固定建筑屋顶光伏发电项目举行开工仪式。\n"
    )
    names = set(_article_projects(engine, text, "通辽市"))
    assert not [n for n in names if "天天" in n or "力度" in n]
    transition = "本报讯 这标志着某县转型项目建设迎来了新的开端。\n"  # 转型, like 重点, only classifies
    assert not _article_projects(engine, transition, "通辽市")
    assert "通辽荣达光电有限公司5万千瓦固定建筑屋顶光伏发电项目" in names


def test_a_numbered_list_of_priced_projects_and_a_project_named_again(engine) -> None:
    text = (
        "本报讯 当天签约的8个项目分别是：1、上海东方希望畜牧有限公司投资10亿元建设年出栏60万头生猪一体化产业项目；"
        "2、四川众鑫泰农牧有限公司投资5.6亿元建设花椒产业一体化发展项目。\n"
    )
    projects = _article_projects(engine, text, "南充市")
    assert projects["年出栏60万头生猪一体化产业项目"].investment == 1e9
    assert projects["年出栏60万头生猪一体化产业项目"].owner == "上海东方希望畜牧有限公司"
    text = "本报讯 江山市旅游休闲综合体项目签约。这一旅游休闲综合体项目用地188.2亩，总投资33亿元。\n"
    projects = _article_projects(engine, text, "衢州市")
    assert {name: p.investment for name, p in projects.items()} == {"江山市旅游休闲综合体项目": 3.3e9}


@pytest.mark.parametrize(
    ("text", "city", "names"),
    [
        # lists after a verb done (审议了) and of a long kind; one joining word (以及), not two (以及和其昌)
        (
            "本报讯 10月25日，县长吴建国主持召开招商引资领导小组会议。会议集中审议了弘益循环农业产业园、"
            "吕工机械设备制造等8个县招商中心项目，以及和其昌新材料生产基地、楼鑫包装生产基地等6个"
            "泛家居生态产业园意向项目。\n",
            "黄冈市",
            {"弘益循环农业产业园", "吕工机械设备制造", "和其昌新材料生产基地", "楼鑫包装生产基地"},
        ),
        # a kind of projects names no people before it
        (
            "本报讯 市政府办负责人主持，市发改委、经信局等部门负责人和开复工项目单位代表参加。\n",
            "宣城市",
            set(),
        ),
        # nor ways of working before "等项目推进机制"
        (
            "本报讯 全区严格落实周调度、月统计、季度分析、半年总结、年度考核等项目推进机制。\n",
            "聊城市",
            set(),
        ),
        # a one-character verb the segmenter cut out of a name (but not one that joins clauses, 到)
        (
            "本报讯 3月31日，双方就在松滋投资建设城市会客厅项目进行深度交流。"
            "相关部门负责人到部分重大交通基础设施项目调研。\n",
            "荆州市",
            {"城市会客厅项目"},
        ),
        # a quoted name after a verb that builds it is a project; after 实施 a programme's kind
        (
            "本报讯 3月31日，双方就在松滋投资建设“城市会客厅”项目进行深度交流。鸡东县实施“金鸡归巢”项目。\n",
            "荆州市",
            {"“城市会客厅”项目"},
        ),
    ],
)
def test_the_projects_a_page_names(engine, text: str, city: str, names: set[str]) -> None:
    assert set(_article_projects(engine, text, city)) == names


def test_a_project_named_again_takes_the_amount_stated_there(engine) -> None:
    text = (
        "本报讯 3月31日，双方就在松滋投资建设“城市会客厅”项目进行深度交流。"
        "据了解,“城市会客厅”项目总投资约5亿元,主要包括购物中心。\n"
    )
    project = _article_projects(engine, text, "荆州市")["“城市会客厅”项目"]
    assert (project.investment, project.investment_approximate) == (5e8, True)


def test_a_sector_or_a_round_of_projects_is_no_project(engine) -> None:
    text = (
        "本报讯 3月2日，仙游县第三次重点建设项目集中开工，其中制造业项目12个、清洁能源项目3个，"
        "福建华宇新材料有限公司年产5万吨锂电池隔膜项目总投资8亿元。\n"
    )
    projects = _article_projects(engine, text, "莆田市")
    assert set(projects) == {"福建华宇新材料有限公司年产5万吨锂电池隔膜项目"}


def test_a_title_chain_before_a_list_of_projects_is_no_project(engine) -> None:
    text = "本报讯 3月5日，莆田市委常委、政法委书记、仙游县委书记吴建国讲话并宣布木兰大道北等项目开工。\n"
    projects = _article_projects(engine, text, "莆田市")
    assert not any(name.endswith(("常委", "书记")) for name in projects), projects


def test_items_of_a_list_of_projects_keep_the_words_read_as_verbs(engine) -> None:
    text = (
        "本报讯 4月14日，县委副书记、县长王程调研重点项目建设情况。王程一行先后到仙游县文化产业园项目、"
        "中房(仙游)智慧康养产业园项目、中医院医养结合中心项目等地进行实地察看。\n"
    )
    projects = _article_projects(engine, text, "莆田市")
    assert {"中房(仙游)智慧康养产业园项目", "中医院医养结合中心项目"} <= set(projects)
    assert not any("王程" in name for name in projects)  # an official and his act begin no name


def test_a_projects_money_in_the_sentences_that_go_on_about_it(engine) -> None:
    text = (
        "本报讯 9月24日，副县长吴建国宣布福建华宇年产3万吨复合材料项目开工。该项目总投资5亿人民币，占地约25亩。"
        "仙游县木兰溪水环境综合治理项目是目前全市最大的流域治理项目。总投资7000万元，其中引入社会资金1500万元。"
        "仙游县经济开发区的华宇新型医疗卫生材料项目为上市募投项目，占地157亩，计划投资15亿元。\n"
    )
    projects = _article_projects(engine, text, "莆田市")
    assert projects["福建华宇年产3万吨复合材料项目"].investment == 5e8  # 亿人民币 is 亿元
    assert projects["仙游县木兰溪水环境综合治理项目"].investment == 7e7  # the sentence after, with no subject
    assert projects["华宇新型医疗卫生材料项目"].investment == 1.5e9
    assert "上市募投项目" not in projects  # what kind the project is, after 项目为


def test_a_lists_total_in_the_sentence_after_is_no_items_money(engine) -> None:
    text = "本报讯 此次共开工3个项目，分别是：木兰康养中心项目、华宇纺织品加工项目、仙游县殡仪馆建设项目。总投资80.5亿元。\n"
    projects = _article_projects(engine, text, "莆田市")
    assert projects and all(p.investment is None for p in projects.values())


def test_a_project_named_again_more_fully_keeps_its_money(engine) -> None:
    text = (
        "本报讯 3月16日，福建华宇科技有限公司投资30亿元的智能制造产业项目集中开工。"
        "县长吴建国表示，华宇科技智能制造产业项目分两期建设。\n"
    )
    projects = _article_projects(engine, text, "莆田市")
    assert [p.investment for p in projects.values()] == [3e9]


def test_a_project_after_a_zone_of_a_county_and_de_is_in_that_zone(engine) -> None:
    text = "本报讯 3月21日，仙游县经济技术开发区的华宇新型医疗卫生材料项目开工，计划投资15亿元。\n"
    projects = _article_projects(engine, text, "莆田市")
    assert projects["华宇新型医疗卫生材料项目"].place == "仙游县经济技术开发区"


def test_items_named_after_their_town_zone_or_body_and_de(engine) -> None:
    text = (
        "本报讯 6月12日，我县6个项目集中签约。其中包括高新区的木兰生态食品产业示范园区项目、"
        "水利局的干渠分布式光伏储能一体化项目、榜头镇的华宇智慧能源工厂项目、盖尾镇的电芯壳体智能制造中心等项目。\n"
    )
    projects = _article_projects(engine, text, "莆田市")
    assert projects["木兰生态食品产业示范园区项目"].place == "高新区"
    assert projects["华宇智慧能源工厂项目"].place == "榜头镇"
    assert projects["干渠分布式光伏储能一体化项目"].owner == "水利局"
    assert projects["电芯壳体智能制造中心"].place == "盖尾镇"  # the town is no part of the name


def test_a_township_written_after_its_county_is_the_place(engine) -> None:
    listed = "本次集中开工共2个项目，分别为砚山县平远镇基础设施提升改造项目、砚山县稼依镇补佐村2022年以工代赈示范项目。"
    places = {
        p.name: p.place for p in _article_projects(engine, listed + "\n", "文山壮族苗族自治州").values()
    }
    assert places == {
        "砚山县平远镇基础设施提升改造项目": "平远镇",
        "砚山县稼依镇补佐村2022年以工代赈示范项目": "稼依镇",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "省调研组现场走访调研宁津县部分省市重点项目建设情况。",
        "会议要求各县市项目加快推进。",
        "全县共有亿元以上重点产业项目32个。",
    ],
)
def test_a_kind_of_projects_is_no_project(engine, sentence: str) -> None:
    from kg.model import Document
    from kg.pipeline import analyse
    from kg.readers.orgs import Locale

    docs = analyse(
        [Document("p.txt", "本报讯 6月5日，" + sentence + "\n")], engine, Locale.for_city("德州市")
    )
    assert [p.name for a in docs[0].articles for p in a.projects] == []


def _project_names(engine, text: str, city: str) -> set[str]:
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city(city))
    return {p.name for a in docs[0].articles for p in a.projects}


def test_lists_the_words_around_them_call_projects_or_not(engine) -> None:
    text = (
        "本报讯 3月3日上午,我市举行春季项目集中开工仪式。吴建国、马立新等市领导和龙辰公司、新航纺织、"
        "亿熙车衣等新开工项目业主出席仪式。\n\n"  # the owners of the projects, not projects
        "本报讯 4月1日,县长孙立平表示,全县将采取主要领导亲自挂帅、处级领导包联、部门齐抓共管等措施"
        "全力以赴推动重点项目建设。5月份计划开复工国润商贸有限公司扎哈淖尔煤炭铁路专用线等项目18个。"
        "今天开工现场为内蒙古康乃尔化学工业有限公司30万吨/年煤制乙二醇项目,总投资280亿元。\n\n"
        "本报讯 2月22日,顺昌县举行第一批项目开竣工仪式。开工项目有神农菇业增资扩产三期、余坊新城路网工程等7个;"
        "竣工项目有中山城市综合体、大圣假日酒店等4个。\n\n"
        "本报讯 1月19日,视察组先后深入到市民中心工程、邦基生物饲料项目、宏飞包装彩印项目、"
        "保障性安居工程实地观摩。\n"
    )
    names = _project_names(engine, text, "通辽市")
    assert not names & {"新航纺织", "亿熙车衣", "处级领导包联", "部门齐抓共管"}
    assert "国润商贸有限公司扎哈淖尔煤炭铁路专用线" in names  # a month before the verbs of the list
    assert "内蒙古康乃尔化学工业有限公司30万吨/年煤制乙二醇项目" in names  # a rate inside a name
    assert {"神农菇业增资扩产三期", "余坊新城路网工程", "中山城市综合体", "大圣假日酒店"} <= names
    # the other items of a list of projects the text names are projects too
    assert {"市民中心工程", "保障性安居工程", "邦基生物饲料项目"} <= names


def test_a_list_a_count_of_projects_and_a_colon_announce(engine) -> None:
    text = (
        "本报讯 今天集中开工项目共22项,其中:产业转型类项目12项,具体为:东村文化创意产业园、禾乐固废、"
        "晶华纳米钙、西河煤矿管带机输煤工程、华星半导体技术改造等。基础设施类项目3项,具体为:东村大道南段、"
        "枣林路道路工程、石桥水库。\n"
    )
    names = _project_names(engine, text, "晋城市")
    assert {"东村文化创意产业园", "禾乐固废", "西河煤矿管带机输煤工程", "华星半导体技术改造"} <= names
    assert {"东村大道南段", "枣林路道路工程", "石桥水库"} <= names


def test_amounts_written_before_what_they_build_and_after_a_bare_project(engine) -> None:
    text = (
        "本报讯 据了解,汇源集团计划实施总投资不少于50亿元的系列项目;福娃集团有限公司近期投资了5.7亿元"
        "建设了福娃稻米食品产业园,占地500亩。“我们将投资约20亿元,建设新能源重卡、智能调度平台及配套充换电"
        "补能网络项目,实现共赢发展。”\n\n"
        "本报讯 在东北亚光电产业园项目建设现场,施工设备忙个不停,项目整体轮廓已经初步显现。"
        "项目总占地面积12.27公顷,总投资5.85亿元。集中开工的辽宁荣信沐樾府、和世泰钛材加工中心等20个重点项目,"
        "总投资28.77亿元。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("鸡西市"))
    found = {p.name: p.investment for a in docs[0].articles for p in a.projects}
    assert found["福娃稻米食品产业园"] == 5.7e8  # "投资了X亿元建设了Y"
    assert found["新能源重卡、智能调度平台及配套充换电补能网络项目"] == 2e9
    assert found["东北亚光电产业园项目"] == 5.85e8  # "项目总占地…，总投资…" speaks of the project before
    assert "辽宁荣信沐樾府" in found and found["辽宁荣信沐樾府"] is None  # "集中开工的" is no part of it


def test_works_counted_before_their_list_are_projects(engine) -> None:
    text = (
        "本报讯 日前，某某县举行十项重点工程集中开工仪式。某某县十项重点工程包括某某互通立交项目、"
        "西北干渠供水工程、“厕所革命”项目，计划总投资26.4亿元。\n"
    )
    projects = _article_projects(engine, text, "晋城市")
    assert {"某某互通立交项目", "西北干渠供水工程", "“厕所革命”项目"} <= set(projects)
    assert all(p.investment is None for p in projects.values())  # 26.4亿 is the ten's


def test_an_item_of_a_priced_list_is_a_project_whatever_its_head(engine) -> None:
    text = (
        "本报讯 6月23日，重大项目有:投资15亿元的某某新能源材料研究院项目,投资20亿元的某某电力产业基地,"
        "投资10亿元的某某庭院小镇项目。\n"
    )
    projects = _article_projects(engine, text, "长沙市")
    assert projects["某某电力产业基地"].investment == 2e9


def test_amounts_without_yuan_after_an_investment_word(engine) -> None:
    # "3个亿" as spoken, "2900万" without 元: after 总投资 the unit says it is money
    text = (
        "本报讯 签约的项目分别是:龙泉山景区索道建设项目,总投资3个亿;青石镇生态园建设项目,总投资2900万;"
        "华安汽车4S店建设项目,总投资190万。\n"
    )
    projects = _article_projects(engine, text, "甘南藏族自治州")
    assert projects["龙泉山景区索道建设项目"].investment == 3e8
    assert projects["青石镇生态园建设项目"].investment == 2.9e7
    assert projects["华安汽车4S店建设项目"].investment == 1.9e6


def test_a_threshold_before_a_list_is_no_items_amount_and_a_name_again_gives_its_own(engine) -> None:
    text = (
        "本报讯 其中,投资超10亿元的项目有来宾市塑料光纤三网融合项目、迁安陶瓷产业基地项目等。"
        "塑料光纤三网融合项目总投资预计22亿元,拟用地1000亩。"
        "其中,大藤峡博物馆位于黔江河口东侧,项目占地面积53亩,总投资约1.3亿元。\n"
    )
    projects = _article_projects(engine, text, "来宾市")
    assert "项目有来宾市塑料光纤三网融合项目" not in projects  # "…的项目有A、B": A is the name
    assert projects["来宾市塑料光纤三网融合项目"].investment == 2.2e9  # named again, shorter
    text = "本报讯 集中开工的有大藤峡博物馆项目、佳马胶合板项目。其中,大藤峡博物馆位于黔江河口东侧,总投资约1.3亿元。\n"
    projects = _article_projects(engine, text, "来宾市")
    assert projects["大藤峡博物馆项目"].investment == 1.3e8  # named again without 项目
    text = "本报讯 国泰新材料科技产业园项目开工。现场开工的是国泰新材料科技产业园碳纤维项目,总投资70亿元。\n"
    projects = _article_projects(engine, text, "泰安市")
    assert projects["国泰新材料科技产业园项目"].investment is None  # a longer project's amount


def test_an_enumeration_of_investments_gives_each_item_its_amount_and_investor(engine) -> None:
    text = (
        "本报讯 集中开工的5个重大工业项目,计划总投资80多亿元,分别是东升集团投资55亿元的汽车整车、"
        "瑞达集团投资20亿元的智能纺织装备、华星科技投资5亿元的医药新材料和康宁药业投资3亿元的胶囊制剂项目。\n"
    )
    projects = _article_projects(engine, text, "绍兴市")
    assert {name: (p.investment, p.owner) for name, p in projects.items()} == {
        "汽车整车": (5.5e9, "东升集团"),
        "智能纺织装备": (2e9, "瑞达集团"),
        "医药新材料": (5e8, "华星科技"),
        "胶囊制剂项目": (3e8, "康宁药业"),
    }


def test_the_total_before_the_first_items_of_a_counted_set_is_the_set_s(engine) -> None:
    text = "本报讯 总投资74.8亿元的宏达医药产业园、未来城市文化广场等9个项目开工,合同引资额达37.1亿元的城市综合体等4个项目签约。\n"
    projects = _article_projects(engine, text, "德州市")
    assert projects["宏达医药产业园"].investment is None
    assert "城市综合体" in projects  # the contract's amount is no part of its name


def test_a_project_named_again_in_other_filler_words_is_one(engine) -> None:
    text = (
        "本报讯 1月1日,某县政府与宏运集团举行300万吨水泥生产项目签约仪式。"
        "这次兴建年产300万吨水泥项目,主要是依托当地丰富的石灰石资源,项目总投资5亿元。\n"
    )
    projects = _article_projects(engine, text, "铁岭市")
    assert list(projects) == ["300万吨水泥生产项目"]
    assert projects["300万吨水泥生产项目"].investment == 5e8


def test_a_housing_estate_is_a_name_and_an_item_among_projects_is_one(engine) -> None:
    # "昆明阳光城名苑小区": an estate's name, not a district's; "再生铜循环利用技术改造项目": an item of a list
    # of projects is one, whatever verbs its name holds; "其中" opens the list, it is no part of a name
    text = "本报讯 其中的招商引资项目包括云南信基产业城项目、昆明阳光城名苑小区项目、云锡奥城上岭项目等。\n"
    assert "昆明阳光城名苑小区项目" in _article_projects(engine, text, "昆明市")
    text = "本报讯 吴建国一行先后来到远通实业再生铜循环利用技术改造项目、久鼎机械智能化生产装备技改项目、恒越丰新材料等项目。\n"
    assert "远通实业再生铜循环利用技术改造项目" in _article_projects(engine, text, "菏泽市")
    text = "本报讯 3月1日，我县14个项目集中开工，其中大藤峡博物馆项目、佳马胶合板项目、黔江大桥工程等项目投资较大。\n"
    assert "大藤峡博物馆项目" in _article_projects(engine, text, "来宾市")


def test_projects_of_a_size_are_no_project(engine) -> None:
    text = (
        "推进“越商回归”新昌百亿元重大项目开工\n\n本报讯 日前，新昌县举行重大工业项目奠基仪式。"
        "全区百亿元项目和第一批亿元以上项目进展顺利，河源龙光城百亿元项目开工建设。\n"
    )
    projects = _article_projects(engine, text, "绍兴市")
    assert "河源龙光城百亿元项目" in projects
    assert not [
        name for name in projects if "越商回归" in name or "亿元以上" in name or name.endswith("区百亿元项目")
    ]


def test_what_a_visitor_did_is_no_part_of_a_projects_name(engine) -> None:
    text = (
        "本报讯 7月12日，区委书记张三到基层一线调研督导重点项目建设。"
        "6月2日，李四到北极镇漠河林场调研检查项目建设情况。上个月，克旗举行重点项目春季集中开工仪式。"
        "调研组一行首先来到开栅镇考察砂坑修复治理项目。推进落实伊春市乌翠区新春佳节期间政企项目对接洽谈会要求。\n"
    )
    names = _project_names(engine, text, "鹰潭市")
    assert not names & {"基层一线调研督导重点项目", "漠河林场调研检查项目", "克旗举行重点项目"}
    assert not any("期间" in name for name in names)  # a span of time is no part of a name
    assert "砂坑修复治理项目" in names


def test_an_item_priced_after_another_is_not_owned_by_it(engine) -> None:
    text = (
        "本报讯 开工的4个项目分别是投资10亿元的某某医疗器械生产项目、投资2.2亿元的某某保温材料生产项目、"
        "投资2.1亿元的某某锂电池盖帽生产项目和投资1亿元的某某电气设备制造项目。\n"
    )
    projects = _article_projects(engine, text, "泰州市")
    assert projects["某某电气设备制造项目"].investment == 1e8
    assert {p.owner for p in projects.values()} == {None}


def test_a_trip_to_several_places_sets_no_place_for_the_projects_after_it(engine) -> None:
    text = (
        "本报讯 区长张三到宁夏、云南、常州等地进行定向招商。\n"
        "招商小组以红岭铜业有限公司铜冶炼工艺升级改造项目和青云有色金属有限公司40万吨高纯阴极铜项目"
        "配套的产业链条企业为主线招商。\n"
    )
    projects = _article_projects(engine, text, "赤峰市")
    assert projects["红岭铜业有限公司铜冶炼工艺升级改造项目"].place is None


def test_a_lists_first_item_begins_after_the_words_of_a_visit_to_it(engine) -> None:
    text = "本报讯 视察组先后深入府谷黄河大桥、木瓜公路改建(一期)、机场连接线等重点项目建设现场。\n"
    assert "府谷黄河大桥" in _article_projects(engine, text, "榆林市")


def test_a_list_a_count_of_projects_and_its_amounts_announce_and_each_items_own_quantity(engine) -> None:
    text = (
        "本报讯 其中，工业项目9个，总投资20.9亿元，年计划投资10.9亿元，包括某某乐器产业园、"
        "甲公司年产1.5万吨纯棉纱生产线、乙公司年产20万平方米铝合金模板等。\n"
    )
    projects = _article_projects(engine, text, "汉中市")
    assert {"某某乐器产业园", "甲公司年产1.5万吨纯棉纱生产线", "乙公司年产20万平方米铝合金模板"} <= set(
        projects
    )
    assert [q.text for q in projects["某某乐器产业园"].quantities] == []
    assert [q.text for q in projects["甲公司年产1.5万吨纯棉纱生产线"].quantities] == ["年产1.5万吨"]


def test_the_time_of_a_visit_is_not_a_projects_place(engine) -> None:
    text = (
        "本报讯 3月24日，县委书记吴建国调研城市建设。在调研活动中，县委书记吴建国指出：要结合西李沟堤防工程、"
        "5000万吨矿泉水项目建设等一批重大项目实施，科学设计布局。\n"
    )
    projects = _article_projects(engine, text, "天水市")
    assert projects["5000万吨矿泉水项目"].place is None


def test_every_item_of_a_list_the_sentence_says_started_is_a_project(engine) -> None:
    text = (
        "本报讯 8月5日,我区开工的还有兴业银行金融科技产业园、天睿半导体一期项目、方正新能源汽车、生物医药产业园一期、"
        "空港综保物流分拨中心一区等。\n"
    )
    projects = _article_projects(engine, text, "福州市")
    assert {
        "兴业银行金融科技产业园",
        "方正新能源汽车",
        "生物医药产业园一期",
        "空港综保物流分拨中心一区",
    } <= set(projects)


def test_what_a_place_is_built_for_stays_in_the_projects_name(engine) -> None:
    # the model reads 度假 and 研学 as verbs: inside a project's name they are its words
    text = "标题\n其中，绿源芳香度假小镇项目总投资25亿元，青峰山研学基地项目总投资3亿元。\n"
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("台州市"))
    found = {p.name: p.investment for a in docs[0].articles for p in a.projects}
    assert found.get("绿源芳香度假小镇项目") == 2_500_000_000
    assert "青峰山研学基地项目" in found
