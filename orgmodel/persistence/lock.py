"""A lock that tells a second OrgModel that a document is already open.

``DocumentLock(path)`` holds ``fcntl.flock`` on a small file beside the document
(``.~name.orgmodel.lock``) that records who holds it (pid, host, user). The kernel drops the lock
when the holding process ends, so a crash never leaves a stale lock: a leftover lock file that
nobody holds is simply taken over. A second process (or a second lock in the same process)
gets ``DocumentLockedError`` naming the holder. Not for protecting the file's bytes: saves are
atomic on their own (``store.py``); the lock prevents two editors silently overwriting each other.
"""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path
from types import TracebackType

from orgmodel.persistence.errors import DocumentError, DocumentLockedError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]


def lock_path(document: str | os.PathLike[str]) -> Path:
    """The lock file of a document: ``.~NAME.lock`` in the same folder."""
    doc = Path(document)
    return doc.with_name(f".~{doc.name}.lock")


def _whoami() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises several kinds when unknown
        user = "unknown"
    return f"pid={os.getpid()}\nhost={socket.gethostname()}\nuser={user}\n"


def _describe_holder(text: str) -> str:
    info = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    pid, host = info.get("pid", "?"), info.get("host", "?")
    user = f", user {info['user']}" if info.get("user") else ""
    return f"pid {pid} on {host}{user}"


class DocumentLock:
    """An exclusive, crash-safe lock on one document (context manager)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.document = Path(path)
        self.path = lock_path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise ``DocumentLockedError`` naming the process that holds it."""
        if self._fd is not None:
            return
        if fcntl is None:  # pragma: no cover - not POSIX
            raise DocumentError("Document locks need a POSIX system (fcntl).")
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = self._read(fd)
                os.close(fd)
                raise DocumentLockedError(
                    f"{self.document} is open in another OrgModel ({holder})."
                ) from None
            if self._same_file(fd):
                break
            os.close(fd)  # the holder removed the lock file between our open and flock
        os.ftruncate(fd, 0)
        os.pwrite(fd, _whoami().encode("utf-8"), 0)
        self._fd = fd

    def release(self) -> None:
        """Drop the lock and remove the lock file (nothing happens if it is not held)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
        os.close(fd)

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise DocumentError(
                f"Cannot lock {self.document}: {error.strerror or error} ({self.path})."
            ) from None

    def _same_file(self, fd: int) -> bool:
        try:
            return os.fstat(fd).st_ino == os.stat(self.path).st_ino
        except FileNotFoundError:
            return False

    @staticmethod
    def _read(fd: int) -> str:
        try:
            return _describe_holder(os.pread(fd, 4096, 0).decode("utf-8", "replace"))
        except OSError:
            return "unknown process"

    def __enter__(self) -> DocumentLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def __del__(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
