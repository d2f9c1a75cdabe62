import datetime

from kaohe.progress.dues import dues


def test_the_cycle_has_tasks_per_unit(cycle, at):
    at(datetime.date(2025, 3, 10))
    found = dues(cycle, list(cycle.cycle_units.all()), started_by=datetime.date(2025, 3, 10))
    assert sorted({(d.cycle_unit.label, d.assignment.node_code) for d in found}) == [
        ("市教育局", "1.3"),
        ("市财政局", "1.1"),
        ("市财政局", "1.2"),
    ]
    assert {d.period.key for d in found} == {"2025-01", "2025-02", "2025-03"}
