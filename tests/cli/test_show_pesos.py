"""`fichas show --pesos AÑO`: amounts converted by the dataset's factors, in text and JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner
from rich.console import Console

from fichas_tui.cli.commands import main
from fichas_tui.cli.show import EXIT_AMBIGUOUS, run_show
from tests.helpers import COMMITTED_DATASET, FIXTURE, without_provenance


def show(text, data=COMMITTED_DATASET, width=100, **kwargs):
    console = Console(record=True, width=width, color_system=None)
    code = run_show(text, data, console=console, **kwargs)
    return code, console.export_text()


def _json(text: str, *args: str) -> dict:
    result = CliRunner().invoke(
        main, ["show", text, "--data", str(COMMITTED_DATASET), "--json", *args]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _cells(view: dict, pane: str, table: str, column: str) -> dict:
    (p,) = [p for p in view["panes"] if p["key"] == pane]
    (t,) = [b for b in p["blocks"] if b.get("key") == table]
    return {row["key"]: row["cells"][column] for row in t["rows"]}


def test_text_marks_converted_and_sin_factor_figures():
    code, out = show("primera infancia", pesos=2024)
    assert code == 0
    assert "Presupuesto por año (M$ 2024, convertidos)" in out
    assert "≈12.465.185" in out  # inicial 2020: 10.174.000 nominal x 1,2252
    assert "9.686.000†" in out  # inicial 2019: nominal, no factor reaches 2019
    assert "† sin factor para ese año en el dataset" in out
    code, out = show("gestion social local", pesos=2024)
    assert code == 0
    assert "≈2.870.029" in out  # ejecutado 2021: 2.608.643 M$ 2022 x 1,1002


def test_json_carries_factor_source_and_nulls_without_factor():
    view = _json("primera infancia", "--pesos", "2024")
    inicial = _cells(view, "presupuesto", "budget", "inicial")
    assert inicial["2020"]["value"] == 12465184.8
    assert inicial["2020"]["factor"] == 1.2252
    assert inicial["2020"]["price_year"] == 2024 and inicial["2020"]["converted"] is True
    assert inicial["2020"]["source"]["price_year"] is None  # nominal in the ficha
    assert without_provenance(inicial["2019"]) == {
        "value": None,
        "note": "sin factor",
        "value_in_ficha": 9686000.0,
        "source": {"unit": "M$", "price_year": None, "label": "M$ nominales"},
    }
    regions = _cells(
        _json("residencia familiar", "--pesos", "2024"), "regiones", "regions", "spending"
    )
    # The 2023 ficha is in M$ 2024 already: figures as printed, not converted.
    assert all(c.get("factor") is None and c.get("converted") is None for c in regions.values())
    assert all(c["price_year"] == 2024 for c in regions.values() if c["value"] is not None)


def test_without_pesos_nothing_changes():
    plain = _json("primera infancia")
    inicial = _cells(plain, "presupuesto", "budget", "inicial")
    assert without_provenance(inicial["2019"]) == {
        "value": 9686000.0,
        "unit": "M$",
        "price_year": None,
    }
    code, out = show("primera infancia")
    assert code == 0
    assert "≈" not in out and "†" not in out and "M$ nominales" in out


def test_a_year_the_factors_do_not_reach_is_refused():
    code, out = show("primera infancia", pesos=2019)
    assert code == EXIT_AMBIGUOUS
    assert (
        "No hay factores para expresar montos en M$ de 2019. "
        "Años posibles: 2020, 2021, 2022, 2023, 2024."
    ) in out
    code, out = show("residencia", data=FIXTURE, width=200, pesos=2024)
    assert code == EXIT_AMBIGUOUS and "ninguna ficha trae su tabla de inflactores" in out
    result = CliRunner().invoke(
        main, ["show", "primera infancia", "--data", str(COMMITTED_DATASET), "--pesos", "2019"]
    )
    assert result.exit_code == 2 and "Años posibles: 2020, 2021" in result.output
