"""DocumentLock: a second holder is told who has the document; a dead holder leaves no lock."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from orgmodel.persistence.errors import DocumentLockedError
from orgmodel.persistence.lock import DocumentLock, lock_path

HOLD = """
import sys, time
from orgmodel.persistence.lock import DocumentLock
lock = DocumentLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""

TRY = """
import sys
from orgmodel.persistence.errors import DocumentLockedError
from orgmodel.persistence.lock import DocumentLock
try:
    DocumentLock(sys.argv[1]).acquire()
except DocumentLockedError as error:
    print(error)
    sys.exit(3)
print("acquired")
"""


def _holder(doc: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(doc)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_lock_file_sits_beside_the_document(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "a.orgmodel") == tmp_path / ".~a.orgmodel.lock"


def test_second_process_is_told_who_holds_it(tmp_path: Path) -> None:
    doc = tmp_path / "a.orgmodel"
    proc = _holder(doc)
    try:
        with pytest.raises(DocumentLockedError) as info:
            DocumentLock(doc).acquire()
        message = str(info.value)
        assert f"pid {proc.pid} on {socket.gethostname()}" in message
        assert "is open in another OrgModel" in message and "\n" not in message
        other = subprocess.run([sys.executable, "-c", TRY, str(doc)], capture_output=True,
                               text=True, timeout=60)
        assert other.returncode == 3 and f"pid {proc.pid}" in other.stdout
    finally:
        proc.kill()
        proc.wait()


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    doc = tmp_path / "a.orgmodel"
    proc = _holder(doc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert lock_path(doc).exists()  # the file stays behind, but nobody holds it
    with DocumentLock(doc) as lock:
        assert lock.held
        assert f"pid={os.getpid()}" in lock_path(doc).read_text()
    assert not lock_path(doc).exists()


def test_second_lock_in_the_same_process_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "a.orgmodel"
    with DocumentLock(doc):
        with pytest.raises(DocumentLockedError, match=f"pid {os.getpid()}"):
            DocumentLock(doc).acquire()
    with DocumentLock(doc) as again:
        assert again.held


def test_release_lets_another_process_in(tmp_path: Path) -> None:
    doc = tmp_path / "a.orgmodel"
    lock = DocumentLock(doc)
    lock.acquire()
    lock.acquire()  # idempotent
    lock.release()
    lock.release()
    result = subprocess.run([sys.executable, "-c", TRY, str(doc)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "acquired"
