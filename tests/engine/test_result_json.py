"""Results serialise to JSON with Decimals as strings, every number explained."""

from __future__ import annotations

import json

from .builders import ONE_ITEM, record, scheme, score


def test_the_result_is_json_ready_with_rounded_decimal_strings() -> None:
    result = score(scheme(ONE_ITEM, decimals=1), [record("办公室", "late", count=3)])
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["format"] == "kaohe-result/1"
    unit = data["units"][0]
    assert (unit["unit"], unit["total"], unit["rank"], unit["grade"]) == ("办公室", "8.5", 1, None)
    assert unit["sections"] == {"工作纪律": "8.5"}
    node = unit["nodes"][0]
    assert (node["path"], node["code"], node["points"], node["score"]) == (
        "工作纪律",
        "1",
        "10",
        "8.5",
    )
    assert node["explanation"][0] == "迟到早退：3 人次 × 0.5 分，扣 1.5 分"


def test_every_node_of_every_unit_has_an_explanation() -> None:
    result = score(scheme(ONE_ITEM), [record("甲", "late"), record("乙", "absent")])
    for unit in result.to_dict()["units"]:
        assert unit["explanation"]
        assert all(node["explanation"] for node in unit["nodes"])
