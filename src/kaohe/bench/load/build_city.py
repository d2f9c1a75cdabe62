"""`python -m kaohe.bench.load.build_city FOLDER [--units N] [--records N] [--import-rows N]`
builds the load harness's city-size cycle into the installation the environment names
(KAOHE_VAR_DIR or DATABASE_URL) and writes `city.json` and `import.xlsx` into FOLDER;
`... FOLDER --count-saved MARK` prints how many of its records carry MARK in their 说明."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m kaohe.bench.load.build_city")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--import-rows", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=60, help="考核办压测账号数")
    parser.add_argument("--count-saved", metavar="MARK")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaohe.project.settings")
    import django

    django.setup()
    from kaohe.bench.load import city

    if args.count_saved:
        print(city.count_saved(args.count_saved))
        return 0
    plan = city.build(args.folder, args.units, args.records, args.import_rows, args.people)
    print(
        f"压测周期已建立：{len(plan['cycle_units'])} 个单位，{plan['records']} 条记录；"
        f"导入文件 {args.import_rows} 行",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
