# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_BUNDLE := $(VENV)/.installed-bundle
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' workbench/__init__.py)
PLATFORM := $(shell uname -s | tr A-Z a-z)-$(shell uname -m)
ARCHIVE = dist/workbench-$(VERSION)-$(PLATFORM).tar.gz

.PHONY: run test lint bench screenshots bundle bundle-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	# The pip bundled with a new venv fails on some dependency sets: upgrade first.
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

$(STAMP_BUNDLE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bundle]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/workbench

test: $(STAMP_TEST)
	$(BIN)/ruff check workbench tests
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP_TEST)
	$(BIN)/ruff check workbench tests
	$(BIN)/lint-imports

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmark.run

screenshots: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmark.screenshots

# The one-folder application for reviewers (packaging/workbench.spec) and its
# archive, which unpacks to workbench-VERSION/. Not part of `make test`: it takes
# a minute or more and needs PyInstaller; `make bundle-test` also smoke-tests it.
bundle: $(STAMP_BUNDLE)
	rm -rf dist/workbench-app $(ARCHIVE)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/workbench.spec
	cp packaging/install-desktop.sh packaging/README.txt dist/workbench-app/
	tar -C dist --transform 's,^workbench-app,workbench-$(VERSION),' -czf $(ARCHIVE) workbench-app
	@du -sh dist/workbench-app $(ARCHIVE)

bundle-test: bundle
	$(BIN)/python packaging/old_database.py build/old-schema.sqlite
	$(BIN)/python packaging/smoke_test.py $(ARCHIVE) --old-database build/old-schema.sqlite

clean:
	rm -rf $(VENV) build dist *.egg-info
