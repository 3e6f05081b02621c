"""`fichas cite`: one figure with its file, line, column and SHA-256 (hand-checked)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from fichas_tui.cli.commands import main
from tests.helpers import P2019, P2023


def cite(data, *args):
    return CliRunner().invoke(main, ["cite", *args, "--data", str(data)])


def test_text_names_file_line_and_prints_it(sample_dataset):
    result = cite(sample_dataset, P2023, "--medida", "cobertura", "--año", "2022")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "cobertura 2022: 83,8 %",
        "Programa: Residencia Familiar de Administración Directa (RF)",
        "Fuente: ficha 2023, archivo 003_177960693a00c8d4.txt, línea 76, columna 2022",
        "SHA-256 del archivo: ab86556523989ed3424852334737073fbdad3bf53f1e5fc431131114c53a3ddb",
        "Línea 76: Cobertura* 36,5% 83,8% 102,9%",
    ]


def test_json_carries_the_cell_and_its_source(sample_dataset):
    result = cite(sample_dataset, P2019, "--medida", "ejecutado", "--año", "2019", "--json")
    data = json.loads(result.output)
    # 10.174 MM$ nominal, printed on line 27 under 2019
    assert data["cell"]["value"] == 10_174_000
    source = data["cell"]["source"]
    assert (source["file"], source["line"], source["column"]) == (
        "002_d169eeaf477df404.txt",
        27,
        "2019",
    )
    assert data["basis"]["label"] == "M$ nominales"


def test_a_figure_the_template_does_not_print_says_so(sample_dataset):
    result = cite(sample_dataset, P2019, "--medida", "inicial", "--año", "2015", "--json")
    source = json.loads(result.output)["cell"]["source"]
    assert source["line"] is None and source["missing"] == "no se imprime en esta plantilla"


def test_a_year_the_ficha_lacks_is_an_error(sample_dataset):
    result = cite(sample_dataset, P2023, "--medida", "ejecutado", "--año", "1990")
    assert result.exit_code == 1 and "no trae ejecutado de 1990" in result.output
