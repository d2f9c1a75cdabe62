"""Typed reading of one mapping from a scheme file, collecting Chinese problems as it goes."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from kaohe.engine.numbers import ZERO

LARGEST = Decimal(10) ** 12


def to_decimal(value: object) -> Decimal:
    """A YAML scalar as a Decimal: floats go through their shortest repr so 0.1 stays 0.1."""
    number = _to_decimal(value)
    # Scores live far below a trillion; anything beyond is a typo, and would strain the context.
    if not number.is_finite() or abs(number) >= LARGEST:
        raise ValueError(value)
    return number


def _to_decimal(value: object) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("%", "％")):
            return Decimal(text[:-1]) / 100
        return Decimal(text)
    raise ValueError(value)


def normalise(value: Any) -> Any:
    """Plain YAML data with every number as a Decimal, so equal schemes compare equal."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal):
        try:
            return to_decimal(value)
        except ValueError:
            return value  # the kind's own reading reports it
    if isinstance(value, Mapping):
        return {str(key): normalise(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [normalise(item) for item in value]
    return value


class Settings:
    """One mapping being read. Every getter records the key as used; ``finish`` reports the rest."""

    def __init__(self, raw: Mapping[str, Any], where: str, problems: list[str]) -> None:
        self.raw = raw
        self.where = where
        self.problems = problems
        self.used: set[str] = set()

    def problem(self, message: str) -> None:
        self.problems.append(f"{self.where}: {message}")

    def problems_about(self, key: str) -> bool:
        """Whether a problem about ``key`` was reported already (to avoid saying it twice)."""
        return any(f"{self.where}: 「{key}」" in problem for problem in self.problems)

    def has(self, key: str) -> bool:
        return key in self.raw

    def get(self, key: str) -> Any:
        self.used.add(key)
        return self.raw.get(key)

    def decimal(self, key: str, default: Decimal | None = None) -> Decimal | None:
        value = self.get(key)
        if value is None:
            return default
        try:
            return to_decimal(value)
        except (ValueError, InvalidOperation):
            self.problem(f"「{key}」应为数字，而不是 {value!r}")
            return default

    def required_decimal(self, key: str) -> Decimal:
        if self.raw.get(key) is None:
            self.problem(f"缺少「{key}」")
            self.used.add(key)
            return ZERO
        return self.decimal(key) or ZERO

    def non_negative(self, key: str, default: Decimal | None = None) -> Decimal | None:
        value = self.decimal(key, default)
        if value is not None and value < 0:
            self.problem(f"「{key}」不能小于 0（现为 {value}）")
        return value

    def text(self, key: str, default: str = "") -> str:
        value = self.get(key)
        if value is None:
            return default
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            self.problem(f"「{key}」应为文字")
            return default
        return str(value).strip()

    def choice(self, key: str, options: Collection[str], default: str) -> str:
        value = self.text(key, default)
        if value not in options:
            self.problem(f"「{key}」应为 {' / '.join(options)} 之一，而不是「{value}」")
            return default
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.problem(f"「{key}」应为 true 或 false")
            return default
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(f"「{key}」应为文字列表")
            return ()
        return tuple(item.strip() for item in value)

    def amounts(self, key: str, required: bool = False) -> dict[str, Decimal]:
        """A mapping of names to numbers, e.g. ``levels: {省级: -3, 市级: -2}``."""
        value = self.get(key)
        if value is None:
            if required:
                self.problem(f"缺少「{key}」")
            return {}
        if not isinstance(value, Mapping):
            self.problem(f"「{key}」应为「名称: 数字」的映射")
            return {}
        amounts: dict[str, Decimal] = {}
        for name, amount in value.items():
            try:
                amounts[str(name)] = to_decimal(amount)
            except (ValueError, InvalidOperation):
                self.problem(f"「{key}」中「{name}」的值应为数字，而不是 {amount!r}")
        return amounts

    def numbers(self, key: str) -> tuple[Decimal, ...]:
        """A list of numbers, e.g. ``sequence: [3, 2, 1]``."""
        value = self.get(key)
        if value is None:
            return ()
        try:
            if not isinstance(value, list):
                raise ValueError(value)
            return tuple(to_decimal(item) for item in value)
        except (ValueError, InvalidOperation):
            self.problem(f"「{key}」应为数字列表，如 [3, 2, 1]")
            return ()

    def mapping(self, key: str) -> Mapping[str, Any] | None:
        value = self.get(key)
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.problem(f"「{key}」应为映射")
            return None
        return value

    def finish(self, ignore: Collection[str] = ()) -> None:
        for key in self.raw:
            if key not in self.used and key not in ignore:
                self.problem(f"未知的字段「{key}」")
