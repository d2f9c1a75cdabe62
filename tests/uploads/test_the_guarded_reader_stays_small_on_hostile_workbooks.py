"""Each hostile workbook read through the guarded reader (the rows of GuardedWorkbook, as the
records and user imports read them, and the scheme importer's full load) in a fresh process:
refused in Chinese, with a peak resident size near the same process reading a small workbook.

The peak is the process's VmHWM, which sees what C libraries such as expat and zlib allocate
(tracemalloc does not). getrusage's ru_maxrss would not do: Linux carries the parent's resident
size at the fork into the child's maxrss, so it reports the test worker's size, not the reader's.
"""

import subprocess
import sys

import pytest

from tests.hostile_workbooks import HOSTILE, PLACEHOLDER, workbook

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="VmHWM 仅 Linux")

MB = 1024 * 1024
READ_BOTH_WAYS = """
import sys
from kaohe.transfer.importers import import_document
from kaohe.transfer.limits import ImportRefused
from kaohe.transfer.workbooks import GuardedWorkbook
data = open(sys.argv[1], "rb").read()
said = []
for read in (lambda: GuardedWorkbook(data).rows(), lambda: import_document("细则.xlsx", data)):
    try:
        read()
        said.append("读取成功")
    except ImportRefused as refused:
        said.append(str(refused))
status = open("/proc/self/status").read().split("VmHWM:")[1]
print(int(status.split()[0]) * 1024)
print("\\n".join(said))
"""


def read_in_a_fresh_process(tmp_path, data):
    path = tmp_path / "上传.xlsx"
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-c", READ_BOTH_WAYS, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={"PYTHONPATH": "src"},
    )
    peak, *said = done.stdout.splitlines()
    return int(peak), said


def table(text):
    return workbook({"细则": [["考核项目", "分值", "评分标准"], ["信息报送", 5, text]]})


@pytest.fixture(scope="module")
def small_peak(tmp_path_factory):
    peak, said = read_in_a_fresh_process(tmp_path_factory.mktemp("small"), table("每次扣1分"))
    assert said[0] == "读取成功"
    return peak


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_workbook_is_refused_by_both_readings_in_little_memory(
    tmp_path, small_peak, kind
):
    build, refusal = HOSTILE[kind]
    hostile = build(table(PLACEHOLDER))

    peak, said = read_in_a_fresh_process(tmp_path, hostile)

    assert refusal in said[0]
    if kind != "huge_dimension":  # harmless to the full load: only defined cells are read
        assert refusal in said[1]
    assert peak < small_peak + 2 * len(hostile) + 40 * MB, (peak // MB, small_peak // MB)
