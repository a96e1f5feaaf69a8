"""The journey health check: where a journey leaves its customer alone.

Steps form a directed graph (consecutive steps in time order, except after an
end; plus every flow link). Each rule returns explainable findings tied to
one of the three conditions of an augmented digital journey: ``person``
(treats the customer as a person), ``human`` (plans the switch to a human),
``continuity`` (continuous across online and offline). Every algorithm is
polynomial, never an enumeration of paths.

The check runs after every pause in editing, on maps of thousands of steps,
so a question asked "from every step" is answered by one search from every
answer at once: one backwards search from all the people gives each step its
distance to the nearest one (reach, wait), one from all the exits tells which
loops are closed, one each way from all the digital steps finds the forced
exits. The graph lives in plain dictionaries for these searches; networkx
(slow to import, so imported on first use) finds the loops among the few
steps that cannot reach an exit. The steps are read in time order from a
:class:`~workbench.model.index.JourneyIndex`; a ``JourneyDocument`` would
validate the whole journey again just to sort it.

The rules about the flow itself run once (:mod:`~workbench.model.flow_rules`);
the rules that read emotions run once per persona, here, with the check.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workbench.i18n import after_colon, ntr, tr
from workbench.model.feelings import levels, persona_names, personas_in_order
from workbench.model.index import JourneyIndex
from workbench.model.finding import SEVERITIES, Finding
from workbench.model.flow_rules import JOURNEY_RULES, quoted_titles
from workbench.model.journey import CheckSettings, Journey, Persona, Step
from workbench.model.metrics import Metrics, PersonaMetrics, journey_metrics, metric_rows, persona_metrics
from workbench.model.metrics import level_text as _level
from workbench.model.step_graph import StepGraph

__all__ = ["FILE", "SEVERITIES", "Finding", "Metrics", "PersonaMetrics", "Report", "appendix", "check", "condition_name"]


@dataclass
class Report:
    findings: list[Finding]
    metrics: Metrics

    def at_least(self, severity: str) -> list[Finding]:
        limit = SEVERITIES.index(severity)
        return [f for f in self.findings if SEVERITIES.index(f.severity) <= limit]


#: Not one of the three conditions: what a file holds that no journey should (a merge's conflicts).
FILE = "file"


def condition_name(condition: str, language: str | None = None) -> str:
    return {
        "person": tr("Treats the customer as a person", language),
        "human": tr("Plans the switch to a human", language),
        "continuity": tr("Continuous online and offline", language),
        FILE: tr("The file itself", language),
    }[condition]


def check(
    journey: Journey,
    settings: CheckSettings | None = None,
    language: str | None = None,
    *,
    index: JourneyIndex | None = None,
    scenario: str = "as_is",
) -> Report:
    """Every finding of the health check on *journey*, and its metrics.

    The rules that read emotions run once per persona, on *scenario* ("as
    is" by default, "to be" to check the journey the team wants); their
    findings name the persona when the journey has more than one. The
    other rules are about the journey itself and run once.
    *index*, if given, must be an index of this very journey (a document's);
    it is only read. Without it the check builds the little it needs.
    """
    settings = settings or journey.checks or CheckSettings()
    lang = language or journey.language
    facts = StepGraph(journey, index)
    personas = personas_in_order(journey.personas)
    names = persona_names(journey, lang)  # ("Persona 2" for one left unnamed, not its id)
    findings: list[Finding] = []
    for rule in JOURNEY_RULES:
        findings += rule(facts, journey, settings, lang)
    felt = levels(facts.steps, scenario)
    feel_of = {p.id: {**dict.fromkeys(facts.order), **felt.get(p.id, {})} for p in personas}
    findings += _no_human(facts, journey, settings, lang, personas, feel_of, names)
    for persona in personas:
        facts.feel = feel_of[persona.id]
        named = _emotion(facts, journey, settings, lang)
        if len(personas) > 1:
            named = [_about(f, names[persona.id], lang) for f in named]
        findings += [replace(f, persona=persona.id) for f in named]
    facts.feel = feel_of[personas[0].id]
    findings.sort(key=_place(facts.order))
    metrics = journey_metrics(facts, journey)
    metrics.scenario = scenario
    # Named as the findings name them: an unnamed persona is "Persona 2", never "persona-2" (its id).
    metrics.personas = [replace(persona_metrics(p, facts.steps), name=names[p.id]) for p in personas]
    return Report(findings, metrics)


def _place(order: dict[str, int]):  # type: ignore[no-untyped-def]
    """How findings are listed: by severity, then by the earliest step (or other element) each names."""
    rank = {severity: k for k, severity in enumerate(SEVERITIES)}
    far = 10**9

    def key(f: Finding) -> tuple[int, int]:
        elements = f.elements
        if len(elements) == 1:  # (most findings name one step)
            return rank[f.severity], order.get(elements[0], far)
        return rank[f.severity], min((order.get(e, far) for e in elements), default=0)

    return key


def _about(finding: Finding, name: str, lang: str) -> Finding:
    """The finding's sentence, said of one persona: "Camille: ..."."""
    return replace(finding, message=tr("{persona}: {finding}", lang, persona=name, finding=after_colon(finding.message, lang)))


#: The natures of a step that no person serves, for the rule below: screens, or nothing at all.
DIGITAL = frozenset({"digital"})


def _no_human(
    f: StepGraph,
    j: Journey,
    s: CheckSettings,
    lang: str,
    personas: list[Persona],
    feel_of: dict[str, dict[str, int | None]],
    names: dict[str, str],
) -> list[Finding]:
    """A difficult moment served only by screens, or by no touchpoint at all, with no person within reach.

    A place or a letter (a physical touchpoint) is left to the author's judgement: an exam hall has its
    invigilators, a branch its staff.

    A pain point or a moment of truth is difficult for whoever travels the
    journey: one finding. A step that is difficult only because a persona
    feels badly there gives one finding per such persona, naming it when
    the map has several.
    """
    out = []
    reach = s.human_within

    def alone(persona: Persona, step: str) -> bool:
        """Only screens serve *persona* here, or nothing at all, and no person is within reach of it (cards
        tagged with other personas serve it nothing). Deleting the screens of a difficult moment made its
        finding go, as if nothing at all served the customer better."""
        natures, to_human = f.people_for(persona.id)
        return natures[step] <= DIGITAL and to_human.get(step, reach + 1) > reach

    for step in f.steps:
        if not f.tagged and (not f.natures[step.id] <= DIGITAL or f.to_human.get(step.id, reach + 1) <= reach):
            continue  # (what serves one persona serves all: most steps are done with here)
        if step.id in f.pain or step.moment_of_truth:
            lacking = [p for p in personas if alone(p, step.id)]
            # Difficult for whoever travels it: one finding if no one has a person, else one per persona without.
            concerned: list[Persona | None] = [None] if lacking == personas else list(lacking)
        else:
            concerned = [p for p in personas if (v := feel_of[p.id][step.id]) is not None and v < 0 and alone(p, step.id)]
        for persona in concerned:
            natures = f.natures[step.id] if persona is None else f.people_for(persona.id)[0][step.id]
            finding = _no_human_finding(step, natures, s, lang)
            if persona is not None:
                finding = replace(finding, persona=persona.id)
                if len(personas) > 1:
                    finding = _about(finding, names[persona.id], lang)
            out.append(finding)
    return out


def _no_human_finding(step: Step, natures: set[str], s: CheckSettings, lang: str) -> Finding:
    if natures == DIGITAL:
        moment = tr("'{title}' is a difficult moment served only by digital touchpoints", lang, title=step.title)
        advice = tr("Add a handoff to an advisor (chat, call-back) at this step.", lang)
    else:
        moment = tr("'{title}' is a difficult moment that no touchpoint serves", lang, title=step.title)
        advice = tr("Put a person within the customer's reach at this step (an advisor by chat, phone or call-back).", lang)
    n = s.human_within
    said = ntr("{moment}, and no person can be reached in the next step.",
               "{moment}, and no person can be reached in the next {count} steps.", n, lang, moment=moment) if n \
        else f"{moment}."
    return Finding("no-human-within-reach", "error", (step.id,), f"{said} {advice}", "human")


def _emotion(f: StepGraph, j: Journey, s: CheckSettings, lang: str) -> list[Finding]:
    out = []
    for a, b in f.edges():
        ea, eb = f.feel[a], f.feel[b]
        if ea is not None and eb is not None and ea - eb >= s.cliff:
            out.append(
                Finding(
                    "emotion-cliff",
                    "warning",
                    (a, b),
                    tr(
                        "The emotion falls from {a} to {b} between '{first}' and '{second}': anticipate this moment "
                        "(warn, reassure, offer help) before it happens.",
                        lang,
                        a=_level(ea, lang),
                        b=_level(eb, lang),
                        first=f.title(a),
                        second=f.title(b),
                    ),
                    "person",
                )
            )
    felt = [step for step in f.steps if f.feel[step.id] is not None]
    felt_levels = {f.feel[step.id] for step in felt}
    # A curve flat from end to end has no low point (every step was named); a draft with a few faces has one.
    if felt and (len(felt_levels) > 1 or len(felt) < len(f.steps)):
        lowest = min(felt_levels)  # type: ignore[type-var]
        ids = tuple(step.id for step in felt if f.feel[step.id] == lowest)
        titles = quoted_titles([f.title(i) for i in ids[:NAMED_LOW]], lang)
        if len(ids) > NAMED_LOW:
            titles += " " + ntr("and {count} more", "and {count} more", len(ids) - NAMED_LOW, lang)
        out.append(
            Finding(
                "lowest-point",
                "info",
                ids,
                tr("The lowest point of the journey ({level}) is at {titles}.", lang, level=_level(lowest, lang),
                   titles=titles),
                "person",
            )
        )
    return out


#: The most steps the lowest point's sentence names (a click on it selects them all).
NAMED_LOW = 5


def appendix(report: Report, language: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """Rows for the PDF appendix: (condition, severity, message) and (metric, value)."""
    rows = [(condition_name(f.condition, language), f.severity, f.message) for f in report.findings]
    return rows, metric_rows(report.metrics, language)
