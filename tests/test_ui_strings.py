"""Every UI string exists in every site language."""
from bansou.config import load_config
from bansou.ui import strings

from conftest import ROOT


def test_every_ui_string_has_every_language():
    languages = load_config(ROOT).language_codes
    missing = {key: [lang for lang in languages if not value.get(lang)]
               for key, value in strings().items()}
    assert {k: v for k, v in missing.items() if v} == {}


def test_material_language_files_exist_for_every_language():
    import material
    from pathlib import Path
    theme = Path(material.__file__).parent / "templates" / "partials" / "languages"
    overrides = ROOT / "overrides" / "partials" / "languages"
    for lang in load_config(ROOT).language_codes:
        assert (theme / f"{lang}.html").exists() or (overrides / f"{lang}.html").exists(), lang
