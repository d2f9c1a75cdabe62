"""Bulk import of units and users from the downloadable xlsx template: all rows or none.

An import job (kaohe.imports): every row is read and checked, and every initial password hashed,
with no transaction open; kaohe.accounts.bulk then saves it all in one short transaction. The
initial passwords are one-time passwords: an imported user must choose a new one at first login.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from kaohe import uploads
from kaohe.accounts.bulk import (
    OrganisationPlan,
    PlannedUnit,
    PlannedUser,
    TakenMeanwhile,
    create_in_bulk,
)
from kaohe.accounts.models import Unit, User
from kaohe.accounts.passwords import hashed_in_background
from kaohe.imports.jobs import ImportFailed, Progress, importer
from kaohe.imports.models import ImportJob
from kaohe.transfer.limits import ImportRefused
from kaohe.transfer.workbooks import GuardedWorkbook

UNIT_SHEET = "单位"
USER_SHEET = "用户"
UNIT_HEADERS = ("单位名称", "上级单位", "单位性质", "单位类别", "单位编码")
USER_HEADERS = ("用户名", "姓名", "所属单位", "角色", "初始密码", "电子邮箱")
# 三员分立: the 系统管理员 who imports accounts grants no role; a 角色 column is refused.
ROLES_ARE_GRANTED_APART = (
    "角色由安全管理员在用户列表中授予，系统管理员导入账户时不能授予角色，请删除本列内容"
)
REQUIRED = {"单位名称", "用户名", "姓名", "所属单位", "初始密码"}
MAX_ROWS = 5000
LIST_SEPARATORS = ("、", ",", "，", ";", "；")
KIND_BY_LABEL = {label: value for value, label in Unit.Kind.choices}


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


class OrganisationImportError(ImportFailed):
    """The workbook is refused: nobody created, every problem named by sheet, row and column."""


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
    users.append(("czj_tb", "张三", "示范市/市财政局", "", "Shifan@2026", ""))
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
    roles.append(("「角色」列留空：角色由安全管理员在用户列表中授予（三员分立）。",))
    roles.append(("初始密码仅限首次登录使用，本人登录后须立即修改。",))
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


def workbook_sheets(data: bytes) -> tuple[list[Any], list[Any]]:
    """The unit rows and the user rows, through the guarded workbook reader."""
    try:
        with GuardedWorkbook(data, max_bytes=uploads.max_bytes(), max_rows=MAX_ROWS) as workbook:
            units = sheet_rows(workbook, UNIT_SHEET, UNIT_HEADERS)
            return units, sheet_rows(workbook, USER_SHEET, USER_HEADERS)
    except ImportRefused as refused:
        raise OrganisationImportError([RowProblem("文件", 0, "", str(refused))]) from refused


@importer(refused="导入失败，未保存任何数据")
def import_organisation(job: ImportJob, data: bytes, progress: Progress) -> str:
    """Imports every row or none. The rows are read and checked, and the initial passwords
    hashed, with no transaction open; then everything is saved in one short transaction."""
    actor = User.objects.get(pk=job.started_by_id)
    unit_rows, user_rows = workbook_sheets(data)
    progress.stage("正在校验", total=len(unit_rows) + len(user_rows))
    plan = plan_organisation(unit_rows, user_rows, progress)
    passwords = [person.password for person in plan.users]
    hashes = hashed_in_background(
        passwords, lambda done: progress.count("正在加密初始密码", done, len(passwords))
    )
    progress.stage("正在保存")
    try:
        progress.inserted(create_in_bulk(actor, plan, hashes))
    except TakenMeanwhile as taken:
        problem = RowProblem("文件", 0, "", "导入期间有同名的单位或用户被他人创建，请重新上传")
        raise OrganisationImportError([problem]) from taken
    job.notes = plan.skipped
    return f"导入完成：新增单位 {len(plan.units)} 个，新增用户 {len(plan.users)} 个。"


def plan_organisation(
    unit_rows: list[tuple[int, dict[str, str]]],
    user_rows: list[tuple[int, dict[str, str]]],
    progress: Progress,
) -> OrganisationPlan:
    plan, directory, problems = OrganisationPlan(), UnitDirectory(), []
    rows = [(UNIT_SHEET, *row) for row in unit_rows] + [(USER_SHEET, *row) for row in user_rows]
    usernames = taken_usernames(user_rows)
    for checked, (sheet, number, row) in enumerate(rows, start=1):
        report = RowReport(sheet, number, problems)
        if sheet == UNIT_SHEET:
            plan_unit(plan, directory, row, report)
        else:
            plan_user(plan, directory, usernames, row, report)
        progress.checked(checked)
    if problems:
        raise OrganisationImportError(problems)
    return plan


@dataclass
class RowReport:
    """Where a row's problems go, each naming the sheet, the row and (mostly) the column."""

    sheet: str
    row: int
    problems: list[RowProblem]

    def __call__(self, column: str, message: str) -> None:
        self.problems.append(RowProblem(self.sheet, self.row, column, message))


def taken_usernames(user_rows: list[tuple[int, dict[str, str]]]) -> set[str]:
    names = [row.get("用户名", "") for _, row in user_rows]
    return set(User.objects.filter(username__in=names).values_list("username", flat=True))


def plan_unit(
    plan: OrganisationPlan, directory: UnitDirectory, row: dict[str, str], problem: RowReport
) -> None:
    name, parent, parent_path = row.get("单位名称", ""), None, ""
    if not name:
        return problem("单位名称", "不能为空")
    if row.get("上级单位"):
        parent, found = directory.find(row["上级单位"])
        if parent is None:
            return problem("上级单位", found)
        parent_path = found
    kind_label = row.get("单位性质") or Unit.Kind.AGENCY.label
    if kind_label not in KIND_BY_LABEL:
        return problem("单位性质", f"「{kind_label}」不是可选值（{'、'.join(KIND_BY_LABEL)}）")
    path = f"{parent_path}/{name}" if parent_path else name
    if path in directory.by_path:
        plan.skipped.append(f"单位「{path}」已存在")
        return None
    unit = Unit(
        name=name, parent=parent, kind=KIND_BY_LABEL[kind_label], code=row.get("单位编码", "")
    )
    plan.units.append(PlannedUnit(unit, split_list(row.get("单位类别", ""))))
    directory.add(unit, parent_path)
    return None


def plan_user(
    plan: OrganisationPlan,
    directory: UnitDirectory,
    usernames: set[str],
    row: dict[str, str],
    problem: RowReport,
) -> None:
    for column in ("用户名", "姓名", "所属单位", "初始密码"):
        if not row.get(column):
            return problem(column, "不能为空")
    if row["用户名"] in usernames:
        plan.skipped.append(f"用户「{row['用户名']}」已存在")
        return None
    unit, found = directory.find(row["所属单位"])
    if unit is None:
        return problem("所属单位", found)
    if row.get("角色"):
        return problem("角色", ROLES_ARE_GRANTED_APART)
    user = User(
        username=row["用户名"], full_name=row["姓名"], unit=unit, email=row.get("电子邮箱", "")
    )
    try:
        validate_password(row["初始密码"], user)
    except ValidationError as error:
        return problem("初始密码", "；".join(error.messages))
    usernames.add(user.username)
    plan.users.append(PlannedUser(user, row["初始密码"]))
    return None


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
