from pathlib import Path

from bansou.features import FEATURES, a11y

OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"


def test_registered_with_its_assets():
    assert "a11y" in FEATURES
    assert a11y.ASSETS == ["assets/bansou/a11y.css", "assets/bansou/a11y.js"]
    assert all((OVERRIDES / asset).is_file() for asset in a11y.ASSETS)
