"""Language analysis: spaCy parses each article once; each stage reads the same Doc."""
