"""Measure the importer on the real-document corpus (tests/data/documents/).

Each document folder holds ``source.txt`` (the text as found), sometimes ``source.xlsx`` and
``source.docx`` (the same document rebuilt as an office would hold it), and ``labels.yaml``
written by a person reading the source: the indicator tree with points, and every scoring
sentence with the rules a careful reader writes down (see tests/data/documents/README.md).

Every source form is imported as an office would import it, and each labelled sentence is
classed by what the import made of it:

- **exact**: the rules read from the sentence equal the labelled rules, in order (a flagged
  rule matches a label that is itself flagged);
- **flagged**: the import flagged the sentence for a person to settle and wrote no confident
  rule the label does not hold — not wrong, but not done;
- **wrong**: a confident rule read from the sentence is not among the labelled rules;
- **missing**: no rule and no flag carries the sentence — it was dropped silently.

A document the importer refuses counts its sentences as missing and itself as refused.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from kaohe.engine import PATH_SEPARATOR, within
from kaohe.textrules.evaluation import as_decimals
from kaohe.textrules.normalize import normalize
from kaohe.transfer.importers import ImportRefused, import_file
from kaohe.transfer.importers.names import strip_numbering
from kaohe.transfer.scheme_file import nodes_with_paths

SOURCE_FORMS = ("source.txt", "source.xlsx", "source.docx")
OUTCOMES = ("exact", "flagged", "wrong", "missing")
# Keys that name or quote a rule but do not change what it scores.
_NOT_COMPARED = frozenset({"id", "text", "label", "name", "unit", "why", "guesses", "source"})
_SPACE = re.compile(r"\s+")
_LAYOUT = re.compile(r"[\s│┃║]+")
_CLOSING = "。;；,，"
_POINTS_IN_NAME = re.compile(r"[（(][^（）()]*分[^（）()]*[)）]\s*$")


@dataclass(frozen=True)
class LabelledSentence:
    node: str
    text: str
    rules: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class LabelledDocument:
    folder: Path
    id: str
    title: str
    split: str
    tree: tuple[tuple[str, Decimal | None], ...]
    sentences: tuple[LabelledSentence, ...]

    def sources(self) -> list[Path]:
        return [self.folder / form for form in SOURCE_FORMS if (self.folder / form).exists()]


@dataclass
class SourceResult:
    """One source form of one document, imported and compared with its labels."""

    document: LabelledDocument
    source: Path
    refused: str = ""
    tree_matches: bool = False
    tree_differences: list[str] = field(default_factory=list)
    outcomes: list[tuple[LabelledSentence, str, list[dict[str, Any]]]] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(outcome for _, outcome, _ in self.outcomes)


def load_documents(root: Path) -> list[LabelledDocument]:
    """Every labelled document under root, in folder order."""
    return [_document(path.parent) for path in sorted(root.glob("*/labels.yaml"))]


def _document(folder: Path) -> LabelledDocument:
    data = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    return LabelledDocument(
        folder=folder,
        id=str(data["id"]),
        title=str(data.get("title") or folder.name),
        split=str(data.get("split") or "dev"),
        tree=tuple(_flatten(data.get("tree") or [], ())),
        sentences=tuple(
            LabelledSentence(
                node=str(item.get("node") or ""),
                text=str(item["text"]),
                rules=tuple(as_decimals(rule) for rule in item.get("rules") or ()),
            )
            for item in data.get("sentences") or ()
        ),
    )


def _flatten(
    nodes: Iterable[Mapping[str, Any]], parents: tuple[str, ...]
) -> Iterator[tuple[str, Decimal | None]]:
    for node in nodes:
        path = (*parents, bare_name(str(node["name"])))
        points = node.get("points")
        yield PATH_SEPARATOR.join(path), None if points is None else Decimal(str(points))
        yield from _flatten(node.get("children") or [], path)


def bare_name(name: str) -> str:
    """A node name compared without enumerators, points written inside it, or spaces."""
    name = _POINTS_IN_NAME.sub("", strip_numbering(name.strip()))
    return _SPACE.sub("", name)


def squeeze(text: str) -> str:
    """Text compared without spaces or the cell borders a box-drawn table wraps a sentence
    around (「县(区│\n│ │ │)得10分」 is 「县(区)得10分」): both are layout, not the sentence."""
    return _LAYOUT.sub("", text)


def measure(document: LabelledDocument, source: Path) -> SourceResult:
    result = SourceResult(document, source)
    try:
        scheme = import_file(source).scheme
    except ImportRefused as refusal:
        result.refused = str(refusal)
        result.outcomes = [(sentence, "missing", []) for sentence in document.sentences]
        return result
    nodes = {
        PATH_SEPARATOR.join(map(bare_name, names)): node
        for names, node in nodes_with_paths(scheme.get("sections") or [])
    }
    _compare_tree(result, nodes)
    for sentence in document.sentences:
        read = _rules_from(sentence, _candidates(nodes, sentence.node))
        result.outcomes.append((sentence, classify(sentence.rules, read), read))
    return result


def _candidates(nodes: Mapping[str, Mapping[str, Any]], path: str) -> list[Mapping[str, Any]]:
    """Where to look for a sentence's rules, nearest first: the labelled node and its subtree;
    nodes of the same name elsewhere in the imported tree; then every node."""
    if path in nodes:
        near = [node for found, node in nodes.items() if within(found, path)]
        return [*near, *nodes.values()]
    leaf = path.rpartition(PATH_SEPARATOR)[2]
    named = [
        node for found, node in nodes.items() if leaf and within(found, _named(nodes, leaf) or "\0")
    ]
    return [*named, *nodes.values()]


def _named(nodes: Mapping[str, Mapping[str, Any]], leaf: str) -> str:
    return next((found for found in nodes if found.rpartition(PATH_SEPARATOR)[2] == leaf), "")


def _compare_tree(result: SourceResult, nodes: Mapping[str, Mapping[str, Any]]) -> None:
    expected = dict(result.document.tree)
    found = {path: _points(node) for path, node in nodes.items()}
    differences = [f"缺少指标「{path}」" for path in expected if path not in found]
    differences += [f"多出指标「{path}」" for path in found if path not in expected]
    differences += [
        f"「{path}」分值应为 {points}，导入为 {found[path]}"
        for path, points in expected.items()
        if path in found and points is not None and found[path] != points
    ]
    result.tree_differences = differences
    result.tree_matches = not differences


def _points(node: Mapping[str, Any]) -> Decimal | None:
    points = node.get("points")
    return None if points is None else Decimal(str(points))


def _rules_from(
    sentence: LabelledSentence, candidates: list[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The rules read from the sentence: in the first node whose criteria hold the sentence,
    the rules whose source text lies within the sentence's place in those criteria."""
    whole = squeeze(sentence.text)
    # 「(1)…」: an enumerator the outline took as structure is not part of the sentence, nor is
    # the 「；」 that ended it where the import took the sentence as an item's name.
    bare = squeeze(strip_numbering(sentence.text))
    for text in dict.fromkeys((whole, bare, whole.rstrip(_CLOSING), bare.rstrip(_CLOSING))):
        for node in candidates:
            criteria = squeeze(str(node.get("criteria") or ""))
            start = criteria.find(text)
            if start >= 0:
                return _rules_between(node, criteria, start, start + len(text))
    text = whole
    for node in candidates:
        criteria = squeeze(str(node.get("criteria") or ""))
        rest = _after_name(text, str(node.get("name") or ""), criteria)
        if rest:
            start = criteria.find(rest)
            return _rules_between(node, criteria, start, start + len(rest))
    return []


