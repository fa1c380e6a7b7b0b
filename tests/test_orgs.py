from __future__ import annotations

from dataclasses import replace

import pytest

from kg.readers.orgs import Locale, OrgResolver, document_locale, infer_city


@pytest.fixture(scope="module")
def dezhou() -> OrgResolver:
    return OrgResolver(Locale.for_city("德州市"))


@pytest.mark.parametrize(
    ("text", "name", "subtype"),
    [
        ("市委", "中共德州市委员会", "party"),
        ("市委宣传部", "中共德州市委宣传部", "party"),
        ("市统战部", "中共德州市委统战部", "party"),
        ("市政府", "德州市人民政府", "government"),
        ("市人大常委会", "德州市人民代表大会常务委员会", "congress"),
        ("政协", "中国人民政治协商会议德州市委员会", "cppcc"),
        ("市政协党组", "中国人民政治协商会议德州市委员会党组", "party"),
        ("市中级人民法院", "德州市中级人民法院", "court"),
        ("市人民检察院", "德州市人民检察院", "procuratorate"),
        ("市纪委", "中共德州市纪律检查委员会", "party"),
        ("市监委", "德州市监察委员会", "government"),
        ("市商务局", "德州市商务局", "government"),
        ("省科技厅", "山东省科技厅", "government"),
        ("乐陵市委", "中共乐陵市委员会", "party"),
        ("德城区委", "中共德城区委员会", "party"),
        ("德州市市委", "中共德州市委员会", "party"),  # a level written twice before 委 is once
        ("夏津县县委宣传部", "中共夏津县委宣传部", "party"),
        ("开发区党工委", "德州经济技术开发区党工委", "party"),
        ("德州学院", "德州学院", "university"),
        ("山东恒达新材料有限公司", "山东恒达新材料有限公司", "company"),
        ("市工商联", "德州市工商联", "association"),
    ],
)
def test_resolve_in_city_of_publication(dezhou: OrgResolver, text: str, name: str, subtype: str) -> None:
    org = dezhou.resolve(text)
    assert (org.name, org.subtype) == (name, subtype)


def test_bare_units_inherit_from_the_chain(dezhou: OrgResolver) -> None:
    committee = dezhou.resolve("市委")
    assert dezhou.resolve("组织部", committee).name == "中共德州市委组织部"
    zone = dezhou.resolve("开发区党工委")
    assert dezhou.resolve("管委会", zone).name == "德州经济技术开发区管委会"
    county = dezhou.resolve("乐陵市委")
    assert dezhou.head_of("市长", county).name == "乐陵市人民政府"
    assert dezhou.head_of("常务副市长", None).name == "德州市人民政府"


def test_a_county_after_its_province_with_its_level_written_twice() -> None:
    xinyang = OrgResolver(Locale.for_city("信阳市"))
    assert xinyang.resolve("内蒙古自治区乌拉特前旗旗委").name == "中共乌拉特前旗委员会"
    assert xinyang.resolve("广西壮族自治区龙胜各族自治县委").name == "中共龙胜各族自治县委员会"


def test_the_longest_county_names_resolve_with_their_level_written_twice() -> None:
    linxia = OrgResolver(Locale.for_city("临夏回族自治州"))
    county = "积石山保安族东乡族撒拉族自治县"
    assert linxia.resolve(f"{county}县委").name == f"中共{county}委员会"
    assert linxia.resolve(f"{county}委").name == f"中共{county}委员会"


def test_a_bureau_written_bare_after_a_governments_post_is_that_governments(dezhou: OrgResolver) -> None:
    county = dezhou.resolve("乐陵市人民政府")
    assert dezhou.resolve("公安局", county).name == "乐陵市公安局"
    assert dezhou.resolve("公安局", dezhou.resolve("乐陵市委")).name != "乐陵市公安局"


def test_an_autonomous_countys_bodies_written_with_its_level_alone() -> None:
    # "自治县委常委X", "自治县县长Y" in 龙胜各族自治县's news, which never names itself
    longsheng = OrgResolver(Locale.for_city("桂林市", county="龙胜各族自治县"))
    assert longsheng.resolve("自治县委").name == "中共龙胜各族自治县委员会"
    assert longsheng.resolve("自治县政府").name == "龙胜各族自治县人民政府"
    assert OrgResolver(Locale.for_city("桂林市")).resolve("自治县委").name == "自治县委"


