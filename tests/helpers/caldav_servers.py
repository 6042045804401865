"""Real CalDAV servers for the sync tests: Radicale (in this process or as a subprocess) and
Xandikos, on 127.0.0.1 with an OS-chosen port and their storage in a temp dir.

Radicale and Xandikos are GPLv3: test dependencies, never bundled with closer_desk.

``Faults`` sits between the network and the real server (a WSGI middleware): it lets the
real server answer, or answers for it (507, 403, garbage XML), holds an answer past the
client's timeout, or calls back when the n-th write arrives (to kill a process there).
"""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parents[2]
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Any]

#: Users and passwords of the Radicale with accounts (htpasswd, plain).
USERS = {"camille": "camille-pw", "dominique": "dominique-pw", "assistant": "assistant-pw"}

#: The assistant may write Camille's calls and only read Dominique's.
RIGHTS = """\
[root]
user: .+
collection:
permissions: R

[principal]
user: .+
collection: {user}
permissions: RW

[own-calendars]
user: .+
collection: {user}/[^/]+
permissions: rw

[assistant-sees-the-closers]
user: assistant
collection: (camille|dominique)
permissions: R

[assistant-books-for-camille]
user: assistant
collection: camille/calls
permissions: rw

[assistant-reads-dominique]
user: assistant
collection: dominique/calls
permissions: r
"""


class _Threads(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *_args: Any) -> None:  # the servers log through logging already
        pass


@dataclass
class Rule:
    """One fault: requests whose method is in ``methods`` (and path contains ``path``) get
    ``status`` (with ``body``), or wait ``delay`` seconds before the real answer; ``after``
    requests pass first; ``times`` bounds how many get the fault (None: all); ``call`` runs
    when the fault fires (after the real server answered, when ``status`` is 0)."""

    methods: tuple[str, ...]
    status: int = 0
    body: bytes = b""
    content_type: str = "text/xml; charset=utf-8"
    delay: float = 0.0
    path: str = ""
    after: int = 0
    times: int | None = None
    call: Callable[[], None] | None = None
    before: Callable[[], None] | None = None
    seen: int = 0
    fired: int = 0


@dataclass
class Faults:
    """The WSGI middleware in front of a real server."""

    app: WSGIApp
    rules: list[Rule] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, rule: Rule) -> Rule:
        with self.lock:
            self.rules.append(rule)
        return rule

    def clear(self) -> None:
        with self.lock:
            self.rules.clear()

    def _match(self, method: str, path: str) -> Rule | None:
        with self.lock:
            for rule in self.rules:
                if method not in rule.methods or rule.path not in path:
                    continue
                rule.seen += 1
                if rule.seen <= rule.after:
                    continue
                if rule.times is not None and rule.fired >= rule.times:
                    continue
                rule.fired += 1
                return rule
        return None

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        # wsgiref's input blocks past the body: hand the servers exactly the body (Xandikos
        # reads to the end).
        length = int(environ.get("CONTENT_LENGTH") or 0)
        environ["wsgi.input"] = io.BytesIO(environ["wsgi.input"].read(length) if length else b"")
        with self.lock:
            self.requests.append((method, path))
        rule = self._match(method, path)
        if rule is not None and rule.status:
            start_response(
                f"{rule.status} Fault",
                [("Content-Type", rule.content_type), ("Content-Length", str(len(rule.body)))],
            )
            return [rule.body]
        if rule is not None and rule.before is not None:
            rule.before()
        if rule is not None and rule.delay:
            time.sleep(rule.delay)  # holding the answer past the client's timeout
        answer = list(self.app(environ, start_response))
        if rule is not None and rule.call is not None:
            rule.call()
        return answer


@dataclass
class Server:
    """A running server: its base URL, storage folder and fault middleware."""

    url: str
    storage: Path
    faults: Faults
    _httpd: Any = None
    _thread: threading.Thread | None = None

    def calendar(self, *path: str) -> str:
        """The URL of a calendar below the base (``calendar("camille", "calls")``)."""
        return self.url + "/".join(path) + "/"

    def stored_text(self) -> str:
        """Everything the server wrote to disk, as text (for the privacy test)."""
        parts = []
        for path in sorted(self.storage.rglob("*")):
            if path.is_file():
                parts.append(path.read_bytes().decode("utf-8", "replace"))
        return "\n".join(parts)

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)


def _serve(app: WSGIApp, storage: Path, port: int = 0) -> Server:
    faults = Faults(app)
    httpd = make_server("127.0.0.1", port, faults, server_class=_Threads, handler_class=_Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True, name="caldav-server")
    thread.start()
    port = httpd.server_address[1]
    return Server(f"http://127.0.0.1:{port}/", storage, faults, httpd, thread)


