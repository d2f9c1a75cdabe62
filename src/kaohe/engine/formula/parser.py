"""A recursive-descent parser for the formula language.

Grammar::

    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := "-" unary | primary
    primary := number | name | function "(" sum ("," sum)* ")" | "(" sum ")"
"""

from __future__ import annotations

from collections.abc import Collection

from kaohe.engine.formula.ast import (
    Binary,
    Call,
    Expression,
    Negate,
    Number,
    SectionRef,
    section_names,
)
from kaohe.engine.formula.errors import FormulaSyntaxError, UnknownSectionError
from kaohe.engine.formula.tokens import Token, tokenize

FUNCTIONS = {"min": (2, None), "max": (2, None), "round": (1, 2)}


def parse(text: str) -> Expression:
    """The syntax tree of ``text``; raises FormulaSyntaxError pointing at the position."""
    if not text.strip():
        raise FormulaSyntaxError("公式为空", text, 0)
    return _Parser(text).parse()


def parse_for_sections(text: str, sections: Collection[str]) -> Expression:
    """Parse and check that every name is one of ``sections``; raises UnknownSectionError."""
    expression = parse(text)
    for ref in section_names(expression):
        if ref.name not in sections:
            known = "、".join(sections)
            message = f"「{ref.name}」不是本方案的一级指标（可用：{known}）"
            raise UnknownSectionError(message, text, ref.position)
    return expression


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0

    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def fail(self, message: str, token: Token | None = None) -> FormulaSyntaxError:
        return FormulaSyntaxError(message, self.text, (token or self.current).position)

    def parse(self) -> Expression:
        expression = self.sum()
        if self.current.kind != "end":
            raise self.fail(f"多余的「{self.current.text}」")
        return expression

    def sum(self) -> Expression:
        left = self.product()
        while self.current.kind == "operator" and self.current.text in "+-":
            token = self.advance()
            left = Binary(token.text, left, self.product(), token.position)
        return left

    def product(self) -> Expression:
        left = self.unary()
        while self.current.kind == "operator" and self.current.text in "*/":
            token = self.advance()
            left = Binary(token.text, left, self.unary(), token.position)
        return left

    def unary(self) -> Expression:
        if self.current.kind == "operator" and self.current.text == "-":
            token = self.advance()
            return Negate(self.unary(), token.position)
        return self.primary()

    def primary(self) -> Expression:
        token = self.advance()
        if token.kind == "number":
            return Number(token.number, token.position)
        if token.kind == "open":
            inner = self.sum()
            self.expect("close", "缺少右括号")
            return inner
        if token.kind == "name" and token.text.lower() in FUNCTIONS and self.current.kind == "open":
            return self.call(token)
        if token.kind == "name":
            return SectionRef(token.text, token.position)
        if token.kind == "end":
            raise self.fail("公式不完整，缺少运算对象", token)
        raise self.fail(f"此处不应出现「{token.text}」", token)

    def call(self, name: Token) -> Call:
        self.advance()
        arguments = [self.sum()]
        while self.current.kind == "comma":
            self.advance()
            arguments.append(self.sum())
        self.expect("close", "函数缺少右括号")
        function = name.text.lower()
        least, most = FUNCTIONS[function]
        if len(arguments) < least or (most is not None and len(arguments) > most):
            raise self.fail(f"函数 {function} 的参数个数不对", name)
        return Call(function, tuple(arguments), name.position)

    def expect(self, kind: str, message: str) -> None:
        if self.current.kind != kind:
            raise self.fail(message)
        self.advance()
