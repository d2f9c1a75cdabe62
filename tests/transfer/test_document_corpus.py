"""The real-document corpus (tests/data/documents/) is labelled consistently.

These check the labels as data, never the reader: each sentence is quoted from its source, each
belongs to an indicator of the labelled tree, each rule is of a kind the engine has.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kaohe import engine
from kaohe.transfer.documents import Totals, load_documents, measure_all
from kaohe.transfer.importers import import_file

ROOT = Path(__file__).resolve().parents[1] / "data" / "documents"
FOLDERS = sorted(path.parent for path in ROOT.glob("*/labels.yaml"))
REQUIRED = ("id", "title", "source", "region", "level", "layout", "split", "tree", "sentences")
EXTRA_KINDS = {"discretionary"}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def labels(folder: Path) -> dict:
    return yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))


def paths(nodes: list, parents: tuple = ()) -> set[str]:
    found = set()
    for node in nodes:
        path = (*parents, node["name"])
        found.add(engine.PATH_SEPARATOR.join(path))
        found |= paths(node.get("children") or [], path)
    return found


@pytest.mark.parametrize("folder", FOLDERS, ids=[folder.name for folder in FOLDERS])
def test_every_document_is_labelled_from_its_own_source(folder):
    data = labels(folder)
    assert not [key for key in REQUIRED if key not in data], "labels.yaml lacks fields"
    assert data["split"] in ("dev", "validation")
    assert str(data["source"]).startswith(("http://", "https://"))
    source = squeeze((folder / "source.txt").read_text(encoding="utf-8"))
    tree = paths(data["tree"])
    kinds = set(engine.rule_kinds()) | EXTRA_KINDS
    for sentence in data["sentences"]:
        assert squeeze(sentence["text"]) in source, sentence["text"]
        assert not sentence.get("node") or sentence["node"] in tree, sentence["node"]
        assert {rule["kind"] for rule in sentence["rules"] or []} <= kinds, sentence["rules"]


def test_no_page_is_kept_twice():
    """Two collectors once saved the same page under two ids; a twice-kept document would count
    its sentences twice in every figure."""
    addresses = [str(labels(folder)["source"]).rstrip("/") for folder in FOLDERS]
    titles = [str(labels(folder)["title"]) for folder in FOLDERS]
    assert len(set(addresses)) == len(addresses)
    assert len(set(titles)) == len(titles)


def test_the_corpus_holds_at_least_40_documents_a_quarter_of_them_kept_for_validation():
    splits = [labels(folder)["split"] for folder in FOLDERS]
    assert len(splits) >= 40
    assert splits.count("validation") * 4 >= len(splits)


@pytest.mark.parametrize("folder", FOLDERS, ids=[folder.name for folder in FOLDERS])
def test_no_real_document_is_refused_in_any_of_its_forms(folder):
    for source in sorted(folder.glob("source.*")):
        imported = import_file(source)
        assert imported.scheme["sections"], source.name


# What the reader reaches on the development split (kaohe textrules eval --documents --split
# dev), less a little: the figures may rise, never fall. The validation split is not enforced
# here, so that no change is ever tuned against it. Session 8 brought d001–d168 to 0 wrong;
# session 9 opened d170–d203 and brought the split to 8 wrong. Session 10 opened d210–d301 (held
# out in session 9, measured unseen twice: 86 wrong, 63 missing at the end): the enlarged split,
# d001–d301, read 94 wrong, 108 missing, 69.8% exact, 47 trees, and session 10's three reader
# branches merged brought it to 49 wrong, 62 missing, 72.4% exact, 63 trees. Session 11 opened
# d310–d402 (held out in session 10, measured unseen twice: 74 wrong, 56 missing at the end): the
# enlarged split, d001–d402, read 123 wrong, 118 missing, 67.4% exact, 69 trees, and session 11's
# three reader branches merged brought it to 67 wrong, 92 missing, 70.4% exact, 71 trees.
DEV_MAXIMUM_WRONG = 67
DEV_MINIMUM_EXACT_SHARE = Decimal("70.4")
DEV_MAXIMUM_MISSING = 92
DEV_MINIMUM_TREES = 71


def test_the_dev_split_reads_no_worse_than_it_has_read():
    dev = [document for document in load_documents(ROOT) if document.split == "dev"]
    _, totals = measure_all(dev)
    found = totals["dev"]

    assert found.refused == 0
    assert found.outcomes["wrong"] <= DEV_MAXIMUM_WRONG
    assert found.outcomes["missing"] <= DEV_MAXIMUM_MISSING
    assert found.exact_share >= DEV_MINIMUM_EXACT_SHARE
    assert found.trees_matching >= DEV_MINIMUM_TREES


# The target on the whole corpus is 0 refused, 0 wrong, 0 missing and at least 90% exact.
# These floors are what the whole corpus read at the end of session 11's reader work, the fresh
# held-out documents d410–d537 included (95 documents never read by the reader's developers;
# before that work they read 102 wrong, 112 missing, 44.0% exact, 4 trees of 99): they may rise,
# never fall, until they reach the target. (The whole corpus read better at the end of session 10
# — 123 wrong, 118 missing, 67.4% — because it did not yet hold those 95 documents.)
WHOLE_MAXIMUM_WRONG = 159
WHOLE_MAXIMUM_MISSING = 208
WHOLE_MINIMUM_EXACT_SHARE = Decimal("64.5")
WHOLE_MINIMUM_TREES = 76


def test_the_whole_corpus_reads_no_worse_than_it_has_read():
    results, _ = measure_all(load_documents(ROOT))
    found = Totals()
    for result in results:
        found.add(result)

    assert found.refused == 0
    assert found.outcomes["wrong"] <= WHOLE_MAXIMUM_WRONG
    assert found.outcomes["missing"] <= WHOLE_MAXIMUM_MISSING
    assert found.exact_share >= WHOLE_MINIMUM_EXACT_SHARE
    assert found.trees_matching >= WHOLE_MINIMUM_TREES
