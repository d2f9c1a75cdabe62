"""Splitting formula text into tokens; full-width and typographic operators are normalised."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from kaohe.engine.formula.errors import FormulaSyntaxError

TokenKind = Literal["number", "name", "operator", "open", "close", "comma", "end"]

_OPERATORS = {"+": "+", "-": "-", "*": "*", "/": "/", "×": "*", "÷": "/", "−": "-", "＋": "+"}
_OPERATORS |= {"－": "-", "＊": "*", "／": "/", "–": "-"}
_SINGLE = {"(": "open", "（": "open", ")": "close", "）": "close", ",": "comma", "，": "comma"}
_QUOTES = {"「": "」", '"': '"', "“": "”", "『": "』"}
_NAME_STOP = set(_OPERATORS) | set(_SINGLE) | set(_QUOTES) | {"%", "％"}


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    text: str
    position: int
    number: Decimal = Decimal(0)


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an ``end`` token."""
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
        elif char in _OPERATORS:
            tokens.append(Token("operator", _OPERATORS[char], position))
            position += 1
        elif char in _SINGLE:
            tokens.append(Token(_SINGLE[char], char, position))  # type: ignore[arg-type]
            position += 1
        elif char.isdigit() or char == ".":
            token, position = _read_number(text, position)
            tokens.append(token)
        elif char in _QUOTES:
            token, position = _read_quoted(text, position)
            tokens.append(token)
        elif char in "%％":
            raise FormulaSyntaxError("百分号前面应是数字", text, position)
        else:
            token, position = _read_name(text, position)
            tokens.append(token)
    tokens.append(Token("end", "", len(text)))
    return tokens


def _read_number(text: str, start: int) -> tuple[Token, int]:
    end = start
    while end < len(text) and (text[end].isdigit() or text[end] == "."):
        end += 1
    literal = text[start:end]
    if literal.count(".") > 1 or literal == ".":
        raise FormulaSyntaxError(f"「{literal}」不是数字", text, start)
    value = Decimal(literal)
    if end < len(text) and text[end] in "%％":
        value, end = value / 100, end + 1
    return Token("number", text[start:end], start, value), end


def _read_quoted(text: str, start: int) -> tuple[Token, int]:
    closing = _QUOTES[text[start]]
    end = text.find(closing, start + 1)
    if end < 0:
        raise FormulaSyntaxError(f"引号没有闭合，缺少「{closing}」", text, start)
    name = text[start + 1 : end].strip()
    if not name:
        raise FormulaSyntaxError("引号中没有名称", text, start)
    return Token("name", name, start), end + 1


def _read_name(text: str, start: int) -> tuple[Token, int]:
    end = start
    while end < len(text) and text[end] not in _NAME_STOP and not text[end].isspace():
        end += 1
    return Token("name", text[start:end], start), end
