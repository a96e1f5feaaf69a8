"""The health check's metrics: what the journey's figures are, beside its findings (no Qt).

Split from :mod:`~workbench.model.analysis`, which computes them with the
findings and re-exports :class:`Metrics` and :class:`PersonaMetrics`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workbench.i18n import decimal, half_up, ntr, percent, tr
from workbench.model.fieldwords import scenario_word
from workbench.model.journey import Journey, Persona, Step
from workbench.model.step_graph import StepGraph


@dataclass
class PersonaMetrics:
    """One persona's curves compared: "as is" against "to be"."""

    persona: str
    name: str
    average_as_is: float | None = None
    lowest_as_is: int | None = None
    average_to_be: float | None = None
    lowest_to_be: int | None = None
    improved: int = 0
    """Steps with both values where "to be" is higher than "as is"."""
    worsened: int = 0


@dataclass
class Metrics:
    average_emotion: float | None = None
    lowest_emotion: int | None = None
    touchpoint_share: dict[str, float] = field(default_factory=dict)
    handoffs: int = 0
    longest_wait_for_a_human: int | None = None
    """Largest number of steps from a pain point to a person (None: no pain point reaches one)."""
    stranded_pains: int = 0
    """Steps with a pain point from which no person can be reached at all: the worst wait is then "never"."""
    scenario: str = "as_is"
    """The scenario the findings and the average and lowest emotion above were read in."""
    personas: list[PersonaMetrics] = field(default_factory=list)


@dataclass(frozen=True)
class Figures:
    """What one persona's two curves say."""

    values: dict[str, list[int]]
    """Per scenario, the values in step order."""
    both: int
    improved: int
    worsened: int

    def average(self, scenario: str) -> float | None:
        values = self.values[scenario]
        return sum(values) / len(values) if values else None

    def lowest(self, scenario: str) -> int | None:
        return min(self.values[scenario], default=None)


def figures(steps: list[Step], persona: str) -> Figures:
    values: dict[str, list[int]] = {"as_is": [], "to_be": []}
    both = improved = worsened = 0
    for step in steps:
        now = then = None  # (one reading of the step's list for both scenarios)
        for entry in step.emotions:
            if entry.persona == persona:
                if entry.scenario == "as_is":
                    now = entry.value
                elif entry.scenario == "to_be":
                    then = entry.value
        if now is not None:
            values["as_is"].append(now)
        if then is not None:
            values["to_be"].append(then)
        if now is not None and then is not None:
            both += 1
            improved += then > now
            worsened += then < now
    return Figures(values, both, improved, worsened)


def persona_metrics(persona: Persona, steps: list[Step]) -> PersonaMetrics:
    figs = figures(steps, persona.id)
    now, later = figs.average("as_is"), figs.average("to_be")
    return PersonaMetrics(
        persona.id,
        persona.name,
        now,  # (whole: rounded where written, once; rounded here too, +0.947 became +0.95, then +1.0 on paper)
        figs.lowest("as_is"),
        later,
        figs.lowest("to_be"),
        figs.improved,
        figs.worsened,
    )


def journey_metrics(f: StepGraph, j: Journey) -> Metrics:
    emotions = [e for s in f.steps if (e := f.feel[s.id]) is not None]
    touchpoints = [c.nature for c in j.cards if c.kind == "touchpoint" and c.nature]
    share = {n: (touchpoints.count(n) / len(touchpoints) if touchpoints else 0.0) for n in ("digital", "human", "physical")}
    longest: int | None = None
    if f.pain and f.humans:
        reachable = [f.to_human[p] for p in f.pain if p in f.to_human]
        longest = max(reachable) if reachable else None
    stranded = sum(1 for p in f.pain if p not in f.to_human) if f.pain else 0
    return Metrics(
        average_emotion=sum(emotions) / len(emotions) if emotions else None,
        lowest_emotion=min(emotions) if emotions else None,
        touchpoint_share=share,
        handoffs=len(j.handoffs),
        longest_wait_for_a_human=longest,
        stranded_pains=stranded,
    )


