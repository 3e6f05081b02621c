"""The program list as a view table: values and bases per row, converted when asked."""

from __future__ import annotations

from fichas_tui.data.queries import Store
from fichas_tui.locations import sample_dir
from fichas_tui.views.lista import programs_table
from fichas_tui.views.pesos import Pesos


def test_each_program_in_its_latest_fichas_pesos():
    with Store.open(sample_dir()) as store:
        table = programs_table(store.programs())
    cells = [row.cells[table.column("executed")] for row in table.rows]
    assert [c.value for c in cells] == [2608643, 10174000, 8146335]
    assert [c.basis.label for c in cells] == ["M$ 2022", "M$ nominales", "M$ 2024"]
    assert [row.key for row in table.rows][2] == "residencia-familiar-de-administracion-directa-rf"


def test_converted_to_one_basis_with_the_datasets_factors():
    with Store.open(sample_dir()) as store:
        table = programs_table(store.programs(), Pesos(2024, store.deflators()))
    gsl = table.rows[0].cells[table.column("executed")]
    # 2.608.643 M$ 2022 x 1,1002 (the 2024 ficha's inflator for 2022) = 2.870.029 M$ 2024.
    assert round(gsl.value) == 2870029
    assert gsl.basis.label == "M$ 2024 (convertidos)"
