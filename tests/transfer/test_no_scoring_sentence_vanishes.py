"""Every sentence that scores ends as a rule or as a flagged rule carrying its full text
(importers/unread.py, issue 11 item 4): what the reader passes over is kept for a person."""

from decimal import Decimal

from kaohe.transfer.importers import import_document
from tests.transfer.documents import leaf, workbook

HEADER = ("一级指标", "二级指标", "分值", "评分标准")


def imported(criteria):
    return import_document("细则.xlsx", workbook([HEADER, ("信息工作", "信息报送", 10, criteria)]))


def test_a_sentence_the_reader_passes_over_is_kept_as_a_flagged_rule_of_its_item():
    result = imported("未按时报送的，每次扣1分；领导批示的信息，在原计分基础上加2倍计分。")

    rules = leaf(result.scheme, "信息工作", "信息报送")["rules"]
    assert [rule["kind"] for rule in rules] == ["per_occurrence", "discretionary"]
    assert rules[1]["flagged"] and "在原计分基础上加2倍计分" in rules[1]["text"]
    assert any("在原计分基础上加2倍计分" in line for line in result.report.rules_flagged)
    assert "方案校验：通过" not in result.report.lines()


def test_the_unread_part_of_a_partly_read_sentence_is_flagged_in_its_place():
    result = imported("所有文件都出齐得2分，每发现一个没有出台的扣1分；未按时报送的，每次扣1分。")

    rules = leaf(result.scheme, "信息工作", "信息报送")["rules"]
    assert [(rule["text"], bool(rule.get("flagged"))) for rule in rules] == [
        ("所有文件都出齐得2分", True),
        ("每发现一个没有出台的扣1分", False),
        ("每次扣1分", False),
    ]
    assert [rule["id"] for rule in rules] == ["1.1-1", "1.1-2", "1.1-3"]
    assert rules[0]["max"] == Decimal(10)  # the assessor may take up to the item's points


def test_sentences_that_only_name_scoring_are_not_flagged():
    result = imported("未按时报送的，每次扣1分，本项扣分扣完为止；其它表彰不予加分。")

    rules = leaf(result.scheme, "信息工作", "信息报送")["rules"]
    assert [rule.get("flagged", False) for rule in rules] == [False]


def test_a_sub_items_points_restated_in_its_criteria_are_not_a_rule():
    result = imported("(1)设立信息员记5分，年初设立信息员记5分，每推迟1个月到位的扣1分。")

    rules = leaf(result.scheme, "信息工作", "信息报送")["rules"]
    assert not any(rule.get("flagged") and "记5分" in rule["text"] for rule in rules)


def test_a_scoring_line_the_outline_set_aside_goes_under_the_item_written_above_it():
    text = (
        "某县信息工作考核细则\n"
        "一、信息报送(10分)\n"
        "未按时报送的，每次扣1分。\n"
        "二、信息采用(10分)\n"
        "1、被市委采用的信息每条计2分，最多计10分。\n"
        "——以上为正文——\n"
        "被省委领导批示的信息，在原计分基础上加2倍计分。\n"
    )
    result = import_document("细则.txt", text.encode())

    adopted = leaf(result.scheme, "信息采用")
    assert "在原计分基础上加2倍计分" in adopted["criteria"]
    assert any(rule.get("flagged") and "加2倍计分" in rule["text"] for rule in adopted["rules"])
    assert not any("加2倍计分" in cell for cell in result.report.cells_ignored)
    assert result.report.scoring_ignored == 0  # the ignored list holds no scoring sentence
    assert "方案校验：通过" not in result.report.lines()


def test_a_scoring_sentence_above_the_header_row_is_neither_the_title_nor_lost():
    rows = [
        ("说明：考核中弄虚作假的，扣5分；发生重大责任事故的，实行一票否决，取消评优资格。",),
        HEADER,
        ("信息工作", "信息报送", 10, "未按时报送的，每次扣1分。"),
        ("信息工作", "信息采用", 10, "被市委采用的信息每条计2分，最多计10分。"),
    ]
    result = import_document("信息工作细则.xlsx", workbook(rows))

    assert result.scheme["name"] == "信息工作细则"
    kept = leaf(result.scheme, "未归入指标的评分文字")["rules"]
    assert [rule["flagged"] for rule in kept] == [True, True]
    assert "一票否决" in kept[1]["text"]
    assert "方案校验：通过" not in result.report.lines()


def test_full_marks_set_outright_beside_a_flagged_band_is_one_thing_to_settle():
    result = imported("出生人口性别比在107及以下的，计满分；高于107的，按幅度分段计分。")

    rules = leaf(result.scheme, "信息工作", "信息报送")["rules"]
    assert [(rule["kind"], rule.get("flagged")) for rule in rules] == [("discretionary", True)]
    assert rules[0]["text"].startswith("出生人口性别比在107及以下的，计满分")


def test_a_scoring_sentence_taken_for_an_items_name_is_kept_as_a_flagged_rule():
    rows = [HEADER, ("新闻宣传", "在上述新闻媒体头版头条采纳的稿件加倍计分", 10, "每篇计1分。")]
    result = import_document("细则.xlsx", workbook(rows))

    item = leaf(result.scheme, "新闻宣传", "在上述新闻媒体头版头条采纳的稿件加倍计分")
    assert item["criteria"].startswith("在上述新闻媒体头版头条采纳的稿件加倍计分")
    assert [rule.get("flagged", False) for rule in item["rules"]] == [True, False]


def test_a_qualification_taken_away_across_a_comma_is_not_lost():
    result = imported("有下列情况之一的，取消参评先进集体及主要领导，责任人评选先进个人资格。")

    rules = leaf(result.scheme, "信息工作", "信息报送")["rules"]
    assert any(rule["kind"] == "veto" or rule.get("flagged") for rule in rules)


def test_a_score_set_on_a_scale_or_by_a_person_is_kept_as_a_flagged_rule():
    for sentence in ("按4、2、1评分。", "由办公室按工作完成情况打分。"):
        rules = leaf(imported(sentence).scheme, "信息工作", "信息报送")["rules"]
        assert [(rule["text"].rstrip("。"), rule.get("flagged")) for rule in rules] == [
            (sentence.rstrip("。"), True)
        ]


def test_an_outcome_on_the_units_standing_is_kept_as_a_flagged_rule():
    for sentence in ("场所不达标的不参评。", "出现重大差错的，不纳入评选先进集体范围。",
                     "任何一项不合格，考核总分即为零分。", "不听从调度的予以解聘。"):  # fmt: skip
        rules = leaf(imported(sentence).scheme, "信息工作", "信息报送")["rules"]
        assert [rule.get("flagged") for rule in rules] == [True], sentence


def test_a_line_introducing_the_scale_below_it_is_not_flagged():
    result = imported("按以下标准评分：未按时报送的，每次扣1分。")

    rules = leaf(result.scheme, "信息工作", "信息报送")["rules"]
    assert [rule.get("flagged", False) for rule in rules] == [False]
