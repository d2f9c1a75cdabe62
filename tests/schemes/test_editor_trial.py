"""Try it: sample records and scores typed on the editor's bench are scored by the engine on the
draft as it is, with explanations; nothing is saved, and only the office may try."""

import copy

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kaohe.accounts.roles import Role
from tests.schemes.editor_helpers import SMALL, small_draft

EVALUATED = {
    "name": "班子测评",
    "points": 10,
    "kind": "value",
    "rules": [
        {
            "id": "ballot",
            "kind": "evaluation",
            "groups": {"主要领导": 0.5, "分管领导": 0.5},
            "label": "班子测评",
        }
    ],
}


def try_url(draft, node=""):
    url = reverse("schemes:try", args=[draft.scheme.slug, draft.number])
    return f"{url}?node={node}" if node else url


def bench(records=(), scores=(), period="2026-Q1"):
    """The bench's POST: the period, record rows and score rows, as the page's forms send them."""
    data = {"period": period}
    for prefix, rows in (("records", records), ("scores", scores)):
        data.update({f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"})
        for number, row in enumerate(rows):
            data.update({f"{prefix}-{number}-{key}": value for key, value in row.items()})
    return data


def test_the_bench_offers_the_items_rules_by_name(login):
    page = login(Role.OFFICE).get(try_url(small_draft(), "1.1")).content.decode()
    assert "试算：小方案" in page and "日常考核 › 工作纪律" in page
    assert "迟到早退（按次计分）" in page
    assert "news" not in page  # another item's rule is not offered on this item's bench


def test_sample_records_are_scored_and_explained_by_the_named_rule(login):
    draft = small_draft()
    rows = [
        {"unit": "办公室", "rule": "late", "count": "3"},
        {"unit": "办公室", "rule": "absent", "count": "1"},
    ]
    page = login(Role.OFFICE).post(try_url(draft, "1.1"), bench(rows)).content.decode()
    assert "试算结果（2026年第1季度，未保存）" in page
    assert "办公室：总分" in page
    assert "迟到早退：3 次 × 0.5 分" in page
    assert "6.5" in page  # 10 − 1.5 − 2


def test_the_whole_scheme_is_tried_with_evaluation_scores_and_a_grade(login):
    data = copy.deepcopy(SMALL)
    data["sections"].insert(1, EVALUATED)
    data["sections"][0]["points"] = 20
    data["formula"] = "日常考核 + 班子测评 + 加分"
    data["grades"] = [{"name": "好", "min": 25}, {"name": "一般"}]
    draft = small_draft(data)
    scores = [
        {"unit": "示例单位", "indicator": "班子测评", "group": "主要领导", "score": "90"},
        {"unit": "示例单位", "indicator": "班子测评", "group": "分管领导", "score": "80"},
    ]
    records = [{"unit": "示例单位", "rule": "news", "count": "2", "period": "2026-01"}]
    page = login(Role.OFFICE).post(try_url(draft), bench(records, scores)).content.decode()
    # 信息报送: 2 months of the quarter without reports, 2 × −1 each → 10 − 4 = 6; 班子测评 8.5
    assert '示例单位：总分 <span class="trial-total">24.50</span>' in page
    assert "等次 一般" in page
    assert "班子测评 8.5" in page or "班子测评 8.50" in page


def test_a_wrong_sample_row_is_refused_on_its_row_and_nothing_is_scored(login):
    rows = [{"unit": "办公室", "rule": "late", "count": "-2"}, {"count": "1"}]
    page = login(Role.OFFICE).post(try_url(small_draft()), bench(rows)).content.decode()
    assert "不能为负数或零（填写的是 -2）" in page
    assert "请选择规则" in page
    assert "trial-results" not in page


def test_trying_writes_no_row(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    rows = [{"unit": "办公室", "rule": "late", "count": "3"}]
    with CaptureQueriesContext(connection) as queries:
        page = client.post(try_url(draft), bench(rows)).content.decode()
    assert "trial-results" in page
    # The only write is the login session's expiry, pushed back on every request (session timeout).
    writes = [
        query["sql"]
        for query in queries
        if query["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
        and '"django_session"' not in query["sql"]
    ]
    assert writes == []


def test_only_the_office_may_try_a_draft(login):
    draft = small_draft()
    assert login(Role.ASSESSOR).get(try_url(draft)).status_code == 403
    assert login(Role.OFFICE).get(try_url(draft)).status_code == 200


def test_a_draft_that_does_not_load_says_what_to_fix_first(login):
    data = copy.deepcopy(SMALL)
    data["formula"] = "日常考核 + 不存在"
    page = login(Role.OFFICE).get(try_url(small_draft(data))).content.decode()
    assert "方案还有问题，修正后才能试算" in page and "不存在" in page
