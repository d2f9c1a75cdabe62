"""The examples in docs/ work: the complete scheme, the records template and the facts file."""

from __future__ import annotations

from pathlib import Path

from kaohe.engine import compute
from kaohe.transfer.records import read_records
from kaohe.transfer.records_facts import read_facts
from kaohe.transfer.scheme_file import read_scheme

DOCS = Path(__file__).resolve().parents[2] / "docs"


def fenced(document: str, heading: str, language: str) -> str:
    text = (DOCS / document).read_text(encoding="utf-8").split(heading, 1)[1]
    return text.split(f"```{language}\n", 1)[1].split("```", 1)[0]


def test_the_documented_scheme_scores_the_documented_records_and_facts(tmp_path: Path) -> None:
    files = {
        "scheme.yaml": fenced("scheme-format.md", "## A complete example", "yaml"),
        "records.csv": fenced("records-format.md", "### Template", "csv"),
        "facts.yaml": fenced("records-format.md", "## Facts file (YAML)", "yaml"),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    scheme = read_scheme(tmp_path / "scheme.yaml")
    records = read_records(tmp_path / "records.csv")
    result = compute(scheme, read_facts(tmp_path / "facts.yaml", records))
    approvals = result.units["审批科"]
    assert not approvals.nodes["日常考核 › 窗口服务"].applies
    assert approvals.nodes["综合加分"].explanation[0] == "受表彰（省级）：加 3 分"
    assert "酌情扣分：扣 2 分（督查通报整改不到位，酌情扣2分）" in (
        approvals.nodes["日常考核 › 重点任务"].explanation
    )
