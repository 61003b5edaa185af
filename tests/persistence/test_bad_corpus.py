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


def _jobs(files: list[Path], out_dir: Path) -> list[tuple[Path, list[str]]]:
    jobs = []
    for i, path in enumerate(files):
        out = out_dir / f"out{i}.json"
        jobs += [(path, ["info", str(path)]), (path, ["validate", str(path)]),
                 (path, ["convert", str(path), str(out)])]
    return jobs


def test_commands_refuse_every_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``orgmodel info|validate|convert FILE`` (in process): exit 2, one line on stderr, file unchanged."""
    from orgmodel.cli import main

    before = {p: _state(p) for p in FILES}
    failures = []
    for path, args in _jobs(FILES, tmp_path):
        code = main(args)  # an escaping exception fails the test: that would be a traceback
        err = capsys.readouterr().err
        if code != 2 or len(err.splitlines()) != 1:
            failures.append(f"{args[0]} {path.name}: exit {code}, stderr {err[-300:]!r}")
    assert not failures, "\n".join(failures)
    assert {p: _state(p) for p in FILES} == before
    assert not list(tmp_path.glob("out*.json")), "convert wrote output for a bad input"


@pytest.mark.slow
def test_commands_refuse_bad_files_as_processes(tmp_path: Path) -> None:
    """The same through real processes, for a sample of every kind of bad file: no traceback."""
    sample = sorted({p.suffix: p for p in FILES}.values()) + FILES[:: max(1, len(FILES) // 6)]
    before = {p: _state(p) for p in sample}
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: (job, _run(job[1], tmp_path)), _jobs(sample, tmp_path)))
    failures = []
    for (path, args), result in results:
        lines = result.stderr.splitlines()
        ok = result.returncode == 2 and len(lines) == 1 and "Traceback" not in result.stderr
        if not ok:
            failures.append(f"{' '.join(args[:1])} {path.name}: exit {result.returncode}, "
                            f"stderr {result.stderr[-300:]!r}")
    assert not failures, "\n".join(failures)
    assert {p: _state(p) for p in sample} == before
    assert not list(tmp_path.glob("out*.json")), "convert wrote output for a bad input"
