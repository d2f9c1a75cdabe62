"""Bulk import of units and users from the downloadable xlsx template: all rows or none."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from kaohe import uploads
from kaohe.accounts import actions
from kaohe.accounts.models import Unit, User
from kaohe.accounts.roles import Role
from kaohe.transfer.limits import ImportRefused
from kaohe.transfer.workbooks import GuardedWorkbook

UNIT_SHEET = "单位"
USER_SHEET = "用户"
UNIT_HEADERS = ("单位名称", "上级单位", "单位性质", "单位类别", "单位编码")
USER_HEADERS = ("用户名", "姓名", "所属单位", "角色", "初始密码", "电子邮箱")
REQUIRED = {"单位名称", "用户名", "姓名", "所属单位", "初始密码"}
MAX_ROWS = 5000
LIST_SEPARATORS = ("、", ",", "，", ";", "；")
KIND_BY_LABEL = {label: value for value, label in Unit.Kind.choices}
ROLE_BY_LABEL = {label: value for value, label in Role.choices}


@dataclass
class RowProblem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"「{self.sheet}」表第 {self.row} 行"
        return (
            f"{where}「{self.column}」列：{self.message}"
            if self.column
            else f"{where}：{self.message}"
        )


class OrganisationImportError(Exception):
    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__("；".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass
class ImportSummary:
    units_created: int = 0
    users_created: int = 0
    skipped: list[str] = field(default_factory=list)


def split_list(text: str) -> list[str]:
    for separator in LIST_SEPARATORS[1:]:
        text = text.replace(separator, LIST_SEPARATORS[0])
    return [part.strip() for part in text.split(LIST_SEPARATORS[0]) if part.strip()]


def template_workbook() -> bytes:
    workbook = Workbook()
    units = workbook.active
    units.title = UNIT_SHEET
    units.append(UNIT_HEADERS)
    units.append(("示范市", "", "地区", "", "DEMO"))
    units.append(("市财政局", "示范市", "机关部门", "行政机关", ""))
    units.append(("办公室", "示范市/市财政局", "科室", "", ""))
    users = workbook.create_sheet(USER_SHEET)
    users.append(USER_HEADERS)
    users.append(("czj_tb", "张三", "示范市/市财政局", "被考核单位填报人", "Kaohe@2026", ""))
    for sheet in (units, users):
        for cell in sheet[1]:
            cell.font = Font(bold=True, name="宋体")
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        for column in "ABCDEF":
            sheet.column_dimensions[column].width = 22
    roles = workbook.create_sheet("填写说明")
    roles.append(
        ("上级单位、所属单位可写单位全名，重名时用“/”写出路径，如：示范市/市财政局/办公室",)
    )
    roles.append(("角色可填多个，用顿号分隔：" + "、".join(label for _, label in Role.choices),))
    roles.append(("单位性质：" + "、".join(KIND_BY_LABEL),))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def sheet_rows(
    workbook: GuardedWorkbook, name: str, headers: tuple[str, ...]
) -> list[tuple[int, dict[str, str]]]:
    if name not in workbook.sheet_names:
        raise OrganisationImportError([RowProblem(name, 1, "", f"缺少工作表「{name}」")])
    rows = iter(workbook.rows(name))
    header = [cell_text(value) for value in next(rows, ())]
    missing = [title for title in headers if title not in header]
    if missing:
        message = "缺少列：" + "、".join(missing)
        raise OrganisationImportError([RowProblem(name, 1, "", message)])
    result = []
    for number, values in enumerate(rows, start=2):
        row = {title: cell_text(value) for title, value in zip(header, values, strict=False)}
        if any(row.values()):
            result.append((number, row))
    return result


def workbook_sheets(upload: IO[bytes]) -> tuple[list[Any], list[Any]]:
    """The unit rows and the user rows, through the guarded workbook reader."""
    data = upload.read(uploads.max_bytes() + 1)
    try:
        with GuardedWorkbook(data, max_bytes=uploads.max_bytes(), max_rows=MAX_ROWS) as workbook:
            units = sheet_rows(workbook, UNIT_SHEET, UNIT_HEADERS)
            return units, sheet_rows(workbook, USER_SHEET, USER_HEADERS)
    except ImportRefused as refused:
        raise OrganisationImportError([RowProblem("文件", 0, "", str(refused))]) from refused


class UnitDirectory:
    """Finds units by full name or by path, over the database and the rows being imported."""

    def __init__(self) -> None:
        self.by_path: dict[str, Unit] = {}
        units = {unit.pk: unit for unit in Unit.objects.all()}
        for unit in units.values():
            self.by_path[self.path_of(unit, units)] = unit

    @staticmethod
    def path_of(unit: Unit, units: dict[int, Unit]) -> str:
        names = [unit.name]
        while unit.parent_id is not None:
            unit = units[unit.parent_id]
            names.append(unit.name)
        return "/".join(reversed(names))

    def add(self, unit: Unit, parent_path: str) -> None:
        self.by_path[f"{parent_path}/{unit.name}" if parent_path else unit.name] = unit

    def find(self, reference: str) -> tuple[Unit | None, str]:
        if reference in self.by_path:
            return self.by_path[reference], reference
        # A reference may be a unique tail of the path: "办公室" or "市财政局/办公室".
        matches = [path for path in self.by_path if path.endswith(f"/{reference}")]
        if len(matches) == 1:
            return self.by_path[matches[0]], matches[0]
        if matches:
            return None, f"单位「{reference}」重名，请写出路径（如 {matches[0]}）"
        return None, f"找不到单位「{reference}」"


def import_unit_row(
    actor: Any,
    directory: UnitDirectory,
    number: int,
    row: dict[str, str],
    summary: ImportSummary,
    problems: list[RowProblem],
) -> None:
    def problem(column: str, message: str) -> None:
        problems.append(RowProblem(UNIT_SHEET, number, column, message))

    name, parent_path = row.get("单位名称", ""), ""
    if not name:
        return problem("单位名称", "不能为空")
    parent = None
    if row.get("上级单位"):
        parent, found = directory.find(row["上级单位"])
        if parent is None:
            return problem("上级单位", found)
        parent_path = found
    kind_label = row.get("单位性质") or Unit.Kind.AGENCY.label
    if kind_label not in KIND_BY_LABEL:
        return problem("单位性质", f"「{kind_label}」不是可选值（{'、'.join(KIND_BY_LABEL)}）")
    existing = f"{parent_path}/{name}" if parent_path else name
    if existing in directory.by_path:
        summary.skipped.append(f"单位「{existing}」已存在")
        return None
    unit = actions.create_unit(
        actor,
        name=name,
        parent=parent,
        kind=KIND_BY_LABEL[kind_label],
        code=row.get("单位编码", ""),
        categories=split_list(row.get("单位类别", "")),
    )
    directory.add(unit, parent_path)
    summary.units_created += 1
    return None


def import_user_row(
    actor: Any,
    directory: UnitDirectory,
    number: int,
    row: dict[str, str],
    summary: ImportSummary,
    problems: list[RowProblem],
) -> None:
    def problem(column: str, message: str) -> None:
        problems.append(RowProblem(USER_SHEET, number, column, message))

    for column in ("用户名", "姓名", "所属单位", "初始密码"):
        if not row.get(column):
            return problem(column, "不能为空")
    if User.objects.filter(username=row["用户名"]).exists():
        summary.skipped.append(f"用户「{row['用户名']}」已存在")
        return None
    unit, found = directory.find(row["所属单位"])
    if unit is None:
        return problem("所属单位", found)
    unknown = [label for label in split_list(row.get("角色", "")) if label not in ROLE_BY_LABEL]
    if unknown:
        return problem("角色", f"未知角色：{'、'.join(unknown)}")
    roles = [ROLE_BY_LABEL[label] for label in split_list(row.get("角色", ""))]
    try:
        with transaction.atomic():
            actions.create_user(
                actor,
                username=row["用户名"],
                password=row["初始密码"],
                full_name=row["姓名"],
                unit=unit,
                roles=roles,
                email=row.get("电子邮箱", ""),
            )
    except ValidationError as error:
        column = "角色" if "三员分立" in " ".join(error.messages) else "初始密码"
        return problem(column, "；".join(error.messages))
    summary.users_created += 1
    return None


def import_organisation(actor: Any, upload: IO[bytes]) -> ImportSummary:
    """Imports every row or none: any problem rolls the whole import back and is reported."""
    unit_rows, user_rows = workbook_sheets(upload)
    summary, problems = ImportSummary(), []
    with transaction.atomic():
        directory = UnitDirectory()
        for number, row in unit_rows:
            import_unit_row(actor, directory, number, row, summary, problems)
        for number, row in user_rows:
            import_user_row(actor, directory, number, row, summary, problems)
        if problems:
            raise OrganisationImportError(problems)
    return summary
