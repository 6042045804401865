# closer_desk: every target does its own set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-dates fuzz bench lint package sysdeps sysdeps-test interop-deps translations clean screenshots

run: sysdeps $(STAMP) translations
	$(PY) -m closer_desk

test: sysdeps-test $(STAMP) translations interop-deps
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(PY) -m pytest -q -p no:cacheprovider

# The whole suite on days that break date arithmetic, under libfaketime, in Paris: the 1st of
# a month, New Year's Eve, 29 February and the spring-forward morning (the run crosses 02:00).
# The monotonic clock stays real: it times durations (deadlines, Qt timers), not dates
# (tests/dates/sitecustomize.py works around libfaketime's sleep with a real monotonic clock).
# libfaketime re-reads its settings with getenv() every few seconds from whatever thread asks
# the time; a test's setenv() at that moment crashes the process: read them once. Its
# "monotonic fix" for condition variables turns every GIL hand-over into a long wait (an
# import on the window's worker took 16 s instead of 0.5 s): off.
DATES := "2026-12-01 00:05:00" "2026-12-31 23:30:00" "2028-02-29 12:00:00" "2027-03-28 01:45:00"
test-dates: sysdeps-test $(STAMP) translations interop-deps
	@for day in $(DATES); do \
	  echo "== the suite on $$day (Europe/Paris)"; \
	  PYTHONPATH=tests/dates TZ=Europe/Paris FAKETIME_DONT_FAKE_MONOTONIC=1 \
	    FAKETIME_CACHE_DURATION=1000000 FAKETIME_FORCE_MONOTONIC_FIX=0 QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} \
	    faketime "$$day" $(PY) -m pytest -q -p no:cacheprovider || exit 1; \
	done

# Exploratory fuzzing: random examples, ten times as many, and a longer atheris run. What it
# finds becomes an @example (or a fixture) so that `make test` keeps it, derandomized.
fuzz: sysdeps-test $(STAMP)
	HYPOTHESIS_PROFILE=fuzz ATHERIS_RUNS=$${ATHERIS_RUNS:-100000} ATHERIS_SEED=$${ATHERIS_SEED:-0} \
	  QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(PY) -m pytest -q -p no:cacheprovider -m fuzz

bench: sysdeps-test $(STAMP)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(PY) -m tests.benchmarks

lint: $(STAMP)
	$(VENV)/bin/ruff check closer_desk tests
	$(VENV)/bin/ruff format --check closer_desk tests
	$(VENV)/bin/mypy closer_desk

package: sysdeps-test $(STAMP) translations
	$(VENV)/bin/pip install -q -e '.[package]'
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build packaging/closer_desk.spec

translations: $(STAMP)
	$(PY) packaging/i18n_build.py

screenshots: $(STAMP) translations
	@bash packaging/sysdeps.sh screenshots
	xvfb-run -a -s "-screen 0 1600x1000x24" sh -c '$(PY) packaging/screenshots.py --lang en && \
	  $(PY) packaging/screenshots.py --lang fr && $(PY) packaging/screenshots.py --lang en --dark'

# ical.js (Thunderbird's parser) for tests/interop, at the version its package-lock pins.
INTEROP := tests/interop
interop-deps: sysdeps-test
	@test -d $(INTEROP)/node_modules/ical.js || npm ci --prefix $(INTEROP) --no-audit --no-fund

sysdeps:
	@bash packaging/sysdeps.sh run

sysdeps-test:
	@bash packaging/sysdeps.sh test

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist
