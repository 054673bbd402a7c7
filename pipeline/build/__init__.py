"""How a corpus is built from pages: inputs, the per-document workers, the NER stage and its
cache, reuse of unchanged documents, the atomic Parquet writer, and the run that ties them."""
