"""The list's facets read from the dataset (data/facets.py), hand-checked on the fixture.

The fixture's fichas (tests/fixtures/make_fixture.py):
- pae2019, pae2022 (alimentacion-escolar) list Coquimbo; pae2023 does not (Arica, RM, Biobío).
  pae2019 has a warning. pae2023's finding: "La asistencia [meta] no alcanza el 91% ...".
- res2021, res2023 (residencia-familiar-adolescentes) break down Coquimbo; executors
  "Organismo privado sin fines de lucro, Municipio."; res2023 has a warning and the finding
  "... una subejecución presupuestaria (inferior al 85%) ...".
- sej2023 (subsidio-empleo-joven) lists Coquimbo; vin2022 (programa-vinculos): Maule, Ñuble,
  executed by "Municipio."; faa2022 (fondo-fomento-audiovisual): RM and Valparaíso.
"""

from __future__ import annotations

import shutil

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fichas_tui.data.facets import FacetQuery, executor_items, executors, program_ids
from fichas_tui.data.queries import Store
from fichas_tui.text import FOLD_TABLE, fold
from tests.helpers import FIXTURE

PAE = "alimentacion-escolar"
RES = "residencia-familiar-adolescentes"
SEJ = "subsidio-empleo-joven"
VIN = "programa-vinculos"
FAA = "fondo-fomento-audiovisual"


@pytest.fixture(scope="module")
def store():
    s = Store.open(FIXTURE)
    yield s
    s.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # listed by a ficha (pae2019, sej2023) or in its breakdown (res2021/res2023)
        (FacetQuery(region="Coquimbo"), {PAE, RES, SEJ}),
        # the 2023 fichas only: pae2023 no longer lists Coquimbo
        (FacetQuery(region="Coquimbo", year=2023), {RES, SEJ}),
        (FacetQuery(region="Ñuble"), {VIN}),
        (FacetQuery(region="Arica y Parinacota"), {PAE}),
        (FacetQuery(region="Aysén del General Carlos Ibáñez del Campo"), set()),
        (FacetQuery(executor="Municipio"), {VIN, RES}),
        (FacetQuery(executor="municipio"), {VIN, RES}),  # matched folded
        (FacetQuery(executor="Organismo privado sin fines de lucro"), {RES}),
        (FacetQuery(with_warnings=True), {PAE, RES}),
        (FacetQuery(with_warnings=True, year=2023), {RES}),
        (FacetQuery(with_warnings=True, year=2019), {PAE}),
        (FacetQuery(year=2022), {PAE, VIN, FAA}),
        # every facet on one ficha: pae2019 is in Coquimbo and has a warning; res2023 too
        (FacetQuery(region="Coquimbo", with_warnings=True), {PAE, RES}),
        (FacetQuery(region="Coquimbo", with_warnings=True, executor="Municipio"), {RES}),
        # vin2022 is executed by a municipality but is not in Coquimbo
        (FacetQuery(region="Maule", executor="Municipio"), {VIN}),
        (FacetQuery(region="Maule", with_warnings=True), set()),
    ],
)
def test_facets_keep_the_programs_of_their_fichas(store, query, expected):
    assert program_ids(store, query) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("subejecución", {RES}),
        ("subejecucion", {RES}),  # without the accent
        ("SUBEJECUCIÓN Presupuestaria", {RES}),  # case, and a phrase
        ("presupuestaria subejecución", set()),  # a phrase keeps its order
        ("asistencia", {PAE}),
        ("91 %", {PAE}),
        ("[meta]", {PAE}),  # brackets fold away like any punctuation
        ("focalización", {RES}),
        ("cuantifica", {SEJ}),
        ("subejecución", {RES}),
    ],
)
def test_findings_text_folded(store, text, expected):
    assert program_ids(store, FacetQuery(findings=text)) == expected


