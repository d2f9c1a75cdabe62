"""Rebuild two held-out corpus documents (d211 d219) as the xlsx and docx an office would hold.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text was dumped from: a title row, the header row, the
first-level item merged down over its rows with its points beside it (d211), or one row per item
with all its numbered criteria in one cell, a line each (d219). Each labelled sentence stays
verbatim inside one cell, so labels.yaml serves the text, the xlsx and the docx alike. Both pages
stop mid-table; the tables stop where the text does. The layout code is build_corpus2.py's.
Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh5.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

# 考核标准 spans two columns: the requirement, then how it is scored (3.1 has both in one cell).
D211 = Sheet(
    folder="d211-xiangzhen-shuili-gongzuo",
    title="水利工作考核指标体系及评分细则(乡镇街道)",
    subtitle=None,
    headers=[["序号", "项目", "分值", "考核标准", None, "单项分值", "得分"]],
    rows=[
        [
            "1",
            "水旱灾害防御工作",
            "20",
            "1.按要求建立组织领导、方案预案、应急响应、协同联动等工作体系。",
            "未建立的,少1项扣1分,扣完为止。",
            "4",
            "",
        ],
        [
            None,
            None,
            None,
            "2.按要求及时、准确报送更新责任人信息。",
            "未完成1次扣1分,扣完为止。",
            "4",
            "",
        ],
        [
            None,
            None,
            None,
            "3.按要求做好山洪灾害预报预警信息落实工作。",
            "未落实的,每次扣1分,扣完为止。",
            "4",
            "",
        ],
        [
            None,
            None,
            None,
            "4.认真履行值班职责,密切监视天气变化和汛情发展。",
            "未落实的,每次扣1分,扣完为止。",
            "4",
            "",
        ],
        [
            None,
            None,
            None,
            "5.按要求及时、准确统计报送灾后水毁情况。",
            "未完成1次扣1分,扣完为止。",
            "4",
            "",
        ],
        [
            "2",
            "农村饮用水工作",
            "20",
            "1.按要求做好辖区内供水站的水费收缴工作,实现水费收缴全覆盖并对农户收缴达100%。",
            "收缴率未达100%的,每低1个百分点扣1分,扣完为止。",
            "10",
            "",
        ],
        [
            None,
            None,
            None,
            "2.辖区内的供水工程按照年度计划要求完工率达100%。",
            "完工率未达100%的,每低1个百分点扣1分,扣完为止。",
            "10",
            "",
        ],
        [
            "3",
            "水利项目建设及政策处理工作",
            "30",
            "1.按要求完成辖区内山塘、水库、河道堤防等面上水利项目建设年度计划,"
            "未完成的每处扣2分,扣完为止。",
            "",
            "10",
            "",
        ],
    ],
    merge_down=(0, 1, 2),
)

# The 标准分 in its own column; each item's numbered criteria one to a line of the 评分标准 cell.
D219 = Sheet(
    folder="d219-kunshan-cunzhuang-huanjing-weisheng",
    title="附表:昆山市村庄环境卫生长效管理考核评分表",
    subtitle="镇 村 村书记 电话 总户数 总人口 自然村数",
    headers=[["序号", "内容", "标准分", "评分标准", "村自评分", "镇复核分", "市考核分"]],
    rows=[
        [
            "1",
            "有工作领导小组,有专人分管,长效管理经费落实。",
            "7",
            "1有工作领导小组,有专职分管领导具体负责,工作网络健全,分工明确,措施到位,得2分。\n"
            "2有专项卫生经费,得5分。",
            "",
            "",
            "",
        ],
        [
            "2",
            "配足保洁队伍,有岗位目标责任制,有考核细则,有奖惩措施。",
            "10",
            "1按标准按平均600户设12名保洁员计算,配足专职卫生保洁员,得4分。\n"
            "2分工明确,责任落实,得4分。\n"
            "3有考核细则,有奖罚措施,得2分。",
            "",
            "",
            "",
        ],
        [
            "3",
            "村容村貌整洁,辖区内道路、绿地无暴露垃圾,无臭水潭,无污水横流。",
            "12",
            "1村容村貌整洁,房前屋后无暴露垃圾,无污水横流,得5分。\n"
            "2主干路、河、桥边卫生清洁,无暴露垃圾,无杂物乱堆放,得5分。\n"
            "3无臭水潭、污水横流,得2分。",
            "",
            "",
            "",
        ],
        [
            "4",
            "无乱贴乱画,无黑色广告。无车辆乱停放,无乱设摊点,无陈墙旧壁。",
            "6",
            "1村庄内无乱贴乱画黑色广告,无陈墙旧壁,得4分。\n2无乱设摊点,无车辆乱停放,得2分。",
            "",
            "",
            "",
        ],
        [
            "5",
            "农户庭院整洁卫生,柴草、物料堆放整齐,有树木、绿化。",
            "7",
            "1农户庭院整洁、卫生,得3分。\n2柴草、物料堆放有序,得3分。\n3有适量树木、绿化,得1分。",
            "",
            "",
            "",
        ],
        [
            "6",
            "垃圾箱布局合理,垃圾桶、垃圾箱有门有盖,日产日清。"
            "垃圾中转站管理有序,垃圾入中转站,无乱填埋现象。",
            "10",
            "1垃圾箱(桶)布局合理,数量足够,得4分。\n2垃圾箱(桶)有门有盖,无",
            "",
            "",
            "",
        ],
    ],
    merge_down=(),
)

SHEETS = [D211, D219]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
