"""Records <-> Parquet: the dataset folder, its schema, DuckDB queries answered as records."""
