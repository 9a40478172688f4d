"""Page text as the gate reads it: on the lines of the HTML file, blocks apart, skipped parts out."""
from __future__ import annotations

from bansou.pii.html import BLOCK_BREAK, html_text, strip_tags


def test_text_stays_on_its_line_and_blocks_stay_apart() -> None:
    page = html_text("<p>一行目</p>\n<ul>\n<li>1</li><li>2</li>\n</ul>\n<p>a &amp; b</p>")
    lines = page.text.split("\n")
    assert len(lines) == 5
    assert lines[0] == f"{BLOCK_BREAK}一行目{BLOCK_BREAK}"
    assert lines[2] == f"{BLOCK_BREAK}1{BLOCK_BREAK}{BLOCK_BREAK}2{BLOCK_BREAK}"  # cells never run together
    assert lines[4] == f"{BLOCK_BREAK}a & b{BLOCK_BREAK}"


def test_scripts_styles_svg_readings_and_marked_parts_are_left_out() -> None:
    source = ('<script>if (a<b) { s = "</div>090-1111-2222"; }</script><style>p>a{}</style>'
              '<svg><text>03-1111-2222</text><path d="M0 0"/></svg>'
              '<ruby>漢字<rt>かんじ</ruby>です'
              '<div data-pii="skip" title="a>b">確認日 <b>2025-01-10</b></div><p>本文</p>')
    page = html_text(source)
    assert page.text == f"漢字です{BLOCK_BREAK}本文{BLOCK_BREAK}"
    assert page.skipped == ["確認日 2025-01-10"]


def test_allow_markers_stay_and_other_comments_go() -> None:
    page = html_text("<p>窓口 0570-000-111 <!-- pii-allow: 公的機関 --><!-- メモ 090-1111-2222 --></p>")
    assert "<!-- pii-allow: 公的機関 -->" in page.text and "メモ" not in page.text


def test_self_closing_and_stray_angle_brackets() -> None:
    assert html_text("a<br/>b < c").text == f"a{BLOCK_BREAK}{BLOCK_BREAK}b < c"


def test_index_entries_read_like_pages() -> None:
    assert strip_tags("<p>電話 <code>x</code></p><ul> <li>c &amp; d</li></ul>") == \
        f"{BLOCK_BREAK}電話 x{BLOCK_BREAK}{BLOCK_BREAK} {BLOCK_BREAK}c & d{BLOCK_BREAK}{BLOCK_BREAK}"
