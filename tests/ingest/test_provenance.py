"""Every figure keeps the line (and column header) the ficha printed it on: hand-checked."""

from __future__ import annotations

import hashlib

from fichas_tui.ingest.markup import plain
from fichas_tui.ingest.numbers import parse_cell
from fichas_tui.ingest.pipeline import ingest
from tests.helpers import F2019, F2021, F2023, SAMPLE_DIR


def test_region_row_and_its_headers(ds):
    row = ds.one(
        "SELECT source_line, source_column, spending_pct_source_column, "
        "beneficiaries_source_column FROM regions WHERE ficha_id = ? AND region = 'Coquimbo'",
        F2023,
    )
    assert row == (
        133,
        "Total ejecutado (M$2024)",
        "Porcentaje total ejecutado",
        "Población beneficiada",
    )


def test_continuation_line_gives_its_own_line(ds):
    # 003's last complementary indicator breaks over lines 169-172: its N/C*** are on 170.
    rows = ds.rows(
        "SELECT year, value_status, value_text, source_line, source_column FROM indicators "
        "WHERE ficha_id = ? AND indicator LIKE '%ámbito familiar%' ORDER BY year",
        F2023,
    )
    assert rows[0] == (2021, "N/C", "N/C*", 170, "Efectivo 2021")
    assert rows[2][3:] == (170, "Efectivo 2023")


def test_component_figures_name_their_columns(ds):
    row = ds.one(
        "SELECT source_line, source_column, production_source_line, production_source_column, "
        "unit_cost_source_column FROM components WHERE ficha_id = ? "
        "AND component = 'Residencialidad emocionalmente segura' AND year = 2022",
        F2023,
    )
    assert row == (
        117,
        "Gasto ejecutado (M$2024) 2022",
        117,
        "Producción (unidad) 2022",
        "Gasto unitario (M$2024) 2022",
    )


def test_2019_blocks_print_figures_on_their_own_lines(ds):
    row = ds.one(
        "SELECT source_line, source_column, unit_cost_source_line, production_source_line "
        "FROM components WHERE ficha_id = ? AND component = 'Gestión de redes intersectoriales' "
        "AND year = 2019",
        F2019,
    )
    assert row == (62, "Gasto total", 63, 64)
    # Spending of earlier years is not printed in this template: no line.
    assert (
        ds.one(
            "SELECT source_line FROM components WHERE ficha_id = ? "
            "AND component = 'Gestión de redes intersectoriales' AND year = 2017",
            F2019,
        )
        is None
    )


def test_budget_computed_at_ingest_names_its_rule(ds):
    rows = ds.rows(
        "SELECT source_line, source_rule FROM budget WHERE ficha_id = ? AND source_line IS NULL",
        F2021,
    )
    assert rows and all(
        rule.startswith("suma del gasto de los componentes (líneas") for _, rule in rows
    )


def test_ficha_text_and_hash_are_kept(ds):
    for name in (F2019, F2021, F2023):
        data = (SAMPLE_DIR / name).read_bytes()
        sha, text = ds.one("SELECT source_sha256, text FROM ficha_texts WHERE ficha_id = ?", name)
        assert sha == hashlib.sha256(data).hexdigest()
        assert ds.one("SELECT source_sha256 FROM fichas WHERE ficha_id = ?", name) == sha
        assert text.split("\n") == data.decode("utf-8-sig").replace("\r\n", "\n").split("\n")


_VALUES = {
    "budget": (("amount_kclp", "amount_status", "source_line"),),
    "subtitles": (("amount_kclp", "amount_status", "source_line"),),
    "components": (
        ("spending_kclp", "spending_status", "source_line"),
        ("production", "production_status", "production_source_line"),
        ("unit_cost_kclp", "unit_cost_status", "unit_cost_source_line"),
    ),
    "indicators": (("value", "value_status", "source_line"),),
    "coverage": (("coverage_pct", "coverage_status", "source_line"),),
    "regions": (
        ("spending_kclp", "spending_status", "source_line"),
        ("spending_pct", "NULL", "source_line"),
        ("beneficiaries", "beneficiaries_status", "source_line"),
        ("beneficiaries_pct", "NULL", "source_line"),
    ),
    "region_totals": (("spending_kclp", "spending_status", "source_line"),),
    "ratios": (("value_pct", "value_status", "source_line"),),
    "spending_per_beneficiary": (("amount_kclp", "amount_status", "source_line"),),
    "inflators": (("factor", "NULL", "source_line"),),
}


def printed_numbers(line: str) -> set[float]:
    """Every number a line prints, parsed the fichas' way."""
    import re

    tokens = re.findall(r"[-−]?\d{1,3}(?:\.\d{3})+(?:,\d+)?%?|[-−]?\d+(?:,\d+)?%?", plain(line))
    return {round(v, 6) for t in tokens if (v := parse_cell(t).value) is not None}


def test_every_figure_is_on_its_line(ds):
    texts = {
        fid: text.split("\n")
        for fid, text in ds.con.execute("SELECT ficha_id, text FROM ficha_texts").fetchall()
    }
    checked = 0
    for table, columns in _VALUES.items():
        for value, status, line in columns:
            query = (
                f"SELECT ficha_id, {value}, {status}, {line} FROM {table} WHERE {line} IS NOT NULL"
            )
            for fid, number, code, at in ds.con.execute(query).fetchall():
                printed = texts[fid][at - 1]
                checked += 1
                if number is None:  # the code is printed there (footnote stars aside)
                    assert code in ("vacío", None) or code in plain(printed), (table, at, code)
                    continue
                found = printed_numbers(printed)
                # MM$ budgets are stored x 1000
                assert any(
                    abs(number - x) < 1e-6 or abs(number - 1000 * x) < 1e-3 for x in found
                ), (table, value, number, at, printed[:120])
    assert checked > 250


def test_a_changed_file_is_reported_at_the_next_ingest(tmp_path):
    folder = tmp_path / "fichas"
    folder.mkdir()
    original = (SAMPLE_DIR / F2023).read_bytes()
    (folder / F2023).write_bytes(original)
    said: list[str] = []
    ingest([folder], tmp_path / "ds", echo=said.append, quiet=True)
    assert not [s for s in said if s.startswith("cambió")]
    (folder / F2023).write_bytes(original + b"\n")
    ingest([folder], tmp_path / "ds", echo=said.append, quiet=True)
    old = hashlib.sha256(original).hexdigest()[:12]
    new = hashlib.sha256(original + b"\n").hexdigest()[:12]
    assert [s for s in said if s.startswith("cambió")] == [
        f"cambió {F2023}: su SHA-256 empezaba por {old}, ahora por {new}; "
        "sus cifras y su texto se leen de nuevo"
    ]
