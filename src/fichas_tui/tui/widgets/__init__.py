"""Panes and list widgets of the explorer."""
