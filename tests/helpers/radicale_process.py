"""``python -m tests.helpers.radicale_process STORAGE PORT [--die-after-puts N] [--bench]``:
Radicale (without authentication) in its own process, printing ``port N`` once it listens.

``--die-after-puts N`` makes the process kill itself with SIGKILL right after storing its
N-th PUT and before answering it: the client's write reached the disk, its answer never came.

``--bench`` is for the benchmark only. Each write of Radicale 3 reads the whole calendar twice
over: a new object's UID is checked against every object (``BaseCollection.has_uid`` reads
them all), and every PUT scans the sync history of every object for deleted ones
(``_clean_history``); with an fsync of each of its six files on top, a write to a calendar of
10,000 calls costs a fraction of a second whoever the client is. The benchmark measures the
clients: the UIDs are indexed (same answers), the history is cleaned when an object is
deleted (the only time it can hold a deleted object), and the files are not fsynced (the
server's own ``_filesystem_fsync`` setting). The floor and closer_desk run on the same server.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from tests.helpers.caldav_servers import _Quiet, _Threads, radicale_app


def _for_benchmarks() -> None:
    from radicale.storage.multifilesystem import Collection

    index: dict[str, set[str]] = {}
    upload, delete = Collection.upload, Collection.delete

    def has_uid(self: Any, uid: str) -> bool:
        if self.path not in index:
            index[self.path] = {item.uid for item in self.get_all()}
        return uid in index[self.path]

    def indexed_upload(self: Any, href: str, item: Any) -> Any:
        result = upload(self, href, item)
        index.setdefault(self.path, set()).add(item.uid)
        return result

    def indexed_delete(self: Any, href: str | None = None) -> None:
        index.pop(self.path, None)
        delete(self, href)
        clean(self)

    clean = Collection._clean_history
    Collection._clean_history = lambda self: None  # type: ignore[method-assign]

    Collection.has_uid = has_uid  # type: ignore[method-assign]
    Collection.upload = indexed_upload  # type: ignore[method-assign]
    Collection.delete = indexed_delete  # type: ignore[method-assign]


def main(argv: list[str]) -> None:
    from wsgiref.simple_server import make_server

    storage, port = Path(argv[0]), int(argv[1])
    die_after = int(argv[argv.index("--die-after-puts") + 1]) if "--die-after-puts" in argv else 0
    bench = "--bench" in argv
    if bench:
        _for_benchmarks()
    app = radicale_app(storage, fsync=not bench)
    puts = [0]

    def dying(environ: dict[str, Any], start_response: Any) -> Any:
        answer = list(app(environ, start_response))
        if die_after and environ["REQUEST_METHOD"] == "PUT":
            puts[0] += 1
            if puts[0] >= die_after:
                os.kill(os.getpid(), signal.SIGKILL)
        return answer

    httpd = make_server("127.0.0.1", port, dying, server_class=_Threads, handler_class=_Quiet)
    sys.stdout.write(f"port {httpd.server_address[1]}\n")
    sys.stdout.flush()
    httpd.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
