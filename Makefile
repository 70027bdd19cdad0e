# Charter - build, test, demo, install.  `make` builds build/bin/charterc.
# Generated sources live in build/ and out of git.  Parallel-safe.

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
OPT ?= -O2 -g
SAN ?=
BUILD ?= build

WARN := -std=c11 -Wall -Wextra -Werror -Wshadow -Wpointer-arith -Wstrict-prototypes \
        -Wvla -Wmissing-prototypes -Wno-missing-field-initializers
# Generated code gets relaxed warnings, never -Werror.
GENWARN := -std=c11 -w
COMPILER_DIRS := base front model bundle checks emit lsp cli
CPPFLAGS := -D_POSIX_C_SOURCE=200809L -Icompiler $(COMPILER_DIRS:%=-Icompiler/%) -Igrammar -I$(BUILD)/grammar -Iruntime -Istdlib/std
ifneq ($(SAN),)
OPT := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
endif
CFLAGS := $(OPT) -MMD -MP
# libgettextpo (gettext's own PO reader) reads the translations of an
# agreement's text, FILE.LANG.po, in charterc and the tracker alike. ICU
# (lang_icu.c) is not linked: it is loaded with dlopen() when a date,
# number or amount is first written in a language (its headers come from
# libicu-dev, its library from libicu72).
LDLIBS := -lffi -ldl -lm -lgettextpo
# charterc alone (the tracker runtime does not link them): the language
# server reads and writes JSON with jansson, and libzip writes the Word
# file's archive.
CHARTERC_LDLIBS := -ljansson -lzip