def test_other_province() -> None:
    baoding = OrgResolver(Locale.for_city("保定市"))
    assert baoding.resolve("省发展改革委").name == "河北省发展改革委"
    assert baoding.resolve("市委").name == "中共保定市委员会"


def test_city_is_inferred_from_the_text() -> None:
    texts = ["本报讯 菏泽市召开会议。菏泽高质量发展……市委书记在菏泽调研，济南客人到访。"]
    assert infer_city(texts).city == "菏泽市"
    assert infer_city(["没有地名的文本"]).city == ""


def test_pages_of_many_cities_have_no_city_of_the_run() -> None:
    # each page is read in its own city; one that names none is not read in another page's
    texts = ["沧州市召开会议，沧州市委书记讲话。", "德州市召开会议。", "菏泽市召开会议。", "市政协召开会议。"]
    assert infer_city(texts).city == ""
    one_paper = ["沧州市召开会议。", "沧州市委书记调研。", "德州客人来沧州。", "市政协召开会议。"]
    assert infer_city(one_paper).city == "沧州市"
    # two pages of two cities: neither is the run's, however often the one names its city
    two = ["沧州市召开会议，沧州市委书记讲话，沧州市长出席。", "德州市召开会议。"]
    assert infer_city(two).city == ""


def test_a_place_in_brackets_inside_a_name_is_not_the_page_s() -> None:
    text = "州委副秘书长到南华县调研，了解中国石油大学(北京)助力项目。"
    assert document_locale(text, Locale()).city == "楚雄彝族自治州"


def test_a_two_character_county_opening_a_clause_names_the_page_s_place() -> None:
    text = "房县举行了重大项目集中开工仪式。\n县委书记宣布开工。\n房县本次集中开工项目12个。"
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("十堰市", "房县")
    # inside a word it is no county: 现代县城 does not name 代县
    assert document_locale("推进现代县城建设。", Locale()).city == ""


@pytest.mark.parametrize("written", ["高新区", "德州高新区", "德州市高新区"])
def test_the_city_zone_written_short_with_or_without_the_city(dezhou: OrgResolver, written: str) -> None:
    assert dezhou.split(written) == ("德州高新技术产业开发区", "")


