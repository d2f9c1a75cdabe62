"""The roles of kaohe and the rule that keeps the three administrators apart (三员分立)."""

from django.core.exceptions import ValidationError
from django.db import models


class Role(models.TextChoices):
    OFFICE = "office", "考核办"
    ASSESSOR = "assessor", "考评单位"
    REPORTER = "reporter", "被考核单位填报人"
    DEPUTY_LEADER = "deputy_leader", "分管领导"
    PRINCIPAL_LEADER = "principal_leader", "主要领导"
    EVALUATOR = "evaluator", "评议人"
    SYSTEM_ADMIN = "system_admin", "系统管理员"
    SECURITY_ADMIN = "security_admin", "安全管理员"
    AUDIT_ADMIN = "audit_admin", "审计管理员"


LEADER_ROLES = (Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER)
# The roles that work in assessment cycles: they see cycles, results, appeals and progress.
CYCLE_ROLES = (Role.OFFICE, Role.ASSESSOR, Role.REPORTER, *LEADER_ROLES)

ADMINISTRATOR_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})
# Who must log in with a second factor whatever the office's setting (GB/T 22239 §8.1.4.1 d).
SECOND_FACTOR_ROLES = frozenset({*ADMINISTRATOR_ROLES, Role.OFFICE})


def separation_conflict(held: set[str], wanted: str) -> str | None:
    """The role already held that forbids `wanted` on the same account, if any: an
    administrator role sits alone on its account, beside no other administrator role and no
    business role (三员分立, least privilege)."""
    for role in sorted(held - {wanted}):
        if wanted in ADMINISTRATOR_ROLES or role in ADMINISTRATOR_ROLES:
            return role
    return None


def check_role_separation(held: set[str], wanted: str) -> None:
    """Refuses (ValidationError) a grant that separation_conflict forbids."""
    conflict = separation_conflict(held, wanted)
    if conflict:
        raise ValidationError(
            f"三员分立：该账户已是{Role(conflict).label}，不能再授予{Role(wanted).label}。"
            "管理员角色不能与其他任何角色同时授予一个账户。",
            code="role_separation",
        )
