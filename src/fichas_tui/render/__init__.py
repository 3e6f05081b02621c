"""Outputs: view models drawn as Rich renderables and grids, or exported (CSV, XLSX, JSON, ...)."""
