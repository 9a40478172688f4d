# Two commands do all the set-up on a fresh machine:
#   make serve   — install, build and serve the site on http://127.0.0.1:8000
#   make test    — install (with Chromium for browser tests) and run the whole test suite
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip
export NO_MKDOCS_2_WARNING := 1

.PHONY: install system-deps serve serve-ja preview build handouts check pii test bench clean deploy editions-serve editions-list stale

.cache/installed: pyproject.toml
	$(PIP) install -q -e '.[test]'
	@mkdir -p .cache && touch $@

install: .cache/installed

# Debian packages the tests need: Chromium (browser tests), Japanese fonts, pdftotext
system-deps:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || ! command -v pdftotext >/dev/null || ! command -v npm >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-noto-cjk poppler-utils $$(command -v npm >/dev/null || echo npm); \
	fi

serve: install
	$(PYTHON) -m mkdocs serve

# Quick preview in one language: make preview LANG=en (LANG only counts when given on the command line,
# so the locale variable of the shell does not pick the language; the command itself runs with a UTF-8 locale)
PREVIEW_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),ja)
preview: install
	LANG=C.UTF-8 $(PYTHON) -m bansou.cli serve --lang $(PREVIEW_LANG)

build: install
	$(PYTHON) -m mkdocs build --strict

# PDF handouts of every course (Japanese), written to site/courses/<id>/handout.pdf after a build
handouts: build system-deps
	bansou handout --all --site site

check: install
	bansou check

# axe-core (accessibility checker for the browser tests) from the npm registry
AXE := .cache/npm/node_modules/axe-core/axe.min.js
$(AXE):
	npm install --no-audit --no-fund --prefix .cache/npm axe-core@4

test: install system-deps $(AXE)
	$(PYTHON) -m pytest

# Editions (版): each `make deploy VERSION=2026` builds the site and commits it as that edition
# (alias latest, the default) to the local gh-pages branch. Nothing is pushed: publish with
# `git push origin gh-pages` when the edition is ready.
deploy: install
	@test -n "$(VERSION)" || { echo "VERSION を指定してください / set VERSION, e.g. make deploy VERSION=2026"; exit 2; }
	mike deploy --update-aliases $(VERSION) latest
	mike set-default latest

editions-serve: install
	mike serve

editions-list: install
	mike list

stale: install
	bansou stale

clean:
	rm -rf site .cache .pytest_cache
