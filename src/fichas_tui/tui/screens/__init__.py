"""Screens of the explorer: browser, help, filters and the no-dataset screen."""
