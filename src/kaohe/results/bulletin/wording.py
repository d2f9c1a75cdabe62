"""What a cycle's 考核结果通报 says: its header from the office's details (or their defaults),
its body from the ranking — how many units, the average, the highest and lowest totals, who has
each grade, who was vetoed, how to appeal — and the ranking table as its attachment."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone

from kaohe.accounts.models import Unit
from kaohe.cycles.models import Cycle
from kaohe.results.bulletin.document import Bulletin, RankingTable
from kaohe.results.models import BulletinDetails, Snapshot
from kaohe.results.presentation import ranking_headers, ranking_rows


def chinese_date(day: datetime.date) -> str:
    """成文日期 as GB/T 9704 7.3.5.1 writes it: Arabic numerals, no leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"


def issuing_body(cycle: Cycle) -> str:
    """The office that opened the cycle, under its region's name (张家港市考核办)."""
    unit = cycle.created_by.unit if cycle.created_by else None
    if unit is None:
        return "考核办"
    parent = unit.parent
    if parent is not None and parent.kind == Unit.Kind.REGION:
        return f"{parent.name}{unit.name}"
    return unit.name


def default_details(cycle: Cycle) -> BulletinDetails:
    body = issuing_body(cycle)
    sections_only = not cycle.cycle_units.exclude(unit__kind=Unit.Kind.SECTION).exists()
    return BulletinDetails(
        cycle=cycle,
        mark=f"{body}文件",
        number=f"{body[:1]}考〔{cycle.ends_on.year}〕1号",
        addressees="各科室" if sections_only else "各被考核单位",
        signature=body,
        dated=timezone.localdate(),
    )


def details_of(cycle: Cycle) -> BulletinDetails:
    found = BulletinDetails.objects.filter(cycle=cycle).first()
    return found or default_details(cycle)


def bulletin_for(
    cycle: Cycle,
    details: BulletinDetails,
    summary: dict[str, Any],
    sections: list[str],
    snapshot: Snapshot | None,
) -> Bulletin:
    rows = ranking_rows(summary, sections)
    attachment = f"{cycle.name}结果排名表"
    return Bulletin(
        mark=details.mark,
        number=details.number,
        title=f"关于{cycle.name}结果的通报",
        addressees=details.addressees,
        sections=[
            ("", [opening(cycle, summary, details, len(rows))]),
            ("一、考核结果", results_paragraphs(rows)),
            ("二、有关要求", [requirements(cycle, details, snapshot)]),
        ],
        attachment_title=attachment,
        signature=details.signature,
        date=chinese_date(details.dated),
        table=RankingTable(ranking_headers(sections), [table_row(row) for row in rows]),
    )


def opening(cycle: Cycle, summary: dict[str, Any], details: BulletinDetails, count: int) -> str:
    scheme = summary.get("scheme", {}).get("name") or cycle.scheme_version.scheme.name
    return (
        f"根据《{scheme}》，{details.signature}组织对{count}个单位开展了{cycle.name}。"
        "经汇总审核，现将考核结果通报如下。"
    )


def results_paragraphs(rows: list[dict[str, Any]]) -> list[str]:
    if not rows:
        return ["本次考核尚无计算结果。"]
    totals = [Decimal(row["total"]) for row in rows]
    average = (sum(totals) / len(totals)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    lines = [
        f"本次考核共{len(rows)}个单位参加，平均得分{average}分，"
        f"最高得分{max(totals)}分，最低得分{min(totals)}分。"
    ]
    lines += [grade_line(grade, units) for grade, units in by_grade(rows).items()]
    lines += [veto_line(row) for row in rows if row["vetoes"]]
    lines.append("各单位得分和排名见附件。")
    return lines


def by_grade(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """The units of each grade in rank order, the grades as the ranking first meets them."""
    grades: dict[str, list[str]] = {}
    for row in rows:
        if row["grade"]:
            grades.setdefault(row["grade"], []).append(row["unit"])
    return grades


def veto_line(row: dict[str, Any]) -> str:
    return f"{row['unit']}因一票否决，{'、'.join(row['vetoes'])}。"


def grade_line(grade: str, units: list[str]) -> str:
    return f"评为“{grade}”等次的{len(units)}个：{'、'.join(units)}。"


def requirements(cycle: Cycle, details: BulletinDetails, snapshot: Snapshot | None) -> str:
    deadlines = cycle.snapshots.order_by("number").values_list("appeal_deadline", flat=True)
    first = deadlines.first() if snapshot else None  # the window is the first publication's
    window = (
        f"于{chinese_date(first)}前"
        if first is not None
        else f"自公示之日起{cycle.appeal_working_days}个工作日内"
    )
    return (
        "各单位要对照考核结果，认真查找差距，巩固成绩，改进工作。"
        f"对考核结果有异议的，可{window}向{details.signature}提出申诉。"
    )


def table_row(row: dict[str, Any]) -> list[str]:
    return [
        str(row["rank"]) if row["rank"] is not None else "不排名",
        row["unit"],
        *row["sections"],
        row["total"],
        row["grade"],
        "、".join(row["vetoes"]),
    ]
