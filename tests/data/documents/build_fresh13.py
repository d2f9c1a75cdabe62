"""Rebuild two held-out corpus documents (d373 d374) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text came from. d373 (a college's 团委 form, dumped one cell per
line with 「 |」) keeps its six columns, the 一级指标 and 二级指标 merged down over their rows and
the 二级指标's subtotal in the last column, merged down likewise; the spaced-out merged names
(「团 委 工 作」) are written whole. d374 (a university's 团支部 form, run together on a document
site) gets its header row back, the 项目 merged down with its points inside its name
(「支委会建设(30分)」, where the text glued 「30」 to the first row's number) and each row's 分值 in
its own column. Both keep the place where the excerpt stops. Each labelled sentence stays
verbatim inside one cell, so labels.yaml serves the text, the xlsx and the docx alike.
The layout code is build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh13.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

MEDIA = "材料记录 (新闻链接和网站截图)"
CHECKED = "相关检查结果"
COEFFICIENT = "学院总人数1000以上的违纪总分*0.9的系数,人数2000以上的违纪总分*0.8的系数"

D373 = Sheet(
    folder="d373-xueyuan-tuanwei-mubiao-kaohe",
    title="团委工作目标管理考核细则",
    subtitle="一级指标:团委工作(100分) 考核单位:团委",
    headers=[["一级指标", "二级指标", "评分标准", "评分依据", "分值", "考评得分"]],
    rows=[
        [
            "团委工作",
            "领导重视",
            "要求学院领导、老师出席大型团委活动和会议,缺席1次扣1分,扣完为止。",
            "活动签名记录",
            "2分",
            "2",
        ],
        [
            None,
            "思想引领",
            "年度政治学习排名前3名得满分;其他依次递减0.2分。"
            f"(含五四评选文件传达到位情况,另{COEFFICIENT})",
            CHECKED,
            "4分",
            "21",
        ],
        [
            None,
            None,
            "青马工程、团校培训考核排名前3名得满分;其他依次递减0.2分。 "
            "(团校培训学院参与人数70以上的学院违纪总分*0.9的系数,"
            "人数100以上的学院违纪总分*0.8的系数)",
            CHECKED,
            "4分",
            None,
        ],
        [None, None, "各二级学院每年至少举办2次“与信仰对话”专题讲座。", MEDIA, "2分", None],
        [
            None,
            None,
            "依据女校培训考核满分2分;按学院私自退学或缺勤满2次及以上扣0.2分/人。",
            CHECKED,
            "2分",
            None,
        ],
        [
            None,
            None,
            f"升旗仪式,根据考评排名前3名得满分,其他依次递减0.2分。 ({COEFFICIENT})",
            CHECKED,
            "3分",
            None,
        ],
        [
            None,
            None,
            "在城心橙意、团委官网、官博等校级团属媒体 进行青年工作内宣,"
            "按年度综合排名前3名得2分,其他依次递减0.1分;"
            "在省级以上媒体进行青年工作外宣,发稿一次得1分,最多2分。",
            MEDIA,
            "4分",
            None,
        ],
        [
            None,
            None,
            "开展庆祝中华人民共和国成立70周年、纪念五四运动100周年、“三爱”主题系列活动, 1次1分。",
            MEDIA,
            "2分",
            None,
        ],
        [None, "基层组织建设", "学院团委书记履职情况", CHECKED, "1分", "12"],
        [None, None, "“三会两课一制”开展情况", CHECKED, "2分", None],
        [None, None, "智慧团建考核排名前3名得满分;其他依次递减0.2分。", "相关检查", "", None],
    ],
    merge_down=(0, 1, 5),
)

GRADE_531 = "按5、3、1评分。"

D374 = Sheet(
    folder="d374-yangzhoudaxue-tuanzhibu-kaohe",
    title="扬州大学学生团支部工作考核评分细则",
    subtitle="学院        团支部        年    月    日",
    headers=[["项目", "具体目标要求", "分值", "评分标准", "自查得分", "检查"]],
    rows=[
        [
            "支委会建设(30分)",
            "1、组织健全,分工协作,每年进行民主改选。",
            "5",
            f"{GRADE_531}未按期改选扣2分。",
            "",
            "",
        ],
        [
            None,
            "2、支委学习成绩优秀,团结协作,以身作则,在团员青年中有较高威信。",
            "5",
            f"{GRADE_531}一学年中支委中有1人次重修扣2分,2人次重修扣4分,3人次重修扣5分。",
            "",
            "",
        ],
        [
            None,
            "3、每月至少召开一次支委会,研究布置工作。",
            "4",
            "根据记录评分,少一次扣1分。",
            "",
            "",
        ],
        [
            None,
            "4、每学期至少召开两次支部大会,研究、布置、总结支部工作。",
            "4",
            "少一次扣1分。",
            "",
            "",
        ],
        [
            None,
            "5、完成上级任务不拖拉,质量好。",
            "4",
            "根据完成质量,按4、2、1评分。每拖拉一次扣1分。",
            "",
            "",
        ],
        [
            None,
            "6、关心同学的学习和生活,把握团员的思想动态,重要信息及时上报。",
            "5",
            f"{GRADE_531}重大信息不及时上报或隐瞒不报发现一次扣5分。",
            "",
            "",
        ],
        [
            None,
            "7、支委会在上级组织领导下独立自主地开展工作。",
            "3",
            "按3、2、1评分,软弱涣散扣3分。",
            "",
            "",
        ],
        [
            "组织工作(30分)",
            "1、学期初工作有计划,学期末工作有小结。",
            "2",
            "按2、1评分。缺一项扣1分。",
            "",
            "",
        ],
        [
            None,
            "2、根据支部生活指导意见,每两周组织一次组织生活,参与率高,考勤严格。",
            "8",
            "按实际效果及记录情况评分。组织生活少一次扣1分;重要组织生活不开展一次扣3分。",
            "",
            "",
        ],
        [
            None,
            "3、“推优”工作坚持标准、程序规范、手续齐备。",
            "4",
            "不坚持标准,未经民主测评,无特殊情况临时推优的发生一例扣2分。",
            "",
            "",
        ],
        [
            None,
            "4、及时接转团员的组织关系。",
            "2",
            "未按规定做好接转工作的扣2分,接转不及时的扣1分。",
            "",
            "",
        ],
        [
            None,
            "5、按期进行年度团籍注册,及时修订团员花名册。",
            "2",
            "未按规定做好年度团籍注册、花名册修订工作的各扣1分,注册修订工作不及时的扣1分。",
            "",
            "",
        ],
        [
            None,
            "6、认真做好团员年度统计工作,及时准确填写并上交统计表。",
            "2",
            "未按规定做好统计上报工作的扣2分,统",
            "",
            "",
        ],
    ],
)

SHEETS = [D373, D374]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
