from typing import Any

from django.core.management.base import BaseCommand

from kaohe.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from kaohe.accounts.roles import Role


class Command(BaseCommand):
    help = "列出演示账户。"

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"演示账户（密码均为 {DEMO_PASSWORD}）：")
        for demo in DEMO_USERS:
            roles = "、".join(Role(role).label for role in demo.roles)
            self.stdout.write(
                f"  {demo.username:<8} {demo.full_name}  {roles}  {'/'.join(demo.unit_path)}"
            )
