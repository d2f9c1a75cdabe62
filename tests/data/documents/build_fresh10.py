"""Rebuild two held-out corpus documents (d314 d317) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text came from before it was run together: a title row, a
header row, the first columns (项目 / 一级指标, 二级指标, with the section's points inside its name)
merged down over their items, and each requirement with its rules whole in its cells. The copies'
line-wrap spaces (d314's 「扣1 分」, 「离退 休干部」) are not typed: an office's cell has none. The
document sites' furniture is left out (d317's download prompts, d314's 「.doc」 heading). Each
labelled sentence stays inside one cell, whitespace aside, so labels.yaml serves the text, the
xlsx and the docx alike. The layout code is build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh10.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

D314 = Sheet(
    folder="d314-yunnan-laoganbu-mubiao-guanli",
    title="云南省州市老干部工作目标管理责任制内容和量化评分标准",
    subtitle=None,
    headers=[["项目", "项次", "检查考评内容", "标准分", "量化评分标准", "评分"]],
    rows=[
        [
            "组织领导20分",
            "1",
            "按规定州市县党委应成立老干部工作领导小组,有分管领导;"
            "领导小组每年召开1-2次老干部工作会议;将老干部工作列入考核班子和领导干部的内容",
            "10",
            "老干部工作未列入领导班子和领导干部考核内容的扣1分;"
            "未落实老干部局长兼任同级党委组织部副部长(含部务委员)的扣2分",
            "",
        ],
        [
            None,
            "2",
            "坚持联系制度,各级党政领导要经常联系老干部,每年走访看望老干部不少于二次",
            "5",
            "领导联系老干部无制度扣1分;走访看望少一次扣1分",
            "",
        ],
        [
            None,
            "3",
            "老干部工作机构设置、人员编制符合有关文件规定,做到编制、人员、经费落实",
            "5",
            "工作经费未列入预算的扣2分",
            "",
        ],
        [
            "政治待遇30分",
            "4",
            "坚持学习、阅文制度,定期组织离退休干部学习政治理论和阅读文件;"
            "州市每年举办一期老干部读书班或离退休干部党支部书记理论培训班",
            "5",
            "未举办老干部读书班或离退休干部党支部书记理论培训班的扣2分",
            "",
        ],
        [
            None,
            "5",
            "坚持通报情况制度,党政领导向离退休干部通报工作情况每年不少于二次;"
            "坚持参加重要会议制度,如党代会、人代会等应有离退休干部代表参加",
            "5",
            "通报缺少一次的扣1分;应参加的会议未邀请老干部代表参加的扣1分。",
            "",
        ],
        [
            None,
            "6",
            "离退休干部党组织健全,组织生活正常,按时交纳党费,按规定留成党费",
            "4",
            "组织不健全、组织生活开展不正常的各扣1分;"
            "离退休干部党支部党费80%留给党支部不落实的扣1分",
            "",
        ],
        [
            None,
            "7",
            "管好、用好活动中心;加强老年大学建设,制度健全,设备完善,经费落实",
            "10",
            "州市、县(区市)老年大学数未达到80%的扣1分;没有办学的扣2分;经费不落实的一所扣1分",
            "",
        ],
        [
            None,
            "8",
            "组织广大离退休干部创先争优,开展向杨善洲同志学习活动",
            "6",
            "年内没有组织的",
            "",
        ],
    ],
    merge_down=(0,),
)

D317 = Sheet(
    folder="d317-ruoqiang-dangfeng-lianzheng-2014",
    title="2014年度若羌县党风廉政建设和反腐败工作检查考核评分标准",
    subtitle=None,
    headers=[["一级指标", "二级指标", "考核内容及评分标准", "扣分", "备注"]],
    rows=[
        [
            "党委(党组)主体责任(50分)",
            "领导体制(5分)",
            "建立健全党委反腐倡廉建设领导小组。"
            "未建立领导小组或未根据人事变动及时调整领导小组成员的,扣3分;"
            "未召开领导小组会议研究党风廉政建设工作的,扣2分。",
            "",
            "",
        ],
        [
            None,
            None,
            "建立健全反腐败协调小组。"
            "未建立协调小组或未根据人事变动及时调整协调小组成员的,扣3分;"
            "未召开协调小组会议研究工作的,扣2分。",
            "",
            "",
        ],
        [
            None,
            "党委(党组)责任(10分)",
            "加强对党风廉政建设和反腐败工作的领导。"
            "党委(党组)会议专题研究党风廉政建设和反腐败工作全年至少4次,未开或少开的,按次扣1-3分;"
            "无党风廉政建设责任分解的,扣5分。",
            "",
            "",
        ],
        [
            None,
            None,
            "坚决防止出现选人用人上的不正之风和腐败问题。"
            "本部门本单位发生选人用人上不正之风的,一起扣2分。",
            "",
            "",
        ],
        [
            None,
            None,
            "坚决纠正损害群众利益的行为。本部门本单位对损害群众利益的行为未及时纠正的,一起扣2分。",
            "",
            "",
        ],
        [
            None,
            None,
            "强化对权力运行的制约和监督。本部门本单位对权力运行无制约和监督措施的,扣2分。",
            "",
            "",
        ],
        [
            None,
            None,
            "领导和支持执纪执法机关查处违纪违法问题。"
            "本部门本单位出现阻挠和干扰执纪执法机关查处违纪违法问题的,扣3分。",
            "",
            "",
        ],
        [
            None,
            None,
            "党委(党组)主要负责同志要管好班子,加强学习,抓好宣传教育,带好队伍,做好表率。"
            "党委(党组)中心组廉政专题学习全年至少2次,未安排或少安排的,按次1-3扣分;"
            "党政主要领导未讲廉政党课的,扣2分。"
            "按时向县委和县纪委报告党风廉政建设和反腐败工作情况,未报告的,扣2分。",
            "",
            "",
        ],
    ],
    merge_down=(0, 1),
)

SHEETS = [D314, D317]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
