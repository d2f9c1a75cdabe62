"""The canonical scheme file: YAML in, a validated Scheme out, and back to equal YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kaohe.engine import SchemeError, load_scheme
from kaohe.transfer.scheme_file import dump_scheme, read_scheme

ROOT = Path(__file__).resolve().parents[2]
SCHEMES = sorted((ROOT / "schemes").glob("*.yaml"))


def example_from_the_docs() -> str:
    text = (ROOT / "docs" / "scheme-format.md").read_text(encoding="utf-8")
    section = text.split("## A complete example", 1)[1]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


def test_the_complete_example_in_the_docs_loads(tmp_path: Path) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(example_from_the_docs(), encoding="utf-8")
    scheme = read_scheme(path)
    assert scheme.nodes["日常考核 › 窗口服务"].applies_to == ("窗口科室",)


@pytest.mark.parametrize("path", SCHEMES, ids=lambda path: path.stem)
def test_every_built_in_scheme_round_trips(path: Path) -> None:
    scheme = read_scheme(path)
    assert load_scheme(yaml.safe_load(dump_scheme(scheme))) == scheme


def test_dumped_numbers_stay_exact_and_chinese_stays_readable(tmp_path: Path) -> None:
    path = tmp_path / "example.yaml"
    path.write_text(example_from_the_docs(), encoding="utf-8")
    text = dump_scheme(read_scheme(path))
    assert "amount: -0.5" in text
    assert "name: 日常考核" in text


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("format: kaohe-scheme/1\nsections: [\n  - name: 甲\n", encoding="utf-8")
    with pytest.raises(SchemeError, match="YAML 格式有误") as caught:
        read_scheme(path)
    assert "第 " in str(caught.value)


def test_a_missing_file_is_a_scheme_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(SchemeError, match="无法读取方案文件"):
        read_scheme(tmp_path / "none.yaml")


def test_a_value_used_twice_is_written_twice_never_as_an_anchor_and_alias() -> None:
    from decimal import Decimal

    from kaohe.transfer.scheme_file import dump_scheme_data

    hundred = Decimal(100)
    text = dump_scheme_data({"sections": [{"points": hundred}, {"points": hundred}]})

    assert "&id" not in text and "*id" not in text
    assert text.count("points: 100") == 2
