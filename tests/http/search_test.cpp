// Black-box scenarios: filled in by its owner.
