from pathlib import Path

import pytest

from kaohe.cli import main
from kaohe.transfer.scheme_file import read_scheme
from tests.transfer.documents import workbook

SEEDS = Path(__file__).parents[1] / "data" / "import" / "seeds"
SEED_004 = next(SEEDS.glob("004_*.txt"))


def test_import_prints_the_report_and_writes_a_scheme_the_engine_loads(tmp_path, capsys):
    output = tmp_path / "zhangjiagang.yaml"

    status = main(["scheme", "import", str(SEED_004), "-o", str(output), "--id", "zjg"])

    printed = capsys.readouterr().out
    assert status == 0
    assert "指标：共 11 个" in printed
    assert "规则：识别" in printed
    assert "方案校验：通过" in printed
    scheme = read_scheme(output)
    assert scheme.id == "zjg"


def test_import_without_an_output_file_only_reports(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)

    assert main(["scheme", "import", str(SEED_004)]) == 0

    assert "导入文件：004_" in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


def test_a_refused_file_is_explained_in_chinese_and_nothing_is_saved(tmp_path, capsys):
    upload = tmp_path / "公式.xlsx"
    upload.write_bytes(workbook([["考核项目", "分值"], ["信息报送", "=1/0"]]))
    output = tmp_path / "scheme.yaml"

    status = main(["scheme", "import", str(upload), "-o", str(output)])

    assert status == 2
    assert "导入失败，未保存任何内容" in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["公式.xlsx"]


def test_a_scheme_with_problems_is_saved_for_editing_but_the_status_says_so(tmp_path, capsys):
    upload = tmp_path / "表.xlsx"
    upload.write_bytes(
        workbook([["一级指标", "二级指标", "分值"], ["日常考核（10分）", "工作落实", 15]])
    )
    output = tmp_path / "scheme.yaml"

    status = main(["scheme", "import", str(upload), "-o", str(output)])

    assert status == 1
    assert "方案校验未通过" in capsys.readouterr().out
    assert output.exists()


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_export_writes_a_document_that_imports_back(tmp_path, suffix, capsys):
    scheme = tmp_path / "scheme.yaml"
    main(["scheme", "import", str(SEED_004), "-o", str(scheme)])
    exported = tmp_path / f"细则{suffix}"

    assert main(["scheme", "export", str(scheme), "-o", str(exported)]) == 0
    capsys.readouterr()

    assert main(["scheme", "import", str(exported)]) == 0
    assert "指标：共 11 个" in capsys.readouterr().out


def test_export_refuses_an_unknown_format(tmp_path, capsys):
    scheme = tmp_path / "scheme.yaml"
    main(["scheme", "import", str(SEED_004), "-o", str(scheme)])

    assert main(["scheme", "export", str(scheme), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "不支持导出" in capsys.readouterr().err


def test_agreement_prints_one_line_per_seed(capsys):
    schemes = Path(__file__).parents[2] / "schemes"

    status = main(
        ["scheme", "agreement", "--seeds-dir", str(SEEDS), "--schemes-dir", str(schemes), "--brief"]
    )

    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert [line.split()[0] for line in lines] == ["000", "001", "002", "003", "004"]