def start_files(folder: Path) -> Server:
    """Plain files over HTTP (an ``.ics`` address of a Google or Outlook calendar)."""

    def files(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = folder / environ.get("PATH_INFO", "/").lstrip("/")
        if environ["REQUEST_METHOD"] != "GET" or not path.is_file():
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        data = path.read_bytes()
        start_response(
            "200 OK", [("Content-Type", "text/calendar"), ("Content-Length", str(len(data)))]
        )
        return [data]

    folder.mkdir(parents=True, exist_ok=True)
    return _serve(files, folder)


def radicale_app(storage: Path, *, accounts: bool = False, fsync: bool = True) -> WSGIApp:
    """Radicale's WSGI application on ``storage``: without authentication (anyone may write
    every calendar), or with ``USERS`` and the ``RIGHTS`` file."""
    import radicale
    import radicale.config

    settings: dict[str, dict[str, str]] = {
        "storage": {
            "filesystem_folder": str(storage / "collections"),
            "_filesystem_fsync": str(fsync),
            # Radicale forgets a sync token older than this by comparing the token file's
            # time with time.time(); under `make test-dates` the clock is faked months ahead
            # of the files' real times, so a token made a second ago would be "expired" and
            # every sync would get the whole listing. Never in a test's lifetime.
            "max_sync_token_age": str(10**10),
        },
        "auth": {"type": "none"},
        "rights": {"type": "authenticated"},
        "logging": {"level": "error", "mask_passwords": "True"},
        "web": {"type": "none"},
    }
    if accounts:
        users = storage / "users"
        users.write_text("".join(f"{u}:{p}\n" for u, p in USERS.items()))
        rights = storage / "rights"
        rights.write_text(RIGHTS)
        settings["auth"] = {
            "type": "htpasswd",
            "htpasswd_filename": str(users),
            "htpasswd_encryption": "plain",
            "delay": "0",
        }
        settings["rights"] = {"type": "from_file", "file": str(rights)}
    configuration = radicale.config.load([])
    configuration.update(settings, "test", privileged=True)
    app: WSGIApp = radicale.Application(configuration)
    return app


def start_radicale(storage: Path, *, accounts: bool = False, port: int = 0) -> Server:
    """Radicale in this process (on ``port``: started again where a stopped one was)."""
    storage.mkdir(parents=True, exist_ok=True)
    return _serve(radicale_app(storage, accounts=accounts), storage / "collections", port)


def start_xandikos(storage: Path) -> Server:
    """Xandikos in this process, one user whose calendars live under ``/user/calendars/``."""
    from xandikos.web import SingleUserFilesystemBackend, XandikosApp

    storage.mkdir(parents=True, exist_ok=True)
    backend = SingleUserFilesystemBackend(str(storage))
    backend._mark_as_principal("/user/")
    backend.create_principal("/user/", create_defaults=True)
    app = XandikosApp(backend, current_user_principal="/user/")
    return _serve(app.handle_wsgi_request, storage)


@dataclass
class RadicaleProcess:
    """Radicale as a child process (``tests.helpers.radicale_process``), for tests that
    kill the server: its URL, storage and port (a restart listens on the same port)."""

    storage: Path
    port: int
    process: subprocess.Popen[str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def calendar(self, *path: str) -> str:
        return self.url + "/".join(path) + "/"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        if self.process.stdout is not None:
            self.process.stdout.close()


def spawn_radicale(
    storage: Path, *, port: int = 0, die_after_puts: int = 0, bench: bool = False
) -> RadicaleProcess:
    """Start Radicale in a child process and wait until it listens. ``die_after_puts``: the
    process kills itself (SIGKILL) once it has stored that many PUTs, before answering the
    last one."""
    storage.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, "-m", "tests.helpers.radicale_process", str(storage), str(port)]
    if die_after_puts:
        argv += ["--die-after-puts", str(die_after_puts)]
    if bench:
        argv.append("--bench")
    child = subprocess.Popen(
        argv,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if not line.startswith("port "):
        child.kill()
        raise RuntimeError(f"radicale did not start: {line!r}")
    return RadicaleProcess(storage, int(line.split()[1]), child)


def free_port() -> int:
    """A port nothing listens on now (for a server started later on a known port)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def iter_lines(process: subprocess.Popen[str]) -> Iterator[str]:
    """The lines a child prints, as they come."""
    assert process.stdout is not None
    for line in process.stdout:
        yield line.rstrip("\n")
