"""Rebuild three held-out documents (d230 d231 d236) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text was pasted from: a title row, one or two header rows,
merged cells for the hierarchy, points in their own column, and, where a cell holds several
scoring sentences, one sentence (or numbered part) to a line of the cell. Each labelled sentence
stays verbatim inside one cell, so labels.yaml serves the text, the xlsx and the docx alike.
Names the copy wrote one character a line or wrapped (「政/府/信/息/公/开」, 「环境建设/设备配置」)
are one line in the cell. The layout code is build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh6.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

# 公开事项 in three directory columns under a two-row header; the two texts before 扣分要素 share
# the 内容要求 cell; the county's own result (得分, 扣分原因, 整改情况) stays in its columns.
D230 = Sheet(
    folder="d230-huoqiu-gongan-zhengwugongkai-jiance",
    title="霍邱县公安局关于霍邱县直单位第二季度政务公开监测整改台账",
    subtitle=None,
    headers=[
        ["公开事项", None, None, "内容要求", "扣分要素", "分值", "得分", "扣分原因", "整改情况"],
        ["一级目录", "二级目录", "三级目录", None, None, None, None, None, None],
    ],
    rows=[
        [
            "政策法规010000",
            "部门文件010100",
            "规范性文件",
            "《中华人民共和国政府信息公开条例》(国务院令第711号)。\n"
            "①2008年以来或单位成立以来提请政府发布或者由本部门制定的涉及公民、法人、"
            "其他组织权利义务的规范性文件全文;②规范性文件与解读链通,方便对照阅读;"
            "③规范性文件网页中通过附件链接此文件的PDF版本,为有相关需求的公众查阅相关文件"
            "提供下载渠道;④规范性与实时性",
            "1、未公开本部门起草由本级政府发布的规范性文件或者由本部门制定的涉及公民、法人、"
            "其他组织权利义务的规范性文件全文的扣20分,不全的扣1-18分;\n"
            "发现标题不完整的每件扣2分;\n"
            "发现无文号的每件扣2分;\n"
            "发现无发文日期的每件扣1分;\n"
            "发现发布的规范性文件中存在未注明有效、或对已废止、失效的文件标明已废止、已失效的,"
            "每件扣1分;\n"
            "规范性文件与解读未实现关联阅读的每件扣2分;\n"
            "规范性文件存在未发布PDF下载版本的,每件扣2分;\n"
            "规范性文件与其他文件混杂的每发现1处扣1分;\n"
            "扣完20分为止。",
            "20",
            "0",
            "未公开二季度本部门起草由本级政府发布的规范性文件或者由本部门制定的涉及公民、法人、"
            "其他组织权利义务的规范性文件全文;规范性文件与解读未实现关联阅读;"
            "规范性文件存在未发布PDF下载版本;规范性文件与其他文件混杂,扣20分",
            "已整改",
        ],
        [
            None,
            None,
            "其它文件",
            "",
            "未公开本部门印发的除规范性文件以外的其他的可以主动公开的文件的扣10分,"
            "不全的扣0.5-9分;\n"
            "其他文件与规范性文件混杂的扣0.5-3分;\n"
            "扣",
            "",
            "",
            "",
            "",
        ],
    ],
    merge_down=(0, 1),
)

# One row an indicator, points as text (「20分」) in their own column, each sentence of the
# 赋分标准 on its own line; 责任科室 and 得分 empty, as on the page.
D231 = Sheet(
    folder="d231-yinchuan-zhengwufuwu-fenting",
    title="分厅部门考核赋分表",
    subtitle="附件2:",
    headers=[["指标", "分值", "内容", "赋分标准", "责任科室", "得分"]],
    rows=[
        [
            "领导重视",
            "20分",
            "每年部门对分厅工作有专题研究;纳入部门考核,评优比例不低于20%。",
            "没有安排专题研究的扣5分。\n未纳入考核扣3分。\n评优比例低于20% 的扣3分。",
            "",
            "",
        ],
        [
            "事项进厅",
            "20分",
            "部门的许可和非许可事项全部进厅办理;事项全部对外公开,备有办事指南或办事宣传单。",
            "每少进一项扣2分。\n进厅事项未公开,每少一项扣2分。\n没有办事指南等宣传单扣2分。",
            "",
            "",
        ],
        [
            "办事效率",
            "20分",
            "认真贯彻 “三减少两提高”精神,配合中心做好减程序、减时限、减费用,提高服务质量和效率;"
            "对中心开展的活动给予积极支持,安排的重点工作积极配合执行。",
            "根据活动和重点工作要求,窗口应做到而没有做到的,每件扣3分。\n"
            "不按要求配合工作的扣5分,要求减而未减的扣3分",
            "",
            "",
        ],
        [
            "环境建设设备配置",
            "20分",
            "布局合理,环境整洁;服装统一;设有便民设施;有办公必须的软硬件设备,办事网络畅通。",
            "环境杂乱扣5分。\n服装不统一扣5分。\n没有便民设施扣2分。\n"
            "办公设施配备不全的扣5分。\n因故障(不可抗力因素外)延误三个工作日以上扣5分。",
            "",
            "",
        ],
        ["信息畅通", "10分", "按要求报送信息和相关数据。", "每少报一次扣2分。", "", ""],
        [
            "群众投诉",
            "10分",
            "群众投诉及处理情况",
            "投诉没有及时查处的扣2分。\n有效投诉没有及时改正的扣2分。\n被媒体曝光的每次扣5分。",
            "",
            "",
        ],
    ],
    merge_down=(),
)

# 考核项目 in two merged columns (the section with its points, then the group), 考核内容 numbered,
# points as text; the numbered parts of a 考核标准 one to a line.
D236 = Sheet(
    folder="d236-shi-zhengfu-xinxigongkai-shenpi-fuwu",
    title="政府信息公开与审批制度改革、政务服务工作考核标准",
    subtitle=None,
    headers=[["考核项目", None, "考核内容", "分数", "考核标准"]],
    rows=[
        [
            "政府信息公开21分",
            "提高认识",
            "1、加大宣传",
            "1分",
            "把《条例》列入日常学习(未进行的,倒扣2分)。",
        ],
        [
            None,
            "公开内容",
            "2、认真编制完善行政职权目录",
            "1分",
            "依据《条例》、省、市有关规定和具体要求编制完善,栏目名称、栏目数量等格式、内容规范,"
            "更新及时。",
        ],
        [
            None,
            None,
            "3、主动公开政府信息工作情况",
            "11分",
            "1、本级文件依据编制规范、公开类别录入公开目录系统(3分,每缺一个扣1分);\n"
            "2、发改委牵头对适用于县区的国家投资、产业政策、市政府出台的面向招商引资企业的优惠政策"
            "全部清理,汇总成册,并通过网站向社会公开(3分);\n"
            "3、全面公开行政决策、人事任免、财务收支等(3分);\n"
            "4、在网上公布政府信息公开工作年度报告(1分);\n"
            "5、主动公开的在文件产生后20个工作日内发布(1分)。",
        ],
        [
            None,
            None,
            "4、依申请公开工作情况",
            "3分",
            "1、发生因依申请公开未公开而引起的行政诉讼并败诉的,此大项不得分;\n"
            "2、当面或网上受理公开申请的,未及时答复的,每起扣1分。",
        ],
        [
            None,
            "信息统计",
            "5、政府信息公开统计",
            "1分",
            "每月2号之前按时报送上月信息公开统计数据,晚报一次扣0.5分。",
        ],
        [
            None,
            "制度落实",
            "6、建立信息检索、查阅场所",
            "3分",
            "1、市图书馆、档案馆对信息查询目录实行分类管理,配备相应的设施设备,"
            "为社会公众获取政府信息提供便利(3分);\n"
            "2、各部门(单位)及时向市政务公开办、图书馆、档案馆、政府政务大厅报送政府信息(3分)。",
        ],
        [None, None, "7、保密审查情况", "1分", "将涉密信息公开(每出现一次倒扣6分)。"],
        [
            "审批制度改革与政务服务41分",
            "8、进驻政务大厅部门",
            "两集中三到位",
            "41分",
            "1、有审改工作分管领导、科室和工作人员(2分);\n"
            "2、建立行政审批服务事项电子目录库(2分);\n"
            "3、对涉费行政审批服务事项登记备案、管理(2",
        ],
    ],
    merge_down=(0, 1),
)

SHEETS = [D230, D231, D236]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
