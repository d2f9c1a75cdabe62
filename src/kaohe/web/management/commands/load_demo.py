from typing import Any

from django.core.management.base import BaseCommand

from kaohe.accounts.demo import load_demo_organisation
from kaohe.schemes.actions import install_builtin_schemes
from kaohe.web.demo import load_demo_cycle


class Command(BaseCommand):
    help = (
        "载入演示数据（示范市、部门科室、各角色演示账户、内置考核方案）；可重复运行，不会重复创建。"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        units, users = load_demo_organisation()
        schemes = install_builtin_schemes()
        cycles = int(load_demo_cycle())
        self.stdout.write(
            f"演示数据已就绪：本次新增单位 {units} 个，用户 {users} 个，"
            f"内置考核方案 {schemes} 个，演示考核周期 {cycles} 个。"
        )
