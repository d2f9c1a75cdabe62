"""A small scheme as plain data (two sections, named and unnamed rules), shared by the editor's
tests and the diff's, which need no Django."""

SMALL = {
    "format": "kaohe-scheme/1",
    "id": "small",
    "name": "小方案",
    "formula": "日常考核 + 加分",
    "sections": [
        {
            "name": "日常考核",
            "points": 20,
            "children": [
                {
                    "name": "工作纪律",
                    "points": 10,
                    "criteria": "迟到早退每人次扣0.5分；旷工的每次扣2分。",
                    "rules": [
                        {
                            "id": "late",
                            "kind": "per_occurrence",
                            "amount": -0.5,
                            "label": "迟到早退",
                        },
                        {"id": "absent", "kind": "per_occurrence", "amount": -2},
                    ],
                },
                {
                    "name": "信息报送",
                    "points": 10,
                    "rules": [
                        {
                            "id": "news",
                            "kind": "frequency",
                            "minimum": 2,
                            "per": "month",
                            "amount": -1,
                        }
                    ],
                },
            ],
        },
        {
            "name": "加分",
            "kind": "bonus",
            "points": 5,
            "rules": [{"id": "award", "kind": "tiered", "levels": {"市级": 1, "省级": 2}}],
        },
    ],
}