COMPILER_SRC := $(filter-out compiler/cli/main.c,$(wildcard $(COMPILER_DIRS:%=compiler/%/*.c)))
# The core (compiler/core.h): what charterc and the tracker runtime share.
# The check table comes with it (data only: diagnostics read each check's
# name, family and severity from it), the check functions do not.
CORE_SRC := $(wildcard compiler/base/*.c compiler/front/*.c compiler/model/*.c compiler/bundle/*.c) \
            compiler/checks/checktab.c
CORE_OBJ := $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/grammar/parser.o $(BUILD)/grammar/lexer.o
# The rest of charterc: the checks, the back ends and the commands.
PASSES_SRC := $(filter-out $(CORE_SRC),$(COMPILER_SRC))
PASSES_OBJ := $(PASSES_SRC:%.c=$(BUILD)/%.o)
RUNTIME_SRC := $(filter-out runtime/main.c,$(wildcard runtime/*.c))
RUNTIME_OBJ := $(RUNTIME_SRC:%.c=$(BUILD)/%.o) $(BUILD)/stdlib/std/charterstd.o
UNIT_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))

CHARTERC := $(BUILD)/bin/charterc
RUNTIME := $(BUILD)/bin/charter-runtime
LIBCORE := $(BUILD)/libcharter-core.a
LIBPASSES := $(BUILD)/libcharter-passes.a
LIBRT := $(BUILD)/libcharterrt.a
# The catalogues of fixed text (compiler/base/lang.h): one stdlib/po/LANG.po
# per shipped language, compiled into the build tree's locale folder, where
# a charterc run from the build tree finds them, and installed into
# LOCALEDIR, whose path is compiled into lang.o.
LOCALEDIR ?= $(PREFIX)/share/locale
PO_LANGS := $(basename $(notdir $(wildcard stdlib/po/*.po)))
MO_FILES := $(PO_LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/charterc.mo)

all: $(CHARTERC) $(if $(wildcard runtime/main.c),$(RUNTIME)) $(MO_FILES)

# ---- dependencies ----------------------------------------------------------
# Every package the project installs is installed here, and nowhere else
# (test scripts never install anything). Both parts take Debian's packages
# (CI machines start bare): `apt-get update` once, then only what is missing,
# as root or through sudo.
#   deps       flex, bison, libffi, cmocka, jansson, libzip, gettext (msgfmt,
#              xgettext), libgettextpo and ICU: the build stops without them.
#   deps-test  the tools some tests use to check output the way a person
#              sees it (below). A failed install is not an error: the
#              tests that need the tool are skipped, and the summary counts
#              and names them.
# Each part leaves a stamp so that it runs once; `make deps-test` tries the
# test tools again.
APT_GET = $$([ "$$(id -u)" = 0 ] || echo sudo) env DEBIAN_FRONTEND=noninteractive apt-get -qq
DEPS_STAMP := $(BUILD)/.deps-ok
$(DEPS_STAMP):
	@mkdir -p $(@D)
	@missing=""; \
	command -v flex >/dev/null || missing="$$missing flex"; \
	command -v bison >/dev/null || missing="$$missing bison"; \
	{ [ -f /usr/include/ffi.h ] || ls /usr/include/*/ffi.h >/dev/null 2>&1; } || missing="$$missing libffi-dev"; \
	[ -f /usr/include/cmocka.h ] || missing="$$missing libcmocka-dev"; \
	[ -f /usr/include/jansson.h ] || missing="$$missing libjansson-dev"; \
	[ -f /usr/include/zip.h ] || missing="$$missing libzip-dev"; \
	command -v msgfmt >/dev/null && command -v xgettext >/dev/null || missing="$$missing gettext"; \
	[ -f /usr/include/unicode/unum.h ] || missing="$$missing libicu-dev"; \
	[ -f /usr/include/gettext-po.h ] || missing="$$missing libgettextpo-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing build dependencies:$$missing"; \
	  $(APT_GET) update && $(APT_GET) install -y $$missing >/dev/null || exit 1; \
	fi
	@touch $@
deps: $(DEPS_STAMP)

# The test tools: xmllint checks that the SVG is well-formed, Vim runs the
# Vim plugin, Graphviz draws the network picture, Chromium renders the
# agreement (and prints it for `make doc-pdf`), groff and mandoc check the
# man pages, git serves `diff --against`, patch applies `fmt --diff`,
# cmark-gfm renders the Markdown documents as GitHub does, PyYAML reads the
# CI files, LibreOffice opens the Word file and converts it to PDF, whose
# text and pages poppler-utils reads (pdftotext, pdftoppm), gettext's
# msgfmt and msgmerge check the translation files charterc writes and
# merges (tests/i18n), jsonschema
# with rfc3987 (its URI format checker) validates the SARIF output
# against the official schema (tests/sarif/python.sh finds them), Neovim
# runs the language server through its own LSP client, and
# npm fetches the VS Code grammar's engine (vscode-textmate,
# vscode-oniguruma) and the protocol libraries VS Code's language client is
# built on (vscode-jsonrpc, vscode-languageserver-protocol), at fixed
# versions, into build/editors-node, where tests/editors/test_editors.sh
# and tests/lsp/test_lsp.sh look. `want PACKAGE COMMAND...` wants
# PACKAGE when COMMAND fails.
EDITORS_NODE := build/editors-node
# actionlint lints the example workflow: Debian's package where the release
# has one, otherwise the release binary (Linux x86-64), checked against
# the SHA-256 pinned here, into build/tools when the machine has network.
ACTIONLINT := build/tools/actionlint
ACTIONLINT_URL := https://github.com/rhysd/actionlint/releases/download/v1.7.7/actionlint_1.7.7_linux_amd64.tar.gz
ACTIONLINT_SHA256 := 023070a287cd8cccd71515fedc843f1985bf96c436b7effaecce67290e7e0757
NODE_PACKAGES := vscode-textmate@9.4.0 vscode-oniguruma@2.0.1 vscode-jsonrpc@8.2.0 \
                 vscode-languageserver-protocol@3.17.5
TEST_DEPS_STAMP := build/.deps-test-tried
$(TEST_DEPS_STAMP):
	@mkdir -p $(@D)
	@missing=""; want() { p=$$1; shift; "$$@" >/dev/null 2>&1 || missing="$$missing $$p"; }; \
	want libxml2-utils command -v xmllint; \
	want vim-nox sh -c 'vim --version | grep -q +eval'; \
	want graphviz command -v dot; \
	want chromium sh -c 'command -v chromium || command -v chromium-browser'; \
	want groff-base command -v groff; \
	want git command -v git; \
	want patch command -v patch; \
	want cmark-gfm command -v cmark-gfm; \
	want mandoc command -v mandoc; \
	want python3-yaml python3 -c 'import yaml'; \
	want python3-jsonschema sh tests/sarif/python.sh; \
	want python3-rfc3987 sh tests/sarif/python.sh; \
	want npm command -v npm; \
	want neovim command -v nvim; \
	want libreoffice-writer-nogui command -v soffice; \
	want poppler-utils command -v pdftotext; \
	want gettext command -v msgmerge; \
	if [ -n "$$missing" ]; then \
	  echo "Installing test tools:$$missing"; \
	  $(APT_GET) update >/dev/null 2>&1; \
	  $(APT_GET) install -y $$missing >/dev/null 2>&1 || \
	    for p in $$missing; do $(APT_GET) install -y $$p >/dev/null 2>&1 || \
	      echo "could not install $$p: the tests that need it are skipped"; done; \
	fi; \
	if { [ ! -d $(EDITORS_NODE)/node_modules/vscode-textmate ] || \
	     [ ! -d $(EDITORS_NODE)/node_modules/vscode-languageserver-protocol ]; } && command -v npm >/dev/null; then \
	  echo "Installing $(NODE_PACKAGES) into $(EDITORS_NODE)"; \
	  npm install --prefix $(EDITORS_NODE) --no-save --no-audit --no-fund --loglevel=error \
	    $(NODE_PACKAGES) >/dev/null 2>&1 || echo "npm could not install them: the VS Code grammar and client tests are skipped"; \
	fi
	@if ! command -v actionlint >/dev/null && [ ! -x $(ACTIONLINT) ]; then \
	  { $(APT_GET) update; $(APT_GET) install -y actionlint; } >/dev/null 2>&1 || \
	  { [ "$$(uname -m)" = x86_64 ] && mkdir -p $(dir $(ACTIONLINT)) && \
	    curl -fsSL --max-time 60 -o $(ACTIONLINT).tar.gz $(ACTIONLINT_URL) && \
	    echo "$(ACTIONLINT_SHA256)  $(ACTIONLINT).tar.gz" | sha256sum -c --quiet - && \
	    tar -xzf $(ACTIONLINT).tar.gz -C $(dir $(ACTIONLINT)) actionlint; } >/dev/null 2>&1 || \
	  echo "could not install actionlint (not in this Debian release, no network for its release binary): the workflow lint is skipped"; \
	  rm -f $(ACTIONLINT).tar.gz; \
	fi
	@touch $@
deps-test:
	@rm -f $(TEST_DEPS_STAMP)
	@$(MAKE) --no-print-directory $(TEST_DEPS_STAMP)

# ---- grammar -------------------------------------------------------------
$(BUILD)/grammar/parser.c: grammar/parser.y | $(DEPS_STAMP)
	@mkdir -p $(@D)
	bison -Wall -Werror --defines=$(BUILD)/grammar/parser.h -o $@ $<
$(BUILD)/grammar/parser.h: $(BUILD)/grammar/parser.c ;
$(BUILD)/grammar/lexer.c: grammar/lexer.l | $(DEPS_STAMP)
	@mkdir -p $(@D)
	flex -o $@ $<
$(BUILD)/grammar/%.o: $(BUILD)/grammar/%.c $(BUILD)/grammar/parser.h
	$(CC) $(CPPFLAGS) $(CFLAGS) $(GENWARN) -c -o $@ $<

# Hand-written sources may include parser.h (through scan.h).
$(BUILD)/%.o: %.c | $(DEPS_STAMP) $(BUILD)/grammar/parser.h
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

$(BUILD)/stdlib/std/charterstd.o: stdlib/std/charterstd.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -fPIC -c -o $@ $<

# lang.o knows where the catalogues are: the installed LOCALEDIR, and the
# build tree, used when the running executable lies in it.  The stamp
# rebuilds it when either path changes.
LANG_PATHS := -DCHARTER_LOCALEDIR='"$(LOCALEDIR)"' -DCHARTER_BUILD_DIR='"$(abspath $(BUILD))"'
$(BUILD)/lang-paths: FORCE
	@mkdir -p $(@D)
	@echo '$(LANG_PATHS)' | cmp -s - $@ || echo '$(LANG_PATHS)' >$@
$(BUILD)/compiler/base/lang.o: CPPFLAGS += $(LANG_PATHS)
$(BUILD)/compiler/base/lang.o: $(BUILD)/lang-paths

# ---- catalogues ------------------------------------------------------------
# msgfmt --check refuses a catalogue whose translations do not keep the
# printf conversions of their msgid, or whose header is incomplete.
$(BUILD)/locale/%/LC_MESSAGES/charterc.mo: stdlib/po/%.po | $(DEPS_STAMP)
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<
# `make pot` regenerates stdlib/po/charterc.pot from the marked sources
# (lang.h's keywords) and the titles of the standard library's
# declarations (stdlib/po/prelude-pot.awk); a translator then runs `msgmerge --update
# stdlib/po/LANG.po stdlib/po/charterc.pot` (docs/languages.md).
POT_SRC = $(sort $(wildcard compiler/*/*.c compiler/*/*.h runtime/*.c runtime/*.h))
POT ?= stdlib/po/charterc.pot
pot: | $(DEPS_STAMP)
	@xgettext --from-code=UTF-8 --language=C --keyword= --keyword=L_ --keyword=LN_:1,2 \
	  --keyword=LP_:1c,2 --keyword=N_ --keyword=NP_:1c,2 --add-comments=TRANSLATORS: --package-name=charter \
	  --add-location=file --sort-by-file -o $(POT).tmp $(POT_SRC)
	@sed -i -e '/^"POT-Creation-Date:/d' -e '1,4d' $(POT).tmp
	@awk -f stdlib/po/prelude-pot.awk stdlib/std/prelude.charter >>$(POT).tmp
	@printf '%s\n' "# The fixed text of Charter's outputs, marked in the sources with lang.h's" \
	  "# L_, LN_, LP_, N_ and NP_.  Generated by 'make pot': do not edit; translate it" \
	  "# in stdlib/po/LANG.po (docs/languages.md)." | cat - $(POT).tmp >$(POT).new
	@mv $(POT).new $(POT).tmp
	@if cmp -s $(POT).tmp $(POT); then rm -f $(POT).tmp; \
	else mv $(POT).tmp $(POT) && echo "$(POT) regenerated"; fi
.PHONY: pot

$(LIBCORE): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^
$(LIBPASSES): $(PASSES_OBJ)
	@rm -f $@
	ar rcs $@ $^
$(LIBRT): $(RUNTIME_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(CHARTERC): $(BUILD)/compiler/cli/main.o $(LIBPASSES) $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -o $@ $^ $(CHARTERC_LDLIBS) $(LDLIBS)

# The tracker runtime links the core and nothing else of the compiler: a
# call into the checks, the back ends or the commands does not link.  It
# exports the standard functions (-rdynamic) so that formulas find them
# with dlsym like any user library's.
$(RUNTIME): $(BUILD)/runtime/main.o $(LIBRT) $(LIBCORE)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -rdynamic -o $@ $(BUILD)/runtime/main.o -Wl,--whole-archive $(LIBRT) -Wl,--no-whole-archive $(LIBCORE) $(LDLIBS)

# ---- tests -----------------------------------------------------------------
# Unit tests link against everything; a test may add flags in TEST_LDFLAGS_<name>.
TEST_LDFLAGS_test_extcall := -Wl,--wrap=dlopen,--wrap=dlsym,--wrap=ffi_call,--wrap=ffi_prep_cif
$(BUILD)/tests/%: tests/unit/%.c $(LIBRT) $(LIBPASSES) $(LIBCORE) | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter -rdynamic -o $@ $< \
	  $(TEST_LDFLAGS_$*) -Wl,--whole-archive $(LIBRT) -Wl,--no-whole-archive $(LIBPASSES) $(LIBCORE) -lcmocka $(CHARTERC_LDLIBS) $(LDLIBS)

# A user library of extern functions for the tracker's tests (--allow-extern).
TEST_LIBS := $(BUILD)/tests/libtestext.so
$(BUILD)/tests/libtestext.so: tests/tracker/libtestext.c stdlib/std/charter.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(WARN) -fPIC -shared -o $@ $<

unit: $(UNIT_TESTS) $(TEST_LIBS)

# The plain suite is made of parts that run independently of each other
# (`sh tests/run-part.sh --list`): one per unit-test program, per golden
# suite and per test script. Each part writes $(RESULTS)/PART.result, and
# tests/summary.sh adds them up into the last line of output,
# "N passed, N failed" (", N skipped (NAME: reason; ...)" when a part was
# skipped for want of a tool).
#   make check     builds, then runs the parts JOBS at a time (default: one
#                  per core, or as many as make's own -j allows)
#   make test      `make check`, then the same suite again under
#                  AddressSanitizer and UndefinedBehaviorSanitizer (build/san)
#   make test-san  the sanitizer half on its own
# tests/run-all.sh runs the same parts one after the other.
RESULTS := $(BUILD)/results
TEST_PARTS := $(shell sh tests/run-part.sh --list)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PARALLEL = $(if $(findstring jobserver,$(MAKEFLAGS)),,-j$(JOBS))

check:
	@$(MAKE) --no-print-directory $(PARALLEL) check-build
	@rm -rf $(RESULTS)
	@$(MAKE) --no-print-directory $(PARALLEL) --output-sync=target check-parts
	@sh tests/summary.sh $(RESULTS) $(TEST_PARTS)

check-build: all unit $(TEST_DEPS_STAMP)
	@:
# A part that fails does not stop the others: the summary counts it.
check-parts: $(TEST_PARTS:%=$(RESULTS)/%.result)
$(RESULTS)/%.result: FORCE
	@BUILD=$(BUILD) sh tests/run-part.sh $* $@ || :

test: check
ifeq ($(SAN),)
	@echo "== the same suite under AddressSanitizer and UndefinedBehaviorSanitizer"
	@$(MAKE) --no-print-directory BUILD=build/san SAN=1 check
endif

test-san:
	@$(MAKE) --no-print-directory BUILD=build/san SAN=1 check

update-golden: all
	@BUILD=$(BUILD) UPDATE=1 SUITE=$(SUITE) sh tests/run-golden.sh

# ---- docs ------------------------------------------------------------------
# docs/checks.md is generated from the list of checks (compiler/checks/checks.def);
# tests/golden/explain fails when it is out of date.
docs: $(CHARTERC)
	@$(CHARTERC) explain --markdown >docs/checks.md.tmp
	@if cmp -s docs/checks.md.tmp docs/checks.md; then rm -f docs/checks.md.tmp; \
	else mv docs/checks.md.tmp docs/checks.md && echo "docs/checks.md regenerated"; fi
.PHONY: docs

# The tracker's status against awk on 100k, 1M and 3M observation rows,
# with its peak memory (bench/tracker.sh).
bench-tracker: all
	@BUILD=$(BUILD) sh bench/tracker.sh
.PHONY: bench-tracker

# ---- demo ------------------------------------------------------------------
demo: deps all
	@echo "== charterc check --strict examples/connectivity.charter"
	@$(CHARTERC) check --strict examples/connectivity.charter && echo "no findings: the agreement is complete and consistent"
	@echo
	@echo "== charterc check tests/flawed/haiti_water.charter  (a draft with gaps and conflicts)"
	@$(CHARTERC) check tests/flawed/haiti_water.charter 2>&1 || true
	@echo
	@echo "== charterc build examples/connectivity.charter -o $(BUILD)/demo  (documents and pictures)"
	@$(CHARTERC) build examples/connectivity.charter -o $(BUILD)/demo
	@echo "The documents are in $(BUILD)/demo/: open $(BUILD)/demo/index.html;"
	@echo "agreement.html (print and sign), agreement.md, partner-*.html (commitment sheets),"
	@echo "schedule.svg (Gantt chart), network.dot/.svg (partner network). 'make doc-pdf' prints the PDF."
	@echo
	@echo "== charterc tracker examples/connectivity.charter -o $(BUILD)/demo/connectivity  (the progress tracker)"
	@$(CHARTERC) tracker examples/connectivity.charter -o $(BUILD)/demo/connectivity
	@rm -rf $(BUILD)/demo/connectivity-data
	@cd $(BUILD)/demo && ./connectivity import $(CURDIR)/examples/connectivity-data/observations.csv && \
	  ./connectivity import $(CURDIR)/examples/connectivity-data/events.csv
	@echo
	@echo "== $(BUILD)/demo/connectivity status --as-of 2022-06-30"
	@cd $(BUILD)/demo && ./connectivity status --as-of 2022-06-30
	@cd $(BUILD)/demo && ./connectivity report --as-of 2022-06-30 -o dashboard.html >/dev/null && \
	  SOURCE_DATE_EPOCH=1656547200 ./connectivity calendar -o connectivity.ics 2>/dev/null
	@echo
	@echo "The dashboard is $(BUILD)/demo/dashboard.html and the calendar $(BUILD)/demo/connectivity.ics;"
	@echo "the ledger is $(BUILD)/demo/connectivity-data/. Try: cd $(BUILD)/demo && ./connectivity --help"

# The demo agreement printed to PDF by headless Chromium (one of the test
# tools): $(BUILD)/demo/connectivity.pdf.
doc-pdf: all $(TEST_DEPS_STAMP)
	@$(CHARTERC) build examples/connectivity.charter -o $(BUILD)/demo
	@sh tests/doc/render-pdf.sh $(BUILD)/demo/agreement.html $(BUILD)/demo/connectivity.pdf $(BUILD)/demo/connectivity.png
.PHONY: doc-pdf

# ---- install ---------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/charter/stdlib/std \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
	  $(DESTDIR)$(PREFIX)/lib/charter
	install -m 755 $(CHARTERC) $(DESTDIR)$(PREFIX)/bin/charterc
	install -m 644 stdlib/std/*.charter stdlib/std/charter.h $(DESTDIR)$(PREFIX)/share/charter/stdlib/std/
	install -d $(DESTDIR)$(PREFIX)/share/charter/stdlib/templates
	install -m 644 stdlib/templates/*.charter $(DESTDIR)$(PREFIX)/share/charter/stdlib/templates/
	if [ -f $(RUNTIME) ]; then install -m 755 $(RUNTIME) $(DESTDIR)$(PREFIX)/lib/charter/charter-runtime; fi
	if [ -f docs/man/charterc.1 ]; then install -m 644 docs/man/charterc.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi
	if [ -f docs/man/charter.5 ]; then install -m 644 docs/man/charter.5 $(DESTDIR)$(PREFIX)/share/man/man5/; fi
	if [ -f editors/bash/charterc ]; then install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions && \
	  install -m 644 editors/bash/charterc $(DESTDIR)$(PREFIX)/share/bash-completion/completions/charterc; fi
	for l in $(PO_LANGS); do install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/charterc.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/; done

clean:
	rm -rf build

.PHONY: all deps deps-test unit check check-build check-parts test test-san update-golden demo install clean FORCE
FORCE:
.DELETE_ON_ERROR:

# ---- bench, fuzz, valgrind (speed, scale and robustness) ------------------------
# `make bench`: bench/run.sh prints the figures (see bench/RESULTS.md).
# `make fuzz FUZZ_SECONDS=600`: builds the libFuzzer harnesses of tests/fuzz/
# with clang and runs each in turn for FUZZ_SECONDS (see docs/security.md).
# `make valgrind`: memcheck over `charterc check` of every golden input,
# example and flawed agreement.
bench: all
	@BUILD=$(BUILD) nice -n 10 sh bench/run.sh

FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_TARGETS := parser check csv obs lsp
FUZZ_OUT := build/fuzz
FUZZ_CFLAGS := -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
               -fno-omit-frame-pointer -std=c11 -w
FUZZ_LIB_OBJ := $(sort $(COMPILER_SRC:%.c=$(FUZZ_OUT)/obj/%.o) $(RUNTIME_SRC:%.c=$(FUZZ_OUT)/obj/%.o)) \
                $(FUZZ_OUT)/obj/grammar/parser.o $(FUZZ_OUT)/obj/grammar/lexer.o
$(FUZZ_OUT)/obj/grammar/%.o: $(BUILD)/grammar/%.c $(BUILD)/grammar/parser.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -c -o $@ $<
$(FUZZ_OUT)/obj/%.o: %.c $(BUILD)/grammar/parser.h
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -c -o $@ $<
$(FUZZ_OUT)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -DFUZZ_AGREEMENT='"$(CURDIR)/examples/connectivity.charter"' \
	  -o $@ $^ $(CHARTERC_LDLIBS) $(LDLIBS) -lpthread
.SECONDARY: $(FUZZ_LIB_OBJ)
fuzz-build: $(FUZZ_TARGETS:%=$(FUZZ_OUT)/fuzz_%)
fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_OUT=$(FUZZ_OUT) sh tests/fuzz/run.sh $(FUZZ_TARGETS)

VALGRIND_INPUTS = $(wildcard tests/golden/*/*.charter) $(wildcard examples/*.charter) \
                  $(wildcard tests/flawed/*.charter)
valgrind: all
	@command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 2; }
	@pass=0; fail=0; log=$$(mktemp); \
	for f in $(VALGRIND_INPUTS); do \
	  ( cd "$$(dirname "$$f")" && valgrind -q --error-exitcode=1 --leak-check=full \
	      --errors-for-leak-kinds=definite,indirect,possible --log-file="$$log" \
	      "$(CURDIR)/$(CHARTERC)" check --color=never "$$(basename "$$f")" >/dev/null 2>&1 ); \
	  if grep -q . "$$log"; then fail=$$((fail + 1)); echo "FAIL valgrind $$f"; cat "$$log"; \
	  else pass=$$((pass + 1)); fi; \
	done; rm -f "$$log"; \
	echo "valgrind: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

.PHONY: bench fuzz fuzz-build valgrind

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
