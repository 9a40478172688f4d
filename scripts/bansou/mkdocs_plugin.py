"""The MkDocs adapter: a thin layer that hands the core's pages and findings to MkDocs.

Everything else (loading, checks, rendering, features) is in the core, which never
imports MkDocs. This file only translates MkDocs events into core calls.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from . import features
from .assets import Bundles, bundle
from .config import load_config
from .findings import format_text, has_errors
from .project import Project, load_project, split_lang
from .render import bytecode
from .render.compact import CompactTemplates
from .search_aside import put_back, set_aside

log = get_plugin_logger(__name__)


class BansouConfig(Config):
    k_anonymity = c.Type(int, default=3)
    review_interval_days = c.Type(int, default=365)
    today = c.Optional(c.Type(str))
    edit_branch = c.Type(str, default="main")


def _fingerprint(root: Path) -> tuple:
    """Cheap change detection between the builds of `mkdocs serve` (the languages of one build
    reuse the project without asking)."""
    items = []
    for sub in ("docs", "casebook", "courses"):
        base = root / sub
        if base.is_dir():
            for path in base.rglob("*"):
                if path.is_file():
                    st = path.stat()
                    items.append((str(path), st.st_mtime_ns, st.st_size))
    mkdocs_yml = root / "mkdocs.yml"
    if mkdocs_yml.exists():
        items.append(("mkdocs.yml", mkdocs_yml.stat().st_mtime_ns))
    return tuple(sorted(items))


def _search_entries(config, site_dir: Path) -> list[dict] | None:
    """The entries the search plugin has just written for this language: from memory (as
    static-i18n finds them), else from the file it wrote; None without a search index."""
    for name in ("material/search", "search"):
        index = getattr(config.plugins.get(name), "search_index", None)
        for attr in ("entries", "_entries"):
            if isinstance(entries := getattr(index, attr, None), list):
                return entries
    combined = site_dir / "search" / "search_index.json"
    if not combined.exists():
        return None
    return json.loads(combined.read_text(encoding="utf-8")).get("docs", [])


def _i18n_building(config) -> bool:
    """True inside static-i18n's per-language builds (the outer build is the first and the last)."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def _build_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language") or "ja"


