# make run   — install if needed, build the graph from seeds/ into out/
# make test  — install if needed, lint and run the tests
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: install run test lint eval eval-heldout eval-real bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# torch first, pinned: hanlp needs it, and an unpinned torch pulls gigabytes of CUDA packages
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

run: install
	$(BIN)/kg build seeds --out out
	@echo
	@echo "Open out/graph.html in a browser; query out/graph.ttl with SPARQL (see README)."

test: install lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check kg tests bench
	$(BIN)/ruff format --check kg tests bench
	$(BIN)/mypy kg
	$(BIN)/kg lexicon check

eval: install
	$(BIN)/kg eval tests/gold --input seeds

# three pages of other cities' papers, each scored in its own city (one city of publication per run)
eval-heldout: install
	@for page in dezhou_01:德州市 weifang_02:潍坊市 jining_03:济宁市; do \
		echo "== $${page%%:*} ($${page##*:})"; \
		$(BIN)/kg eval tests/heldout/gold --input tests/heldout/pages/$${page%%:*}.txt --city $${page##*:}; \
	done

# real pages of many cities' papers (tests/real): each part read in one run, each page in its own city
eval-real: install
	@for part in dev heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 heldout13 heldout14 heldout15 heldout16 heldout17 heldout18 heldout19 heldout20 heldout21 heldout22 heldout23 heldout24 heldout25 heldout26 heldout27 heldout28 heldout29 heldout30 heldout31 heldout32 heldout33 heldout34; do \
		echo "== tests/real/$$part (what each part is: tests/real/README.md)"; \
		$(BIN)/kg eval tests/real/$$part/gold --input tests/real/$$part/pages || exit 1; \
	done

bench: install
	$(BIN)/python bench/throughput.py seeds

clean:
	rm -rf out .pytest_cache
