"""`bansou handout`: an A4 PDF of the print page with Japanese text and page numbers."""
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: install poppler-utils (make system-deps)")
    return path


def handout(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bansou.cli", "handout", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def pdf(built_site):
    result = handout("intro", "--site", str(built_site))
    assert result.returncode == 0, result.stderr[-3000:]
    out = built_site / "courses/intro/handout.pdf"  # where `make handouts` publishes it
    assert out.exists() and str(out) in result.stdout
    return out


def test_pdf_has_the_japanese_text_and_no_trainer_notes(pdf):
    text = subprocess.run([tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "伴走者入門" in text and "今日は生活保護の申請に来ました" in text
    assert "講義は20分で切り上げます" not in text  # a trainer note of module 9
    assert "講師用表示" not in text and "検索" not in text  # no switch, no search box
    assert "1 / " in text  # page numbers in the footer


def test_pdf_is_a4_with_a_plausible_page_count_and_embedded_fonts(pdf):
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 30 <= pages <= 120, pages
    assert "(A4)" in info
    fonts = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(row.split()[-5] == "yes" for row in rows), fonts  # the "emb" column


def test_unknown_course_is_a_clear_error():
    result = handout("no-such-course", "--site", "/nonexistent")
    assert result.returncode == 2
    assert "講座「no-such-course」がありません" in result.stderr and "intro" in result.stderr
    assert "Traceback" not in result.stderr
