"""`fichas revisiones`: every figure a later ficha of the same program prints differently,
largest first, with both fichas' figures and sources (text, --json or --csv)."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from ..render.export import records_csv
from ..text import clean
from ..views.revisions import as_json, listing
from .across_output import (
    EXIT_NOT_FOUND,
    EXIT_USAGE,
    Refused,
    consoles,
    is_terminal,
    open_store,
    print_table,
    refuse,
)
from .show import _candidates, dumps, find


def run_revisions(
    data_dir: Path, *, program: str | None = None, fmt: str = "text", console: Console | None = None
) -> int:
    """Print the restatements (all, or one program's) and return the exit status: 0 listed
    (none is an answer too), 1 no program matches, 2 several do (listed), 3 no dataset."""
    out, err = consoles(console)
    try:
        store = open_store(data_dir)
    except Refused as exc:
        return refuse(err, exc)
    try:
        program_id = None
        if program is not None:
            matches = find(store, program)
            if not matches:
                err.print(
                    Text(f"Ningún programa coincide con «{clean(program)}».", style="bold red")
                )
                return EXIT_NOT_FOUND
            if len(matches) > 1:
                _candidates(out, program, matches, fmt == "json")
                return EXIT_USAGE
            program_id = matches[0].program_id
        found = store.restatements(program_id)
    except Refused as exc:
        return refuse(err, exc)
    finally:
        store.close()
    if fmt == "json":
        out.file.write(dumps({"restatements": [as_json(r) for r in found]}) + "\n")
    elif fmt == "csv":
        rows = [_flat(as_json(r)) for r in found]
        out.file.write(records_csv(rows, terminal=is_terminal(out)) if found else _HEADER)
    else:
        print_table(out, listing(found))
    return 0


def _flat(record: dict) -> dict:
    """A JSON record with its two sides as before_* / after_* columns."""
    flat = {k: v for k, v in record.items() if not isinstance(v, dict)}
    for side in ("before", "after"):
        flat.update({f"{side}_{k}": v for k, v in record[side].items()})
    return flat


# The header a CSV without rows still has (the columns a script expects).
_HEADER = (
    "program_id,program_name,measure,label,unit,year,compared_in,difference,relative,tolerance,"
    + ",".join(
        f"{side}_{k}"
        for side in ("before", "after")
        for k in (
            "ficha_id",
            "ficha_year",
            "file",
            "value",
            "printed",
            "price_year",
            "factor",
            "compared",
        )
    )
    + "\n"
)
