"""Seed 002's 公众评议 = 问卷调查 × 60% + 网络测评 × 40%, from ballots: slips for the survey,
links by e-mail and SMS for the online review."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from kaohe.audit.models import Action, AuditEntry
from kaohe.evaluations import actions
from kaohe.evaluations.models import CodeBatch
from kaohe.results.models import LiveResult
from tests.evaluations.conftest import scores_for


def code_in(text: str) -> str:
    return text.split("/evaluations/v/")[1].split("/")[0]


def test_the_public_review_is_weighted_60_40_from_ballots(
    sanming: Any, settings: Any, tmp_path: Path
) -> None:
    found = sanming
    settings.SMS_OUTBOX_DIR = tmp_path / "sms"
    actions.open_evaluation(found.office, found.evaluation)
    slips = actions.issue_codes(found.office, found.survey, 4)
    actions.send_codes(
        found.office, found.online, "a@example.cn\nb@example.cn", CodeBatch.Kind.EMAIL
    )
    actions.send_codes(found.office, found.online, "13800000001\n13800000002", CodeBatch.Kind.SMS)
    links = [code_in(message.body) for message in mail.outbox]
    links += [code_in(path.read_text(encoding="utf-8")) for path in (tmp_path / "sms").iterdir()]
    assert len(links) == 4

    for code, grade in zip(slips, ("满意", "满意", "满意", "基本满意"), strict=True):
        actions.cast_with_code(
            code, scores_for(found.survey, None, {"永安市退役军人事务局": grade})
        )
    for code, grade in zip(links, ("满意", "不满意", "满意", "基本满意"), strict=True):
        actions.cast_with_code(
            code, scores_for(found.online, None, {"永安市退役军人事务局": grade})
        )
    actions.close_evaluation(found.office, found.evaluation)
    found.commit(actions.count_evaluation, found.office, found.evaluation)

    live = LiveResult.objects.get(cycle=found.cycle)
    review = next(n for n in live.unit("永安市退役军人事务局")["nodes"] if n["path"] == "公众评议")
    # 问卷 (100 × 3 + 60) ÷ 4 = 90; 网络 (100 + 0 + 100 + 60) ÷ 4 = 65; 90 × 0.6 + 65 × 0.4 = 80
    assert Decimal(review["score"]) == 80


def test_the_addresses_links_are_sent_to_are_kept_nowhere(
    sanming: Any, settings: Any, tmp_path: Path
) -> None:
    found = sanming
    settings.SMS_OUTBOX_DIR = tmp_path / "sms"
    actions.open_evaluation(found.office, found.evaluation)
    actions.send_codes(found.office, found.online, "zhang.san@example.cn", CodeBatch.Kind.EMAIL)
    actions.send_codes(found.office, found.online, "13912345678", CodeBatch.Kind.SMS)

    assert len(mail.outbox) == 1 and "zhang.san@example.cn" in mail.outbox[0].to
    entries = AuditEntry.objects.filter(action=Action.VOTING_CODES_ISSUED)
    assert entries.count() == 2
    for entry in entries:
        assert "zhang.san" not in str(entry.new) and "13912345678" not in str(entry.new)
    assert [
        f.name for f in CodeBatch._meta.get_fields() if "address" in f.name or "phone" in f.name
    ] == []


def test_a_line_that_is_no_address_is_named(sanming: Any) -> None:
    actions.open_evaluation(sanming.office, sanming.evaluation)
    with pytest.raises(ValidationError, match="第 2 行「张三」不是电子邮箱"):
        actions.send_codes(
            sanming.office, sanming.online, "a@example.cn\n张三", CodeBatch.Kind.EMAIL
        )
    assert not CodeBatch.objects.exists()
