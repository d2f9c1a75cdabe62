from __future__ import annotations

from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from kaohe.models import acting_user


class Action(models.TextChoices):
    """Every kind of change the audit log records, grouped by what it changes.

    The value is stored; the label is what the audit page shows. Add a member here before
    logging a new kind of change; never reuse a value for another meaning.
    """

    LOGGED_IN = "logged_in", "登录"
    LOGGED_OUT = "logged_out", "退出登录"
    LOGIN_FAILED = "login_failed", "登录失败"
    PASSWORD_CHANGED = "password_changed", "修改密码"
    USER_CREATED = "user_created", "新建用户"
    ROLE_GRANTED = "role_granted", "授予角色"
    ROLE_REVOKED = "role_revoked", "撤销角色"
    ACCOUNT_ENABLED = "account_enabled", "启用账户"
    ACCOUNT_DISABLED = "account_disabled", "停用账户"
    ACCOUNT_UNLOCKED = "account_unlocked", "解除锁定"
    UNIT_CREATED = "unit_created", "新建单位"
    PASSWORD_RESET = "password_reset", "重置为一次性密码"
    SECOND_FACTOR_ENROLLED = "second_factor_enrolled", "绑定两步验证"
    SECOND_FACTOR_RESET = "second_factor_reset", "重置两步验证"
    RECOVERY_CODE_USED = "recovery_code_used", "使用恢复码登录"

    HOLIDAY_SET = "holiday_set", "设置节假日"
    HOLIDAY_REMOVED = "holiday_removed", "删除节假日"

    SCHEME_CREATED = "scheme_created", "新建方案"
    SCHEME_DRAFT_CREATED = "scheme_draft_created", "新建方案草稿"
    SCHEME_DRAFT_CHANGED = "scheme_draft_changed", "修改方案草稿"
    SCHEME_VERSION_PUBLISHED = "scheme_version_published", "发布方案版本"
    SCHEME_SETTINGS_CHANGED = "scheme_settings_changed", "修改方案设置"
    SCHEME_INDICATOR_ADDED = "scheme_indicator_added", "新增方案指标"
    SCHEME_INDICATOR_CHANGED = "scheme_indicator_changed", "修改方案指标"
    SCHEME_INDICATOR_MOVED = "scheme_indicator_moved", "移动方案指标"
    SCHEME_INDICATOR_DELETED = "scheme_indicator_deleted", "删除方案指标"
    SCHEME_RULE_ADDED = "scheme_rule_added", "新增评分规则"
    SCHEME_RULE_CHANGED = "scheme_rule_changed", "修改评分规则"
    SCHEME_RULE_DELETED = "scheme_rule_deleted", "删除评分规则"
    SCHEME_RULE_SETTLED = "scheme_rule_settled", "确认待定规则"

    CYCLE_OPENED = "cycle_opened", "开启考核周期"
    ASSIGNMENT_CHANGED = "assignment_changed", "调整任务分工"
    PARTICIPATION_CHANGED = "participation_changed", "调整单位类别和参与情况"
    RECORD_ADDED = "record_added", "新增考核记录"
    RECORD_CHANGED = "record_changed", "修改考核记录"
    RECORD_DELETED = "record_deleted", "删除考核记录"
    RECORD_EVIDENCE_ATTACHED = "record_evidence_attached", "上传记录证明材料"
    EVALUATION_SCORE_ENTERED = "evaluation_score_entered", "录入测评得分"
    EVALUATION_SCORE_WITHDRAWN = "evaluation_score_withdrawn", "重新计票撤销测评得分"

    EVALUATION_CREATED = "evaluation_created", "发起测评"
    EVALUATION_CHANGED = "evaluation_changed", "修改测评设置"
    EVALUATOR_GROUP_SET = "evaluator_group_set", "设置评议组"
    EVALUATOR_GROUP_REMOVED = "evaluator_group_removed", "删除评议组"
    EVALUATION_TEST_STARTED = "evaluation_test_started", "开始测评试测"
    EVALUATION_OPENED = "evaluation_opened", "开启测评"
    EVALUATION_CLOSED = "evaluation_closed", "结束测评"
    VOTING_CODES_ISSUED = "voting_codes_issued", "生成测评码"
    PAPER_BALLOTS_ENTERED = "paper_ballots_entered", "录入纸质测评票"
    EVALUATION_COUNTED = "evaluation_counted", "测评计票"
    EVALUATION_RECOUNTED = "evaluation_recounted", "测评重新计票"
    PROPOSED_DEDUCTION_DECIDED = "proposed_deduction_decided", "处理测评建议扣分"

    CYCLE_LOCKED = "cycle_locked", "锁定考核记录"
    CYCLE_REOPENED = "cycle_reopened", "解除锁定"
    CYCLE_PUBLISHED = "cycle_published", "公示考核结果"
    CYCLE_FINALISED = "cycle_finalised", "归档考核周期"
    RESULTS_PUBLISHED = "results_published", "发布公示结果"
    RESULTS_REPUBLISHED = "results_republished", "重新发布公示结果"
    BULLETIN_DETAILS_SET = "bulletin_details_set", "设置考核结果通报"
    BULLETIN_DOWNLOADED = "bulletin_downloaded", "下载考核结果通报"
    PUBLICATION_FAILED = "publication_failed", "公示结果发布失败"

    SCHEDULE_SET = "schedule_set", "设置报送安排"
    SUBMISSION_STARTED = "submission_started", "新建进度报送"
    PROGRESS_WRITTEN = "progress_written", "填写进展情况"
    PROGRESS_EVIDENCE_ATTACHED = "progress_evidence_attached", "上传证明材料"
    PROGRESS_EVIDENCE_REMOVED = "progress_evidence_removed", "删除证明材料"
    SUBMISSION_SUBMITTED = "submission_submitted", "报送进度"
    SUBMISSION_APPROVED = "submission_approved", "审核通过进度报送"
    SUBMISSION_ACCEPTED = "submission_accepted", "验收进度报送"
    SUBMISSION_RETURNED = "submission_returned", "退回进度报送"
    REMINDERS_SENT = "reminders_sent", "发送报送提醒"

    APPEAL_FILED = "appeal_filed", "提出申诉"
    APPEAL_DECIDED = "appeal_decided", "答复申诉"
    APPEAL_WITHDREW_RECORD = "appeal_withdrew_record", "申诉成立撤销考核记录"
    APPEAL_CORRECTED_RECORD = "appeal_corrected_record", "申诉成立更正考核记录"
    APPEAL_ADDED_RECORD = "appeal_added_record", "申诉成立补录考核记录"
    APPEAL_CORRECTED_SCORE = "appeal_corrected_score", "申诉成立更正测评得分"

    INSTALLATION_RESTORED = "installation_restored", "从备份恢复"

    FILE_REQUESTED = "file_requested", "申请生成文件"
    FILE_DOWNLOADED = "file_downloaded", "下载文件"
    ACCESS_DENIED = "access_denied", "拒绝访问"
    ACCOUNT_LOCKED_OUT = "account_locked_out", "登录失败次数过多锁定账户"
    IMPORT_FAILED = "import_failed", "导入失败"
    AUDIT_ARCHIVED = "audit_archived", "归档审计日志"


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计日志不可删除")

    def update(self, **kwargs: Any) -> int:
        raise PermissionError("审计日志不可修改")

    def remove_archived(self) -> int:
        """For kaohe.audit.archive alone: the entries it has written to a signed archive file,
        inside the removal permit the database triggers ask for (kaohe.audit.guard)."""
        return super().delete()[0]


