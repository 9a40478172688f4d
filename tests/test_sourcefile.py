from pathlib import Path

from bansou.sourcefile import read_source, read_yaml_file


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_front_matter_and_body_lines(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: 例\nkeywords:\n  - a\n---\n\n## 見出し\n".encode())
    text, findings = read_source(path, "a.md")
    assert findings == []
    assert text.meta == {"title": "例", "keywords": ["a"]}
    assert text.body_line == 6
    assert text.line_of(("keywords", 0)) == 4


def test_bom_and_crlf_are_accepted(tmp_path):
    path = write(tmp_path, "a.md", "\ufeff---\r\ntitle: 例\r\n---\r\n本文\r\n".encode())
    text, findings = read_source(path, "a.md")
    assert findings == [] and text.meta["title"] == "例" and text.body.strip() == "本文"


def test_dates_stay_strings_so_impossible_dates_do_not_crash(tmp_path):
    path = write(tmp_path, "a.md", b"---\nreviewed: 2026-02-30\n---\n")
    text, findings = read_source(path, "a.md")
    assert findings == [] and text.meta["reviewed"] == "2026-02-30"


def test_invalid_utf8_names_the_line(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: x\n---\n".encode() + b"\x82\xa0\n")
    text, findings = read_source(path, "a.md")
    assert text is None
    assert [(f.code, f.line) for f in findings] == [("encoding", 4)]


def test_missing_and_unclosed_front_matter(tmp_path):
    _, missing = read_source(write(tmp_path, "a.md", "# 見出しだけ\n".encode()), "a.md")
    _, unclosed = read_source(write(tmp_path, "b.md", b"---\ntitle: x\nbody\n"), "b.md")
    _, empty = read_source(write(tmp_path, "c.md", b""), "c.md")
    assert [f.code for f in missing] == ["front-matter-missing"]
    assert [f.code for f in unclosed] == ["front-matter-unclosed"]
    assert [f.code for f in empty] == ["file-empty"]


def test_yaml_errors_point_at_the_file_line(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: ok\nkeywords: [a, b\n---\n".encode())
    _, findings = read_source(path, "a.md")
    assert findings[0].code == "yaml-syntax"
    assert findings[0].line in (3, 4)
    assert "YAML" in findings[0].message_ja and findings[0].hint_en


def test_tabs_are_named_plainly(tmp_path):
    path = write(tmp_path, "a.md", b"---\nkeywords:\n\t- a\n---\n")
    _, findings = read_source(path, "a.md")
    assert [(f.code, f.line) for f in findings] == [("yaml-tab", 3)]


def test_yaml_data_file(tmp_path):
    doc, findings = read_yaml_file(write(tmp_path, "v.yml", b"facet: x\nvalues:\n  - id: a\n"), "v.yml")
    assert findings == [] and doc.line_of(("values", 0, "id")) == 3
