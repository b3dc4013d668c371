# 梅州市12345热线: build, run, test, bench. Read top to bottom.
# Site overrides (compiler, flags) go in Makefile.local.

CC      = gcc
CXX     = g++
BUILD  ?= build
PKGS    = fcgi libmariadb libctemplate libxcrypt libcrypto libxml-2.0 xapian-core
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
LIB_C = arena config db form http route auth roles audit audit_store \
        user_store org_store calendar_store view workdays \
        h_auth h_home h_admin h_calendar h_audit category_store h_categories \
        procedure_store h_procedures \
        kb kb_ops kb_store kb_xml kb_bench bigram sanitize diff h_kb h_kb_updates h_kb_grants h_public \
        kb_query kb_index kb_search search_store h_synonyms \
        order order_store h_orders h_order_lists dispute dispute_store h_disputes h_dispute_form h_meetings order_sweep order_bench dispute_bench
LIB_O = $(LIB_C:%=$(BUILD)/%.o) $(BUILD)/tmpl.o $(BUILD)/xindex.o
LIB   = $(BUILD)/libhotline.a

UNIT_TESTS = test_form test_route test_roles test_workdays test_audit \
             test_kb test_bigram test_sanitize test_diff test_order test_dispute \
             test_dispute_form test_kb_query test_xindex
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

$(BUILD)/tests/test_http: tests/http/test_http.c tests/http/web.c tests/http/web.h tests/http/check_web.h | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/http $(shell pkg-config --cflags $(TPKGS)) \
	  $(LDFLAGS) -o $@ tests/http/test_http.c tests/http/web.c \
	  $(shell pkg-config --libs $(TPKGS))

# The knowledge-base HTTP suite (tests/http/test_kb.c). Its binary is not
# called test_kb: that name is the unit test tests/unit/test_kb.c.
$(BUILD)/tests/test_http_kb: tests/http/test_kb.c tests/http/web.c tests/http/web.h tests/http/check_web.h tests/http/check_kb.h | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/http $(shell pkg-config --cflags $(TPKGS)) \
	  $(LDFLAGS) -o $@ tests/http/test_kb.c tests/http/web.c \
	  $(shell pkg-config --libs $(TPKGS))

# The work-order HTTP suite (tests/http/test_orders.c). It also reads the
# stack's database itself (its own categories, EXPLAIN of the queue and the
# search), so it links the library as hotlinectl does.
$(BUILD)/tests/test_http_orders: tests/http/test_orders.c tests/http/web.c tests/http/web.h tests/http/check_web.h tests/http/check_db.h $(LIB) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/http $(shell pkg-config --cflags $(TPKGS)) \
	  $(LDFLAGS) -o $@ tests/http/test_orders.c tests/http/web.c $(LIB) \
	  $(shell pkg-config --libs $(TPKGS)) $(LDLIBS) -lstdc++

# The disputes HTTP suite (tests/http/test_disputes.c): the determination
# procedure from referral to acceptance, joint meetings, accountability and
# the printed form. Like the work-order suite it reads and sets up the
# stack's database itself (its categories, a county's procedure).
$(BUILD)/tests/test_http_disputes: tests/http/test_disputes.c tests/http/web.c tests/http/web.h tests/http/check_web.h tests/http/check_db.h $(LIB) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/http $(shell pkg-config --cflags $(TPKGS)) \
	  $(LDFLAGS) -o $@ tests/http/test_disputes.c tests/http/web.c $(LIB) \
	  $(shell pkg-config --libs $(TPKGS)) $(LDLIBS) -lstdc++

# The relevance tool (tests/relevance): links the library, as hotlinectl does.
$(BUILD)/tests/relevance: tests/relevance/relevance.c $(LIB) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(LDLIBS) -lstdc++

# Knowledge search (tests/http/test_search.c): synonyms, learned answers,
# gaps, paging, and a second node that must see every change.
$(BUILD)/tests/test_http_search: tests/http/test_search.c tests/http/web.c tests/http/web.h tests/http/check_web.h tests/http/check_kb.h | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/http $(shell pkg-config --cflags $(TPKGS)) \
	  $(LDFLAGS) -o $@ tests/http/test_search.c tests/http/web.c \
	  $(shell pkg-config --libs $(TPKGS))

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
	@echo "Open http://127.0.0.1:8080/  (make stop ends it)"

stop:
	bash scripts/stack.sh stop

# make check: build warning-free, unit tests (plain and sanitized), then
# HTTP and browser tests against a fresh private stack on port 8181.
check: deps all unit asan $(BUILD)/tests/test_http $(BUILD)/tests/test_http_kb \
       $(BUILD)/tests/test_http_orders $(BUILD)/tests/test_http_disputes \
       $(BUILD)/tests/test_http_search
	bash tests/stack-tests.sh

# A libFuzzer target for the request parsers (needs clang).
fuzz:
	mkdir -p build-fuzz
	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -Icgi-src \
	  $(shell pkg-config --cflags fcgi) -o build-fuzz/fuzz_form tests/fuzz/fuzz_form.c \
	  cgi-src/form.c cgi-src/arena.c cgi-src/workdays.c cgi-src/http.c \
	  $(shell pkg-config --libs fcgi)
	build-fuzz/fuzz_form -max_total_time=$${FUZZ_SECONDS:-30}

bench: deps all
	bash tests/bench/bench.sh $(BENCH)

# How well the search answers callers' questions (tests/relevance).
relevance: deps all $(BUILD)/tests/relevance
	bash tests/relevance/run.sh

clean:
	rm -rf build build-asan build-fuzz

.PHONY: all unit asan deps run stop check bench relevance fuzz clean
