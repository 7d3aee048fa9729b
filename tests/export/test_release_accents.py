"""A release prints accented letters (newcomer 5, finding 20: every release holding é, ñ, Í,
ü, ç or Cyrillic Х was refused as a bug, "the font ... draws code 1 as a glyph that is not
'é' (its text mapping lies)": verify compared a composite glyph by its components' names, which
a subset renames). The cable is the seed cable with accented words added."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from corpus import SAMPLE
from export_helpers import OPTIONS, release_rest

from workbench.cable import parse_cable
from workbench.export import publish
from workbench.review.model import Review

WORDS = "José Muñoz Peña, EL PAÍS, Müller, Français, Хабаровск"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_accented_letters_are_released_and_verified() -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("Government of Norway", WORDS)
    cable = parse_cable(text, "x.txt")
    data = publish.make("release", cable, release_rest(Review.for_cable(cable)), OPTIONS)
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    assert " ".join(WORDS.split()) in " ".join(out.stdout.decode().split())
