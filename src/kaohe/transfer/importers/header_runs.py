"""A header row run into the text around it (PDF text, a table pasted as one paragraph):
「考评项目 及标准分 考评得分 备注 落实……」. The column names stand together, and a row's own text
never holds three of them in a row: the run is cut out, what stands before and after it kept apart.
"""

from __future__ import annotations

import re

from kaohe.textrules.normalize import to_simplified

# The names a column of an assessment table goes by (序号, 考核内容, 分值 …).
_COLUMN_NAME = (
    r"(?:考核项目|考评项目|指标项目|考核内容及计分标准|考核内容及评分标准|考核内容|考核要求|考核标准|"
    r"评分标准|计分标准|扣分标准|标准分|项目及分值|分值|考核细则|评分细则|备注|考核办法|评分要点|"
    r"评分办法|评分方法|计分方法|检查方式|考核方式|考评方式|自评纪实|自评情况|自评得分|自评分|"
    r"考评得分|考核得分|考核分|考核部门|考核单位|扣分内容|加分内容|得分|扣分|序号|类别)"
)
# 「序号 扣分内容 扣分标准 备注」: a header copied with one space between its cells.
SPACED_HEADER = re.compile(rf"{_COLUMN_NAME} {_COLUMN_NAME}(?: {_COLUMN_NAME})+")
# 「考评项目 及标准分 考评得分 备注 落实……」: names run together, spaced or joined by 及.
_HEADER_RUN = re.compile(rf"{_COLUMN_NAME}(?:\s*及?\s*{_COLUMN_NAME}){{2,}}")


def between_header_runs(text: str) -> list[str]:
    """The stretches of a line around runs of header words (a header row run into the text)."""
    segments, start = [], 0
    for run in _HEADER_RUN.finditer(to_simplified(text)):  # one for one: offsets hold
        segments.append(text[start : run.start()])
        start = run.end()
    return [*segments, text[start:]]
