"""`mkdocs serve` in a process of its own, as an editor runs it: for the benchmark's editor
loop and the tests of what a save rebuilds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

# Only the local server is ever asked, whatever proxy the environment names.
LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ServeError(RuntimeError):
    """The server did not show what was awaited; the message ends with what it said."""


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    log: IO[bytes]

    def output(self) -> str:
        """Everything the server has printed so far."""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, text: str, timeout: float, server: subprocess.Popen[bytes]) -> float:
    """Seconds until the page at `url` contains `text`, asked every 20 ms."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout and server.poll() is None:
        try:
            with LOCAL.open(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return time.perf_counter() - start
        except OSError:  # not listening yet, or mid-rebuild
            pass
        time.sleep(0.02)
    raise RuntimeError(f"{url} did not show {text!r} within {timeout:.0f} s")


@contextmanager
def mkdocs_serve(config: Path, port: int, environ: dict[str, str]) -> Iterator[Server]:
    """`mkdocs serve --livereload` of `config` on 127.0.0.1:`port`, in its own process group,
    stopped at the end of the block. A RuntimeError in the block (a `wait_for` that timed out)
    becomes a ServeError carrying the server's output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config)]
    command += ["--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command, cwd=config.parent, env={**env, **environ}, stdout=log, stderr=log,
            start_new_session=True,
        )  # fmt: skip
        server = Server(process, log)
        try:
            yield server
        except RuntimeError as error:
            raise ServeError(f"{error}; mkdocs serve said:\n{server.output()}") from None
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
