"""Atomic writes: the target is replaced whole or not at all, and no temporary file is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgmodel.core.fileio import write_text_atomic, write_with


def test_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "org.json"
    write_text_atomic(target, "first")
    write_text_atomic(target, "second ✓")
    assert target.read_text("utf-8") == "second ✓"
    assert [p.name for p in tmp_path.iterdir()] == ["org.json"]


def test_a_failing_writer_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "org.json"
    target.write_text("old")

    def writer(path: Path) -> None:
        path.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_with(target, writer)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["org.json"]


def test_existing_permissions_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "org.json"
    target.write_text("old")
    target.chmod(0o600)
    write_text_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o600
