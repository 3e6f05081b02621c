"""Synthetic ficha corpus: one module per template generation."""
