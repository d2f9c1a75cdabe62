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
    # Seed 004 imports whole but leaves a flag and its prose notes for a person: a draft.
    assert status == 1
    assert "指标：共 11 个" in printed
    assert "规则：识别" in printed
    assert "待处理：" in printed.splitlines()[1]
    assert "方案校验：通过" not in printed
    scheme = read_scheme(output)
    assert scheme.id == "zjg"


def test_import_without_an_output_file_only_reports(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)

    assert main(["scheme", "import", str(SEED_004)]) == 1

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

    assert main(["scheme", "import", str(exported)]) in (0, 1)
    printed = capsys.readouterr().out
    assert "指标：共 11 个" in printed
    assert "方案校验未通过" not in printed


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


def test_help_lists_the_layouts_read_and_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["scheme", "import", "--help"])

    printed = capsys.readouterr().out
    assert "每格一行的表格" in printed
    assert "用 | 或制表线分隔的表格" in printed
    assert "退出码" in printed
    assert "2  未导入" in printed


def test_an_operating_system_error_is_said_in_chinese(tmp_path, capsys):
    assert main(["scheme", "import", str(tmp_path / "没有这个文件.docx")]) == 2
    assert main(["scheme", "import", str(tmp_path)]) == 2

    err = capsys.readouterr().err
    assert "找不到该文件或文件夹" in err
    assert "这是一个文件夹，不是文件" in err
    assert "No such file" not in err
