"""``manage.py bench_recompute``: time a whole-cycle recompute of a city-size cycle (built once
in the configured database; use a throwaway KAOHE_VAR_DIR or DATABASE_URL)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from kaohe.bench import city_recompute


class Command(BaseCommand):
    help = "城市规模周期（200 个单位、50,000 条记录）重新计算的用时与写锁占用"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rounds", type=int, default=3)

    def handle(self, *args: Any, rounds: int, **options: Any) -> None:
        city_recompute.run(rounds, out=self.stdout.write)
