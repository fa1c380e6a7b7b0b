from __future__ import annotations

from kg.input.clean import clean


def _check_map(original: str, cleaned: str, offsets: list[int]) -> None:
    assert len(cleaned) == len(offsets)
    assert offsets == sorted(offsets)
    for ch, pos in zip(cleaned, offsets, strict=True):
        assert ch == original[pos] or ch in " \n" or ord(original[pos]) - ord(ch) == 0xFEE0


def test_word_broken_across_blank_lines_is_joined() -> None:
    original = "今年以来，开发区加快建设新能源项目，嘉明经济开发区在合作共建、优化营商环境等方面出台了一系列举措，嘉明经\n\n济开发区的干部职工没有丝毫懈怠。"
    cleaned, offsets = clean(original)
    assert "嘉明经济开发区的干部" in cleaned
    _check_map(original, cleaned, offsets)


def test_spaces_inside_chinese_are_removed_but_byline_spaces_stay() -> None:
    original = (
        "本报讯（记者 王晓东 李卫）12月 28日，在市政府新闻办召开的德州 市新闻发布会 上，市长赵 志明介绍。"
    )
    cleaned, offsets = clean(original)
    assert "记者 王晓东 李卫" in cleaned
    assert "12月28日" in cleaned and "德州市新闻发布会上" in cleaned and "赵志明" in cleaned
    _check_map(original, cleaned, offsets)


def test_full_width_ascii_and_digits() -> None:
    cleaned, offsets = clean("总投资１２亿元，ＡＢＣ公司")
    assert cleaned == "总投资12亿元，ABC公司"
    assert offsets == list(range(len(cleaned)))


def test_headline_lines_stay_separate() -> None:
    original = "德州市召开优化营商环境推进会\n\n本报讯（记者 王晓东）3月15日，会议召开。"
    cleaned, _ = clean(original)
    assert cleaned.split("\n")[0] == "德州市召开优化营商环境推进会"


def test_a_narrow_column_of_body_text_runs_on_but_headlines_and_subtitles_stay() -> None:
    long_line = "今年以来，全市上下坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，推动经济实现质的有效提升和量的合理增长。"
    original = (
        f"{long_line}\n\n"
        "德州开发区新能源装备产业园开工\n\n"  # a headline: no comma, stays a line of its own
        "——访市政府党组成员，开发区党工委书记王立群\n\n"  # a subtitle keeps its line despite the comma
        "本报讯(记者 李卫) 3月6日，记者从市政府新\n\n"  # short lines of body text in a narrow column
        "闻办召开的新闻发布会上获悉,我市统筹推进\n\n"
        "高水平保护。\n\n"
        f"{long_line}"
    )
    cleaned, offsets = clean(original)
    lines = cleaned.split("\n")
    assert "德州开发区新能源装备产业园开工" in lines
    assert "——访市政府党组成员，开发区党工委书记王立群" in lines
    assert "记者从市政府新闻办召开的新闻发布会上获悉,我市统筹推进高水平保护。" in cleaned
    _check_map(original, cleaned, offsets)


def test_offsets_map_back_to_original() -> None:
    original = "　市委常委、宣传部部长\n孙立新　出席。\n\n（下转二版）"
    cleaned, offsets = clean(original)
    i = cleaned.index("孙立新")
    assert original[offsets[i] : offsets[i + 2] + 1] == "孙立新"


def test_a_line_of_particulars_is_not_run_on_into_the_text() -> None:
    page = "作者:  文章来源:某某日报  字体:   发布时间:2018-04-25 07:51:44   \n\n4月24日,我市召开全市检察长会议。\n"
    text, _ = clean(page)
    assert "07:51:44\n4月24日" in text  # no "07:51:444月24日", which reads as another date
    assert "2018-04-25 07:51:44" in text  # a space between two numbers stays


def test_a_words_pinyin_in_square_brackets_is_dropped() -> None:
    raw = "龍游[LongYou]縣招商[ZhaoShang]引資項目[XiangMu]集中簽約，與[ABC]公司，見[图]"
    text, offsets = clean(raw)
    assert text == "龍游縣招商引資項目集中簽約，與[ABC]公司，見[图]"  # not letters that are a name, nor 图
    assert all(raw[offsets[i]] == ch for i, ch in enumerate(text))


def test_a_pinyin_gloss_inside_a_word_is_dropped_and_offsets_still_point_home() -> None:
    raw = "縣政協(xié)主席劉永宏出席，常務(wù)副縣長介紹(a)項目"
    text, offsets = clean(raw)
    assert text == "縣政協主席劉永宏出席，常務副縣長介紹(a)項目"
    assert all(raw[offsets[i]] == ch for i, ch in enumerate(text))


def test_a_paragraph_that_lacks_its_full_stop_is_not_run_on_into_the_next() -> None:
    paragraph = (
        "会议强调，" + "要迅速掀起灾后恢复重建热潮，努力建设一个更加安全、更加美好、更加宜居的新家园" * 2
    )
    cleaned, _ = clean(f"{paragraph}\n县委书记吴建国宣布开工，县委副书记、县长马立新致辞。")
    assert len(paragraph) > 80 and f"{paragraph}\n县委书记" in cleaned


def test_a_roster_of_names_set_apart_by_spaces_reads_as_a_list_under_its_label() -> None:
    """A meeting's roster: names padded to one width ("王   勇" is one name), on lines under a label with
    nothing after its colon."""
    raw = (
        "会议还研究了其他事项。\n\n列席人员:\n\n吴建国   马立新   王    勇   孙立平\n\n周子平  张   军   李\n"
    )
    cleaned, offsets = clean(raw)
    assert "列席人员:吴建国 马立新 王勇 孙立平 周子平 张军 李\n" in cleaned
    assert all(raw[offsets[i]] == ch for i, ch in enumerate(cleaned) if ch not in " \n")
    # a headline of a few spaced phrases is no roster
    assert clean("刘五任市委书记 赵六任代市长\n")[0] == "刘五任市委书记 赵六任代市长\n"


def test_a_roster_under_a_long_label_ends_with_its_line() -> None:
    """ "市民代表、媒体等列席情况:" heads a roster too; the line after the roster ("会议内容:") is no name."""
    raw = "市民代表、媒体、利益相关方等列席情况:\n\n吴建国  马立新  孙立平  周子平\n\n会议内容:\n\n10月16日,会议召开。\n"
    cleaned, _ = clean(raw)
    assert "列席情况:吴建国 马立新 孙立平 周子平\n会议内容:" in cleaned


def test_a_line_that_opens_with_ji_goes_on_from_the_line_before() -> None:
    """暨 ("and, as part of it") opens no sentence: a phone's layout broke one event's name in two."""
    body = (
        "今年以来，我县按照市委、市政府的要求，以“两抓年”活动为抓手，狠抓项目“双进”，此次集中开工项目13个。"
    )
    page = f"6月23日上午\n\n我县举行重大项目集中开工活动\n\n暨某某度假小镇项目开工仪式\n\n县领导吴建国参加。\n\n{body}"
    assert "\n我县举行重大项目集中开工活动暨某某度假小镇项目开工仪式\n县领导" in clean(page)[0]
