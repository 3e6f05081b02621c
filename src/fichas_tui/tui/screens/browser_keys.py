"""The main screen's keys (the help is built from them: every binding has an id and a group)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from ..widgets.detail import TABS as DETAIL_TABS
from .summary_keys import SUMMARY_BINDINGS

# Keys that share one line in the help.
TABS = Binding.Group(" · ".join(label for _tab, label in DETAIL_TABS))
YEARS = Binding.Group("Ficha del año anterior / siguiente")

BROWSER_BINDINGS: list[BindingType] = [
    Binding(
        "slash",
        "focus_filter",
        "Buscar",
        key_display="/",
        id="lista.buscar",
        tooltip="Filtrar al escribir (no importan mayúsculas, tildes, signos ni el orden "
        "de las palabras); Enter abre el programa marcado",
    ),
    Binding(
        "t",
        "filters",
        "Filtros",
        id="lista.filtros",
        tooltip="Filtrar por ministerio, servicio, año evaluado, región, ejecutores, "
        "veredicto de los hallazgos, una cifra (p. ej. ejecución / inicial < 85), fichas con "
        "avisos y texto de los hallazgos",
    ),
    Binding(
        "o",
        "sort",
        "Ordenar",
        id="lista.ordenar",
        tooltip="Ordenar por nombre o por presupuesto ejecutado; en Regiones: por gasto, "
        "beneficiarios, gasto por beneficiario o región",
    ),
    Binding(
        "p",
        "pesos",
        "Pesos",
        id="general.pesos",
        tooltip="Montos en los pesos de cada ficha o en M$ de un año, con los inflactores "
        "de las fichas del dataset (≈ convertido; † sin factor: como en la ficha)",
    ),
    *SUMMARY_BINDINGS,
    Binding("escape", "back", "Volver", id="general.volver", tooltip="Volver (a la lista)"),
    *(
        Binding(str(n), f"tab('{tab}')", label, show=False, id=f"programa.{tab}", group=TABS)
        for n, (tab, label) in enumerate(DETAIL_TABS, start=1)
    ),
    Binding(
        "left_square_bracket",
        "year(-1)",
        "Año ant.",
        show=False,
        key_display="[",
        id="programa.anio_anterior",
        group=YEARS,
    ),
    Binding(
        "right_square_bracket",
        "year(1)",
        "Año sig.",
        show=False,
        key_display="]",
        id="programa.anio_siguiente",
        group=YEARS,
    ),
    Binding(
        "f",
        "formulas",
        "Fórmulas",
        show=False,
        id="programa.formulas",
        tooltip="Indicadores: mostrar u ocultar las fórmulas",
    ),
    Binding(
        "ctrl+r",
        "reload",
        "Recargar",
        show=False,
        id="general.recargar",
        tooltip="Recargar el dataset (después de un fichas ingest)",
    ),
]
