"""The home page: one panel per role the user holds, each saying what comes next."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kaohe.accounts.roles import Role
from kaohe.evaluations.access import waiting_groups

NEXT_STEPS: dict[str, tuple[str, str]] = {
    Role.OFFICE: (
        "考核办工作台",
        "还没有考核周期。先选定考核方案，再开启周期、分配考评单位与责任科室。",
    ),
    Role.ASSESSOR: (
        "考评工作",
        "暂无待评的指标。考核周期开启后，您负责的指标会出现在这里，可逐单位录入扣分、加分和说明。",
    ),
    Role.REPORTER: (
        "材料报送",
        "暂无待报送的任务。考核办开启周期后，本单位的分工任务和报送期限会列在这里。",
    ),
    Role.DEPUTY_LEADER: (
        "分管领导审核",
        "暂无待您审核的材料。本单位填报人提交后，会在这里等待您签批。",
    ),
    Role.PRINCIPAL_LEADER: (
        "主要领导审定",
        "暂无待您审定的材料。分管领导审核通过后，会在这里等待您签批。",
    ),
    Role.EVALUATOR: (
        "测评与评议",
        "暂无待填写的测评表。考核办发起测评后，您可在此填写，每人限填一次。",
    ),
    Role.SYSTEM_ADMIN: ("系统管理", "维护组织机构和用户账户：可下载模板批量导入单位和用户。"),
    Role.SECURITY_ADMIN: ("安全管理", "为用户授予或撤销角色、解除账户锁定。三员角色不能集于一人。"),
    Role.AUDIT_ADMIN: ("安全审计", "查阅所有操作的审计日志：谁、何时、做了什么、从哪里来。"),
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    held = request.user.roles
    waiting = waiting_groups(request.user)
    if waiting:  # a leader rating the sections (班子测评) is an evaluator there too
        held = held | {Role.EVALUATOR}
    panels = [
        {
            "title": title,
            "next_step": next_step,
            "ballots": waiting if role == Role.EVALUATOR else [],
        }
        for role, (title, next_step) in NEXT_STEPS.items()
        if role in held
    ]
    return render(request, "web/home.html", {"panels": panels})
