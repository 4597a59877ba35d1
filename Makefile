# Manmulsang: `make run` builds and serves the demo marketplace; `make test` builds and runs every test.
PRESET ?= release
BUILD  := build/$(PRESET)
BINARY := $(BUILD)/app/manmulsang
DATA   ?= ./data
LISTEN ?= 127.0.0.1:8080
DEMO_PRODUCTS ?= 10000
JOBS   ?= $(shell nproc)

.PHONY: all deps configure build run test bench fuzz clean

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

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS) --timeout 600

bench: build
	@./scripts/bench

fuzz: deps
	@./scripts/fuzz

clean:
	rm -rf build
