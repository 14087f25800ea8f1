# Two commands for a newcomer: `make run` starts the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

QM := resources/translations/recap_ko.qm

.PHONY: run app-deps test translations update-translations system-deps screenshot benchmark install-desktop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

## Set up (first time: the system libraries Qt needs, the virtual environment) and start the app.
run: app-deps $(STAMP) $(QM)
	$(BIN)/recap

# The system libraries Qt needs (asks for sudo, or says the command, when some are missing).
app-deps:
	.ci/install-system-deps --app

## Set up (first time) and run the whole test suite, the linter and the type checker.
test: $(STAMP) $(QM)
	$(BIN)/ruff check recap tests benchmarks
	$(BIN)/ruff format --check recap tests benchmarks
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The compiled translations (the wheel builds its own, see setup.py).
translations: $(QM)
$(QM): resources/translations/recap_ko.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

## After changing user-visible strings: collect them into the .ts files to translate.
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations relative -extensions py recap -ts resources/translations/recap_ko.ts

## The system libraries Qt needs on a bare Debian/Ubuntu machine (run as root).
system-deps:
	.ci/install-system-deps

## Put Recap in the desktop's application menu (Linux, for the current user).
install-desktop: $(STAMP)
	install -Dm644 resources/linux/recap.desktop ~/.local/share/applications/recap.desktop
	sed -i "s|^Exec=recap|Exec=$(CURDIR)/$(BIN)/recap|" ~/.local/share/applications/recap.desktop
	install -Dm644 resources/icons/recap.svg ~/.local/share/icons/hicolor/scalable/apps/recap.svg

screenshot: $(STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python docs/screenshots.py

benchmark: $(STAMP)
	$(BIN)/python -m benchmarks.startup

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache $(QM)
