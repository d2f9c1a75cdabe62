"""Rebuild two held-out corpus documents (d352 d354) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the run-together text came from: a title row, a header row, one
row per indicator with its points in their own column (d352) or inside the item's name (d354,
「责任单位(40分)」), and each item's scoring text whole in one cell. What the copy sites added is
left out: the chunk markers 「1、」「2、」 that cut d352's 「市统 / 计局」 and open d354's lines,
and the letter spacing of d352's title and points (「5 分」 is typed 「5」). Each labelled
sentence stays inside one cell (whitespace aside), so labels.yaml serves the text, the xlsx and
the docx alike. Both excerpts stop inside a row; that row is kept as far as the text goes.
The layout code is build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh12.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

D352 = Sheet(
    folder="d352-shouwei-chanye-longtou-qiye",
    title="2018年度全市首位产业龙头企业发展工作目标管理考评计分表",
    subtitle=None,
    headers=[["指标", "分值", "计分办法", "考评部门"]],
    rows=[
        [
            "推进本地首位产业龙头企业发展的可操作细化政策出台情况",
            "5",
            "出台可操作细化政策得5分,未出台可操作细化政策不得分。",
            "市工信委",
        ],
        ["当年财政用于支持首位产业企业的资金", "10", "按照功效系数法打分。", "市工信委\n市财政局"],
        [
            "当年首位产业企业实际入库税收占本地当年实际入库税收的比重",
            "10",
            "采用功效系数法打分。",
            "市工信委\n市税务局",
        ],
        [
            "当年首位产业主营业务收入及增速情况",
            "20",
            "其中主营业务收入10分,主营业务收入增速10分,均按照功效系数法打分。",
            "市工信委\n市统计局",
        ],
        ["当年首位产业新增规模以上企业数量", "10", "每新增1家得1分,未新增不得分。", "市工信委"],
        [
            "当年首位产业新开工建设亿元以上项目个数",
            "10",
            "每个项目计2分,没有不计分。新开工建设亿元以上项目必须进入市工信委系统项目库,"
            "考核时以厂房车间出正负零零线为标准。",
            "市工信委",
        ],
        ["当年首位产业新竣工投产亿元以上项目个数", "10", "每个项目计2分,没有不计分。", "市工信委"],
        [
            "当年首位产业新增省级以上技术研发平台或荣誉称号,其它创新研发情况",
            "10",
            "每新增1个省级技术研发平台或荣誉称号得2分,每新增1个国家级技术研发平台或荣誉称号得4分,"
            "无新增不得分;其他创新研发视情况得分。",
            "市工信委\n市科技局\n市发改委\n市科协",
        ],
        [
            "当年首位产业龙头企业主营业务收入占比情况",
            "5",
            "首位产业龙头企业(主营超5亿元)主营业务收入占首位产业比重,按照功效系数法打分。",
            "市工信委\n市统计局",
        ],
        [
            "当年财政安排属地工信部门产业对接专项工作经费情况",
            "5",
            "安排对接经费20万元的得满分,每少安排1万元的减0.5分。",
            "市工信委\n市财政局",
        ],
        ["当年首位产业调度、组织", "", "", ""],
    ],
    merge_down=(),
)

D354 = Sheet(
    folder="d354-chengzhongcun-laji-fenlei",
    title="生活垃圾分类工作考核细则",
    subtitle=None,
    headers=[["项目", "内容", "细则", "备注"]],
    rows=[
        [
            "责任单位(40分)",
            "随机抽取3个城中村社区,每个社区随机抽取10个单位(临街小餐饮店6个、2方以上餐饮店2个、"
            "有厨余产生的超市1个、住宿单位1个)。",
            "每个社区占5分,发现不达标的,每个单位每项扣0.5分,扣完为止。",
            "1.设置垃圾分类宣传栏,宣传垃圾分类工作,宣传内容正确并根据推动情况及工作重点不定期进行更新:"
            "是 否;\n"
            "2.设置责任管理公示表或生活垃圾分类公示牌,公示本单位开展生活垃圾分类情况,包括各类生活垃圾"
            "投放地点、方式等要求;分类投放、收集各环节负责人和保洁人员等信息:是否;\n"
            "3.建立管理制度和操作法律规范等日常管理制度,并张贴上墙,内容及时更新:是否;\n"
            "4.按分类投放模式配置分类收集容器,分类收集容器完好、干净、容器颜色、标识法律规范清楚,"
            "并结合实际设置投放指引牌:是 否;\n"
            "5.有独立的垃圾收集点或临时存放点,垃圾分类收集运输:是否;\n"
            "6.是否分类投放:是 否。\n"
            "7.是否签订厨余垃圾收运协议:是 否;\n"
            "8.是否建立生活垃圾排放台账:是 否;\n"
            "9.厨余垃圾是否交付有合法资质的单位收运(与街道环卫所或取得生活垃圾收运资质的企业签协议,"
            "均视为具有合法资质):是否;\n"
            "10.厨余垃圾是否上门收运:是 否。",
        ],
        [
            "市区督办(40分)",
            "市、区第三方每月考评督办案件",
            "市考评案件宗数低于区要求不扣分,超出部分每宗次扣1分,重点督办问题每宗次扣5分;"
            "区考评案件宗数低于区对市考评案件宗数不扣分,超出部分每宗次扣0.5分,重点督办问题每宗次扣1分",
            "",
        ],
        [
            "分类率(20分)",
            "市终端量+去系统显示就地量每日分类成效表",
            "当日分类率低于区要求每宗次扣0.5分,当月分类率未达区要求该项不得分",
            "",
        ],
        [
            "减分项",
            "问题督导、负面舆情或应急事件处置",
            "1.同一单位,同一问题2次以上被市区督办的,每次扣1分;2.主流媒体曝光投",
            "",
        ],
    ],
    merge_down=(),
)

SHEETS = [D352, D354]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
