# 梅州市12345热线: build, run, test, bench. Read top to bottom.
# Site overrides (compiler, flags) go in Makefile.local.

CC      = gcc
CXX     = g++
BUILD  ?= build
PKGS    = fcgi libmariadb libctemplate libxcrypt libcrypto libxml-2.0 xapian-core json-c
TPKGS   = check libcurl libxml-2.0

CPPFLAGS = -D_GNU_SOURCE -Icgi-src $(shell pkg-config --cflags $(PKGS))
WARN     = -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wpointer-arith
CFLAGS   = -std=c11 -O2 -g $(WARN) -Wstrict-prototypes -Wmissing-prototypes \
           -fstack-protector-strong -fPIE
CXXFLAGS = -std=c++11 -O2 -g $(WARN) -fstack-protector-strong -fPIE
LDFLAGS  = -pie -Wl,-z,relro,-z,now
LDLIBS   = $(shell pkg-config --libs $(PKGS)) -lpthread -lm
HARDEN   = -D_FORTIFY_SOURCE=2

-include Makefile.local

# The sanitizer build lives in its own object directory.
ifeq ($(BUILD),build-asan)
CFLAGS   += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
CXXFLAGS += -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
HARDEN    =
endif
CPPFLAGS += $(HARDEN)

# Everything but main() lives in one library that both programs and the
# tests link against.
LIB_C = arena digest config db form http route auth roles audit audit_store csv \
        user_store org_store calendar_store view workdays \
        h_auth h_home h_admin h_calendar h_audit category_store h_categories \
        procedure_store h_procedures \
        kb kb_ops kb_store kb_view kb_xml bigram sanitize diff h_kb h_kb_updates h_kb_grants h_public \
        assess_store h_kb_people kb_lint h_kb_typos kb_check kb_dupes \
        assess assess_run score_store bulletin_store chart h_assess h_quality h_bulletins h_privacy \
        kb_query kb_index kb_search search_store h_synonyms \
        step order order_store order_ops order_view h_orders h_order_lists order_dupes h_order_dupes \
        status status_store h_status open311 open311_store h_open311 h_open311_keys h_category_service \
        dispute dispute_store dispute_ops dispute_view h_disputes h_dispute_form h_meetings order_sweep
LIB_O = $(LIB_C:%=$(BUILD)/%.o) $(BUILD)/tmpl.o $(BUILD)/xindex.o
LIB   = $(BUILD)/libhotline.a

UNIT_TESTS = test_db_rows test_form test_route test_roles test_workdays test_audit \
             test_kb test_bigram test_sanitize test_diff test_order test_dispute \
             test_dispute_form test_kb_query test_xindex test_csv test_kb_lint \
             test_kb_lint_eval test_kb_dupes test_assess test_status test_open311
UNIT_BIN   = $(UNIT_TESTS:%=$(BUILD)/tests/%)

all: $(BUILD)/hotlined $(BUILD)/hotlinectl

