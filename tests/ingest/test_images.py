"""Tables printed as images in the original: the gap the text conversion left, hand-checked."""

from __future__ import annotations

from fichas_tui.ingest.document import Document
from fichas_tui.ingest.images import image_gaps
from tests.helpers import F2019, F2021, F2023, SAMPLE_DIR


def _lines(name: str) -> list[str]:
    return (SAMPLE_DIR / name).read_text(encoding="utf-8-sig").split("\n")


def test_the_sample_fichas_gaps(ds):
    expected = {
        # 2021: PRESUPUESTO Y EJECUCIÓN (line 48), then only blank lines up to its footnotes
        F2021: (["budget"], [49]),
        # 2019: the last component's production chart (94), the administrative share's (132)
        # and the spending per beneficiary's (138) charts
        F2019: (
            ["components:Atención Residencial", "admin_share", "spending_per_beneficiary"],
            [95, 133, 139],
        ),
        # 2023: III. DESEMPEÑO ... EFICIENCIA (80), whose footnotes define the budget's
        # columns; then a gap before the footnote of the spending per beneficiary (101)
        F2023: (["budget", "spending_per_beneficiary"], [81, 98]),
    }
    for name, (tables, at) in expected.items():
        sql = "SELECT image_tables, image_lines FROM fichas WHERE ficha_id = ?"
        assert ds.one(sql, name) == (tables, at), name
        lines = _lines(name)
        assert all(lines[n - 1].strip() == "" for n in at), name  # each a blank line


def test_a_printed_table_leaves_no_gap():
    text = "PRESUPUESTO Y EJECUCIÓN\n\n\t2022\t2023\nPresupuesto Inicial\t10\t20\n\n\nOtro\n"
    assert image_gaps(Document(text)) == []


def test_a_converters_placeholder_is_a_gap():
    text = "Texto\nGasto por Beneficiario (M$)\n<!-- image -->\nEl gasto por beneficiario...\n"
    assert image_gaps(Document(text)) == [("spending_per_beneficiary", 3)]
    markdown = "Porcentaje Gasto Administrativo\n![](media/image3.png)\n\nTexto\n"
    assert image_gaps(Document(markdown)) == [("admin_share", 2)]


def test_spacing_after_a_table_row_is_not_a_picture():
    text = "Año\tValor\n2023\t5\n\n\n* Gasto por Beneficiario: (a / b)\n"
    assert image_gaps(Document(text)) == []


def test_a_footnote_names_the_table_before_its_gap():
    text = (
        "### III. EFICIENCIA\n\n\n<sup>1</sup> La ejecución presupuestaria inicial corresponde a\n"
    )
    assert image_gaps(Document(text)) == [("budget", 2)]


def test_a_components_production_chart_by_its_unit():
    text = "**Niños atendidos.**\n\n\nRESULTADOS\n"
    units = {"Niños atendidos": "components:Atención"}
    assert image_gaps(Document(text), units) == [("components:Atención", 2)]
    assert image_gaps(Document(text)) == []