#: What a deliverable shows where a figure has no value (no emotion set).
NO_VALUE = "\u2014"


def average_text(value: float | None, lang: str | None = None) -> str:
    """An average emotion as every report writes it: one decimal, signed, ``0.0`` without a sign, a dash for
    none (the persona pages said +0,2 and the appendix +0,15 of one persona)."""
    if value is None:
        return NO_VALUE
    if half_up(value, 1) == 0:
        return decimal(0.0, 1, lang)
    return decimal(value, 1, lang, sign=True)


def whole_shares(shares: list[float]) -> list[float]:
    """*shares* (of one whole) rounded to whole percents that still add up to 100 % (53 + 32 + 16 did not):
    the percents lost to rounding go to the shares that lost most."""
    total = sum(shares)
    if not shares or abs(total - 1) > 1e-9:
        return shares  # (none counted: all nought)
    whole = [int(100 * v) for v in shares]
    by_loss = sorted(range(len(shares)), key=lambda i: 100 * shares[i] - whole[i], reverse=True)
    for i in by_loss[: 100 - sum(whole)]:
        whole[i] += 1
    return [w / 100 for w in whole]


def level_text(value: int, lang: str) -> str:
    """An emotion level as the language writes it: ``+2``, ``0``, ``-1`` (a true minus in French)."""
    return decimal(value, 0, lang, sign=True) if value else "0"


def metric_rows(m: Metrics, language: str) -> list[tuple[str, str]]:
    """The metrics as (name, value) rows, in *language* (the PDF's appendix)."""
    shares = whole_shares(list(m.touchpoint_share.values()))
    share = ", ".join(f"{tr(n, language)} {percent(v, language)}" for n, v in zip(m.touchpoint_share, shares))
    compared = [p for p in m.personas if p.name or p.average_as_is is not None or p.average_to_be is not None]
    several = len(compared) > 1 or any(p.average_to_be is not None for p in compared)
    average, lowest = tr("Average emotion", language), tr("Lowest emotion", language)
    if several and m.personas:  # say whose, and in which scenario, the two figures are
        lead = m.personas[0]
        whose = tr("{persona}, {scenario}", language, persona=lead.name or lead.persona,
                   scenario=scenario_word(m.scenario, language))
        average, lowest = f"{average} ({whose})", f"{lowest} ({whose})"
    metrics = [
        # The findings above are of this scenario: the screen may have checked "to be" (said where there is one).
        *([(tr("Scenario checked", language), scenario_word(m.scenario, language))]
          if m.scenario == "to_be" or any(p.average_to_be is not None for p in m.personas) else []),
        (average, average_text(m.average_emotion, language)),
        (lowest, NO_VALUE if m.lowest_emotion is None else level_text(m.lowest_emotion, language)),
        (tr("Touchpoints", language), share),
        (tr("Handoffs", language), str(m.handoffs)),
        (
            tr("Most steps from a pain point to a person", language),
            # A pain point no person can be reached from is the worst wait of all: it read "4" beside a
            # finding that the customer is stranded there (exploratory test).
            ntr("never: no person after {count} pain point", "never: no person after {count} pain points", m.stranded_pains,
                language)
            if m.stranded_pains
            else NO_VALUE if m.longest_wait_for_a_human is None else str(m.longest_wait_for_a_human),
        ),
    ]
    if several:
        for p in compared:
            name = p.name or p.persona
            now, later = average_text(p.average_as_is, language), average_text(p.average_to_be, language)
            metrics.append((tr("{persona}: average emotion, as is \u2192 to be", language, persona=name), f"{now} \u2192 {later}"))
            metrics.append((tr("{persona}: steps better / worse", language, persona=name), f"{p.improved} / {p.worsened}"))
    return metrics