$(BUILD)/%.o: cgi-src/%.c cgi-src/*.h | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/%.o: cgi-src/%.cc cgi-src/*.h | $(BUILD)
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -c -o $@ $<

$(LIB): $(LIB_O)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/hotlined: $(BUILD)/main.o $(LIB)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/hotlinectl: $(BUILD)/hotlinectl.o $(LIB)
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD):
	mkdir -p $(BUILD)/tests

# --- tests -------------------------------------------------------------
$(BUILD)/tests/%: tests/unit/%.c $(LIB) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(shell pkg-config --cflags check) $(LDFLAGS) \
	  -o $@ $< $(LIB) $(shell pkg-config --libs check) $(LDLIBS) -lstdc++

# The HTTP suites (tests/http/test_*.c), one binary per feature, run by
# tests/stack-tests.sh in the order it lists. Each links the harness
# (tests/http/*.c beside the suites) and the library: the suites read the
# stack's configuration and database, and the access suite routes[].
HTTP_SUITES = auth admin calendar audit categories routing procedures input \
              kb_editing kb_public kb_search kb_updates kb_review kb_import grants kb_people assessment \
              order_intake order_handling order_returns order_search retention citizens \
              dispute_referral dispute_review meetings determination accountability \
              dispute_counties dispute_form \
              search_synonyms search_learned search_public search_nodes \
              access csrf scope outage faults
HTTP_BIN    = $(HTTP_SUITES:%=$(BUILD)/tests/http/test_%)
HTTP_HARNESS = $(patsubst %,$(BUILD)/tests/http-o/%.o,web harness entries orders disputes)
TCFLAGS = -Itests/http $(shell pkg-config --cflags $(TPKGS))
TLIBS   = $(shell pkg-config --libs $(TPKGS))

$(BUILD)/tests/http-o/%.o: tests/http/%.c tests/http/*.h cgi-src/*.h | $(BUILD)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(TCFLAGS) -c -o $@ $<

$(BUILD)/tests/http/test_%: $(BUILD)/tests/http-o/test_%.o $(HTTP_HARNESS) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(TLIBS) $(LDLIBS) -lstdc++

# Keep the suites' objects: make would delete them as intermediates and
# rebuild every suite on the next run.
.SECONDARY: $(HTTP_HARNESS) $(HTTP_SUITES:%=$(BUILD)/tests/http-o/test_%.o)

http-tests: $(HTTP_BIN)

# The relevance tool (tests/relevance): links the library, as hotlinectl does.
$(BUILD)/tests/relevance: tests/relevance/relevance.c $(LIB) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) -lstdc++

# The bench's data generators (tests/bench/benchload): test code, kept out
# of the library; it links the library for the database and domain helpers.
BENCH_C = benchload batch kb_bench order_bench dispute_bench
$(BUILD)/tests/benchload: $(BENCH_C:%=tests/bench/%.c) tests/bench/*.h $(LIB) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(BENCH_C:%=tests/bench/%.c) $(LIB) \
	  $(LDLIBS) -lstdc++

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do echo "== $$t"; $$t || exit 1; done

asan:
	$(MAKE) BUILD=build-asan unit

deps:
	bash scripts/deps.sh

# --- the running stack -------------------------------------------------
run: deps all
	bash scripts/stack.sh start
	@sed -n '/^-- BEGIN ACCOUNTS/,/^-- END ACCOUNTS/p' sql/demo/demo.sql | sed '1d;$$d;s/^-- //'
	@echo "Demo password for every account: Demo@12345"
	@echo "Demo Open311 api_key: demo-open311-key-meizhou  (http://127.0.0.1:8080/open311/v2/services.json?api_key=...)"
	@echo "Open http://127.0.0.1:8080/  (make stop ends it)"

stop:
	bash scripts/stack.sh stop

# make check: build warning-free, unit tests (plain and sanitized), then
# HTTP and browser tests against a fresh private stack on port 8181.
check: deps all unit asan fuzz-check $(HTTP_BIN)
	bash tests/stack-tests.sh

# libFuzzer targets (clang): the request and form parsers, the HTML
# sanitiser (its output must stay inside the allow-list) and the KB XML
# import. `make fuzz` runs each for FUZZ_SECONDS (30); `make check` for 8.
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
             -D_GNU_SOURCE -Icgi-src $(shell pkg-config --cflags $(PKGS))
FUZZ_LIBS  = $(shell pkg-config --libs $(PKGS)) -lpthread -lm
FUZZ_SRC_form     = form arena workdays http
FUZZ_SRC_sanitize = sanitize arena
FUZZ_SRC_kb_xml   = kb_xml kb_ops kb kb_store search_store sanitize bigram workdays step audit_store audit digest user_store \
                    arena db form roles calendar_store
FUZZ_TARGETS = form sanitize kb_xml
FUZZ_SECONDS ?= 30

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c cgi-src/*.c cgi-src/*.h
	mkdir -p build-fuzz
	clang $(FUZZ_FLAGS) -o $@ $< $(FUZZ_SRC_$*:%=cgi-src/%.c) $(FUZZ_LIBS)

fuzz: $(FUZZ_TARGETS:%=build-fuzz/fuzz_%)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus-$$t && cp -n tests/fuzz/corpus/$$t/* build-fuzz/corpus-$$t/; \
	  echo "== fuzz_$$t ($(FUZZ_SECONDS) s)"; \
	  build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -close_fd_mask=2 \
	    -artifact_prefix=build-fuzz/ \
	    build-fuzz/corpus-$$t >build-fuzz/fuzz_$$t.log 2>&1 || \
	    { tail -n 60 build-fuzz/fuzz_$$t.log; exit 1; }; \
	  tail -n 1 build-fuzz/fuzz_$$t.log; \
	done

fuzz-check:
	$(MAKE) FUZZ_SECONDS=8 fuzz

bench: deps all $(BUILD)/tests/benchload
	bash tests/bench/bench.sh $(BENCH)

# How well the search answers callers' questions (tests/relevance).
relevance: deps all $(BUILD)/tests/relevance
	bash tests/relevance/run.sh

clean:
	rm -rf build build-asan build-fuzz

.PHONY: all unit asan deps run stop check bench relevance fuzz fuzz-check clean http-tests
