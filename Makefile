# Measurement shortcuts, run from the repository root with rasad installed (pip install -e '.[test]').
# Another interpreter or CLI: make eval RASAD=/work/venv/bin/rasad PYTHON=/work/venv/bin/python

PYTHON ?= python
RASAD ?= rasad
BENCHMARKS ?= ../shared/benchmarks

.PHONY: eval eval-holdout bench bench-ner bench-zwnj

# Score the pipeline on the development gold set and the shared seed when present (REPORT=out.json: JSON too).
eval:
	$(RASAD) eval tests/gold $(wildcard ../shared/seed) $(if $(REPORT),--report $(REPORT))

# The held-out set: read the summary only, never tune on it (eval/holdout/README.md).
eval-holdout:
	$(RASAD) eval eval/holdout | tail -1

# Public benchmarks: NER on the PEYMA and ParsTwiNER test splits, ZWNJ restoration on ParsTwiNER.
bench: bench-ner bench-zwnj

bench-ner:
	$(RASAD) eval-ner $(BENCHMARKS)/peyma/test.txt --format pipe
	$(RASAD) eval-ner $(BENCHMARKS)/parstwiner/test.txt --format conll

bench-zwnj:
	$(PYTHON) bench/zwnj.py --split test
