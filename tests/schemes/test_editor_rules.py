"""A form for every rule kind: Chinese labels, a plain sentence beside the source, names."""

import pytest

from kaohe.accounts.roles import Role
from kaohe.engine import load_scheme, rule_kinds
from kaohe.schemes.rule_forms import PARAMETERS, defaults_for, initial_from, rule_form
from tests.schemes.editor_helpers import SMALL, data_of, editor_url, post_change, small_draft


def test_every_rule_kind_of_the_engine_has_a_form():
    assert set(PARAMETERS) == set(rule_kinds())


@pytest.mark.parametrize("kind", sorted(rule_kinds()))
def test_a_new_rule_of_every_kind_loads_and_its_form_round_trips(kind):
    rule = {"id": "r", "kind": kind, **defaults_for(kind)}
    if kind == "escalation":
        rule["after"] = "r"
    node = {"name": "项", "points": 10, "kind": "value" if kind in VALUE_KINDS else "scored"}
    load_scheme(scheme_with(node, rule))
    form = rule_form(kind, data=as_post(initial_from(rule)))
    assert form.is_valid(), form.errors
    assert load_scheme(scheme_with(node, {"id": "r", "kind": kind, **form.values()}))


def scheme_with(node, rule):
    return {"id": "s", "name": "s", "sections": [{**node, "rules": [rule]}]}


VALUE_KINDS = {"conversion", "evaluation", "manual", "proportional"}


def as_post(initial):
    return {
        key: ("on" if value is True else value)
        for key, value in initial.items()
        if value is not False
    }


def rule_post(**values):
    return {f"rule-0-{key}": value for key, value in values.items()}


def test_a_rule_is_changed_in_its_form_and_reads_back_as_a_sentence(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    fields = rule_post(label="迟到早退", amount="-1", unit="人次", cap="4")
    post_change(client, draft, "rule", node="1.1", index="0", kind="per_occurrence", **fields)
    rule = data_of(draft)["sections"][0]["children"][0]["rules"][0]
    assert rule == {
        "id": "late",
        "kind": "per_occurrence",
        "label": "迟到早退",
        "amount": -1,
        "unit": "人次",
        "cap": 4,
    }
    page = client.get(editor_url(draft, "1.1")).content.decode()
    assert "每发生1人次扣1分，最多扣4分" in page


def test_a_rule_form_with_a_bad_value_names_the_field_and_saves_nothing(login):
    draft = small_draft()
    before = data_of(draft)
    fields = rule_post(amount="两分")
    page = post_change(
        login(Role.OFFICE), draft, "rule", node="1.1", index="0", kind="per_occurrence", **fields
    )
    assert page.status_code == 422
    assert "每次分值" in page.content.decode() and "输入一个数字" in page.content.decode()
    assert data_of(draft) == before


def test_a_value_the_engine_refuses_names_the_field_in_chinese_and_saves_nothing(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "add_rule", node="1.1", kind="discretionary")
    before = data_of(draft)
    fields = {"rule-2-min": "5", "rule-2-max": "1", "rule-2-direction": "deduct"}
    page = post_change(client, draft, "rule", node="1.1", index="2", kind="discretionary", **fields)
    assert page.status_code == 422
    assert "未保存" in page.content.decode()
    assert "「最多」1 小于「最少」5" in page.content.decode()
    assert data_of(draft) == before


def test_a_new_rule_of_a_kind_is_added_with_working_defaults(login):
    draft = small_draft()
    post_change(login(Role.OFFICE), draft, "add_rule", node="1.2", kind="lateness")
    rules = data_of(draft)["sections"][0]["children"][1]["rules"]
    assert rules[-1] == {"id": "1.2-1", "kind": "lateness", "amount": -1, "per": "month"}
    assert draft.problems == []


def test_a_new_item_given_an_evaluation_rule_becomes_a_value_item(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "add", name="班子测评")
    page = post_change(client, draft, "add_rule", node="3", kind="evaluation").content.decode()
    assert "本项改为赋值项" in page
    item = data_of(draft)["sections"][2]
    assert item["kind"] == "value" and item["rules"][0]["kind"] == "evaluation"
    assert draft.problems == []


def test_deleting_a_rule_asks_first(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    asked = client.get(editor_url(draft, "1.1") + "&confirm=rule-1").content.decode()
    assert "确定删除规则「absent」" in asked
    post_change(client, draft, "delete_rule", node="1.1", index="1")
    assert [r["id"] for r in data_of(draft)["sections"][0]["children"][0]["rules"]] == ["late"]


def test_rules_are_shown_by_name_beside_their_source(login):
    data = {**SMALL}
    draft = small_draft(data)
    page = login(Role.OFFICE).get(editor_url(draft, "1.1")).content.decode()
    assert "迟到早退" in page and "原文：" in page
