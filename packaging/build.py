"""Build OrgModel's desktop packages: icons, the PyInstaller one-folder bundle, and a .deb.

    python packaging/build.py                 # icons + bundle + smoke test of the bundle
    python packaging/build.py --deb           # ... + .deb from the bundle
    python packaging/build.py --deb --install # ... + dpkg -i, smoke test of the installed command

Outputs go to packaging/build/ (ignored by git). Each step prints its time; the script exits
non-zero when a step or a smoke test fails. A build-time script, not part of the orgmodel package.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "packaging" / "build"
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.orgmodel.OrgModel"
DEPENDS = "libgl1, libegl1, libxkbcommon0, libfontconfig1, libglib2.0-0, libdbus-1-3, fonts-dejavu-core, libxcb-cursor0"


def _version() -> str:
    sys.path.insert(0, str(ROOT))
    from orgmodel import __version__

    return __version__


def _step(name: str, func, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func(*args)
    print(f"[build] {name}: {time.perf_counter() - start:.1f} s", flush=True)
    return result


def _run(cmd: list[str], **kwargs) -> None:  # type: ignore[no-untyped-def]
    print("[build] $", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kwargs)


def icons() -> Path:
    out = BUILD / "icons"
    _run([sys.executable, str(ROOT / "packaging" / "icons.py")], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return out


def bundle() -> Path:
    _run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
          "--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "work"),
          str(ROOT / "packaging" / "orgmodel.spec")])
    folder = BUILD / "dist" / "orgmodel"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"[build] bundle: {folder.relative_to(ROOT)} ({size / 1e6:.0f} MB)")
    return folder


def smoke(command: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    _run([command, "--smoke-test"], env=env, timeout=300)


def deb(folder: Path) -> Path:
    version = _version()
    arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
    stage = BUILD / "deb" / f"orgmodel_{version}_{arch}"
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / "opt" / "orgmodel"
    shutil.copytree(folder, opt, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    (stage / "usr" / "bin" / "orgmodel").symlink_to("/opt/orgmodel/orgmodel")
    share = stage / "usr" / "share"
    for sub, src, name in (("applications", f"{APP_ID}.desktop", f"{APP_ID}.desktop"),
                           ("metainfo", f"{APP_ID}.metainfo.xml", f"{APP_ID}.metainfo.xml"),
                           ("mime/packages", "orgmodel-mime.xml", "orgmodel.xml")):
        (share / sub).mkdir(parents=True, exist_ok=True)
        shutil.copy2(LINUX / src, share / sub / name)
    for png in sorted((BUILD / "icons").glob("orgmodel-*.png")):
        size = png.stem.split("-")[1]
        for icon in (APP_ID, "application-x-orgmodel"):
            folder_apps = share / "icons" / "hicolor" / f"{size}x{size}" / ("apps" if icon == APP_ID else "mimetypes")
            folder_apps.mkdir(parents=True, exist_ok=True)
            shutil.copy2(png, folder_apps / f"{icon}.png")
    control = stage / "DEBIAN"
    control.mkdir()
    installed = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file()) // 1024
    (control / "control").write_text(
        f"Package: orgmodel\nVersion: {version}\nSection: misc\nPriority: optional\nArchitecture: {arch}\n"
        f"Maintainer: OrgModel developers <orgmodel@users.noreply.github.com>\nDepends: {DEPENDS}\n"
        f"Installed-Size: {installed}\nHomepage: https://github.com/orgmodel/orgmodel\n"
        "Description: model engineering organisations and simulate their operational load\n"
        " OrgModel draws teams, people, services and platforms as a graph and simulates\n"
        " support load and SRE capacity as the organisation grows.\n")
    trigger = ("#!/bin/sh\nset -e\n"
               "command -v update-desktop-database >/dev/null && update-desktop-database -q /usr/share/applications || true\n"
               "command -v update-mime-database >/dev/null && update-mime-database /usr/share/mime || true\n"
               "command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q /usr/share/icons/hicolor || true\n")
    for script in ("postinst", "postrm"):
        (control / script).write_text(trigger)
        (control / script).chmod(0o755)
    out = BUILD / f"orgmodel_{version}_{arch}.deb"
    _run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z3", "--build", str(stage), str(out)], stdout=subprocess.DEVNULL)
    print(f"[build] deb: {out.relative_to(ROOT)} ({out.stat().st_size / 1e6:.0f} MB)")
    return out


def install(package: Path) -> None:
    _run(["dpkg", "-i", str(package)])
    smoke("/usr/bin/orgmodel")
    desktop = Path("/usr/share/applications") / f"{APP_ID}.desktop"
    if not desktop.is_file():
        raise SystemExit(f"{desktop} was not installed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", action="store_true", help="also build a .deb from the bundle")
    parser.add_argument("--install", action="store_true", help="install the .deb (dpkg -i, as root) and smoke-test it")
    parser.add_argument("--no-smoke", action="store_true", help="skip the bundle's smoke test")
    args = parser.parse_args()
    start = time.perf_counter()
    _step("icons", icons)
    folder = _step("bundle", bundle)
    if not args.no_smoke:
        _step("smoke test (bundle)", smoke, str(folder / "orgmodel"))
    if args.deb or args.install:
        package = _step("deb", deb, folder)
        if args.install:
            _step("install + smoke test (deb)", install, package)
    print(f"[build] total: {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
