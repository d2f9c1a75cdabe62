"""Codes, ballots and who has voted — kept so that nothing joins a ballot back to anyone.

A ballot carries no code, person, IP or time finer than the day, and its key is random, so
neither its key nor the default ordering says in what order ballots came. A code is kept only as
a keyed digest and knows no ballot; a named evaluator's "has voted" row knows no ballot and no
time either. Paper ballots name their paper session (a batch of slips typed in together)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from kaohe.evaluations.models.evaluation import EvaluatorGroup
from kaohe.models import acting_user


class CodeBatch(models.Model):
    """A batch of one-time codes: printed slips, links sent by e-mail or SMS, or throwaway test
    codes. Only its size and kind are kept — never the addresses it went to."""

    class Kind(models.TextChoices):
        PRINTED = "printed", "打印票（二维码）"
        EMAIL = "email", "电子邮件链接"
        SMS = "sms", "短信链接"

    group = models.ForeignKey(EvaluatorGroup, on_delete=models.CASCADE, related_name="batches")
    kind = models.CharField("方式", max_length=10, choices=Kind.choices)
    size = models.PositiveIntegerField("数量")
    is_test = models.BooleanField("试测", default=False)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    created_by = acting_user("生成人")

    class Meta:
        verbose_name = "测评码批次"
        verbose_name_plural = "测评码批次"
        ordering = ["group", "id"]

    def __str__(self) -> str:
        return f"{self.group} · {self.get_kind_display()} {self.size} 个"


class VotingCode(models.Model):
    """One code, by its keyed digest; ``used`` is set by the conditional UPDATE that lets it
    vote, in the transaction that stores its ballot. No time is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    batch = models.ForeignKey(CodeBatch, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField("摘要", max_length=64, unique=True)
    used = models.BooleanField("已使用", default=False)

    class Meta:
        verbose_name = "测评码"
        verbose_name_plural = "测评码"
        ordering = ["id"]

    def __str__(self) -> str:
        return "已使用" if self.used else "未使用"


class PaperSession(models.Model):
    """纸质测评: one typed-in workbook of slips, with the number of slips handed out."""

    group = models.ForeignKey(
        EvaluatorGroup, on_delete=models.CASCADE, related_name="paper_sessions"
    )
    issued = models.PositiveIntegerField("发出张数")
    returned = models.PositiveIntegerField("收回张数")
    is_test = models.BooleanField("试测", default=False)
    created_by = acting_user("录入人")

    class Meta:
        verbose_name = "纸质测评场次"
        verbose_name_plural = "纸质测评场次"
        ordering = ["group", "id"]

    def __str__(self) -> str:
        return f"{self.group} · 发出 {self.issued} 张，收回 {self.returned} 张"


class Ballot(models.Model):
    """票: one evaluator's marks on the units of one group.

    ``marks`` maps a cycle unit's id to {dimension id: grade or 0–100 as text}, with every unit
    the evaluator was shown (blank ones as {}); ``comments`` maps a unit's id to its comment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(EvaluatorGroup, on_delete=models.CASCADE, related_name="ballots")
    cast_on = models.DateField("投票日期")
    is_test = models.BooleanField("试测", default=False)
    paper_session = models.ForeignKey(
        PaperSession, null=True, blank=True, on_delete=models.CASCADE, related_name="ballots"
    )
    marks = models.JSONField("评分", default=dict)
    comments = models.JSONField("意见建议", default=dict, blank=True)

    class Meta:
        verbose_name = "票"
        verbose_name_plural = "票"
        ordering = ["id"]  # random: says nothing of the order ballots came in

    def __str__(self) -> str:
        return f"{self.group} 的一张票"


class Participation(models.Model):
    """A named evaluator has voted in a group: no ballot, no time. Voting once is this row's
    unique constraint, inserted in the ballot's transaction."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(
        EvaluatorGroup, on_delete=models.CASCADE, related_name="participations"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = "已参评记录"
        verbose_name_plural = "已参评记录"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="participation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} 已参加 {self.group}"
