"""The desktop entry, AppStream metainfo and icons in packaging/ are valid and consistent."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[2] / "packaging"
APP_ID = "io.github.declassification_workbench.Workbench"
DESKTOP = PKG / f"{APP_ID}.desktop"
METAINFO = PKG / f"{APP_ID}.metainfo.xml"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_runs_the_window_with_our_icon():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[:2] == ["workbench", "gui"]
    assert entry["Icon"] == APP_ID


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_entry_validates():
    r = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr


def test_metainfo_names_the_desktop_entry():
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == DESKTOP.name  # type: ignore[union-attr]
    from workbench import __version__

    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="Debian's appstream absent")
def test_metainfo_validates():
    r = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert r.returncode == 0, r.stdout + r.stderr


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", SIZES)
def test_png_icon_sizes(size: int):
    png = PKG / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert _png_size(png) == (size, size)


def test_svg_icon_is_square_svg():
    root = ET.parse(PKG.parent / "resources" / "icons" / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


def test_window_names_the_desktop_entry_and_has_the_icon(qapp):
    from workbench.gui.app import APP_ID, application

    assert DESKTOP.stem == APP_ID
    app = application()
    assert app.desktopFileName() == APP_ID
    assert not app.windowIcon().isNull()
    assert app.windowIcon().pixmap(32, 32).width() == 32
