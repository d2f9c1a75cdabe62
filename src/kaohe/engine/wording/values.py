"""Rules that set an item's value or let the assessor choose: conversion, evaluation, manual,
discretionary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kaohe.engine.wording.registry import wording
from kaohe.engine.wording.words import number, weights_words


@wording("conversion")
def conversion(rule: Mapping[str, Any]) -> str:
    scale = number(rule.get("scale", 100))
    return f"按另一项考核的得分折算：其满分{scale}分折合本项满分"


@wording("evaluation")
def evaluation(rule: Mapping[str, Any]) -> str:
    scale = number(rule.get("scale", 100))
    sentence = f"按测评得分（满分{scale}分）折算：{weights_words(rule['groups'])}"
    rounds = rule.get("rounds") or {}
    return f"{sentence}；{weights_words(rounds)}" if rounds else sentence


@wording("manual")
def manual(rule: Mapping[str, Any]) -> str:
    return "由考评单位直接评定本项得分"


@wording("discretionary")
def discretionary(rule: Mapping[str, Any]) -> str:
    verb = "加" if rule.get("direction") == "add" else "扣"
    least, most = number(rule.get("min", 0)), number(rule["max"])
    return f"由考评单位在{least}至{most}分之间酌情{verb}分，须写明理由"
