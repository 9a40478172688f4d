"""`bansou handout [COURSE ...] [--all] [--lang ja] [--output PATH] [--site DIR] [--build]`

Prints a course's all-in-one print page to an A4 PDF with the headless Chromium the
project already uses for its browser tests (Playwright's page.pdf). Chromium embeds
the system's Japanese fonts (fonts-noto-cjk) and writes page numbers in the footer;
the print stylesheet leaves out navigation, header, footer and search.
Why Chromium: no extra PDF toolchain, and Japanese renders exactly as on screen.
"""
from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = os.environ.get("BANSOU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
FOOTER = ('<div style="width:100%;font-size:8px;color:#555;text-align:center;'
          'font-family:\'Noto Sans CJK JP\',sans-serif">{title} — '
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


@dataclass(frozen=True)
class Handout:
    course: str
    lang: str
    pdf: Path
    pages: int
    bytes: int


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "handout", help="講座の PDF 配布資料を作る / build a course's PDF handout",
        description="講座の印刷用ページから A4 の PDF を作ります。 / Builds an A4 PDF from a course's print page.")
    parser.add_argument("courses", nargs="*", metavar="COURSE", help="講座の ID(例:intro) / course id (e.g. intro)")
    parser.add_argument("--all", action="store_true", help="すべての講座 / every course")
    parser.add_argument("--lang", default=None, help="言語(既定:日本語) / language (default: Japanese)")
    parser.add_argument("--output", type=Path, help="PDF の保存先(講座が一つのとき) / output file (one course only)")
    parser.add_argument("--site", type=Path, default=Path("site"),
                        help="作成済みのサイト(既定:site)/ a built site (default: site)")
    parser.add_argument("--build", action="store_true",
                        help="サイトを作り直してから PDF を作る / rebuild the site first")
    parser.set_defaults(func=run)


def _error(ja: str, en: str) -> int:
    print(f"エラー: {ja}\nerror: {en}", file=sys.stderr)
    return 2


def build_site(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
                          cwd=root, env=env, capture_output=True, text=True)


def print_page(site: Path, course: str, lang: str, default_lang: str) -> Path:
    prefix = Path() if lang == default_lang else Path(lang)
    return site / prefix / "courses" / course / "print" / "index.html"


def default_output(site: Path, course: str, lang: str, default_lang: str) -> Path:
    prefix = Path() if lang == default_lang else Path(lang)
    return site / prefix / "courses" / course / "handout.pdf"


def render_pdf(page_file: Path, pdf: Path, title: str) -> int:
    """Print one HTML file to A4 PDF; returns the page count."""
    from playwright.sync_api import sync_playwright
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.goto(page_file.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.evaluate("document.fonts.ready.then(() => true)")
            page.pdf(path=str(pdf), format="A4", print_background=True, display_header_footer=True,
                     header_template="<div></div>", footer_template=FOOTER.format(title=html.escape(title)),
                     margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"})
        finally:
            browser.close()
    return pdf_pages(pdf)


def pdf_pages(pdf: Path) -> int:
    """Page count from the PDF's page tree (Chromium writes one /Type /Pages root with /Count)."""
    import re
    data = pdf.read_bytes()
    counts = [int(m) for m in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data)]
    counts += [int(m) for m in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", data)]
    return max(counts) if counts else len(re.findall(rb"/Type\s*/Page\b", data))


def make_handouts(project, courses: list[str], lang: str, site: Path, output: Path | None,
                  rebuild: bool = False) -> list[Handout]:
    from ..ui import label
    default = project.config.default_language
    if rebuild or not all(print_page(site, c, lang, default).exists() for c in courses):
        result = build_site(project.root, site)
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-4000:])
    out = []
    for course_id in courses:
        page = print_page(site, course_id, lang, default)
        pdf = output or default_output(site, course_id, lang, default)
        pages = render_pdf(page, pdf, label(project.courses[course_id].title, lang))
        out.append(Handout(course_id, lang, pdf, pages, pdf.stat().st_size))
    return out


def run(args: argparse.Namespace) -> int:
    from ..project import load_project
    project = load_project(Path.cwd())
    lang = args.lang or project.config.default_language
    if lang not in project.config.language_codes:
        return _error(f"言語「{lang}」はこのサイトにありません({', '.join(project.config.language_codes)})。",
                      f"the language '{lang}' is not configured ({', '.join(project.config.language_codes)}).")
    courses = sorted(project.courses) if args.all else args.courses
    if not courses:
        return _error("講座の ID を書くか --all を付けてください(例:bansou handout intro)。",
                      "give a course id or --all (e.g. bansou handout intro).")
    unknown = [c for c in courses if c not in project.courses]
    if unknown:
        return _error(f"講座「{', '.join(unknown)}」がありません。ある講座:{', '.join(sorted(project.courses))}",
                      f"no course '{', '.join(unknown)}'. Courses: {', '.join(sorted(project.courses))}")
    if args.output and len(courses) != 1:
        return _error("--output は講座が一つのときだけ使えます。", "--output works with one course only.")
    if not Path(CHROMIUM).exists():
        return _error(f"{CHROMIUM} がありません。`make system-deps` で Chromium と日本語フォントを入れてください。",
                      f"{CHROMIUM} is missing. Install Chromium and the Japanese fonts with `make system-deps`.")
    site = args.site if args.site.is_absolute() else Path.cwd() / args.site
    try:
        made = make_handouts(project, courses, lang, site, args.output, rebuild=args.build)
    except RuntimeError as exc:
        return _error("サイトを作れませんでした(`bansou check` で原因を確かめてください)。",
                      f"the site build failed (run `bansou check`):\n{exc}")
    for h in made:
        print(f"{h.pdf}  ({h.pages} ページ / pages, {h.bytes // 1024} KB)")
    return 0
