"""Every file of tests/data/bad is refused with one clear line and left byte-identical.

Two tiers: ``load_model`` in this process (the shared loader of every command, which calls
``open_document`` for .orgmodel files) and, marked slow, the real commands ``orgmodel info``,
``validate`` and ``convert`` in subprocesses, checking exit code 2, one line on stderr and no
traceback. Regenerate the corpus with ``python tests/data/bad/make_corpus.py``.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from orgmodel.cli.common import load_model
from orgmodel.core.errors import OrgModelError
from orgmodel.persistence.errors import DocumentError
from orgmodel.persistence.store import open_document

CORPUS = Path(__file__).parents[1] / "data" / "bad"
FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".orgmodel", ".json"))
IDS = [p.name for p in FILES]


def _state(path: Path) -> str:
    """A digest of a file (or of a folder's listing and contents) to prove nothing changed."""
    if path.is_dir():
        parts = [f"{p.name}:{_state(p)}" for p in sorted(path.iterdir())]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing() -> list[str]:
    return sorted(p.name for p in CORPUS.iterdir())


def test_the_corpus_is_big_and_varied() -> None:
    assert len(FILES) >= 30
    assert sum(p.suffix == ".json" for p in FILES) >= 10
    assert sum(p.suffix == ".orgmodel" for p in FILES) >= 20
    assert any(p.is_dir() for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_load_model_refuses_in_one_sentence(path: Path) -> None:
    before, listing = _state(path), _listing()
    with pytest.raises(OrgModelError) as info:
        load_model(str(path))
    message = str(info.value)
    assert message.strip() and "\n" not in message and "Traceback" not in message
    assert _state(path) == before
    assert _listing() == listing  # no journal, lock or temporary file appeared


@pytest.mark.parametrize("path", [p for p in FILES if p.suffix == ".orgmodel" and p.is_file()],
                         ids=[p.name for p in FILES if p.suffix == ".orgmodel" and p.is_file()])
def test_open_document_names_the_file(path: Path) -> None:
    with pytest.raises(DocumentError, match=r"^Cannot open .*\.$") as info:
        open_document(path)
    assert str(path) in str(info.value)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "orgmodel", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd, env=env)


@pytest.mark.slow
def test_commands_refuse_every_bad_file(tmp_path: Path) -> None:
    """``orgmodel info|validate|convert FILE``: exit 2, one line on stderr, file unchanged."""
    before = {p: _state(p) for p in FILES}
    jobs = []
    for i, path in enumerate(FILES):
        out = tmp_path / f"out{i}.json"
        jobs += [(path, ["info", str(path)]), (path, ["validate", str(path)]),
                 (path, ["convert", str(path), str(out)])]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda job: (job, _run(job[1], tmp_path)), jobs))
    failures = []
    for (path, args), result in results:
        lines = result.stderr.splitlines()
        ok = result.returncode == 2 and len(lines) == 1 and "Traceback" not in result.stderr
        if not ok:
            failures.append(f"{' '.join(args[:1])} {path.name}: exit {result.returncode}, "
                            f"stderr {result.stderr[-300:]!r}")
    assert not failures, "\n".join(failures)
    assert {p: _state(p) for p in FILES} == before
    assert not list(tmp_path.glob("out*.json")), "convert wrote output for a bad input"
