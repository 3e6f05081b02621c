"""`python -m fichas_tui` runs the same command line as `fichas`."""

from .cli.launch import main

main()