class AuditEntry(models.Model):
    """One change: who, when, what, on which object, old → new, from where. Append-only: the
    database refuses UPDATE and DELETE (migration 0005), and each entry is sealed to the one
    before it (``seq``, ``mac``: kaohe.audit.chain)."""

    actor = acting_user("操作人")
    actor_name = models.CharField("操作人姓名", max_length=150, blank=True)
    at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    action = models.CharField("操作", max_length=80, db_index=True, choices=Action.choices)
    object_type = models.CharField("对象类型", max_length=80, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    old = models.JSONField("原值", null=True, blank=True, encoder=DjangoJSONEncoder)
    new = models.JSONField("新值", null=True, blank=True, encoder=DjangoJSONEncoder)
    ip = models.GenericIPAddressField("来源 IP", null=True, blank=True)
    seq = models.BigIntegerField("链序号", unique=True, null=True, editable=False)
    mac = models.CharField("链校验码", max_length=128, blank=True, editable=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "审计记录"
        verbose_name_plural = "审计记录"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        action = self.get_action_display()
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Appends a new entry to the chain, sealed; an entry once written never changes."""
        if self.pk is not None:
            raise PermissionError("审计日志不可修改")
        from kaohe.audit.chain import append  # the chain seals entries of this model

        append([self])

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计日志不可删除")


class ChainHead(models.Model):
    """The last link of the audit chain: appends lock this one row, and ``kaohe audit verify``
    checks the last entry still matches it (a tail cut off in the database shows)."""

    algorithm = models.CharField("校验算法", max_length=16)
    seq = models.BigIntegerField("最后链序号", default=0)
    mac = models.CharField("最后链校验码", max_length=128, blank=True)

    class Meta:
        verbose_name = "审计链头"
        verbose_name_plural = "审计链头"

    def __str__(self) -> str:
        return f"{self.algorithm} #{self.seq}"
