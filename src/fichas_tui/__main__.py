"""`python -m fichas_tui` runs the same command line as `fichas`."""

from .cli import main

main()
