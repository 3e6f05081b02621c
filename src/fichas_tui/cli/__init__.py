"""Command line: click commands that render views; launch the explorer, serve it."""
