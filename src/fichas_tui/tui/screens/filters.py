"""The filters dialog (t): ministry, service, evaluated year, region, executors, a verdict of
the findings, a measure against a threshold, fichas with warnings and text in the findings."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from ...data.dataset import DatasetError
from ...data.queries import Facets, Store
from ...geography import CANONICAL_REGIONS
from ...text import one_line
from ...views.across import MEASURES
from ...views.measure_filter import OPERATOR_CHOICES, BadFilter, MeasureFilter, parse_number
from ...views.model import AMOUNT, PERCENT
from ...views.pesos import choice_label
from ..filter_state import Filters


def _options(values) -> list[tuple[Content, str]]:
    return [(Content(one_line(v)), v) for v in values]


class FiltersScreen(ModalScreen[Filters | None]):
    DEFAULT_CSS = """
    FiltersScreen {
        align: center middle;
    }
    #filters-box {
        width: 72;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #filters-form {
        height: auto;
        max-height: 1fr;
        scrollbar-size-vertical: 1;
    }
    .filters-row {
        height: 1;
        margin-top: 1;
    }
    .filters-row Label {
        width: 16;
        color: $text-muted;
    }
    FiltersScreen .filters-row > Select, FiltersScreen .filters-row > Input {
        width: 1fr;
    }
    FiltersScreen .filters-row > Input {
        background: $boost;
    }
    FiltersScreen .filters-row > #op {
        width: 8;
        margin-right: 1;
    }
    FiltersScreen .filters-row > #threshold {
        width: 12;
    }
    FiltersScreen .filters-row > #threshold-unit {
        width: 1fr;
        margin-left: 1;
    }
    #filters-buttons {
        /* docked: a form taller than the screen scrolls, the buttons stay in view */
        dock: bottom;
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    #filters-buttons Button {
        margin-left: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancelar")]

    def __init__(
        self, store: Store, facets: Facets, current: Filters, pesos_target: int | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.facets = facets
        self.current = current
        # the list's basis: an amount's threshold is in it (a filter kept keeps its own)
        self.pesos_target = current.measure.target if current.measure else pesos_target

    def _row(self, label: str, control) -> Horizontal:
        return Horizontal(Label(label), control, classes="filters-row")

    def compose(self) -> ComposeResult:
        c = self.current
        with Vertical(id="filters-box") as box:
            box.border_title = "Filtros"
            box.border_subtitle = "Tab avanza · Enter elige · Esc cancela"
            with VerticalScroll(id="filters-form"):
                yield self._row("Ministerio", self._select("ministry", self.facets.ministries))
                yield self._row("Servicio", self._select("service", self.facets.services))
                years = [(str(y), y) for y in self.facets.years]
                yield self._row(
                    "Año evaluado",
                    Select(years, prompt="Todos", value=c.year or Select.NULL,
                           id="evaluated-year",
                           compact=True),
                )  # fmt: skip
                yield self._row("Región", self._select("region", CANONICAL_REGIONS))
                # The executors are read from the dataset (a worker): the chosen one meanwhile.
                yield self._row(
                    "Ejecutores", self._select("executor", [c.executor] if c.executor else [])
                )
                # The verdicts are read from the dataset too: the chosen one meanwhile.
                chosen = [(self._verdict_label(c.verdict), c.verdict)] if c.verdict else []
                yield self._row(
                    "Hallazgo",
                    Select(
                        [(Content(label), value) for label, value in chosen],
                        prompt="Todos",
                        value=c.verdict or Select.NULL,
                        id="verdict",
                        compact=True,
                    ),
                )
                yield self._row(
                    "Texto hallazgos",
                    Input(
                        c.findings or "",
                        placeholder="texto, p. ej. subejecución",
                        id="findings",
                        compact=True,
                    ),
                )
                yield from self._measure_rows()
                yield self._row(
                    "Avisos",
                    Checkbox("solo fichas con avisos", c.with_warnings, id="warnings",
                             compact=True),
                )  # fmt: skip
            with Horizontal(id="filters-buttons"):
                yield Button("Aplicar", variant="primary", id="apply")
                yield Button("Limpiar", id="clear")

    def _measure_rows(self) -> ComposeResult:
        chosen = self.current.measure
        yield self._row(
            "Cifra",
            Select(
                [(Content(m.title), m.key) for m in MEASURES.values()],
                prompt="Ninguna",
                value=chosen.measure if chosen else Select.NULL,
                id="measure",
                compact=True,
            ),
        )
        op = Select(
            [(Content(o), o) for o in OPERATOR_CHOICES],
            allow_blank=False,
            value=chosen.op if chosen else "<",
            id="op",
            compact=True,
        )
        value = Input(
            "" if chosen is None else _number_text(chosen.value),
            placeholder="p. ej. 85",
            id="threshold",
            compact=True,
        )
        unit = Label(self._unit(chosen.measure if chosen else None), id="threshold-unit")
        yield Horizontal(Label("Condición"), op, value, unit, classes="filters-row")

    def _unit(self, measure: str | None) -> str:
        """What the threshold is in: '%', 'años', or M$ of the basis in force."""
        if measure is None:
            return ""
        m = MEASURES[measure]
        if m.kind == AMOUNT:  # '≈ M$ 2024' (converted), or as each ficha prints it
            return (
                "M$ de cada ficha" if self.pesos_target is None else choice_label(self.pesos_target)
            )
        return "%" if m.kind == PERCENT else m.unit

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "measure":
            value = event.value if isinstance(event.value, str) else None
            self.query_one("#threshold-unit", Label).update(self._unit(value))

    def _select(self, widget_id: str, values) -> Select:
        value = getattr(self.current, widget_id)
        return Select(
            _options(values),
            prompt="Todos" if widget_id != "region" else "Todas",
            value=value if value in values else Select.NULL,
            id=widget_id,
            compact=True,
        )

    @staticmethod
    def _verdict_label(value: str) -> str:
        from ...views.verdicts import option_label

        verdict, _, topic = value.partition(":")
        return option_label(verdict, topic or None)

    def on_mount(self) -> None:
        self.query_one("#ministry", Select).focus()
        self.read_executors()
        self.read_verdicts()

    @work(thread=True, exclusive=True, group="verdicts")
    def read_verdicts(self) -> None:
        from ...data.facets import verdicts
        from ...views.verdicts import options

        try:
            found = options(verdicts(self.store))
        except (DatasetError, OSError):
            found = None
        if found is not None:
            self.app.call_from_thread(self._verdicts_read, found)

    def _verdicts_read(self, found: list[tuple[str, str]]) -> None:
        select = self.query_one("#verdict", Select)
        chosen = select.value
        options = list(found)
        if isinstance(chosen, str) and chosen not in [v for _, v in options]:
            options.insert(0, (self._verdict_label(chosen), chosen))
        with select.prevent(Select.Changed):
            select.set_options([(Content(label), value) for label, value in options])
            if chosen is not Select.NULL:
                select.value = chosen

    @work(thread=True, exclusive=True, group="executors")
    def read_executors(self) -> None:
        from ...data.facets import executors

        try:
            found = executors(self.store)
        except (DatasetError, OSError):
            found = None  # the list stays as it is; filtering says what failed
        if found is not None:
            self.app.call_from_thread(self._executors_read, found)

    def _executors_read(self, found: tuple[str, ...]) -> None:
        select = self.query_one("#executor", Select)
        chosen = select.value
        options = list(found)
        if chosen is not Select.NULL and chosen not in options:
            options.insert(0, str(chosen))  # a spelling the reloaded dataset lacks stays chosen
        with select.prevent(Select.Changed):
            select.set_options(_options(options))
            if chosen is not Select.NULL:
                select.value = chosen

    def _value(self, widget_id: str):
        value = self.query_one(f"#{widget_id}", Select).value
        return None if value is Select.NULL else value

    def _measure_filter(self) -> MeasureFilter | None:
        """The numeric filter as the dialog shows it (None: no measure, or no value); a value
        that is not a number, or one without a measure, raises BadFilter."""
        measure = self._value("measure")
        text = self.query_one("#threshold", Input).value.strip()
        if not text:
            return None
        if measure is None:
            raise BadFilter("Elija la cifra que se compara con el valor.")
        value = parse_number(text)
        op = str(self.query_one("#op", Select).value)
        target = self.pesos_target if MEASURES[measure].kind == AMOUNT else None
        return MeasureFilter(measure, op, value, target)

    def chosen(self) -> Filters:
        """The filters as the dialog shows them (BadFilter: a threshold that is not one)."""
        return Filters(
            ministry=self._value("ministry"),
            service=self._value("service"),
            year=self._value("evaluated-year"),
            region=self._value("region"),
            executor=self._value("executor"),
            with_warnings=self.query_one("#warnings", Checkbox).value,
            findings=self.query_one("#findings", Input).value.strip() or None,
            verdict=self._value("verdict"),
            measure=self._measure_filter(),
        )

    def _apply(self) -> None:
        try:
            chosen = self.chosen()
        except BadFilter as exc:
            self.notify(str(exc), severity="error", timeout=6, markup=False)
            self.query_one("#threshold", Input).focus()
            return
        self.dismiss(chosen)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "clear":
            self.dismiss(Filters())
        else:
            self._apply()

    def action_cancel(self) -> None:
        self.dismiss(None)


def _number_text(value: float) -> str:
    """A threshold as the user typed it (Chilean format, as parse_number reads it back)."""
    from ...views.figures import figure

    return figure(value)