_NAME_SLACK = 12
"""How far past its name a quoted row may run before its criteria begin: 「(满分2分)」, 「15」."""


def _after_name(text: str, name: str, criteria: str) -> str:
    """A labelled sentence quoting a whole row (「受到通报批评的 15」, 「报告报送(满分2分)
    每迟报一天扣1分」) whose name the import rightly took as the item's name: the part after the
    name, when the item's criteria hold it."""
    name = squeeze(bare_name(name))
    at = text.find(name) if name and criteria else -1
    if at < 0:
        return ""
    end = at + len(name)
    for cut in range(end, min(end + _NAME_SLACK, len(text))):
        # A name cut from its sentence leaves the rest without its closing 「。」.
        for rest in (text[cut:], text[cut:].rstrip(_CLOSING)):
            if rest and rest in criteria:
                return rest
    return ""


def _rules_between(
    node: Mapping[str, Any], criteria: str, start: int, end: int
) -> list[dict[str, Any]]:
    """A node's rules (in text order) whose source lies in criteria[start:end]; a flagged rule
    quoting a wider stretch counts when its stretch holds the sentence (its enumerator and
    closing 。；, which a rule's source leaves out, aside)."""
    found, cursor = [], 0
    # A closing pinyin gloss (「評(píng)優(yōu)。」) lies outside the sentence the reader saw, too.
    closed = start + len(normalize(criteria[start:end]).rstrip(_CLOSING + " ;,"))
    start += len(criteria[start:end]) - len(strip_numbering(criteria[start:end]).lstrip("、"))
    for rule in node.get("rules") or ():
        source = squeeze(str(rule.get("text") or ""))
        at = criteria.find(source, cursor) if source else -1
        if at < 0:
            continue
        cursor = at + len(source)
        inside = start <= at and at + len(source) <= end
        holds = bool(rule.get("flagged")) and at <= start and closed <= at + len(source)
        if inside or holds:
            found.append(dict(rule))
    return found


