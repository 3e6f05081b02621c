"""Ficha text -> records: layout detection, number parsing and one parser per template."""
