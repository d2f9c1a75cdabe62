"""Rebuild two held-out corpus documents (d491 d498) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from
labels.yaml), laid out as the office table the text came from. d491 (a 水管单位
table run into one paragraph on the sharing site) gets its header row back
(项目 / 考核内容 / 标准分 / 赋分原则 / 备注 / 考核小组考评意见) and one row per
item, the 赋分原则 whole in one cell; the 类别 column is left out (its text is not
in the copy). d498 (a `|` table) keeps its columns (代码 / 考核指标 / 分值 /
评分细则 / 备注), one row per section and per indicator, the table's total under
the title. Each labelled sentence stays verbatim inside one cell, so labels.yaml
serves the text, the xlsx and the docx alike. The layout code is
build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh19.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

D491 = Sheet(
    folder="d491-shuiguan-danwei-zuzhi-guanli-fufen",
    title="水利工程管理单位考核标准",
    subtitle=None,
    headers=[["项目", "考核内容", "标准分", "赋分原则", "备注", "考核小组考评意见"]],
    rows=[
        [
            "1、管理体制和运行机制",
            "理顺管理体制,明确管理权限;实行管养分离,内部事企分开;分流人员合理安置;"
            "建立竞争机制,实行竟聘上岗、优化组合;建立合理、有效的分配激励机制。",
            "40",
            "没有理顺管理体制,管理权限不明确扣10分;未实行管养分离扣5分,内部事企不分扣5分;"
            "分流人员未得到合理安置扣5分;未实行竞聘上岗扣5分;"
            "未建立合理、有效的分配激励机制的扣10分。",
            "实行管养分离包括在内部实行管养分离",
            "",
        ],
        [
            "2、机构设置和人员配备",
            "管理机构设置和人员编制有批文;岗位设置合理,按部颁标准配备人员;"
            "技术工人经培训上岗,关键岗位要持证上岗;单位有职工培训计划并按计划落实实施,"
            "职工年培训率达到30%以上。",
            "30",
            "机构设置和人员编制无批文的扣10分;岗位设置不合理,人员多于部颁标准配备,"
            "或技术人员配备不能满足管理需要的扣10分;技工不具备岗位技能要求,未实行持证上岗的扣5分;"
            "无职工培训计划扣10分或按职工年培训率达到30%、20%、10%,分别扣0、5、10分。",
            "",
            "",
        ],
        [
            "3、精神文明",
            "管理单位领导班子团结,职工敬业爱岗;庭院整洁,环境优美,管理范围内绿化程度高;"
            "管理用房按要求设置,管理有序;配套设施完善;单位内部秩序良好,遵纪守法,"
            "无违反《治安管理条例》和《计划生育条例》行为发生;"
            "近三年获县级(包括行业主管部门)以上精神文明单位称号。",
            "40",
            "单位领导班子不团结,职工思想不稳定扣10分;绿化程度在本省属好、中、差,分别扣0、3、5分;"
            "环境不优美,庭院不整洁扣5分;文、体、图书等配套设施不完善扣5分;"
            "违反《治安管理条例》每起扣5分;未获县级以上(或行业主管部门)精神文明单位称号的扣10分。"
            "发生违反《计划生育条例》行为扣40分。获省、部级精神",
            "",
            "",
        ],
    ],
    merge_down=(),
)

D498 = Sheet(
    folder="d498-guangdong-beibangfu-shi-fupin-chengxiao",
    title="被帮扶市级党委和政府扶贫开发工作成效考核指标",
    subtitle="100",
    headers=[["代码", "考核指标", "分值", "评分细则", "备注"]],
    rows=[
        ["一", "脱贫成效", "50", "共1项", ""],
        [
            "1.1",
            "脱贫成效评价",
            "50",
            "1.完成省下达年度脱贫任务(含政策性保障兜底)。 以上指标,不达标不得分。",
            "查阅资料及有关部门提供",
        ],
        ["二", "精准识别", "15", "共2项", ""],
        [
            "2.1",
            "对象识别",
            "10",
            "检查督促辖区相对贫困村、户实情,确保精准识别核准扶贫对象。"
            "经抽查,非贫困户被纳入帮扶范围5%以上的不得分。"
            "因识别不精准导致有投诉举报的,经调查核实的每户扣1分,扣完10分为止。",
            "精准率由第三方评估提供",
        ],
        [
            "2.2",
            "建档立卡",
            "5",
            "1.确保辖区内按时准确完成建档立卡工作。(3分) "
            "2.及时审核、上报扶贫信息管理系统相关信息。(2分) 以上指标,不达标不得分。",
            "查阅扶贫信息管理系统、帮扶记录簿",
        ],
        ["三", "精准帮扶", "22", "共8项", ""],
        [
            "3.1",
            "社会保障政策落实",
            "3",
            "1.符合条件的全部或部分丧失劳动能力的贫困户100%纳入低保和五保。 "
            "2.落实相对贫困户60岁以上符合领取待遇的老人100%享受城乡居民社会养老保险待遇。 "
            "以上指标,每项1.5分,不达标不得分。",
            "查阅资料及有关部门提供",
        ],
        [
            "3.2",
            "贫困户子女教育",
            "3",
            "1.相对贫困户义务教育毛入学率达到93%以上。 "
            "2.落实对贫困户子女就读小学、初中、高中、中职(含技校)、全日制高等院校(大专)"
            "实行生活费补助。 3.相对贫困户子女考上高中以上学校学生不因贫困而辍学。 "
            "以上指标,每项1分,不达标不得分。",
            "教育部门提供",
        ],
        [
            "3.3",
            "落实危房改造",
            "3",
            "协助有关部门和帮扶完成当年度下达的建档立卡相对贫困户农村危房改造"
            "(含两不具备移民搬迁)任务。 没有年度任务的按缺项考核计分,没有完成年度任务的不得分。",
            "住建及有关部门提供",
        ],
        ["3.4", "医疗保险和", "", "", ""],
    ],
    merge_down=(),
)

SHEETS = [D491, D498]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
