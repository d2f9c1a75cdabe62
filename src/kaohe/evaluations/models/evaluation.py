from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models

from kaohe.cycles.models import Cycle, CycleUnit
from kaohe.models import acting_user


class Grade(models.TextChoices):
    """The grade choices of a dimension scored by grade; 不了解 is no answer, never 0 points."""

    SATISFIED = "满意", "满意"
    FAIRLY = "基本满意", "基本满意"
    UNSATISFIED = "不满意", "不满意"
    UNKNOWN = "不了解", "不了解"


class Evaluation(models.Model):
    """测评: one run of ballots in a cycle, whose groups feed the scheme's evaluation items."""

    class Round(models.TextChoices):
        NONE = "", "不分轮次"
        HALF = "半年", "半年"
        YEAR_END = "年终", "年终"

    class Status(models.TextChoices):
        DRAFT = "draft", "设置中"
        TESTING = "testing", "试测中"
        OPEN = "open", "进行中"
        CLOSED = "closed", "已结束"
        COUNTED = "counted", "已计票"

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="evaluations")
    name = models.CharField("测评名称", max_length=100)
    round = models.CharField("轮次", max_length=10, choices=Round.choices, blank=True)
    opens_at = models.DateTimeField("开始时间")
    closes_at = models.DateTimeField("结束时间")
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    quorum_percent = models.PositiveSmallIntegerField(
        "有效人数要求（收回有效票须超过发出票数的百分之几）", default=50
    )
    void_blank = models.BooleanField("全部未填的票作废", default=True)
    void_over_issued = models.BooleanField("收回票数多于发出票数的场次作废", default=True)
    drop_extremes = models.BooleanField("去掉一个最高分和一个最低分", default=False)
    deduction_node_path = models.CharField("「不满意」对应的扣分指标", max_length=500, blank=True)
    deduction_rule_id = models.CharField("「不满意」对应的扣分规则", max_length=100, blank=True)
    created_by = acting_user("发起人")

    class Meta:
        verbose_name = "测评"
        verbose_name_plural = "测评"
        ordering = ["cycle", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_settable(self) -> bool:
        """Groups, forms and rules change only before the real run opens."""
        return self.status in {self.Status.DRAFT, self.Status.TESTING}


class EvaluatorGroup(models.Model):
    """评议组: who rates whom, on which form, feeding one group of one evaluation item."""

    class Scope(models.TextChoices):
        ALL = "all", "全部被考核单位"
        BRANCH = "branch", "本人所在部门的单位（不含本单位）"
        LED = "led", "本人分管或主管的单位"
        LIST = "list", "指定的单位"

    class Marking(models.TextChoices):
        GRADE = "grade", "按等次（满意 / 基本满意 / 不满意 / 不了解）"
        SCORE = "score", "打分（0–100）"

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="groups")
    name = models.CharField("评议组名称", max_length=100)
    node_path = models.CharField("计入的测评指标", max_length=500)
    scheme_group = models.CharField("对应方案中的评议组", max_length=100)
    scope = models.CharField("评议对象", max_length=10, choices=Scope.choices, default=Scope.ALL)
    units = models.ManyToManyField(
        CycleUnit, verbose_name="指定的单位", blank=True, related_name="+"
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="有账户的评议人", blank=True, related_name="+"
    )
    marking = models.CharField(
        "默认计分方式", max_length=10, choices=Marking.choices, default=Marking.GRADE
    )
    satisfied_points = models.DecimalField(
        "「满意」计分", max_digits=5, decimal_places=2, default=Decimal(100)
    )
    fairly_points = models.DecimalField(
        "「基本满意」计分", max_digits=5, decimal_places=2, default=Decimal(60)
    )
    unsatisfied_points = models.DecimalField(
        "「不满意」计分", max_digits=5, decimal_places=2, default=Decimal(0)
    )
    allows_comment = models.BooleanField("可填写意见建议", default=True)
    paper_issued = models.PositiveIntegerField("纸质票发出张数", default=0)

    class Meta:
        verbose_name = "评议组"
        verbose_name_plural = "评议组"
        ordering = ["evaluation", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "name"], name="evaluator_group_name_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.evaluation} · {self.name}"

    def grade_points(self) -> dict[str, Decimal]:
        return {
            Grade.SATISFIED: self.satisfied_points,
            Grade.FAIRLY: self.fairly_points,
            Grade.UNSATISFIED: self.unsatisfied_points,
        }


class Dimension(models.Model):
    """One question of a group's form (工作作风, 办事效率 …), scored by grade or 0–100."""

    group = models.ForeignKey(EvaluatorGroup, on_delete=models.CASCADE, related_name="dimensions")
    name = models.CharField("评议维度", max_length=50)
    marking = models.CharField("计分方式", max_length=10, choices=EvaluatorGroup.Marking.choices)
    order = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "评议维度"
        verbose_name_plural = "评议维度"
        ordering = ["group", "order", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def by_grade(self) -> bool:
        return self.marking == EvaluatorGroup.Marking.GRADE
