"""Size-scaled timings of every stage of the workbench (see README)."""
