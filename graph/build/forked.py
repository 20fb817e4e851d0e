"""A build step's work in a forked child process: it starts with a copy-on-write snapshot of the build's
state (the store as it is at the fork), runs on the other core, and hands back a small picklable result.

Used for SHACL (graph.build.shacl_job) and for build steps that only read the store (the search index),
so they run beside the rest of the build instead of after it. Where fork is not available the work
runs in line, with the same result.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from graph.errors import BuildError


def _child(work: Callable[[], Any], send: Connection) -> None:
    try:
        send.send(("ok", work()))
    except BaseException as exc:  # the parent raises it as the build's error
        send.send(("error", f"{type(exc).__name__}: {exc}"))


class Forked:
    """`work()` in a forked child (or done at once, in line); `result()` waits for its value."""

    def __init__(self, work: Callable[[], Any], name: str, fork: bool = True) -> None:
        self.name = name
        self._done = False
        self._value: Any = None
        self._process: BaseProcess | None = None
        self._receive: Connection | None = None
        if not fork or "fork" not in multiprocessing.get_all_start_methods():
            self._value, self._done = work(), True
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(work, send), daemon=True, name=f"perhepolku-{name}")
        self._process.start()
        send.close()

    def ready(self) -> bool:
        return self._done or (self._receive is not None and self._receive.poll())

    def result(self) -> Any:
        """Wait for the value; BuildError if the work raised or the child died."""
        if not self._done and self._receive is not None and self._process is not None:
            try:
                status, value = self._receive.recv()
            except EOFError:
                status, value = "error", f"the process ended without a result (exit {self._process.exitcode})"
            finally:
                self._process.join()
            if status != "ok":
                raise BuildError(f"{self.name} failed: {value}")
            self._value, self._done = value, True
        return self._value

    def cancel(self) -> None:
        """Stop a running child (the build failed elsewhere)."""
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
