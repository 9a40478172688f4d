# Two commands do all the set-up on a fresh machine:
#   make serve   — install, build and serve the site on http://127.0.0.1:8000
#   make test    — install (with Chromium for browser tests) and run the whole test suite
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip
export NO_MKDOCS_2_WARNING := 1

.PHONY: install system-deps serve serve-ja preview build check pii test bench clean

.cache/installed: pyproject.toml
	$(PIP) install -q -e '.[test]'
	@mkdir -p .cache && touch $@

install: .cache/installed

# Debian packages the tests need: Chromium (browser tests), Japanese fonts, pdftotext
system-deps:
	@if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || ! command -v pdftotext >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-noto-cjk poppler-utils; \
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

check: install
	bansou check

test: install system-deps
	$(PYTHON) -m pytest

clean:
	rm -rf site .cache .pytest_cache