class BansouPlugin(BasePlugin[BansouConfig]):
    def __init__(self) -> None:
        super().__init__()
        self.project: Project | None = None
        self._fingerprint: tuple | None = None
        self._extra: dict[str, object] = {}
        self.lang = "ja"
        self.command = "build"
        self._site_dir: Path | None = None  # set while background checks of a build run
        self._bundles = Bundles([], [], [])

    def on_startup(self, *, command, dirty) -> None:
        self.command = command  # "build", "gh-deploy" or "serve"

    # -- loading, failing the build, assets

    @event_priority(100)
    def _on_config_load(self, config):
        root = Path(config.config_file_path).parent
        if self.project is not None and _i18n_building(config):
            return self._add_assets(config)  # a language of the build that loaded the project
        custom_dir = config.theme.custom_dir
        self._bundles = bundle(Path(custom_dir) if custom_dir else None, features.assets())
        if self._bundles.missing:
            log.info("bansou: these feature assets are not in the theme directory (custom_dir), "
                     "so their styles and scripts are left out: " + ", ".join(self._bundles.missing))
        fingerprint = _fingerprint(root)
        if self.project is None or fingerprint != self._fingerprint:
            if self.config.today:
                os.environ.setdefault("BANSOU_TODAY", self.config.today)
            # a build runs the slow checks (the PII scan) beside rendering; serve checks at once
            background = self.command != "serve" and not _i18n_building(config)
            self.project = load_project(root, load_config(root), background=background)
            self._fingerprint = fingerprint
            errors = [f for f in self.project.findings if f.severity == "error"]
            warnings = [f for f in self.project.findings if f.severity == "warning"]
            if warnings:
                # info, not warning: --strict would turn review warnings into a failed build
                log.info("bansou: 注意 / warnings\n" + format_text(warnings))
            if has_errors(errors):
                raise PluginError(
                    "bansou check でエラーが見つかったため、サイトを作りませんでした。"
                    " / The build stopped because `bansou check` found errors.\n" + format_text(errors))
            if background:
                self._site_dir = Path(config.site_dir)
                for mod in features.with_hook("build_start"):
                    mod.build_start(self.project, self._site_dir)
        return self._add_assets(config)

    def _add_assets(self, config):
        for file in self._bundles.files:
            target = config.extra_css if file.path.endswith(".css") else config.extra_javascript
            if file.path not in [str(x) for x in target]:
                target.append(file.path)
        return config

    @event_priority(-200)
    def _on_config_lang(self, config):
        # after static-i18n (-100) has switched the build language
        self.lang = _build_language(config)
        return config

    on_config = CombinedEvent(_on_config_load, _on_config_lang)

    # -- adding casebook/, courses/ and generated pages

    @event_priority(100)
    def _on_files_add(self, files: Files, config) -> Files:
        self._extra = {}
        for page in self.project.extra_pages:
            # created under docs_dir so static-i18n treats them like any other page;
            # the real source is put back after static-i18n has rebuilt the File objects
            files.append(File(page.src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
            self._extra[page.src_uri] = page
        return files

    @event_priority(-150)
    def _on_files_restore(self, files: Files, config) -> Files:
        # the features' assets reach the site as the bundles only
        for rel in self._bundles.parts:
            if (file := files.get_file_from_path(rel)) is not None:
                files.remove(file)
        for b in self._bundles.files:
            files.append(File.generated(config, b.path, content=b.content))
        for file in files:
            page = self._extra.get(file.src_uri)
            if page is None:
                continue
            if page.abs_path is not None:
                file.abs_src_path = str(page.abs_path)
            else:
                file.content_string = page.content
                file.generated_by = "bansou"
        return files

    on_files = CombinedEvent(_on_files_add, _on_files_restore)

    # -- per page

    def _page_info(self, page) -> features.PageInfo:
        cfg = self.project.config
        base, file_lang = split_lang(page.file.src_uri)
        doc = self.project.document_at(base)
        translated = self.lang == cfg.default_language or (file_lang == self.lang)
        return features.PageInfo(lang=self.lang, default_lang=cfg.default_language, site_path=base,
                                 src_uri=page.file.src_uri, url=page.url, doc=doc, translated=translated,
                                 deferred=[] if self._site_dir is not None else None,
                                 asides=[])

    def on_page_markdown(self, markdown, page, config, files):
        info = self._page_info(page)
        page.bansou = info
        for mod in features.with_hook("page_markdown"):
            markdown = mod.page_markdown(self.project, info, markdown)
        return markdown

    def on_page_content(self, html, page, config, files):
        info = getattr(page, "bansou", None) or self._page_info(page)
        for mod in features.with_hook("page_html"):
            html = mod.page_html(self.project, info, html)
        # until the search plugin has read the page: the boxes features set aside, and any others
        html, page.bansou_aside = set_aside(html, info.asides)
        return html

    @event_priority(-200)  # last: the policy hashes and the scan see the page as it is written
    def on_post_page(self, output, page, config):
        dest = Path(page.file.abs_dest_path)
        info = getattr(page, "bansou", None) or self._page_info(page)
        for mod in features.with_hook("page_output"):
            if not self._skipped_when_serving(mod):
                output = mod.page_output(self.project, info, output)
        for mod in features.with_hook("page_written"):
            mod.page_written(self.project, dest, output, info.deferred or [])
        return output

    def on_build_error(self, error):
        if self._site_dir is not None and self.project is not None:
            for mod in features.with_hook("build_error"):
                mod.build_error(self.project, self._site_dir)

    def on_env(self, env, config, files):
        env.add_extension(CompactTemplates)  # keyed by class: adding twice keeps one
        env.bytecode_cache = bytecode.SHARED
        return env

    @event_priority(-100)  # after the search plugin (0) has read the page
    def on_page_context(self, context, page, config, nav):
        # the content only, not the whole page: the boxes come back before the theme is rendered
        page.content = put_back(page.content, getattr(page, "bansou_aside", []))
        # the edit button opens the real file: the translation on a translated page, casebook/ and courses/ files
        from .features.edit_links import edit_url
        page.edit_url = edit_url(self.project, getattr(page, "bansou", None) or self._page_info(page))
        return context

    @event_priority(-50)
    def _on_post_build_lang(self, config):
        # once per language build: after the search plugin (0) wrote its index, before
        # static-i18n (-100) starts the other languages' builds
        site_dir = Path(config.site_dir)
        entries = _search_entries(config, site_dir)
        for mod in features.with_hook("search_entries") if entries is not None else ():
            mod.search_entries(self.project, site_dir, self.lang, entries)
        for mod in features.with_hook("post_build"):
            mod.post_build(self.project, site_dir, self.lang)

    @event_priority(-200)
    def _on_post_build_final(self, config):
        if _i18n_building(config):
            return  # an inner (per-language) build; the outer one finishes last
        site_dir = Path(config.site_dir)
        findings = []
        for mod in features.with_hook("finalize"):
            if self._skipped_when_serving(mod):
                continue
            findings += mod.finalize(self.project, site_dir) or []
        self._site_dir = None
        if findings and not has_errors(findings):
            log.info("bansou: 注意 / warnings\n" + format_text(findings))
        if has_errors(findings):
            # never leave a site that must not be published
            shutil.rmtree(site_dir, ignore_errors=True)
            raise PluginError("生成したサイトに問題が見つかったため、出力を削除しました。"
                              " / Problems were found in the generated site; the output was deleted.\n"
                              + format_text(findings))

    on_post_build = CombinedEvent(_on_post_build_lang, _on_post_build_final)

    def _skipped_when_serving(self, mod) -> bool:
        return self.command == "serve" and getattr(mod, "SKIP_WHEN_SERVING", False)

    def on_serve(self, server, config, builder):
        root = Path(config.config_file_path).parent
        for sub in ("casebook", "courses"):
            if (root / sub).is_dir():
                server.watch(str(root / sub))
        if config.theme.custom_dir:  # the features' CSS and JS are bundled from it on every build
            server.watch(str(config.theme.custom_dir))
        return server
