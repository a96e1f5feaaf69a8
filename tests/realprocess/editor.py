"""An editor in a child process, as a user starts it, that a test can kill -9.

``python -m workbench [FILE]`` runs offscreen with its own data folder and
settings, short autosave delays, and the scripted-edits hook
(``JOURNEY_WORKBENCH_TEST_EDITS``), which prints ``scripted edit I TIME`` as
each edit is done. Used by the tests beside this file and by
``benchmarks/kill_recover.py``.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from workbench.model.datafolder import DATA_ENV
from workbench.ui.autosave import DELAY_ENV, MAX_ENV, TEST_EDITS_ENV

ROOT = Path(__file__).resolve().parents[2]


def editor_env(data: Path, *, delay: float | None, maximum: float | None, edits: str = "") -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE="en", **{DATA_ENV: str(data)})
    env["XDG_CONFIG_HOME"] = str(data.parent / (data.name + "-config"))
    for name, value in ((DELAY_ENV, delay), (MAX_ENV, maximum)):
        env.pop(name, None)
        if value is not None:
            env[name] = str(value)
    env.pop(TEST_EDITS_ENV, None)
    if edits:
        env[TEST_EDITS_ENV] = edits
    return env


class Editor:
    """A running ``python -m workbench``, its printed lines read as they come."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.started = time.time()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "workbench", *args], cwd=ROOT, env=env,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.edits: list[tuple[int, float]] = []
        self.stderr = ""
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_for_edits(self, count: int, timeout: float = 60.0) -> list[tuple[int, float]]:
        """The (number, time) of the first *count* scripted edits, once all are done."""
        deadline = time.monotonic() + timeout
        while len(self.edits) < count:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"{len(self.edits)} of {count} edits after {timeout} s: {self.finish()}") from None
            if line.startswith("scripted edit "):
                _, _, number, moment = line.split()
                self.edits.append((int(number), float(moment)))
        return self.edits

    def drain(self) -> None:
        """Note the edits printed so far, without waiting for more."""
        while True:
            try:
                line = self.lines.get_nowait()
            except queue.Empty:
                return
            if line.startswith("scripted edit "):
                _, _, number, moment = line.split()
                self.edits.append((int(number), float(moment)))

    def kill(self) -> float:
        """kill -9, as a crash or a power cut does; returns when (time.time()). Reaped: no zombie."""
        moment = time.time()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        time.sleep(0.05)  # the reader thread takes the last lines out of the pipe
        self.drain()
        return moment

    def finish(self) -> str:
        """Stop the editor if it still runs; its stderr, for a failure message."""
        if self.process.poll() is None:
            self.process.kill()
        try:
            _, err = self.process.communicate(timeout=30)
        except (ValueError, subprocess.TimeoutExpired):
            err = ""
        self.stderr += err or ""
        return self.stderr[-3000:]
