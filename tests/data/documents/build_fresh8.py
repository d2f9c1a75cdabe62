"""Rebuild two held-out corpus documents (d271 d277) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text was dumped from one cell per line: a title row, the header
row, the section's name merged down over its rows with its points inside the name (d271), or
points in their own column (d277). Each requirement sits beside its deductions, which the text
lists after all of a section's requirements and matches by number. What the reposting site put
into the text (d271's injected words, d277's page number 「2」) is not in the office's table.
Each labelled sentence stays verbatim inside one cell, so labels.yaml serves the text, the xlsx
and the docx alike. The layout code is build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh8.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

D271 = Sheet(
    folder="d271-hangzhou-pingan-lvxingshe",
    title="“平安旅行社”考核标准",
    subtitle="一、杭州市“平安单位”考核标准",
    headers=[["项目及分值", "考核细则", None]],
    rows=[
        [
            "领导和目标责任制(10分)",
            "1、单位主要负责人抓社会治安综合治理工作,并有1名以上单位领导具体分管;"
            "建有综治组织和办事机构。(2分)",
            "1、无分管领导扣1分;未建立扣1分。",
        ],
        [
            None,
            "2、将社会治安综合治理工作纳入年度工作计划,做到任务、责任、措施“三落实”。(1分)",
            "2、未纳入不得分;任务、责任、措施有一项不落实,扣0.5分。",
        ],
        [None, "3、领导班子研究部署年度综治相关工作不少于2次。(2分)", "3、少1次扣1分。"],
        [
            None,
            "4、配备若干专(兼)职治安保卫人员"
            "(治安保卫重点单位应当配备与治安保卫任务相适应的专职治安保卫人员)。(2分)",
            "4、人员配备不到位不得分。",
        ],
        [
            None,
            "5、与所属乡镇(街道)和主管单位签订综治目标责任书,责任明确,落实到位。(2分)",
            "5、未签订扣1分;未落实扣1分。",
        ],
        [None, "6、落实综治工作经费。(1分)", "6、无经费不得分。"],
        [
            "宣传教育(10分)",
            "1、单位内部治安保卫人员应当接受有关法律知识和治安保卫业务、技能以及相关专业知识的"
            "培训、考核。(1分)",
            "1、未参加不得分。",
        ],
        [
            None,
            "2通过会议、讲座、培训等多种形式对全体员工开展法制教育。(1分)",
            "2、未开展不得分。",
        ],
        [
            None,
            "3、全年以黑板报、橱窗、墙报、横幅等多种形式宣传法律法规和安全防范知识不少于4次,"
            "宣传氛围浓厚。(4分)",
            "3、少1次扣1分。",
        ],
        [
            None,
            "4、全年向“杭州综治网”等舆论媒体提供宣传本单位综治和创安工作情况或经验不少于2次。(2分)",
            "4、少1次扣1分。",
        ],
        [None, "5积极开展安全生产月活动。(2分)", "5、未开展不得分。"],
        ["单位内部秩序(25分)", "1、积极预防、控制刑事案件的发生。(10分)", ""],
        [None, "2、治安案件得到有效控制。(6分)", ""],
        [None, "3、积极有效预防单位员工违法犯罪。(4分)", ""],
        [None, "4、积极有效预防火灾", ""],
    ],
)

D277 = Sheet(
    folder="d277-pingan-shequ-chuangjian",
    title="“平安社区”创建考核表准",
    subtitle="(100分制,90分以上合格)",
    headers=[["序号", "创建标准", "分值", "扣分说明"]],
    rows=[
        [
            "1",
            "大力开展社区治安防范,积极开展创建安全文明小区活动;各项工作和管理制度健全,"
            "责任落实,居民群众安全感在80%以上。",
            "10",
            "未开展创建安全文明小区活动或未巩固安全文明小区成果扣5分;"
            "居民群众缺乏安全感在60%到80%(含80%)扣4分,60%(含60%)以下扣8分。",
        ],
        [
            "2",
            "社区治安秩序稳定,8类严重刑事犯罪案件得到有效控制,无黑恶势力团伙,"
            "无火灾、伤亡等责任事故;刑事发案数不超过社区实有人口的6%。",
            "15",
            "发生1起恶性案件扣5分,如案件已破,扣3分;有黑恶势力团伙扣3分;"
            "发生1起一般火灾或伤亡事故扣1分;重大以上火灾或重大责任伤亡事故取消评选资格;"
            "刑事发案数超过社区实有人口6%的扣3分,超过7%的扣6分,超过8%以上的扣10分。",
        ],
        [
            "3",
            "建立专职治安队伍(每200户有1名)和群防群治队伍,防范措施落实,防空能力增强,"
            "无失控场所和部位。",
            "10",
            "专职治安队伍人数达不到标准的扣2分;无群防群治队伍的扣5分;"
            "无警务室的扣3分,无报警电话的扣2分。",
        ],
        [
            "4",
            "开展禁毒工作,普及毒品预防知识,积极创建“无毒害社区”。"
            "新滋生吸毒人员不超过社区常住人口的0.2%,"
            "被辖区外公安机关打击处理的复吸人员不超过社区吸毒人数的20%。",
            "10",
            "未开展创建“无毒害社区”活动扣2分;新滋生吸",
        ],
    ],
    merge_down=(),
)

SHEETS = [D271, D277]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
