"""`python -m fichas_tui` runs the same command line as `fichas`."""

from .launch import main

main()
