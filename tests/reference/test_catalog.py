"""Matching a ficha's program to the BIPS catalog: exact, folded, "(Ex …)" names, ambiguous."""

from __future__ import annotations

from fichas_tui.reference.catalog import (
    AMBIGUOUS,
    EX,
    EXACT,
    FOLDED,
    UNMATCHED,
    Catalog,
    Entry,
    catalog,
    name_keys,
)

DSF = "Ministerio de Desarrollo Social y Familia"
EDU = "Ministerio de Educación"
SMALL = Catalog(
    (
        Entry(1, "Programa de Alimentación Escolar", EDU, "Junta Nacional de Auxilio Escolar"),
        Entry(2, "Gestión Social Local - GSL (Ex Apoyo a la Gestión Territorial)", DSF, "SSS"),
        Entry(3, "Becas Chile", EDU, "Subsecretaría de Educación Superior"),
        Entry(4, "Becas Chile", DSF, "Subsecretaría de Evaluación Social"),
        Entry(5, "Apoyo Familiar", DSF, "FOSIS"),
        Entry(6, "Apoyo Familiar", DSF, "Subsecretaría de Servicios Sociales"),
    )
)


def test_exact_and_folded_names():
    assert SMALL.match("Programa de Alimentación Escolar").how == EXACT
    folded = SMALL.match("PROGRAMA DE ALIMENTACION  ESCOLAR")
    assert (folded.how, folded.id_bips) == (FOLDED, 1)


def test_ex_names_match_both_ways():
    # the ficha gives the new name only, or the old one only
    assert SMALL.match("Gestión Social Local - GSL").id_bips == 2
    old = SMALL.match("Apoyo a la gestión territorial")
    assert (old.how, old.id_bips) == (EX, 2)
    # the ficha marks the old name, the catalog gives the new one alone
    assert SMALL.match("Programa de Alimentación Escolar (Ex PAE Antiguo)").id_bips == 1
    assert name_keys("Nuevo (ex-Viejo)") == ("nuevo ex viejo", "nuevo", "viejo")


def test_ministry_then_service_settle_a_repeated_name_or_leave_it_ambiguous():
    assert SMALL.match("Becas Chile", ministry="MINISTERIO DE EDUCACION").id_bips == 3
    assert SMALL.match("Apoyo Familiar", DSF, "FOSIS").id_bips == 5
    tied = SMALL.match("Apoyo Familiar", DSF)
    assert (tied.how, tied.id_bips) == (AMBIGUOUS, None)
    assert [e.id_bips for e in tied.candidates] == [5, 6]
    assert SMALL.match("Becas Chile").how == AMBIGUOUS


def test_unmatched_and_the_shipped_catalog():
    assert SMALL.match("Subsidio al Empleo Joven").how == UNMATCHED
    shipped = catalog()
    assert len(shipped.entries) == 677
    # the catalog marks the former name: the ficha may use either
    old = shipped.match("Establecimientos de Larga Estadía para Adultos Mayores")
    assert (old.how, old.id_bips) == (EX, 1777)
