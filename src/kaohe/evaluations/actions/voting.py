"""Casting a ballot: with a one-time code, or as a named evaluator. Neither writes an audit
entry, a time finer than the day or anything that names the voter beside the ballot."""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import functools
import os
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import psycopg
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from kaohe.evaluations import codes
from kaohe.evaluations.access import accepting, may_vote
from kaohe.evaluations.marks import Form, form_for, read_marks, running_form
from kaohe.evaluations.models import (
    Ballot,
    Evaluation,
    EvaluatorGroup,
    Participation,
    VotingCode,
)

REFUSED_CODE = "该测评码无效或已经使用过"
NOT_ACCEPTING = "测评当前不接受填写"


# A code ballot's two writes in static, parameterised SQL (the ORM has no UPDATE … RETURNING,
# and building its UPDATE and INSERT cost more CPU than the database's work for them). Only
# values travel as parameters; nothing of a request is ever put into the statements.
CLAIM_CODE = """
UPDATE evaluations_votingcode SET used = %s WHERE digest = %s AND used = %s
RETURNING
 (SELECT b.is_test FROM evaluations_codebatch b WHERE b.id = evaluations_votingcode.batch_id),
 (SELECT b.group_id FROM evaluations_codebatch b WHERE b.id = evaluations_votingcode.batch_id),
 (SELECT e.status FROM evaluations_codebatch b
   JOIN evaluations_evaluatorgroup g ON g.id = b.group_id
   JOIN evaluations_evaluation e ON e.id = g.evaluation_id
   WHERE b.id = evaluations_votingcode.batch_id),
 (SELECT e.opens_at FROM evaluations_codebatch b
   JOIN evaluations_evaluatorgroup g ON g.id = b.group_id
   JOIN evaluations_evaluation e ON e.id = g.evaluation_id
   WHERE b.id = evaluations_votingcode.batch_id),
 (SELECT e.closes_at FROM evaluations_codebatch b
   JOIN evaluations_evaluatorgroup g ON g.id = b.group_id
   JOIN evaluations_evaluation e ON e.id = g.evaluation_id
   WHERE b.id = evaluations_votingcode.batch_id)
"""
STORE_BALLOT = """
INSERT INTO evaluations_ballot (id, group_id, cast_on, is_test, paper_session_id, marks, comments)
VALUES (%s, %s, %s, %s, NULL, %s, %s)
"""
BALLOT_COLUMNS = ("id", "group", "cast_on", "is_test", "marks", "comments")


def store_ballot(group_id: int, marks: Any, comments: Any, is_test: bool) -> None:
    """The ballot's row: a random key, the group, the day, the marks — each value made ready
    for the database by its model field, as the ORM would."""
    values = (uuid.uuid4(), group_id, timezone.localdate(), is_test, marks, comments)
    params = [
        field.get_db_prep_save(value, connection)
        for field, value in zip(ballot_fields(), values, strict=True)
    ]
    executed(STORE_BALLOT, params)


@functools.cache
def ballot_fields() -> tuple[Any, ...]:
    return tuple(Ballot._meta.get_field(name) for name in BALLOT_COLUMNS)


def executed(sql: str, params: list[Any]) -> tuple[Any, ...] | None:
    """One of a code ballot's statements, and its row if it returns one. SQLite's module keeps
    each statement prepared on the connection; on PostgreSQL, where Django binds the values into
    the text, the server would parse and plan the statement anew for every ballot (the claim,
    with its five subqueries: 0.35 ms of the server's CPU against 0.03 ms for a ``SELECT 1``), so
    it is prepared once on each connection and then run with only its values (0.05 ms)."""
    if connection.vendor == "postgresql":
        return executed_prepared(sql, params)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone() if cursor.description else None


def executed_prepared(sql: str, params: list[Any]) -> tuple[Any, ...] | None:
    connection.ensure_connection()
    started = time.monotonic()
    with psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params, prepare=True)
        row = cursor.fetchone() if cursor.description else None
    if connection.queries_logged:  # counted where Django counts the others
        connection.queries_log.append({"sql": sql, "time": f"{time.monotonic() - started:.3f}"})
    return row


@dataclass(frozen=True)
class CodeHolder:
    """An unused code's group, whether it is a test code, and the state of the evaluation
    (its ``status``, ``opens_at`` and ``closes_at``, as ``accepting`` asks)."""

    is_test: bool
    group_id: int
    status: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime

    @property
    def form(self) -> Form:
        """What the holder fills in; kept per process once the evaluation runs."""
        frozen = self.status not in SETTABLE
        return running_form(self.group_id, self.opens_at.isoformat(), keep=frozen)


