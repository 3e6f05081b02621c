"""One rule for a region's share: the Regiones pane and the Región screen show the same
computed % (marked and explained) when the ficha prints none (tests/fixtures/make_across.py)."""

from __future__ import annotations

import pytest

from fichas_tui.data.across import Selection, region_rows
from fichas_tui.data.queries import Store
from fichas_tui.views.cells import display
from fichas_tui.views.program import pane_view
from fichas_tui.views.region_programs import region_view
from fichas_tui.views.region_share import (
    COMPUTED_NOTE,
    PER_BENEFICIARY_LEGEND,
    SHARE_LEGEND,
    computed_share,
    per_beneficiary,
    share_cell,
)
from tests.fixtures import make_across
from tests.helpers import P2023


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = Store.open(make_across.write(tmp_path_factory.mktemp("across")))
    yield store
    store.close()


def test_the_rule():
    assert share_cell(22.6, None, 22.57, None).value == 22.6  # printed wins, unmarked
    assert share_cell(22.6, None, 22.57, None).note is None
    cell = share_cell(None, None, computed_share(1000.0, 5000.0), None)
    assert (cell.value, cell.note) == (20.0, COMPUTED_NOTE)
    assert share_cell(None, None, computed_share(None, 5000.0), "-").status == "-"
    assert computed_share(10.0, 0.0) is None
    assert per_beneficiary(1000.0, None, 50.0, None) == (20.0, None)
    assert per_beneficiary(None, "N/C", 50.0, None) == (None, "N/C")
    assert per_beneficiary(1000.0, None, 0.0, None) == (None, "-")


def test_pane_and_region_screen_show_the_same_computed_share(store):
    # delta21 breaks down Coquimbo 1.000 and Nivel central 4.000 with no % printed:
    # 1.000 / 5.000 = 20,0 %, computed and marked in both places.
    pane = pane_view("regiones", store.detail("delta")).table("regions")
    row = next(r for r in pane.rows if r.key == "Coquimbo")
    i = pane.column("spending_pct")
    assert (row.cells[i].value, row.cells[i].note) == (20.0, COMPUTED_NOTE)
    assert display(pane.columns[i], row.cells[i]) == "20,0 %*"
    assert SHARE_LEGEND in pane.notes and PER_BENEFICIARY_LEGEND in pane.notes

    view = region_view(region_rows(store, "Coquimbo", Selection()), "Coquimbo")
    rows = {row.key: row for row in view.page(0, view.size)}
    delta = rows["delta"]
    j = view.header.column("share_pct")
    assert (delta.cells[j].value, delta.cells[j].note) == (20.0, COMPUTED_NOTE)
    assert display(view.header.columns[j], delta.cells[j]) == "20,0 %*"
    assert any(SHARE_LEGEND in n and PER_BENEFICIARY_LEGEND in n for n in view.header.notes)
    # A printed share stays as printed, unmarked (alfa: 33,3 %).
    alfa = rows["alfa"]
    assert (alfa.cells[j].value, alfa.cells[j].note) == (33.3, None)


def test_the_regions_column_is_named_for_what_it_is(sample):
    # 003 line 141: TOTAL 7.735.432 (gasto de componentes) / 646 = 11.974,4: not the ficha's
    # "gasto por beneficiario" (8.146.335 / 646 = 12.610,4), so its legend says what it is.
    table = pane_view("regiones", sample.detail(P2023)).table("regions")
    total = next(r for r in table.rows if r.key == "total")
    i = table.column("per_beneficiary")
    assert display(table.columns[i], total.cells[i]) == "11.974,4"
    assert PER_BENEFICIARY_LEGEND in table.notes
    assert not any("= gasto por beneficiario" in n for n in table.notes)
    # Every share is printed in 003: none is marked, and the mark is not explained.
    assert SHARE_LEGEND not in table.notes
