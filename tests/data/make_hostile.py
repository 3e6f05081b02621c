"""Write the hostile test dataset in tests/data/hostile/ (run: python -m tests.data.make_hostile).

Every text a ficha carries (names, ministry, service, description, purpose, executors, regions,
components, indicators and formulas, status codes, findings, warnings, subtitles) holds Rich and
Textual markup, terminal escape sequences, control characters, a 500-character word, a
right-to-left override and wide characters. The explorer and `fichas show` must show all of it as
text: nothing styled, linked, run or sent raw to the terminal. The parser would have made the
control characters visible, but a dataset may come from elsewhere, so this one keeps them raw.
"""

from __future__ import annotations

from pathlib import Path

from tests.data.rows import budget, empty, ficha, indicator, region, script, tables

HERE = Path(__file__).resolve().parent
OUT = HERE / "hostile"

MARKUP = "[bold red]x[/]"
LINK = "[link=file:///etc/passwd]click[/link]"
ACTION = "[@click=app.quit]salir[/]"
CLOSE = "[/]"  # a closing tag with nothing open: a MarkupError if parsed
CLEAR = "\x1b[2J"
OSC8 = "\x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07"
CONTROLS = "a\x07b\x00c\rd\te\x9bf"
LONG = "W" * 500
RTL = "\u202eolleh"
WIDE = "🚀 漢字テスト"
VARIABLE = "$name ${x}"

HOSTILE = " ".join((MARKUP, LINK, ACTION, CLOSE, CLEAR, OSC8, CONTROLS, RTL, WIDE, VARIABLE))


def hostile(label: str) -> str:
    """A field's text: a readable label, then every hostile piece."""
    return f"{label} {HOSTILE}"


# The program everything is about: its name holds markup and a literal '100%' and '_'.
HOSTILE_NAME = f"Programa {MARKUP} 100% tasa_base {LINK} {CLEAR}{OSC8} {RTL} {WIDE}"
LONG_NAME = f"Programa largo {LONG}"
PLAIN_NAME = "Programa Normal de Prueba"
QUOTES_NAME = "Programa \"comillas\" 'simples' \\ barra; DROP TABLE fichas; --"

# (ficha_id, program_id, name, ministry, service, year, price_year)
FICHAS = [
    ("hos2022", "hostil", HOSTILE_NAME, hostile("Ministerio"), hostile("Servicio"), 2022, 2023),
    ("hos2023", "hostil", HOSTILE_NAME, hostile("Ministerio"), hostile("Servicio"), 2023, 2024),
    ("lar2023", "largo", LONG_NAME, f"Ministerio {LONG}", f"Servicio {LONG}", 2023, 2024),
    ("nor2023", "normal", PLAIN_NAME, "Ministerio de Prueba", "Servicio de Prueba", 2023, 2024),
    ("quo2023", "comillas", QUOTES_NAME, "Ministerio de Prueba", "Servicio de Prueba", 2023, 2024),
]


def build() -> dict:
    rows = empty()
    for fid, pid, name, ministry, service, year, price in FICHAS:
        rows["fichas"].append(
            ficha(
                fid,
                pid,
                name,
                ministry,
                service,
                year,
                price,
                start_year=2010,
                description=hostile("Descripción") + " " + LONG,
                purpose=hostile("Propósito"),
                regions=[hostile("Región"), "Coquimbo"],
                executors=hostile("Ejecutores"),
                layout="fixture",
            )
        )
        for byear in (year - 1, year):
            for concept, amount in (("inicial", 1000.0), ("final", 1100.0), ("ejecutado", 990.0)):
                # the previous year's final amount is missing, with markup as its code
                cell = MARKUP if concept == "final" and byear != year else amount
                rows["budget"].append(budget(fid, byear, concept, cell, price))
        rows["subtitles"].append(
            dict(
                ficha_id=fid,
                year=year,
                subtitle=24,
                subtitle_name=hostile("Subtítulo"),
                amount_kclp=990.0,
                price_year=price,
            )
        )
        for cyear in (year - 1, year):
            rows["components"].append(
                dict(
                    ficha_id=fid,
                    component=hostile("Componente"),
                    production_unit=hostile("Unidad"),
                    year=cyear,
                    spending_kclp=500.0,
                    production=None,
                    production_status=LINK,
                    unit_cost_kclp=None,
                    unit_cost_status=CLEAR,
                    price_year=price,
                    position=0,
                )
            )
        for iyear in (year - 1, year):
            for kind, cell in (("efectivo", OSC8), ("meta", 90.0)):
                rows["indicators"].append(
                    indicator(
                        fid,
                        "proposito",
                        hostile("Indicador"),
                        iyear,
                        kind,
                        cell,
                        0,
                        formula=hostile("Fórmula"),
                        unit=MARKUP,
                    )
                )
                rows["indicators"].append(
                    indicator(
                        fid,
                        hostile("nivel"),
                        f"Indicador con nivel raro {ACTION}",
                        iyear,
                        kind,
                        50.0,
                        1,
                        formula=None,
                        unit="%",
                    )
                )
        for name_, spending, status in (
            (hostile("Región"), 600.0, None),
            ("Coquimbo", None, MARKUP),
            (f"Nivel central {LINK}", 390.0, None),
        ):
            pct = None if spending is None else spending / 9.9
            rows["regions"].append(
                region(
                    fid,
                    name_,
                    status or spending,
                    pct,
                    10.0,
                    price,
                    year,
                    beneficiaries_pct=50.0,
                )
            )
        rows["findings"].append(
            dict(ficha_id=fid, dimension=hostile("Dimensión"), finding=hostile("Hallazgo"))
        )
        rows["findings"].append(
            dict(ficha_id=fid, dimension="Eficacia", finding=f"Palabra larga: {LONG}")
        )
        rows["warnings"].append(
            dict(ficha_id=fid, section=hostile("Sección"), message=hostile("Advertencia"))
        )
    return tables(rows)


if __name__ == "__main__":
    script(build, OUT, "dataset hostil")