def comparable(rule: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in rule.items() if key not in _NOT_COMPARED}


def _is_flag(rule: Mapping[str, Any]) -> bool:
    return bool(rule.get("flagged"))


def classify(expected: Iterable[Mapping[str, Any]], read: Iterable[Mapping[str, Any]]) -> str:
    """exact, flagged, wrong or missing (see the module's docstring)."""
    wanted = [_flag_or_rule(rule) for rule in expected]
    got = [_flag_or_rule(rule) for rule in read]
    if len(got) == len(wanted) and all(map(agrees, wanted, got)):
        return "exact"  # a sentence that scores nothing (其它表彰不予加分) is read right as nothing
    confident = [rule for rule in got if rule != {"flagged": True}]
    if any(not any(agrees(want, rule) for want in wanted) for rule in confident):
        return "wrong"
    if len(confident) < len(got):
        return "flagged"
    return "missing"


def agrees(expected: Mapping[str, Any], read: Mapping[str, Any]) -> bool:
    """Equal rules; for an amount the assessor chooses, bounds the label leaves out are the
    item's (read from its points), so only the bounds the label writes are compared."""
    if expected.get("kind") != "discretionary" or read.get("kind") != "discretionary":
        return dict(expected) == dict(read)
    defaults = {"min": Decimal(0), "direction": "deduct"}
    return all(
        read.get(key, defaults.get(key)) == expected.get(key, read.get(key, defaults.get(key)))
        for key in ("min", "max", "direction")
    )


def _flag_or_rule(rule: Mapping[str, Any]) -> dict[str, Any]:
    """A flagged rule compares as a flag only: what a person settles is not a reading."""
    return {"flagged": True} if _is_flag(rule) else comparable(rule)


@dataclass
class Totals:
    documents: int = 0
    sources: int = 0
    refused: int = 0
    trees_matching: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    def add(self, result: SourceResult) -> None:
        self.sources += 1
        self.refused += bool(result.refused)
        self.trees_matching += result.tree_matches
        self.outcomes.update(result.counts)

    @property
    def sentences(self) -> int:
        return sum(self.outcomes.values())

    @property
    def exact_share(self) -> Decimal:
        if not self.sentences:
            return Decimal(0)
        return (Decimal(100) * self.outcomes["exact"] / self.sentences).quantize(Decimal("0.1"))


def measure_all(
    documents: Iterable[LabelledDocument],
) -> tuple[list[SourceResult], dict[str, Totals]]:
    results: list[SourceResult] = []
    totals: dict[str, Totals] = {}
    for document in documents:
        split = totals.setdefault(document.split, Totals())
        split.documents += 1
        for source in document.sources():
            result = measure(document, source)
            split.add(result)
            results.append(result)
    return results, totals
