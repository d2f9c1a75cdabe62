"""Rebuild two held-out documents (d253 d258) as the xlsx and docx an office would hold.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text came from: d253 with the first-level indicator merged down
over its rows and its points written inside the name (「文旅综合管理(2分)」), d258 with the points
in their own column. d253's page gives no title: its title row is the description its labels give.
Each labelled sentence stays verbatim inside one cell, so labels.yaml serves
the text, the xlsx and the docx alike; both excerpts stop where the page did. The layout code is
build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh7.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

D253 = Sheet(
    folder="d253-beilun-wenlv-jiedao-kaohe",
    title="街道文化旅游工作考核评分表",
    subtitle=None,
    headers=[
        [
            "一级指标",
            "序号",
            "二级指标",
            "考核分",
            "加减分标准\n(加分后总分不超过一级指标分值的1.5倍)",
            "考核方式",
        ]
    ],
    rows=[
        [
            "文旅综合管理\n(2分)",
            "1",
            "街道重视文化旅游工作,明确分管领导,文化旅游工作经费纳入财政预算。",
            "1",
            "/",
            "",
        ],
        [
            None,
            "2",
            "加强信息报送,配合做好重点宣传、联合宣传工作。新碶、小港、大碶信息录用50条以上,"
            "柴桥、霞浦、戚家山、白峰、春晓、梅山、郭巨、大榭信息录用30条以上,"
            "不同社区同一主题内容视作1条。",
            "1",
            "积极配合文旅体相关信息约稿、素材提供,加0.1分/次,累计不超过1分。",
            "区本级统计,街道提供证明材料",
        ],
        [
            "产业资源推广\n(40分)",
            "3",
            "做好文旅体项目投资工作,当年各街道开展并提供文旅体投资项目线索的,2分;"
            "列入省文旅项目库,单体项目投资金额1000(含)-5000万元(不含)的,3分;"
            "5000万元(含)-1亿元(不含)的,5分;"
            "列入省文旅项目库单体项目投资金额1亿元及以上的,7分"
            "(提供多个项目的,以单体项目投资金额最高的计分)。"
            "配合项目填报提供相关材料,8分。",
            "15",
            "列入双百项目库的,加2分/个;列入千项万亿项目库的,加3分/个"
            "(同时列入双百项目库与千项万亿项目的,从高计分)。累计不超过6分。",
            "区本级统计",
        ],
        [
            None,
            "4",
            "做好旅游业“微改造、精提升”项目工作,完成项目总投资各季度任务及投资完成率,5分。",
            "5",
            "列入“微改造、精提升”示范点的,加0.2分/个。累计不超过3分。",
            "区本级统计",
        ],
        [
            None,
            "5",
            "配合做好全区文旅爆款打造、旅游产业增加值测算基础材料提供等工作,6分。",
            "6",
            "新增限上住宿业企业、限上营利性服务业企业(文化旅游体育),加0.2分/家,累计不超过1分。",
            "区本级统计",
        ],
        [
            None,
            "6",
            "做好乡村旅游工作,4分;打造农旅型共富工坊,2分;"
            "配合做好全区乡村农文旅融合发展专项规划相关工作,2分。",
            "8",
            "每创建成功1个共同富裕示范",
            "",
        ],
    ],
    merge_down=(0,),
)

D258 = Sheet(
    folder="d258-zhongyiyuan-keshi-zonghe-kaohe",
    title="科室综合考核",
    subtitle="年 月 日 被考核科室:内科 考核部门:医务科 总分:100分 实际得分: 得分等级:",
    headers=[["考核内容", "分值", "扣分标准", "得分"]],
    rows=[
        ["1、对本科室制度、职责清楚。", "5", "一条不清楚扣2分", ""],
        ["2、诊断符合率达到90%以上。", "5", "90%扣2分,80%扣4分", ""],
        ["3、治愈好转率达到90%以上,中医治疗率90%。", "4", "每项未达标扣2分", ""],
        ["4、中医病历合格率达到90%以上,书写正确规范。", "6", "90%扣3分,不规范扣3分", ""],
        [
            "5、处方合格率95%以上,中药处方60%,中药饮片处方30%。",
            "6",
            "95%扣2分,60%扣2分,30%扣2分",
            "",
        ],
        [
            "6、按制度进行查房,门诊登记本填写及时完整。",
            "6",
            "查房不符扣3分,登记本不完整扣3分",
            "",
        ],
        [
            "7、对死亡、疑难病例进行病历讨论,必须有中医内容。",
            "10",
            "无讨论一次扣2分,无中医内容一次扣2分",
            "",
        ],
        [
            "8、制定中医诊疗计划,对诊疗计划进行适时评价、讨论和适时调整,诊疗计划要记载在病历中。",
            "10",
            "无计划扣2分,调整计划未记录扣5分",
            "",
        ],
        ["9、医院工作制度齐全。", "8", "缺一项扣2分", ""],
        [
            "10、护理人员能掌握六项基本中医护理操作流程、适应证及禁忌证等,"
            "并将健康宣教与沟通贯穿于整个操作过程。",
            "12",
            "一项操作不规范扣2分,",
            "",
        ],
        ["11、门诊病历要安全保管。", "6", "少一份病历扣3分,一份病历残缺扣3分", ""],
        [
            "12、开展中医护理操作项目不少于2项,建立中医技能使用登记本,做好登记",
            "6",
            "少一项扣2分,未登记扣2分",
            "",
        ],
        ["13、参加医院组织的中医药知识培训。", "4", "少一次扣1分", ""],
        ["14、搞好医疗统计,数字准确。", "3", "一次不及时准确扣1分", ""],
        ["15、每月完成中医护理病历两份", "3", "少一分扣1.5分", ""],
        [
            "16、护理文件书写应有中医特色,体现辩证施护。",
            "3",
            "没有中医特色扣2分,未体现扣1分",
            "",
        ],
        ["17、患者、辅助科室医护人员对本科室的满意度90%。", "3", "90%扣1", ""],
    ],
    merge_down=(),
)

SHEETS = [D253, D258]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
