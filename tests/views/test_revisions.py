"""Restated cells marked ‡ in Presupuesto, Resumen and Indicadores, with both figures and
their sources in the table's notes (hand-checked on the fixture pair)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fichas_tui.data.queries import Store
from fichas_tui.data.restatements import Printed, Restatement, indicator_key
from fichas_tui.views import indicadores, presupuesto, resumen
from fichas_tui.views.cells import display
from tests.helpers import restated_dataset

EXECUTED = (
    "‡ Presupuesto ejecutado 2023: la ficha 2023 (rf_2023.txt) imprime 8.146.335 M$ 2024 y la "
    "ficha 2024 (rf_2024.txt), 8.683.399 M$ 2025 (+3,0 % en pesos nominales de 2023, más que "
    "el redondeo de las cifras y de sus factores)."
)
COVERAGE = (
    "‡ Cobertura (objetivo) 2022: la ficha 2023 (rf_2023.txt) imprime 83,8 % y la ficha 2024 "
    "(rf_2024.txt), 80,3 % (-3,5 puntos, más que el redondeo con que se imprimen)."
)


@pytest.fixture(scope="module")
def details(tmp_path_factory):
    folder = restated_dataset(tmp_path_factory.mktemp("marks") / "ds")
    with Store.open(folder) as store:
        program_id = store.restatements()[0].program_id
        yield {year: store.detail(program_id, year) for year in (2023, 2024)}


def shown(table, column):
    i = table.column(column)
    return {row.key: display(table.columns[i], row.cells[i]) for row in table.rows}


def test_budget_marks_the_restated_year_of_each_ficha(details):
    later = presupuesto.budget(details[2024])
    assert shown(later, "ejecutado") == {
        "2022": "5.409.369",  # the factors' rounding: not marked
        "2023": "8.683.399‡",
        "2024": "8.663.874",
    }
    assert EXECUTED in later.notes
    earlier = presupuesto.budget(details[2023])
    assert shown(earlier, "ejecutado")["2023"] == "8.146.335‡"
    assert shown(earlier, "ejecutado")["2022"] == "5.227.400"
    assert EXECUTED in earlier.notes


def test_history_marks_both_fichas_rows_once_noted(details):
    table = presupuesto.history(details[2024])
    marked = {k: v for k, v in shown(table, "ejecutado").items() if v.endswith("‡")}
    assert marked == {"2023:2023": "8.146.335‡", "2023:2024": "8.683.399‡"}
    assert table.notes.count(EXECUTED) == 1


def test_coverage_in_resumen(details):
    later = resumen.coverage(details[2024])
    assert shown(later, "2022") == {"objetivo": "80,3 %‡"}
    assert shown(later, "2023") == {"objetivo": "102,9 %"}
    assert COVERAGE in later.notes
    assert shown(resumen.coverage(details[2023]), "2022") == {"objetivo": "83,8 %‡"}


def test_a_restated_indicator_is_marked(details):
    detail = details[2024]
    indicator = detail.indicators[0]
    side = dict(source_file=None, text=None, price_year=None, factor=None, error=0.005)
    restated = Restatement(
        detail.program.program_id,
        detail.program.name,
        "efectivo",
        indicator_key(indicator.level, indicator.name),
        indicator.name,
        indicator.unit,
        2023,
        Printed("a", 2023, value=92.0, compared=92.0, **{**side, "text": "92,00%"}),
        Printed("b", 2024, value=90.0, compared=90.0, **{**side, "text": "90,00%"}),
    )
    table = indicadores.table(0, indicator, found=None)
    assert not any(n.startswith("‡") for n in table.notes)
    view = indicadores.build(replace(detail, revisions=(restated,)))
    table = view.table("indicator:0")
    assert shown(table, "efectivo")["2023"] == "92‡"
    assert (
        "‡ Indicador, efectivo 2023: la ficha 2023 (archivo desconocido) imprime 92,00% y la "
        "ficha 2024 (archivo desconocido), 90,00% (-2,0 puntos, más que el redondeo con que "
        "se imprimen)."
    ) in table.notes
