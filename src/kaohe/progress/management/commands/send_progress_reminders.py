from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from kaohe.progress.reminders import remind_everyone


class Command(BaseCommand):
    help = "提醒各单位填报人：即将到期和逾期未报的进度报送（站内消息和电子邮件）"

    def handle(self, *args: Any, **options: Any) -> None:
        reminded = remind_everyone(timezone.localdate())
        self.stdout.write(f"已提醒 {reminded} 个单位")
