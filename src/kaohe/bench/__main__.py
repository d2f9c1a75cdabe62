"""Run every benchmark module ``kaohe.bench.bench_*``: each ``run()`` prints its own lines."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import kaohe.bench as package


def main() -> int:
    names = sorted(
        m.name for m in pkgutil.iter_modules(package.__path__) if m.name.startswith("bench_")
    )
    if not names:
        print("没有找到基准测试模块（kaohe.bench.bench_*）")
        return 1
    for name in names:
        module = importlib.import_module(f"{package.__name__}.{name}")
        started = time.perf_counter()
        print(f"== {name} ==", flush=True)
        module.run()
        print(f"   ({name} 用时 {time.perf_counter() - started:.1f} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
