# Manmulsang: `make run` builds and serves the demo marketplace; `make test` builds and runs every test.
PRESET ?= release
BUILD  := build/$(PRESET)
BINARY := $(BUILD)/app/manmulsang
DATA   ?= ./data
LISTEN ?= 127.0.0.1:8080
DEMO_PRODUCTS ?= 10000
JOBS   ?= $(shell nproc)

.PHONY: all deps configure build run test bench fuzz clean cluster cluster-down

all: build

deps:
	@./scripts/install-deps

$(BUILD)/build.ninja: | deps
	@cmake --preset $(PRESET) >/dev/null

configure: $(BUILD)/build.ninja

build: deps configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	@$(BINARY) demo --if-empty --products $(DEMO_PRODUCTS) --data $(DATA)
	@echo "Manmulsang is starting on http://$(LISTEN)  (Ctrl-C stops it)"
	@$(BINARY) serve --listen $(LISTEN) --data $(DATA)

# Several nodes on one PostgreSQL behind nginx, on this machine (docs/DEPLOYMENT.md): NODES nodes
# on 127.0.0.1:8081.., nginx on 127.0.0.1:8080, everything in ./cluster. `scripts/cluster status`
# says what runs; `make cluster-down` stops it and keeps the data.
NODES ?= 2
cluster: build
	@NODES=$(NODES) DEMO_PRODUCTS=$(DEMO_PRODUCTS) MANMULSANG_BINARY=$(CURDIR)/$(BINARY) ./scripts/cluster up

cluster-down:
	@./scripts/cluster down

# The release tests run every test: unit, http and browser on SQLite, and the unit and http tests
# again on PostgreSQL (label postgres; CTest starts and stops a private cluster for them, see
# scripts/test-postgres). After them, the unit tests and the black-box HTTP suite, on SQLite only
# (-L 'unit|http' leaves the postgres-labelled ones out), run again built with
# AddressSanitizer and UndefinedBehaviorSanitizer (docs/ARCHITECTURE.md, tests). That preset builds no benchmarks
# or fuzzers, so its default target is exactly the test binaries and the server they start.
# A finding aborts the process (the server too, which the black-box suite then sees), so it fails.
SANITIZER_BUILD := build/asan-ubsan
SANITIZER_ENV := \
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(SANITIZER_BUILD)/build.ninja: | deps
	@cmake --preset asan-ubsan >/dev/null

test: build $(SANITIZER_BUILD)/build.ninja
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) --timeout 600
	@cmake --build --preset asan-ubsan -j $(JOBS)
	@$(SANITIZER_ENV) ctest --test-dir $(SANITIZER_BUILD) -L 'unit|http' --output-on-failure -j $(JOBS) --timeout 900

bench: build
	@./scripts/bench

fuzz: deps
	@./scripts/fuzz

clean:
	rm -rf build
