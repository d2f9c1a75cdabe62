"""`python -m kaohe.bench.ballots.setup FOLDER --codes N` builds the open evaluation into the
installation the environment names and writes FOLDER/ballots.json (the codes, as printed slips
would carry them, and a filled ballot's fields); `... FOLDER --count` prints the ballots stored
and the codes used, as JSON."""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SECTIONS = 12
OFFICE_USER, PASSWORD = "khb_ballots", "Toupiao@2026bench"


def batch_sizes(total: int, most: int) -> list[int]:
    return [min(most, total - start) for start in range(0, total, most)]


def build(folder: Path, codes: int) -> dict[str, Any]:
    from django.utils import timezone

    from kaohe.accounts import actions as org
    from kaohe.accounts.models import Unit
    from kaohe.accounts.roles import Role
    from kaohe.cycles import actions as cycles
    from kaohe.evaluations import actions
    from kaohe.evaluations.actions.running import MAX_BATCH
    from kaohe.evaluations.models import EvaluatorGroup
    from kaohe.schemes.actions import install_builtin_schemes
    from kaohe.schemes.models import SchemeVersion

    install_builtin_schemes()
    city = org.create_unit(None, name="压测市", kind=Unit.Kind.REGION)
    office_unit = org.create_unit(None, name="考核办", parent=city, kind=Unit.Kind.OFFICE)
    bureau = org.create_unit(None, name="压测局", parent=city)
    sections = [
        org.create_unit(None, name=f"第{n}科", parent=bureau, kind=Unit.Kind.SECTION)
        for n in range(1, SECTIONS + 1)
    ]
    office = org.create_user(
        None, username=OFFICE_USER, password=PASSWORD, unit=office_unit, roles=[Role.OFFICE]
    )
    cycle = cycles.open_cycle(
        office,
        cycles.CyclePlan(
            name="压测季度",
            version=SchemeVersion.objects.get(scheme__slug="zhangjiagang-sections", number=1),
            period="quarter",
            starts_on=datetime.date(2020, 4, 1),
            ends_on=datetime.date(2020, 6, 30),
            units=[cycles.UnitEntry(unit) for unit in sections],
        ),
    )
    now = timezone.now()
    evaluation = actions.create_evaluation(
        office,
        cycle,
        name="压测班子测评",
        opens_at=now - datetime.timedelta(hours=1),
        closes_at=now + datetime.timedelta(days=1),
    )
    marking = EvaluatorGroup.Marking
    group = actions.set_group(
        office,
        evaluation,
        {"name": "分管领导", "node_path": "班子测评", "scheme_group": "分管领导"},
        [
            actions.DimensionLine("工作作风", marking.GRADE),
            actions.DimensionLine("工作实绩", marking.SCORE),
        ],
    )
    actions.open_evaluation(office, evaluation)
    drawn = [  # in batches of the most an office may issue at once
        code
        for size in batch_sizes(codes, MAX_BATCH)
        for code in actions.issue_codes(office, group, size)
    ]
    form = actions.form_for(group)
    fields = {
        f"m-{unit.pk}-{d.pk}": "满意" if d.by_grade else "88"
        for unit in form.units
        for d in form.dimensions
    }
    plan = {"codes": drawn, "fields": fields, "units": len(form.units)}
    (folder / "ballots.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return plan


def counted() -> dict[str, int]:
    from kaohe.evaluations.models import Ballot, VotingCode

    return {
        "ballots": Ballot.objects.count(),
        "used_codes": VotingCode.objects.filter(used=True).count(),
    }


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m kaohe.bench.ballots.setup")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--codes", type=int, default=1000)
    parser.add_argument("--count", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaohe.project.settings")
    import django

    django.setup()
    if args.count:
        print(json.dumps(counted()))
        return 0
    plan = build(args.folder, args.codes)
    print(f"   测评已开启：{plan['units']} 个科室，{len(plan['codes'])} 个测评码", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
