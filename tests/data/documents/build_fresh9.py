"""Rebuild two held-out corpus documents (d293 d298) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text came from: a title row, a header row, the first column
(类别 / 考核项目, with the section's points inside its name) merged down over its items, the
points in their own column and each item's deductions whole in one cell. The document sites'
furniture is left out: d293's chunk marker 「2、」 (which cut 「水库管理责任制度」 in two) and
d298's 「(扣分标准:…)」 brackets, whose deductions fill the 扣分标准 column. Each labelled sentence
stays verbatim inside one cell, so labels.yaml serves the text, the xlsx and the docx alike.
The layout code is build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh9.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

D293 = Sheet(
    folder="d293-jilin-xiaoxing-shuiku-guanli",
    title="吉林省小型水库工程管理考核标准",
    subtitle=None,
    headers=[["类别", "项目", "考核内容", "标准分", "赋分原则", "备注"]],
    rows=[
        [
            "一、组织管理(150分)",
            "1、管理体制及机构设置、人员配备",
            "管理体制顺畅,管理权限明确;建立水库管理机构,配有专职管理人员,"
            "每座水库有专门的管护人员。",
            "40",
            "管理体制不顺畅,管理权限不明确的扣20分; "
            "无水库管理机构或无专门水库管护人员的,此项不得分;",
            "",
        ],
        [
            None,
            "2、规章制度",
            "建立、健全各项管理规章制度,包括岗位责任制度、水库养护责任制度、检查报告制度、"
            "安全生产管理制度、工作大事记制度等,其中,水库养护责任制度和关键岗位制度必须明示,"
            "各项制度落实,执行效果好。",
            "40",
            "规章制度不健全,每缺1项扣4分;关键岗位制度未明示扣5分;"
            "水库管理责任制度执行效果差,扣10分。",
            "",
        ],
        [
            None,
            "3、档案管理",
            "档案有专人管理;各项维修养护等工程档案齐全,安全检查记录规范,并建档立卡,"
            "图表资料等规范齐全。",
            "30",
            "无人管理的扣10分;档案资料不齐全、检查记录不规范的扣10分;存放无序扣5分;"
            "未及时归档扣5分。",
            "",
        ],
        [
            None,
            "4、单位面貌",
            "庭院整洁,环境美观,管理范围内绿化程度高,无垃圾杂物;管理用房及配套设施完善,管理有序。",
            "40",
            "绿化程度在本地区属差的,扣10分;环境不美观,庭院不整洁扣10分;"
            "管理用房等配套设施不完善扣10分。",
            "",
        ],
        [
            "二、安全管理(400分)",
            "5、确权划界依法管护",
            "按照规定对水库工程的管理范围、保护范围进行确权划界;"
            "工程管理和保护范围内无违章建筑,无危害工程安全活动;",
            "",
            "",
            "",
        ],
    ],
)

D298 = Sheet(
    folder="d298-sifasuo-kaoping-xize-2014",
    title="2014年司法所考评细则",
    subtitle="考核内容共分三项,基础分为100分。其中:业务工作50分,队伍建设20分,"
    "司法所规范化建设30分。",
    headers=[["考核项目", "考核内容", "分值", "扣分标准"]],
    rows=[
        [
            "业务工作(50分)",
            "1、司法所要把本职工作和基层党委、政府中心工作紧密结合,全面开展各项业务,"
            "逐步将人民调解、法制宣传、法律服务、安臵帮教、法律援助、司法鉴定等各项工作整合在一起,"
            "形成基层司法行政工作综合服务平台,积极配合、参加社会治安综合治理工作; "
            "各乡镇办同等兑现司法所工作人员福利待遇,按要求保障司法行政工作经费,"
            "司法所年终测评结果为称职以上。",
            "4",
            "司法所工作与基层党委、政府中心工作脱节,少开展一项司法行政业务工作扣1分;"
            "司法所工作人员未享受乡镇办福利待遇扣1分,经费保障不得力扣1分,测评结果不达标扣1分",
        ],
        [
            None,
            "2、司法所与法庭要成立民间纠纷联调工作站,与信访办要成立联调中心、"
            "与公安派出所要成立治安民事纠纷联动领导小组(下设联动接待室),有办公地点。"
            "司法所负责指导管理当地人民调解工作,人民调解卷宗全年不少于50件(包括简易纠纷登记),"
            "大调解卷宗全年不少于20件。民间纠纷调解率达98%以上,调解成功率达95% 以上。",
            "5",
            "“三调联动”机构每少建一个扣1分,人民调解卷宗每少一件扣0.5分,"
            "大调解卷宗每少一件扣0.5分,纠纷调解率、成功率不达标各扣2分",
        ],
        [None, "3、健全安臵帮教组织网络,做好刑释解教人员回归衔接,落实各种", "", ""],
        ["队伍建设(20分)", "", "", ""],
        ["司法所规范化建设(30分)", "", "", ""],
    ],
)

SHEETS = [D293, D298]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
