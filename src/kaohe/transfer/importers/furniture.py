"""Page furniture and a document's own title: lines that are never an indicator, whatever
the layout — 「当前位置 > 首页」, 发布时间, a file name, a document number, the heading of an
official letter, a title (……考核办法(试行)) and the total written under it."""

from __future__ import annotations

import re

from kaohe.textrules.vocabulary import SCORING_WORD
from kaohe.transfer.importers.names import strip_numbering

# Page furniture and the document's own title, never an indicator: 「当前位置 > 首页 > ……」,
# 发布时间, 来源, 【字体：大 中 小】, a file name, a document number (〔2021〕4号), the heading of
# an official letter (……文件, ……的通知) and a title (……考核办法(试行), ……考核评分表).
_FURNITURE = re.compile(
    r"当前位置|发布时间|发布日期|信息来源|来源[:：]|【?字体[:：]|浏览次数|阅读次数|点击数|"
    r"\.docx?\b|\.pdf\b|^PAGE\b|〔\d{4}〕\d+号|^[^，,。；;]{2,30}文件$|的通知$|"
    # A page's editor and time stamp, a document site's page list (「……評比_第4頁」).
    r"^编辑[:：]|^(?:发布)?时间[:：]\s*\d{4}|[_—-]第\d+[页頁]$"
)
_TITLE = re.compile(
    r"^[^，,。；;]{0,40}(?:考核|考评|考评|评估|绩效|评分|督查|目标)[^，,。；;]{0,20}"
    r"(?:细则|办法|方案|实施意见|规定|评分表|考核表|评分标准表|计分表)(?:表格)?$"
)
# 「……加分和扣分事项表」: a table's title may name its scoring without scoring anything.
_TABLE_TITLE = re.compile(
    r"^[^，,。；;\d]{0,40}(?:考核|考评|评估|绩效|评分|目标)[^，,。；;\d]{0,20}"
    r"(?:事项表|一览表|明细表|标准表|指标表|清单)$"
    # 「机关事业单位党组织分类定级自评表」: the form a unit fills in about itself.
    r"|^[^，,。；;\d]{2,40}(?:自评表|测评表|评价表)$"
    # 「某县2015年绩效考核扣分项目及标准」: the title of a list of deductions.
    r"|^[^，,。；;]{0,40}(?:扣分|加分|加扣分|奖扣分)(?:项目|事项)及(?:评分|考核)?标准$"
)
_TITLE_TAIL = re.compile(r"[（(][^（）()]{1,6}[)）]$|[?？。:：\s]+$")


# 「(起评分100分)」, 「(总分值:100分)」 under a title: the document's total, not an indicator.
_TOTAL_NOTE = re.compile(
    r"[（(]\s*(?:起评分|总分值|总分|满分|基础分|总计)\s*[:：为]?\s*\d+(?:\.\d+)?\s*分\s*[)）]$"
)


def is_furniture(text: str) -> bool:
    """Page furniture, a title line or the total under it (see _FURNITURE, _TITLE and
    _TOTAL_NOTE)."""
    if _FURNITURE.search(text) and not SCORING_WORD.search(text):
        return True  # 「……发布时间、发布人……的，扣2分」 quotes furniture's words but scores
    total = _TOTAL_NOTE.search(text)
    if total and (total.start() == 0 or is_furniture(text[: total.start()].strip())):
        return True
    bare = _TITLE_TAIL.sub("", strip_numbering(text)).strip()
    titled = bool(_TITLE.match(bare)) and not SCORING_WORD.search(bare)
    return titled or bool(_TABLE_TITLE.match(bare))
