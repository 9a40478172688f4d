"""The content lint: no scripts, embeds, event handlers, javascript: links or external images."""
from bansou.features.content_lint import lint_text


def codes(text):
    return [(f.code, f.line, f.column) for f in lint_text(text, "docs/x.md")]


def test_each_kind_is_found_with_line_and_column():
    assert codes("a\n<script src=x></script>") == [("html-script", 2, 1)]
    assert codes("<IFRAME src='https://x'>") == [("html-iframe", 1, 1)]
    assert codes('x <div onmouseover="f()">') == [("html-event-handler", 1, 8)]
    assert codes("[a](javascript:void(0))") == [("link-javascript", 1, 5)]
    assert codes("[a]( JavaScript:alert(1))")[0][0] == "link-javascript"
    assert codes("![a](https://img.example.com/a.png)") == [("image-external", 1, 6)]
    assert codes("![a](//img.example.com/a.png)") == [("image-external", 1, 6)]
    assert codes('<img src="http://img.example.com/a.png">') == [("image-external", 1, 11)]


def test_ordinary_content_and_code_are_fine():
    text = "\n".join([
        "[外部リンク](https://www.mhlw.go.jp/) と ![図](../images/a.png)",
        "`<script>` は書けません。`onclick=` も。",
        "```html", "<script>alert(1)</script>", "<iframe></iframe>", "```",
        "~~~", "<a onclick='x'>", "~~~",
        "only one mention of the word online=true outside a tag",
    ])
    assert codes(text) == []


def test_template_marker_is_a_warning():
    found = lint_text("---\ntitle: 〔要記入〕\n---\n本文〔要記入〕\n`〔要記入〕`", "docs/x.md")
    assert [(f.code, f.severity, f.line) for f in found] == [("template-unfilled", "warning", 2)]
    assert "2" in found[0].message_ja
