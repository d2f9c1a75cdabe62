"""Benchmarks run by `make bench` (python -m kaohe.bench); never timed assertions in tests."""