SETTABLE = {Evaluation.Status.DRAFT, Evaluation.Status.TESTING}
HOLDER_COLUMNS = (
    "batch__is_test",
    "batch__group_id",
    "batch__group__evaluation__status",
    "batch__group__evaluation__opens_at",
    "batch__group__evaluation__closes_at",
)


@functools.cache
def unused_codes() -> QuerySet[VotingCode, tuple[Any, ...]]:
    """The unused codes as rows of ``HOLDER_COLUMNS``, built once: resolving the five columns'
    joins cost more than the query itself, on every ballot."""
    return VotingCode.objects.filter(used=False).order_by().values_list(*HOLDER_COLUMNS)


def code_holder(code: str) -> CodeHolder | None:
    """The unused code (None: no such code, or used), in one query of plain values."""
    rows = list(unused_codes().filter(digest=codes.digest(code))[:1])
    return CodeHolder(*rows[0]) if rows else None


def stored_moment(value: datetime.datetime) -> datetime.datetime:
    """A time as a raw query returns it: aware from PostgreSQL, naive in UTC from SQLite."""
    return value if timezone.is_aware(value) else value.replace(tzinfo=datetime.UTC)


def claimed_code(code: str) -> CodeHolder | None:
    """Marks the unused code used and returns its holder (None: no such code, or used). In the
    caller's transaction: the row stays locked, and unused again if the ballot is refused."""
    row = executed(CLAIM_CODE, [True, codes.digest(code), False])
    if row is None:
        return None
    is_test, group_id, status, opens_at, closes_at = row
    return CodeHolder(
        bool(is_test), group_id, status, stored_moment(opens_at), stored_moment(closes_at)
    )


@contextlib.contextmanager
def one_writer_at_a_time() -> Iterator[None]:
    """On an SQLite file (one writer at a time), code ballots queue for the write lock on a lock
    file beside it: the kernel wakes the next ballot as soon as the lock is free, where SQLite's
    busy handler sleeps 1, 2, 5, 10 … ms between tries and leaves the CPU idle meanwhile (in the
    load script's A/B runs: 46–48% of /healthz with the queue, 22–42% without). PostgreSQL
    locks the code's row instead."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        yield
        return
    queue = lock_file(f"{connection.settings_dict['NAME']}.writers")
    fcntl.flock(queue, fcntl.LOCK_EX)
    try:
        yield
    finally:
        fcntl.flock(queue, fcntl.LOCK_UN)


THREAD = threading.local()


def lock_file(path: str) -> int:
    """The lock file, opened once by each server thread (a lock held through one open file is
    not shared with the thread's others, so each thread keeps its own)."""
    opened: dict[str, int] = THREAD.__dict__.setdefault("lock_files", {})
    if path not in opened:
        opened[path] = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    return opened[path]


def cast_with_code(code: str, data: Mapping[str, Any]) -> None:
    """One ballot for one code, in one short transaction: the code is claimed by a conditional
    UPDATE (``used`` false to true), then the evaluation and the marks are checked and the ballot
    inserted; any refusal rolls the claim back. A code votes once however many submit it at
    once: the others wait for the row and then find it used."""
    with one_writer_at_a_time(), transaction.atomic():
        holder = claimed_code(code)
        if holder is None:
            raise ValidationError(REFUSED_CODE, code="refused_code")
        if not accepting(holder, test=holder.is_test):
            raise ValidationError(NOT_ACCEPTING, code="not_accepting")
        marks, comments = read_marks(holder.form, data)
        store_ballot(holder.group_id, marks, comments, holder.is_test)


def cast_as_member(user: Any, group: EvaluatorGroup, data: Mapping[str, Any]) -> None:
    """A named evaluator's ballot; "has voted" is a separate row (no ballot, no time) whose
    unique constraint lets each member vote once."""
    try:
        with transaction.atomic():
            group = EvaluatorGroup.objects.select_related("evaluation__cycle").get(pk=group.pk)
            if not may_vote(user, group):
                raise ValidationError(
                    f"您不能填写「{group.evaluation} · {group.name}」（已填写或未开放）",
                    code="not_accepting",
                )
            marks, comments = read_marks(form_for(group, user), data)
            Participation.objects.create(group=group, user=user)
            store_ballot(group.pk, marks, comments, is_test=False)
    except IntegrityError:
        raise ValidationError("您已经填写过这张测评表", code="not_accepting") from None


def store_paper_ballots(
    group: EvaluatorGroup, slips: Iterable[tuple[Any, Any]], session: Any
) -> None:
    Ballot.objects.bulk_create(
        Ballot(
            group=group,
            cast_on=timezone.localdate(),
            is_test=session.is_test,
            paper_session=session,
            marks=marks,
            comments=comments,
        )
        for marks, comments in slips
    )
