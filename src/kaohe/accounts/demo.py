"""The demo organisation: a city with its 考核办, eight departments with sections, a user per role.

Loading is idempotent: whatever exists already is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from kaohe.accounts import actions
from kaohe.accounts.models import Unit, User
from kaohe.accounts.roles import Role

DEMO_PASSWORD = "Shifan@2026"
CITY = "示范市"
OFFICE = "市绩效考核办公室"

DEPARTMENTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("市人防管理服务中心", "参公事业单位", ("办公室", "质监站", "训练科", "信保科")),
    ("市退役军人事务局", "行政机关", ("办公室", "优抚科", "就业创业科")),
    (
        "市行政审批局",
        "窗口单位",
        ("办公室", "党建科", "督查科", "审批协调科", "人事教育科", "咨询指导科"),
    ),
    ("市财政局", "行政机关", ("办公室", "预算科", "国库科")),
    ("市教育局", "行政机关", ("办公室", "基础教育科", "人事科")),
    ("市交通运输局", "行政机关", ("办公室", "规划建设科", "运输管理科")),
    ("市生态环境局", "行政机关", ("办公室", "环境监测科", "执法科")),
    ("市市场监督管理局", "窗口单位", ("办公室", "登记注册科", "食品安全科")),
)


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    unit_path: tuple[str, ...]
    roles: tuple[str, ...]


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("khb", "周考核", (CITY, OFFICE), (Role.OFFICE,)),
    DemoUser("kpdw", "吴考评", (CITY, "市行政审批局", "督查科"), (Role.ASSESSOR,)),
    DemoUser("tbr", "郑填报", (CITY, "市行政审批局", "办公室"), (Role.REPORTER,)),
    DemoUser("fgld", "王分管", (CITY, "市行政审批局"), (Role.DEPUTY_LEADER,)),
    DemoUser("zyld", "冯主要", (CITY, "市行政审批局"), (Role.PRINCIPAL_LEADER,)),
    DemoUser("pyr", "陈评议", (CITY, "市教育局", "人事科"), (Role.EVALUATOR,)),
    DemoUser("xtgly", "褚系统", (CITY, OFFICE), (Role.SYSTEM_ADMIN,)),
    DemoUser("aqgly", "卫安全", (CITY, OFFICE), (Role.SECURITY_ADMIN,)),
    DemoUser("sjgly", "蒋审计", (CITY, OFFICE), (Role.AUDIT_ADMIN,)),
)


def ensure_unit(
    name: str, parent: Unit | None, kind: str, categories: tuple[str, ...] = ()
) -> Unit:
    existing = Unit.objects.filter(name=name, parent=parent).first()
    if existing:
        return existing
    return actions.create_unit(None, name=name, parent=parent, kind=kind, categories=categories)


def find_unit(path: tuple[str, ...]) -> Unit:
    unit = None
    for name in path:
        unit = Unit.objects.get(name=name, parent=unit)
    assert unit is not None
    return unit


@transaction.atomic
def load_demo_organisation() -> tuple[int, int]:
    """Returns (units, users) created now; zero on a second run."""
    units_before, users_before = Unit.objects.count(), User.objects.count()
    city = ensure_unit(CITY, None, Unit.Kind.REGION)
    ensure_unit(OFFICE, city, Unit.Kind.OFFICE)
    for department_name, category, sections in DEPARTMENTS:
        kind = Unit.Kind.INSTITUTION if "事业" in category else Unit.Kind.AGENCY
        department = ensure_unit(department_name, city, kind, (category,))
        for section in sections:
            ensure_unit(section, department, Unit.Kind.SECTION)
    for demo in DEMO_USERS:
        if not User.objects.filter(username=demo.username).exists():
            actions.create_user(
                None,
                username=demo.username,
                password=DEMO_PASSWORD,
                full_name=demo.full_name,
                unit=find_unit(demo.unit_path),
                roles=demo.roles,
            )
    return Unit.objects.count() - units_before, User.objects.count() - users_before
