"""`bansou serve [--lang ja] [--dev-addr HOST:PORT] [--build-only DIR]`: a quick preview in one language.

The full site builds every language (eleven builds); while writing, one is enough. We write a
small temporary config next to mkdocs.yml that INHERITs it and only changes static-i18n's
options, so everything else (theme, extensions, our plugin) is exactly the real site's:
the default language alone (`build_only_locale`), or for a translation the default language
plus that one (static-i18n needs the default build to lay out suffixed files correctly).
"""
from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import yaml

from ..config import _TolerantLoader, load_config


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve", help="1つの言語だけで手早くプレビューする / quick preview in one language",
        description="1つの言語だけを作って表示します(全言語は mkdocs serve)。 / "
                    "Build and serve one language only (all languages: mkdocs serve).")
    parser.add_argument("--lang", default=None, help="言語コード(省略時は日本語) / language code (default: the default language)")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="表示するアドレス / address to serve on")
    parser.add_argument("--build-only", metavar="DIR", default=None,
                        help="表示せず DIR に書き出すだけ / only build into DIR, do not serve")
    parser.set_defaults(func=run)


class PreviewError(Exception):
    pass


def preview_plugins(mkdocs_yml: Path, lang: str) -> list:
    """mkdocs.yml's plugin list with static-i18n limited to one language."""
    data = yaml.load(mkdocs_yml.read_text(encoding="utf-8-sig"), Loader=_TolerantLoader) or {}
    plugins = data.get("plugins")
    if not isinstance(plugins, list):
        raise PreviewError("mkdocs.yml に plugins の一覧がありません。 / mkdocs.yml has no plugins list.")
    out, found = [], False
    for item in plugins:
        if isinstance(item, dict) and "i18n" in item:
            options = dict(item["i18n"] or {})
            languages = [dict(x) for x in options.get("languages") or [] if isinstance(x, dict)]
            default = next((x.get("locale") for x in languages if x.get("default")), None)
            if lang == default:
                options["build_only_locale"] = lang
            else:
                # static-i18n serves the suffix layout reliably only with the default language
                # built too, so a translation preview is the default language + that one
                for x in languages:
                    x["build"] = x.get("locale") in (default, lang)
                options["languages"] = languages
            item = {"i18n": options}
            found = True
        out.append(item)
    if not found:
        raise PreviewError("mkdocs.yml に i18n プラグインがありません。 / mkdocs.yml has no i18n plugin.")
    return out


@contextlib.contextmanager
def preview_config(root: Path, lang: str) -> Iterator[Path]:
    """A temporary config beside mkdocs.yml (relative paths and our plugin's root stay the same)."""
    path = root / f".bansou-preview-{lang}-{os.getpid()}.yml"
    text = ("# bansou serve が作る一時ファイルです(終わると消えます) / temporary file of `bansou serve`\n"
            "INHERIT: mkdocs.yml\n"
            # a preview shows the page even when MkDocs warns (our own errors still stop it)
            + yaml.safe_dump({"strict": False, "plugins": preview_plugins(root / "mkdocs.yml", lang)}, allow_unicode=True,
                             sort_keys=False))
    path.write_text(text, encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def build_one_language(root: Path, lang: str, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    with preview_config(root, lang) as cfg:
        return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(cfg), "-d", str(site_dir)],
                              cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
                              capture_output=True, text=True)


def run(args: argparse.Namespace) -> int:
    from .new import find_root
    from ..scaffold import ScaffoldError
    try:
        root = find_root(Path.cwd())
    except ScaffoldError as exc:
        print(f"エラー / error: {exc}", file=sys.stderr)
        return 2
    config = load_config(root)
    lang = args.lang or config.default_language
    if lang not in config.language_codes:
        print(f"エラー / error: 言語コード「{lang}」はありません。使える言語:{', '.join(config.language_codes)} / "
              f"unknown language '{lang}'. Languages: {', '.join(config.language_codes)}", file=sys.stderr)
        return 2
    try:
        if args.build_only:
            result = build_one_language(root, lang, Path(args.build_only).resolve())
            sys.stderr.write(result.stderr)
            if result.returncode == 0:
                print(Path(args.build_only).resolve())
            return result.returncode
        url = f"http://{args.dev_addr}/" + ("" if lang == config.default_language else f"{lang}/")
        print(f"{lang} のプレビューを {url} に表示します(Ctrl+C で終わります)。 / "
              f"Serving the {lang} preview on {url} (Ctrl+C to stop).", file=sys.stderr)
        with preview_config(root, lang) as cfg:
            return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-f", str(cfg),
                                    "--dev-addr", args.dev_addr],
                                   cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    except PreviewError as exc:
        print(f"エラー / error: {exc}", file=sys.stderr)
        return 2
