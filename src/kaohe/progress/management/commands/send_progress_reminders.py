from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from kaohe.progress.diligence import refresh_open_cycles
from kaohe.progress.reminders import remind_everyone


class Command(BaseCommand):
    help = (
        "每日运行：提醒各单位填报人即将到期和逾期未报的进度报送（站内消息和电子邮件），"
        "并按当日重新计算写实考核"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        reminded = remind_everyone(timezone.localdate())
        with transaction.atomic():
            refreshed = refresh_open_cycles()
        self.stdout.write(f"已提醒 {reminded} 个单位；已重新计算 {refreshed} 个考核周期的写实考核")
