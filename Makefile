# kaohe — two commands set up a machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PYTHONPATH := src

.PHONY: install run test lint types contracts pytest bench load demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "kaohe 已启动：http://127.0.0.1:$(PORT)/"
	@$(BIN)/python manage.py demo_logins
	@# Long work (recomputes, publication, imports, exports: docs/architecture.md) runs in a task
	@# worker beside the web server, kept alive by kaohe.project.supervise; both stop together.
	KAOHE_TASKS=worker $(BIN)/python -m kaohe.project.supervise \
	  $(BIN)/python manage.py task_worker --interval 0.5 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  KAOHE_TASKS=worker $(BIN)/gunicorn kaohe.project.wsgi --bind 127.0.0.1:$(PORT) \
	  --workers 2 --threads 4 --access-logfile - --error-logfile -

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

types: install
	$(BIN)/mypy

contracts: install
	$(BIN)/lint-imports

# Every test on SQLite; then, when KAOHE_TEST_POSTGRES holds a database URL, every test that
# touches the database again on PostgreSQL. Exit status 5 (no tests collected) is a failure.
pytest: install
	$(BIN)/python -m pytest -n 2 -m "not bench" $(PYTEST_ARGS) || { s=$$?; [ $$s -eq 5 ] && echo "没有收集到测试" >&2; exit $$s; }
	@if [ -n "$$KAOHE_TEST_POSTGRES" ]; then \
	  echo "== PostgreSQL: $$KAOHE_TEST_POSTGRES"; \
	  DATABASE_URL="$$KAOHE_TEST_POSTGRES" KAOHE_DB_TESTS_ONLY=1 \
	    $(BIN)/python -m pytest -n 2 -m "not bench" $(PYTEST_ARGS) || { s=$$?; [ $$s -eq 5 ] && echo "没有收集到测试" >&2; exit $$s; }; \
	fi

test: lint types contracts pytest

bench: install
	$(BIN)/python -m kaohe.bench

# The load harness of issue 16 (docs/operations.md): a city-size cycle under 50 users against the
# production processes, on SQLite and, when KAOHE_LOAD_POSTGRES names a scratch database whose
# name contains "load" (it is dropped and created afresh), on PostgreSQL. About 5 minutes per
# database; never part of `make test`. LOAD_ARGS, e.g. LOAD_ARGS="--seconds 120".
load: install
	$(BIN)/python -m kaohe.bench.load $(LOAD_ARGS)

clean:
	rm -rf $(VENV) var/*.sqlite3*
