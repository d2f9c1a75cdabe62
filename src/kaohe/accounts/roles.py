"""The roles of kaohe and the rule that keeps the three administrators apart (三员分立)."""

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


def separation_conflict(held: set[str], wanted: str) -> str | None:
    """The administrator role already held that forbids `wanted` on the same account, if any."""
    if wanted not in ADMINISTRATOR_ROLES:
        return None
    for role in held - {wanted}:
        if role in ADMINISTRATOR_ROLES:
            return role
    return None
