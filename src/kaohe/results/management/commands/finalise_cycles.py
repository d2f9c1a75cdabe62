from typing import Any

from django.core.management.base import BaseCommand

from kaohe.results.actions import finalise_due_cycles


class Command(BaseCommand):
    help = "归档申诉期已结束、申诉均已答复的考核周期（每天运行一次）"

    def handle(self, *args: Any, **options: Any) -> None:
        archived = finalise_due_cycles()
        for cycle in archived:
            self.stdout.write(f"已归档：{cycle}")
        self.stdout.write(f"共归档 {len(archived)} 个考核周期")
