"""Numbers as printed: half-up rounding from the ficha's decimal text, one column's decimals,
and every code a pane shows explained in its legend (values from the sample fichas)."""

from __future__ import annotations

import pytest

from fichas_tui.views.cells import display, explain_codes, shown_codes
from fichas_tui.views.figures import CODE_MEANINGS, decimals_of, number, percent, rounded
from fichas_tui.views.model import FIGURE, Cell, Column, Row, Table
from fichas_tui.views.program import pane_view
from tests.helpers import P2019, P2021, P2023


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (15.25, 1, "15,3"),  # 002 line 136: "un 15,25% del presupuesto ejecutado"
        (97.85, 1, "97,9"),  # 002 line 127: Cobertura 2019 "97,85%"
        (61.35, 1, "61,4"),
        (0.05, 1, "0,1"),
        (2.675, 2, "2,68"),  # binary 2.67499999... but written 2,675
        (-15.25, 1, "-15,3"),  # half away from zero
        (-0.04, 1, "0,0"),  # no "-0,0"
        (1983253, 0, "1.983.253"),
        (12610.4, 1, "12.610,4"),
        (2502149.5949999997, 0, "2.502.150"),
    ],
)
def test_number_rounds_half_up_from_the_printed_digits(value, decimals, shown):
    assert number(value, decimals) == shown


def test_percent_and_rounded_use_the_same_rule():
    assert percent(15.25) == "15,3 %"
    assert rounded(2502149.5949999997, 0) == 2502150.0
    assert rounded(12610.449999999999, 1) == 12610.4
    assert rounded(None) is None


def test_decimals_of_is_the_most_any_value_of_the_column_has():
    assert decimals_of([78.4, 81.15, 83]) == 2
    assert decimals_of([92.0, 32.0]) == 0
    assert decimals_of([None, 75.0, 70.5]) == 1
    assert decimals_of([0.1 + 0.2]) == 2  # at most two, whatever binary noise follows


def test_an_indicator_column_shows_one_number_of_decimals():
    decimals = decimals_of([78.4, 81.15, 83])
    column = Column("efectivo", "Efectivo", FIGURE, unit="%", decimals=decimals)
    assert [display(column, Cell(v)) for v in (78.4, 81.15, 83.0)] == ["78,40", "81,15", "83,00"]


def test_the_2019_indicator_columns_share_their_decimals(sample):
    # 002 lines 160-168: efectivo 2019 93,00%, 68,00% ... as whole percents: no decimals.
    view = pane_view("indicadores", sample.detail(P2019))
    for table in view.tables():
        for key in ("efectivo", "meta"):
            column = table.columns[table.column(key)]
            texts = [display(column, row.cells[table.column(key)]) for row in table.rows]
            values = [t for t in texts if t[0].isdigit()]
            assert all("," not in t for t in values), texts


def test_nc_means_what_the_fichas_footnotes_say():
    # 000 line 119 and 003 line 161: "N/C: Valor no comparable ..."; N/A is "no aplica".
    assert CODE_MEANINGS["N/C"].startswith("valor no comparable")
    assert "no corresponde" not in CODE_MEANINGS["N/C"]
    assert CODE_MEANINGS["N/A"].startswith("no aplica")


def test_explain_codes_adds_a_line_per_code_shown_once():
    table = Table(
        "t",
        "t",
        (Column("a", "A", FIGURE),),
        (Row((Cell(None, "N/C"),)), Row((Cell(None),)), Row((Cell(3.0),))),
    )
    explained = explain_codes(table)
    assert shown_codes(table) == {"N/C", "s/d"}
    assert explained.notes == (
        f"N/C: {CODE_MEANINGS['N/C']}.",
        f"s/d: {CODE_MEANINGS['s/d']}.",
    )
    assert explain_codes(explained) == explained


@pytest.mark.parametrize("program", [P2019, P2021, P2023])
@pytest.mark.parametrize("pane", ["presupuesto", "indicadores", "regiones", "resumen"])
def test_every_code_a_pane_shows_is_in_its_legend(sample, program, pane):
    view = pane_view(pane, sample.detail(program))
    for table in view.tables():
        for code in shown_codes(table):
            if code in CODE_MEANINGS:
                assert any(n.startswith(f"{code}: ") for n in table.notes), (table.key, code)


def test_the_2023_budget_explains_its_s_d(sample):
    # 003 prints its budget table as an image: inicial and final are missing without a code.
    budget = pane_view("presupuesto", sample.detail(P2023)).table("budget")
    assert "s/d" in shown_codes(budget)
    assert f"s/d: {CODE_MEANINGS['s/d']}." in budget.notes