def test_findings_text_scoped_by_year_and_other_facets(store):
    assert program_ids(store, FacetQuery(findings="subejecución", year=2021)) == set()
    assert program_ids(store, FacetQuery(findings="sin hallazgos", with_warnings=True)) == {RES}
    assert program_ids(store, FacetQuery(findings="asistencia", region="Coquimbo")) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # SQL and LIKE characters are data: none widens or breaks the query
        ("' OR 1=1 --", set()),
        ("'; DROP TABLE fichas; --", set()),
        ('"', set()),
        ("_", set()),
        ("%", {PAE, RES}),  # punctuation alone, looked for as written: "91%" and "85%)"
        ("%)", {RES}),
        ("\\", set()),
    ],
)
def test_user_text_with_sql_characters_is_harmless(store, text, expected):
    assert program_ids(store, FacetQuery(findings=text)) == expected
    assert program_ids(store, FacetQuery(executor=text)) == set()
    assert program_ids(store, FacetQuery(region=text)) == set()
    # the dataset is untouched and still answers
    assert len(store.programs()) == 5
    assert program_ids(store, FacetQuery(region="Coquimbo")) == {PAE, RES, SEJ}


def test_executors_listed_once_each(store):
    assert executors(store) == (
        "Empresas concesionarias de alimentación",
        "Municipio",
        "Organismo privado sin fines de lucro",
        "Personas naturales y jurídicas adjudicadas por concurso",
        "Servicio Nacional de Capacitación y Empleo",
    )


@pytest.mark.parametrize(
    ("raw", "items"),
    [
        ("Municipio.", ["Municipio"]),
        ("Organismo privado sin fines de lucro, Municipio.", [
            "Organismo privado sin fines de lucro", "Municipio"]),
        (
            "Organismo privado sin fines de lucro (Fundación, corporación), Municipio",
            ["Organismo privado sin fines de lucro (Fundación, corporación)", "Municipio"],
        ),
        ("terceros; Municipio", ["terceros", "Municipio"]),
        (", .", []),
        (None, []),
    ],
)  # fmt: skip
def test_executor_items(raw, items):
    assert executor_items(raw) == items


def test_without_region_presence_file_same_answer(tmp_path):
    """A dataset written before the derived table: its rows are computed in place."""
    folder = tmp_path / "old"
    shutil.copytree(FIXTURE, folder)
    (folder / "region_presence.parquet").unlink()
    with Store.open(folder) as old:
        assert program_ids(old, FacetQuery(region="Coquimbo")) == {PAE, RES, SEJ}
        assert program_ids(old, FacetQuery(region="Coquimbo", year=2023)) == {RES, SEJ}


def test_sql_narrowing_agrees_with_fold_on_the_table_letters():
    """Findings are narrowed in SQL with strip_accents(lower(...)) before text.fold decides:
    that may only ever drop a finding fold would drop, so on every letter of the fold's table
    (the rest is let through) DuckDB must give what fold gives."""
    con = duckdb.connect()
    for letter in FOLD_TABLE:
        got = con.execute("SELECT strip_accents(lower(?))", [letter]).fetchone()[0]
        assert got == fold(letter), letter


def test_finding_beyond_the_table_is_folded_by_fold(tmp_path):
    """`Eﬁciencia` (a ligature NFKD folds to `fi`, DuckDB's strip_accents keeps): found."""
    folder = tmp_path / "lig"
    shutil.copytree(FIXTURE, folder)
    path = folder / "findings.parquet"
    table = pq.read_table(path)
    extra = {name: [None] for name in table.column_names}
    extra.update(ficha_id=["vin2022"], dimension=["Eficiencia"], finding=["Baja eﬁciencia."])
    pq.write_table(pa.concat_tables([table, pa.table(extra, schema=table.schema)]), path)
    with Store.open(folder) as lig:
        assert program_ids(lig, FacetQuery(findings="eficiencia")) == {VIN}
        assert program_ids(lig, FacetQuery(findings="EFICIENCIA.")) == {VIN}
