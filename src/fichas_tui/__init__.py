"""fichas: a terminal explorer for Chile's program evaluation fichas."""

__version__ = "0.1.0"