def test_a_county_portal_that_says_we_is_that_county_s_news() -> None:
    # the guests' county is named more often; the portal and 我县 say whose news it is
    text = (
        "衡阳县党政门户网讯 近日，衡南县委书记张三，衡南县县长李四率衡南县党政代表团来我县调研考察。"
        "衡南县党政代表团一行先后考察了衡南县企业在我县的项目。县委书记王五陪同。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("衡阳市", "衡阳县")


def test_bodies_written_short_or_after_a_prefix() -> None:
    from kg.readers.orgs import Locale, OrgResolver

    neijiang = OrgResolver(Locale.for_city("内江市"))
    assert neijiang.resolve("内江市中区法院").name == "市中区人民法院"  # the city's 市 begins 市中区
    assert neijiang.resolve("工商联").name == "内江市工商联"
    assert neijiang.trim("共青团内江市委") == "共青团内江市委"
    qitaihe = OrgResolver(Locale.for_city("七台河市"))
    assert qitaihe.resolve("经济开发区管委会").name == "七台河经济开发区管委会"


def test_a_numbered_bureau_of_an_engineering_group_is_a_company() -> None:
    from kg.language.lexicon import org_subtype

    assert org_subtype("中国水电九局") == org_subtype("中铁二十五局集团") == "company"
    assert org_subtype("聊城市公安局") == org_subtype("国家统计局") == "government"


def test_a_firm_named_by_its_trade_is_a_company() -> None:
    # "中同科技投资5亿元的医药新材料": investors named by brand and trade, as the genre writes firms
    from kg.language.lexicon import org_subtype

    names = ("中同科技", "新柴股份", "美克药业", "中柴机械", "格力电器", "长安汽车", "远通实业", "万科置业")
    assert {org_subtype(n) for n in names} == {"company"}


def test_a_county_s_news_of_a_visit_to_a_county_level_city_is_the_county_s() -> None:
    # 舞钢市 is named most, but the page's bodies are a county's (县委, 县长) and its headline names 郏县
    text = (
        "郏县党政考察团外出考察学习\n"
        "2月13日，县委书记张三带领县党政考察团到舞钢市、叶县考察学习。县长李四，县委副书记王五参加。\n"
        "考察团一行先后到舞钢市纺织服装产业园、舞钢市云龙纺织有限公司、舞钢市公铁智慧物流港考察。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("平顶山市", "郏县")


def test_a_cppcc_committee_written_with_its_term() -> None:
    resolver = OrgResolver(replace(Locale.for_city("阜阳市"), county="太和县"))
    assert resolver.resolve("县政协第十届委员会").name == "中国人民政治协商会议太和县委员会"


def test_a_county_named_in_full_outweighs_a_city_inside_a_persons_name() -> None:
    # 长春 only inside the name 汪长春; 孝昌县, a county of 孝感, named in full
    text = "11月25日，孝昌县举行重大项目集中签约活动。县委书记张三宣布开工。王五、汪长春参加。"
    assert document_locale(text, Locale()).city == "孝感市"


def test_a_county_whose_name_ends_another_counties_is_not_read_inside_it() -> None:
    # 江达县 (昌都) is the end of 工布江达县 (林芝)
    text = "5月26日，工布江达县重点项目集中开工仪式举行。县委书记张三宣布开工。工布江达县县长李四主持。"
    locale = document_locale(text, Locale())
    assert (locale.city, locale.own_county()) == ("林芝市", "工布江达县")


def test_a_district_s_news_that_mentions_county_heads_is_the_district_s() -> None:
    # "区县长" makes the page sound like a county's, but the only place it names is a district
    text = (
        "石景山区第十五届人民代表大会第一次会议闭幕。张三当选石景山区区长。"
        "李四、王五不再担任石景山区副区长职务。他是北京市区县长中为数不多的“70”后。"
    )
    assert document_locale(text, Locale()).county == "北京市石景山区"


def test_a_county_level_city_in_a_prefectures_news_keeps_the_prefecture() -> None:
    # 博乐市 is named more than 博尔塔拉, but 州党委 and 州长 are the autonomous prefecture's
    text = (
        "12日，博乐市2019年第二批项目在博乐市南城区集中开工。州党委副书记、州长张三，州党委常委、市委书记李四，"
        "副州长王五参加开工仪式。博乐市各部门负责人参加。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("博尔塔拉蒙古自治州", "博乐市")
    resolver = OrgResolver(found)
    assert resolver.resolve("州党委").name == "中共博尔塔拉蒙古自治州委员会"
    assert resolver.resolve("市委").name == "中共博乐市委员会"  # the 州's 市 is the county-level city
    assert found.municipal_short() == "博乐"  # and so is the place of what 市 builds


def test_a_page_that_names_only_a_countys_short_name() -> None:
    text = "1月21日上午，市委、市政府在台山碧桂园酒店举行茶话会。市委书记张三出席。台山各界代表参加。"
    assert document_locale(text, Locale()).city == "台山市"
    # two counties of one city tie (蓬安, 嘉陵江): the city is still known
    tied = "我县举行开工仪式。顺蓬营公路蓬安段、嘉陵江大桥、嘉陵江码头等项目落户蓬安。"
    assert document_locale(tied, Locale()).city == "南充市"


def test_a_county_page_names_its_county_once() -> None:
    # a county's news says 我县 and names its county once; its city is named too, or not at all
    with_city = (
        "11月24日，广元市四季度第一批项目集中开工旺苍分会场开工仪式在我县举行。县委书记张建军出席，"
        "县委副书记、县长刘建国讲话。市委、市政府对项目建设高度重视。"
    )
    assert document_locale(with_city, Locale()).county == "旺苍县"
    alone = "县委副书记、县长刘建国主持召开座谈会。大家结合自身工作，立足德清发展实际和乡村振兴提出建议。"
    found = document_locale(alone, Locale())
    assert (found.city, found.county) == ("湖州市", "德清县")  # 振兴 is a district's short name too
    # a page that does not speak as a county needs a short name twice
    assert document_locale("市委书记陈立新立足德清发展实际提出建议。", Locale()).city == ""


def test_a_countys_trip_to_a_city_is_the_countys_news() -> None:
    # the city visited (中山市, named often) has no county of the page's; the county named in full does
    text = (
        "3月27日至29日,县委书记吴建国带队赴广东省中山市开展招商考察活动。中山市贵州商会相关人员陪同。"
        "吴建国一行前往中山市古镇灯饰产业园。吴建国代表德江县56万人民向在中山市务工的老乡致以问候,"
        "介绍了德江县经济社会发展情况,欢迎大家到德江投资。中山市贵州商会表示愿意投身全县脱贫攻坚。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("铜仁市", "德江县")


def test_a_county_under_the_name_it_had_and_a_company_named_after_its_county() -> None:
    # 子长县 became 子长市; a page of the time calls it 子长县, and its 县委 is 中共子长县委员会
    text = "8月1日,子长县委副书记、县长吴建国深入子长县瓦窑堡街道调研。子长县委书记马立新陪同。延安市有关部门参加。"
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("延安市", "子长县")
    assert OrgResolver(found).resolve("县委").name == "中共子长县委员会"
    # 沙县 became 沙县区: a page of the time writes 沙县 alone ("沙县县委书记"), a page of today 沙县区
    found = document_locale(
        "沙县县委书记吴建国、代县长马立新带队开展安全生产专项督查。三明市有关部门参加。", Locale()
    )
    assert found.county == "沙县"
    assert OrgResolver(found).resolve("沙县县委").name == "中共沙县委员会"
    text = "梅县区第二届人民代表大会开幕。区委书记吴建国出席。打造“大美梅县”,推动梅县老区全面振兴。"
    assert document_locale(text, Locale()).county == "梅县区"
    # where a company is registered (当阳市…有限公司) does not outweigh the county the page names
    text = (
        "9月20日,宣恩县中秋恳亲大会招商引资恳谈会举行,签约企业有当阳市茂源玻璃制品有限公司等。"
        "县委副书记、县长吴建国致辞。与会人员参观了宣恩创新创业产业园。"
    )
    assert document_locale(text, Locale()).county == "宣恩县"


def test_a_county_under_its_former_name_with_no_city_named() -> None:
    # 会理县 became 会理市 in 凉山州, which the page never names: the former name finds both
    text = (
        "7月19日,会理县召开重大项目述职工作会。县委书记吴建国出席会议并讲话。会理县严格按照州委要求抓项目。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("凉山彝族自治州", "会理县")
    assert OrgResolver(found).resolve("县委").name == "中共会理县委员会"


def test_a_district_under_the_name_it_had_as_a_county() -> None:
    # 济阳县 became 济南市济阳区; a page of the time calls it 济阳县, and its 县委 is 中共济阳县委员会, but a
    # district's "X市" is not read as a former name ("瑶海市民中心")
    text = "1月14日,济阳县第十八届人民代表大会第二次会议开幕。济阳县委书记吴建国出席。济南市有关部门参加。"
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("济南市", "济阳县")
    assert OrgResolver(found).resolve("县委").name == "中共济阳县委员会"
    text = "区委书记吴建国来到瑶海区,参观瑶海市民中心。瑶海市民中心位于合肥市瑶海区。合肥市有关部门参加。"
    assert document_locale(text, Locale()).county == "瑶海区"


def test_a_county_named_by_its_short_name_over_a_city_inside_a_persons_name() -> None:
    # "张金昌" holds 金昌 once; 金湖 (金湖县 of 淮安市), the county whose 县委 speaks, is named again and again
    text = (
        "6日下午,荷花节举行签约仪式。县委书记吴建国、县政协主席张金昌出席。金湖有千样的美丽,"
        "金湖天然秀丽,金湖有着通达天下的区位交通。县长马立新主持。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("淮安市", "金湖县")


def test_a_county_level_citys_news_by_its_paper_its_we_and_its_delegation() -> None:
    # the paper's name (云上枝江消息) outweighs a prefecture named inside a company's name
    text = "云上枝江消息 2月20日上午,市委常委、纪委书记吴建国来到宜昌恒友化工股份有限公司调研。"
    found = document_locale(text, Locale())
    assert found.city == "枝江市" and OrgResolver(found).resolve("市委").name == "中共枝江市委员会"
    # a county-level city named once, where something is done, in a page that says 我市
    text = "今天,澳林控股集团董事长吴建国率队来我市考察,双方就在松滋投资建设项目交流,并达成合作意向。市委常委马立新陪同。"
    assert document_locale(text, Locale()).city == "松滋市"
    # a district's delegation on a visit to a county it names more often: the district's news
    text = (
        "12月10日,延安市人大代表安塞区代表团赴洛川县开展交叉视察。区人大常委会主任吴建国参加视察。"
        "洛川县人大常委会主任马立新陪同视察。视察组先后来到洛川县多个项目,对洛川县的发展给予肯定。"
    )
    assert document_locale(text, Locale()).county == "安塞区"


def test_a_delegations_place_is_not_the_pages() -> None:
    text = (
        "枞阳县党政代表团来怀考察\n11月4日，枞阳县委书记张三，县委副书记、县长李四率党政代表团来我县考察学习。"
        "县委书记王五陪同；枞阳县人大常委会主任赵六等参加考察。枞阳县党政代表团先后来到安庆英科医疗有限公司。"
        "代表团表示，怀宁县在产业培育方面的经验值得学习，要将怀宁的经验带回去。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("安庆市", "怀宁县")


def test_a_divisions_other_names_in_the_press() -> None:
    from kg.language.gazetteer import Gazetteer

    resolver = OrgResolver(Locale.for_city("巴音郭楞蒙古自治州"))
    assert resolver.resolve("巴州人民政府").name == "巴音郭楞蒙古自治州人民政府"
    assert "博尔塔拉蒙古自治州" in {d.name for d in Gazetteer.default().lookup("博州")}


def test_a_county_page_that_names_only_its_towns_is_that_county_s_news() -> None:
    # 我县 and 县委 and two towns of one county: the county they are in (钱建华 is no 建华区)
    text = (
        "今天上午，省报副总编钱建华一行来我县调研。县委书记吴建国陪同。"
        "钱建华一行先后来到吉潭镇、桂竹帽镇等地，实地调研。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("赣州市", "寻乌县")
    # a banner's page and one town whose name no other town has
    text = "9月1日，旗委常委、统战部部长吴建国到吉尔嘎朗镇调研。镇党委书记马立新陪同。"
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("通辽市", "科尔沁左翼后旗")
    # a town whose name two counties have: the one whose short name the page writes
    text = "1月17日，县委副书记、县长吴建国深入巴彦高勒镇调研磴口华莱士瓜产业示范区运行情况。"
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("巴彦淖尔市", "磴口县")
    # a page that names its county in full is left as it is
    text = "县委书记吴建国到吉潭镇、桂竹帽镇调研。会昌县县长马立新陪同。"
    assert document_locale(text, Locale()).county == "会昌县"


def test_a_county_page_on_a_delegation_that_came_to_it_is_the_host_s_news() -> None:
    # the guests' county is named more often, in full with its city and alone; 莅临 says who received them
    text = (
        "宜昌市秭归县工作考察团莅临加查县\n"
        "由秭归县人大常委会副主任吴建国带队的考察团一行8人莅临加查考察交流工作，并代表秭归县委向加查县政府捐赠资金。"
        "县委副书记马立新对秭归县的援助表示感谢。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("山南市", "加查县")


def test_a_county_page_on_a_visit_from_a_city_that_names_its_county_short() -> None:
    # the guests' city is named more often; the page speaks as a county (县委书记, 县长) and writes its
    # autonomous county short, as a 县 (门源县 for 门源回族自治县)
    text = (
        "山东省威海市考察团来门源考察\n近日，山东省威海市考察团团长吴建国一行赴门源县调研，并代表威海市捐赠资金。"
        "县委书记马立新，县长王程及县政府有关部门负责人参加见面会。王程介绍了门源县情，感谢威海市的支持。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("海北藏族自治州", "门源回族自治县")


def test_a_countys_trip_is_the_travellers_news_not_the_places_they_went_to() -> None:
    # 我县's delegation went to 清丰县, named again and again: the page is 汤阴's
    text = (
        "我县党政考察团赴濮阳市清丰县学习考察\n10月23日，县委书记吴建国率领党政考察团赴濮阳市清丰县学习考察。"
        "吴建国一行在清丰县委书记马立新的陪同下，先后来到清丰县产业集聚区、清丰县明月湖公园。"
        "希望汤阴和清丰两地进一步增强联系。县领导赵文海参加考察。"
    )
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("安阳市", "汤阴县")
    # a guest's trip to the page's county is not its people's
    text = "北京市丰台区委书记吴建国率队赴治多县考察。治多县委书记马立新陪同。县领导赵文海参加。"
    assert document_locale(text, Locale()).county == "治多县"


def test_words_that_hold_a_countys_name_name_no_county() -> None:
    # "历史人文资源" is no 资源县, "示范县" no 范县
    text = (
        "县委副书记、县长吴建国到鲁史镇调研。吴建国要求对鲁史的历史人文资源进行挖掘，用好资源，"
        "为建设示范县注入动力。"
    )
    assert document_locale(text, Locale()).county != "资源县"
    assert document_locale("资源县县委书记吴建国到资源县中峰镇调研。", Locale()).county == "资源县"


def test_a_county_level_citys_news_that_names_it_short_and_speaks_as_a_city() -> None:
    # 玉林 inside a person's name (陈玉林) is no city; 昆山, named again and again, is the page's
    text = (
        "11月28日，市委书记吴建国，副市长陈玉林在昆山宾馆会见了客人。吴建国介绍了昆山经济和社会发展情况。"
        "他说，昆山有效应对了国际金融危机，希望继续对昆山发展给予支持。"
    )
    assert document_locale(text, Locale()).city == "昆山市"


def test_a_county_level_city_named_short_twice_as_often_as_the_city_its_event_was_in() -> None:
    # a 曲阜 meeting held in 北京, which the page names several times: 市长 is 曲阜市's
    text = (
        "6月5日，由曲阜市主办的产业对接大会在北京举行。市委副书记、市长吴建国出席会议并致辞。"
        "来自北京市66个园区的企业代表参加会议。吴建国介绍了曲阜的发展情况，希望企业家多推介曲阜、宣传曲阜，"
        "为曲阜和北京产业合作搭建平台，在曲阜放心投资。曲阜也将优化环境，会议推介了曲阜政策和曲阜经济开发区、"
        "曲阜文化。副市长马立新参加会议。"
    )
    assert document_locale(text, Locale()).city == "曲阜市"


def test_the_places_of_a_party_that_came_to_the_county_are_the_guests() -> None:
    # "内蒙古自治区乌拉特前旗旗委书记X…一行来光山县": 光山 is the page's, its 县委 光山's
    text = (
        "12月10日下午，内蒙古自治区乌拉特前旗旗委书记吴建国，旗委副书记马立新一行来光山县调研。"
        "县委书记赵文海，县长周子平陪同调研。吴建国表示，将持续推进乌拉特前旗经济社会高质量发展。"
    )
    assert document_locale(text, Locale()).county == "光山县"
    text = (
        "11月17日，新安县县委书记吴建国率领党政考察团到我县学习考察。县领导马立新参加考察。"
        "新安县领导赵文海，宜阳县领导周子平等参加活动。"
    )
    assert document_locale(text, Locale()).county == "宜阳县"
    # a county's people who came to an association: the county stays the page's
    text = "7月23日，临泽县委书记吴建国，临泽县副县长马立新等一行来我会考察指导。临泽县地处河西走廊中部。"
    assert document_locale(text, Locale()).county == "临泽县"


def test_a_county_level_citys_news_that_names_no_city_but_two_of_its_towns() -> None:
    # "市委书记X…仙人渡镇…光化街道": no city named; the towns are 老河口市's, and so is the page
    text = (
        "12月26日，市委书记吴建国参加代表团审议。吴建国说，仙人渡镇近年来大力发展循环经济。"
        "光化街道要继续坚持创新驱动。"
    )
    assert document_locale(text, Locale()).city == "老河口市"


def test_a_provinces_short_name_and_a_countys_name_are_no_prefectures() -> None:
    # "海南" alone is the province (海南自由贸易港), not 海南藏族自治州 nor 乌海's 海南区
    text = "3月5日，县委书记吴建国主持召开会议，研究海南自由贸易港建设。海南各市县要抓好落实。文昌市副市长马立新参加。"
    assert "海南" not in (document_locale(text, Locale()).city or "")
    # 眉山 inside 峨眉山 (a county-level city of 乐山) is not 眉山市
    text = "峨眉山市委书记吴建国到峨眉山景区调研。吴建国强调，峨眉山要建设世界旅游目的地。"
    assert document_locale(text, Locale()).city != "眉山市"


def test_guests_in_our_county_and_a_districts_trip_are_not_the_pages_places() -> None:
    # "侯马市考察团在我县考察": the guests' city is not the page's
    text = (
        "侯马市考察团在我县考察学习\n4月18日，侯马市委书记吴建国带领考察团在我县考察学习。县长马立新陪同。"
        "考察团先后来到沁水县郑村镇、沁水县湘峪古堡。"
    )
    assert document_locale(text, Locale()).county == "沁水县"
    # a district's people went to 龙岗区 and 宝安区: the page is the district's, named short
    text = (
        "11月2日，区委书记吴建国带队赴深圳市龙岗区、宝安区考察学习。吴建国一行先后来到龙岗区、宝安区多家企业，"
        "学习龙岗区、宝安区的经验，推动澄海高质量发展。澄海商会负责人和区领导马立新参加。"
    )
    assert document_locale(text, Locale()).county == "澄海区"


def test_a_town_named_as_a_county_is_a_town() -> None:
    # "东平镇" is a town of 政和县's, not 东平县 (泰安); the page names 政和 twice
    text = (
        "9月20日，县委副书记吴建国深入东平镇调研光伏项目及政和中央苏区纪念馆进展情况，东平镇党委书记马立新陪同。"
        "吴建国先后来到东平光伏农业综合体、政和中央苏区纪念馆等项目现场。"
    )
    assert document_locale(text, Locale()).county == "政和县"


def test_a_county_s_towns_listed_with_their_ending_written_once() -> None:
    # "前往沿岭、汪集、果园等乡镇": towns of 东乡族自治县; "深入沙江、长春镇": 霞浦县's (长春镇 alone is in three counties)
    text = "11月27日，县委副书记、县长吴建国前往沿岭、汪集、果园、那勒寺等乡镇，专题调研重点项目谋划工作。"
    assert document_locale(text, Locale()).county == "东乡族自治县"
    text = "3月26日，县委书记吴建国深入沙江、长春镇，开展重点项目工作调研，县领导马立新参加。"
    assert document_locale(text, Locale()).county == "霞浦县"


def test_a_district_s_news_that_names_only_its_subdistrict() -> None:
    # 双照街道 is only 秦都区's: the district's news, though 西安 and 咸阳 are each named once
    text = (
        "11月15日，区人大常委会组织人大代表视察调研。区委书记吴建国、区长马立新参加。代表们先后深入双照街道、"
        "中国西电集团咸阳智慧产业园，西安交通大学教授郑红梅作辅导。"
    )
    assert document_locale(text, Locale()).county == "秦都区"


def test_a_two_character_former_name_inside_a_phrase_is_no_county() -> None:
    # 开县 (开州区 since 2016) is in "召开县委…": the page is 舞阳县's, its paper says so
    text = (
        "县委县政府重点工作周交办会议召开\n来源: 中国舞阳网\n"
        "8月22日,县委副书记、县长吴建国主持召开县委县政府重点工作周交办会议,确保全县经济社会健康发展。"
    )
    assert document_locale(text, Locale()).county == "舞阳县"


def test_a_county_by_a_former_name_that_is_no_short_form_of_its_successor() -> None:
    # 户县 became 鄠邑区 in 2016 (kg/data/former_divisions.tsv); a page of 2015 names 户县 twice
    text = "本报讯 县委书记吴建国主持召开会议,审定户县全面深化改革方案,评选户县劳动模范。"
    found = document_locale(text, Locale())
    assert (found.city, found.county) == ("西安市", "户县")
    assert OrgResolver(found).resolve("县委").name == "中共户县委员会"


def test_two_bodies_joined_by_a_conjunction_are_two(engine) -> None:
    from kg.model import Document
    from kg.pipeline import analyse

    text = (
        "本报讯 县总工会和县妇联负责人出席。"
        "会议审议了《关于评选劳动模范的请示》和县妇联《关于召开纪念大会的请示》。\n"
    )
    docs = analyse([Document("x.txt", text)], engine, Locale.for_city("户县"))
    orgs = {m.text for a in docs[0].articles for s in a.sentences for m in s.mentions if m.type == "ORG"}
    assert {"县总工会", "县妇联"} <= orgs and not any(o.startswith(("和县", "县总工会和")) for o in orgs)


def test_a_bare_level_body_after_a_district_of_a_municipality_is_that_districts() -> None:
    # "门头沟区委书记A，区委副书记、区长B": B's 区委 is 门头沟区's, written after its city in full
    beijing = OrgResolver(Locale.for_city("北京市"))
    district = beijing.resolve("门头沟区委")
    assert district.name == "中共北京市门头沟区委员会"
    assert beijing.resolve("区委", district).name == "中共北京市门头沟区委员会"
    assert beijing.resolve("区政府", district).name == "北京市门头沟区人民政府"


def test_words_run_in_from_a_column_are_cut_but_not_a_word_ending_in_a_level() -> None:
    loudi = OrgResolver(Locale.for_city("娄底市"))
    assert loudi.trim("推动传统产业绿市工业和信息化局") == "市工业和信息化局"
    # 城市 ends in 市 but is no city: the body is named in full
    body = "国家发改委城市和小城镇改革发展研究中心"
    assert loudi.trim(body) == body


def test_the_party_committee_of_a_former_prefecture_is_the_prefectures_by_its_former_name() -> None:
    # 地委 is a 地区's committee: 昌都市 was 昌都地区 until 2014
    changdu = OrgResolver(Locale.for_city("昌都市"))
    assert changdu.resolve("地委").name == "中共昌都地区委员会"
    assert OrgResolver(Locale.for_city("阿里地区")).resolve("地委").name == "中共阿里地区委员会"


def test_of_cities_named_as_often_the_one_whose_county_the_page_names() -> None:
    # 佛山市 in a chamber of commerce counts as much as 化州市 named once in full for 茂名; 化州 (茂名's) is
    # named again and again as the page's own
    page = (
        "9月16日,官桥镇举行招商引资项目集中签约仪式。副市长吴建国,佛山市化州商会名誉会长马立新出席仪式。"
        "化州市委正大力实施优化营商环境行动,亲清化州护企安商。化州将持续优化服务。"
    )
    assert document_locale(page, Locale()).city == "化州市"


def test_a_citys_short_name_the_page_writes_as_a_town_is_the_towns() -> None:
    # 九江镇 is a town of 南海区: "九江海寿岛" is that town's island, not 九江市's
    page = (
        "昨日,市委常委、南海区委书记吴建国深入九江海寿岛、桂城叠滘水乡调研。区委常委马立新参加调研。"
        "吴建国来到九江镇政府值班室,随后到九江海寿码头检查渡口安全工作。九江海寿岛游客众多。"
    )
    found = document_locale(page, Locale())
    assert (found.city, found.county) == ("佛山市", "南海区")


def test_a_district_speaking_as_itself_in_a_city_of_one_district() -> None:
    page = "10月23日,华亭市党政考察团来我区考察学习。区委副书记吴建国陪同考察。考察团实地考察了平凉中心城区供水保障工程。"
    found = document_locale(page, Locale())
    assert (found.city, found.county) == ("平凉市", "崆峒区")
    # a county of a city of many districts is named by none of them
    many = "10月23日,某县党政考察团来我区考察学习。区委副书记吴建国陪同考察。考察团实地考察了苏州工业园区。"
    assert document_locale(many, Locale()).county == ""
