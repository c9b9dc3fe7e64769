# QMS Intranet: `make start` serves the site, `make test` runs every test.
# `make help` lists the other targets.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
EXTRAS := test,release,relstorage

HOST ?= localhost
PORT ?= 8080
SITE_ID ?= Plone
# `make test` runs the suite in this many processes (pytest-xdist), a test
# file's tests together in one; TEST_WORKERS=0 runs it in this one.
TEST_WORKERS ?= 2
export HOST PORT SITE_ID

# Catalogs compile on load, as in the instance.
export zope_i18n_compile_mo_files := true

.PHONY: help
help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python setup.py constraints.txt
	@# python-ldap (pas.plugins.ldap) builds against OpenLDAP's and SASL's headers
	bash scripts/ensure-deb.sh "OpenLDAP's headers" 'test -f /usr/include/ldap.h && test -f /usr/include/sasl/sasl.h' libldap2-dev libsasl2-dev
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
	  -c constraints.txt uv
	$(UV) pip install --python $(BIN)/python --quiet -c constraints.txt \
	  -e ".[$(EXTRAS)]"
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Install Plone 6.2.2 and qms.intranet into .venv (pinned)

.PHONY: instance
instance: install ## Render instance/etc from instance/templates (HOST, PORT, QMS_STORAGE)
	$(BIN)/python scripts/instance.py

.PHONY: site
site: instance ocr ## Create the site from the qms distribution with demo data, once
	@$(BIN)/zconsole run instance/etc/zope.conf scripts/create_site.py || { \
	  echo; echo "Could not open or create the site (see above). \"Couldn't lock\" means"; \
	  echo "another 'make start' is still serving this data: stop it first."; exit 1; }

.PHONY: start
start: site ## Install, build, create the site once, then serve it in the foreground
	@echo
	@echo "  QMS Intranet: http://$(HOST):$(PORT)/$(SITE_ID)"
	@echo "  Zope administrator: admin / $${ADMIN_PASSWORD:-qms-demo}"
	@echo "  Demo accounts (password qms-demo): iso.secretary (ISO secretariat), leader,"
	@echo "    vp.head vp.officer vp.staff, khcn.head khcn.officer khcn.staff,"
	@echo "    phapche.head phapche.officer phapche.staff, auditor auditor2 (internal auditors)"
	@echo "  Stop with Ctrl+C."
	@echo
	exec $(BIN)/runwsgi instance/etc/zope.ini

.PHONY: console
console: instance ## Open a Python console inside the instance (app is the Zope root)
	$(BIN)/zconsole debug instance/etc/zope.conf

.PHONY: daily
daily: instance ## Daily job: e-mail reminders and digests (cron/systemd timer: see README)
	@$(BIN)/python scripts/daily.py || { \
	  echo; echo "The daily job failed (see above): nothing was sent, run it again."; exit 1; }

.PHONY: chromium
chromium: ## Install Debian's Chromium for the browser tests when it is missing
	bash scripts/ensure-deb.sh Chromium 'command -v chromium' chromium fonts-noto-core

.PHONY: postgresql
postgresql: ## Install Debian's PostgreSQL for the RelStorage tests when it is missing
	bash scripts/ensure-deb.sh PostgreSQL 'ls /usr/lib/postgresql/*/bin/pg_ctl' postgresql

.PHONY: ldap
ldap: ## Install Debian's OpenLDAP server, tools and headers for the directory tests when missing
	bash scripts/ensure-deb.sh OpenLDAP 'test -x /usr/sbin/slapd && command -v ldapadd && test -f /usr/include/ldap.h && test -f /usr/include/sasl/sasl.h' libldap2-dev libsasl2-dev slapd ldap-utils

.PHONY: ldap-demo
ldap-demo: install ldap ## Run a demo OpenLDAP directory on localhost (ld.* people) and print how to use it
	$(BIN)/python scripts/ldap_demo.py

.PHONY: ocr
ocr: ## Install Debian's Tesseract OCR with Vietnamese (and the demo scan's font) when missing
	bash scripts/ensure-deb.sh Tesseract 'command -v tesseract && tesseract --list-langs 2>&1 | grep -q vie && command -v pdftoppm && test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf' tesseract-ocr tesseract-ocr-vie poppler-utils fonts-dejavu-core

.PHONY: libreoffice
libreoffice: ## Install Debian's LibreOffice Writer (the yearly report as ODT) when it is missing
	bash scripts/ensure-deb.sh LibreOffice 'command -v soffice' libreoffice-writer-nogui

.PHONY: test
test: install chromium postgresql libreoffice ocr ldap ## Run the whole test suite
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

.PHONY: lint
lint: install ## ruff check and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: format
format: install ## Fix what ruff can fix
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

.PHONY: i18n
i18n: install ## Extract messages, sync the vi/en catalogs and compile them
	$(BIN)/python -m qms.intranet.locales

.PHONY: i18n-coverage
i18n-coverage: install ## Share of Plone's messages translated in vi, core vs. with ours
	$(BIN)/python scripts/i18n_coverage.py

.PHONY: constraints
constraints: $(BIN)/python ## Re-resolve every pin into constraints.txt and versions.cfg
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/python scripts/pins.py update
	$(UV) pip sync --python $(BIN)/python --quiet constraints.txt
	$(UV) pip install --python $(BIN)/python --quiet --no-deps -e .
	$(BIN)/python scripts/pins.py buildout
	touch $(VENV)/.installed

.PHONY: build
build: install ## Build the sdist and wheel into dist/
	rm -rf dist build
	$(BIN)/python -m build

.PHONY: release
release: install ## Release with zest.releaser (see README)
	$(BIN)/fullrelease

.PHONY: buildout
buildout: install ## The buildout alternative: bin/instance and bin/test
	$(BIN)/buildout -c buildout.cfg

.PHONY: clean
clean: ## Remove the virtualenv, builds and caches (keeps var/, the data)
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache instance/etc bin parts develop-eggs .installed.cfg
	find src tests -name __pycache__ -prune -exec rm -rf {} +

.PHONY: backup
backup: install ## Back up the database and blobs into BACKUP_DIR (var/backups); FULL=1 for a full one
	$(BIN)/python scripts/backup.py backup

.PHONY: restore
restore: install ## Restore the latest backup (or BACKUP=<date or path>) into the stopped instance
	$(BIN)/python scripts/backup.py restore

.PHONY: export
export: instance ## Export the whole site (collective.exportimport) into TO or var/exports/<date-time>
	@$(BIN)/zconsole run instance/etc/zope.conf scripts/export_site.py $(TO)

.PHONY: import
import: instance ## Import an export (FROM=<folder>) into a new site made with DEMO=0
	@test -n "$(FROM)" || { echo "Say which export: make import FROM=<folder>"; exit 2; }
	@$(BIN)/zconsole run instance/etc/zope.conf scripts/import_site.py "$(FROM)"

.PHONY: check-files
check-files: instance ## List the documents whose file is missing from var/blobstorage (stop the instance first)
	@$(BIN)/zconsole run instance/etc/zope.conf scripts/check_files.py

.PHONY: remove-data
remove-data: ## Delete the ZODB (var/, backups kept): the next `make start` creates a new site
	@if [ -d var ]; then find var -mindepth 1 -maxdepth 1 ! -name backups -exec rm -rf {} +; fi
