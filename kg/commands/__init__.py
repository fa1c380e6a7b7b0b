"""Sub-commands of `kg` beyond build/extract/eval: one module each, listed in kg.cli.COMMANDS."""
