"""The health check's rules about the journey's flow, whoever travels it (no Qt).

Dead ends, closed loops, context lost at a channel switch or a handoff,
forced exits from the digital path, unreachable steps, missing humanising
intents, handoffs with no way back: each runs once per check on the
:class:`~workbench.model.step_graph.StepGraph`. The rules that read emotions,
once per persona, stay in :mod:`~workbench.model.analysis` with the check.
"""

from __future__ import annotations

from workbench.i18n import alternatives, tr
from workbench.model.finding import Finding
from workbench.model.journey import INTENTS, CheckSettings, Journey
from workbench.model.step_graph import StepGraph


def _dead_end(f: StepGraph, j: Journey, s: CheckSettings, lang: str) -> list[Finding]:
    """Steps with no way forward that the author did not mark as a place to stop.

    An end stops the journey on purpose. A goal reached (a milestone) is a
    place where the customer may stop, so a goal with no way forward is not a
    dead end either: the journey is complete there, it just could have gone on.
    """
    return [
        Finding(
            "dead-end",
            "error",
            (step.id,),
            tr(
                "'{title}' leads nowhere and is marked neither as a goal nor as an end: the customer is left "
                "without a next step. Add the way forward, or mark it as a goal reached or as the end of the journey.",
                lang,
                title=step.title,
            ),
            "human",
        )
        for step in f.steps
        if not f.successors[step.id] and not step.goal and not step.end
    ]


def _trap_loop(f: StepGraph, j: Journey, s: CheckSettings, lang: str) -> list[Finding]:
    # Ways out: a person, a goal (the customer may stop there) or an end (the journey stops there).
    can_leave = f.distances_to(step.id for step in f.steps if step.goal or step.end or f.human_at(step.id))
    # A loop is whole on either side: if one of its steps can leave, all can. So the
    # closed loops are among the steps that cannot leave, and so are all their successors.
    trapped = [step.id for step in f.steps if step.id not in can_leave]
    if not trapped:
        return []
    import networkx as nx  # first use: slow to import, and most journeys never get here

    graph = nx.DiGraph()
    graph.add_nodes_from(trapped)
    graph.add_edges_from((a, b) for a in trapped for b in f.successors[a])
    loops = []
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1 or any(graph.has_edge(n, n) for n in component):
            loops.append(tuple(sorted(component, key=f.order.__getitem__)))
    loops.sort(key=lambda ids: f.order[ids[0]])
    return [
        Finding(
            "trap-loop",
            "error",
            ids,
            tr(
                "The customer can go round in circles between {titles} with no way out to a person, a goal or an end. "
                "Offer a handoff to an advisor from inside the loop.",
                lang,
                titles=quoted_titles([f.title(i) for i in ids], lang),
            ),
            "human",
        )
        for ids in loops
    ]


def _context_lost(f: StepGraph, j: Journey, s: CheckSettings, lang: str) -> list[Finding]:
    card_step = f.card_step
    # Every channel, a person's or a place's too: data typed again on a form after a phone call is the same
    # break as between two websites (it was only looked for between digital channels).
    channels: dict[str, set[str]] = {}
    for card in j.cards:
        if card.kind == "touchpoint" and card.channel:
            channels.setdefault(card.step, set()).add(card.channel.strip().lower())
    switches = [
        Finding(
            "context-lost",
            "warning",
            (a, b),
            tr(
                "Between '{first}' and '{second}' the customer changes channel and has to enter again what "
                "they already gave. Carry the data over (save the form, resume it on any device).",
                lang,
                first=f.title(a),
                second=f.title(b),
            ),
            "continuity",
        )
        for a, b in f.edges()
        if f.by_id[b].data_reentered and channels.get(a) and channels.get(b) and not channels[a] & channels[b]
    ]
    # Marked by the author with no change of channel to blame (the same website forgot, or the step before has
    # no channel): the customer still types again what they gave. It went unsaid (exploratory test).
    # (A handoff that loses the context says it of the step it goes to: said twice, with a form's advice.)
    switched = {finding.elements[1] for finding in switches} | {card_step[h.target] for h in j.handoffs if not h.context_carried}
    switches += [
        Finding(
            "context-lost",
            "warning",
            (step.id,),
            tr(
                "At '{title}' the customer has to enter again what they already gave. Keep what they gave and "
                "fill it in for them (save the form as they go, resume it where they left it).",
                lang,
                title=step.title,
            ),
            "continuity",
        )
        for step in f.steps
        if step.data_reentered and step.id not in switched
    ]
    return switches + [
        Finding(
            "context-lost",
            "warning",
            (h.id, *dict.fromkeys((card_step[h.source], card_step[h.target]))),  # (one step if both cards are in it)
            tr(
                "At the handoff '{trigger}' the context is not carried over: the customer has to explain or type it "
                "all again. Pass the case to the person who takes over.",
                lang,
                trigger=f.handoff_name(h),
            ),
            "continuity",
        )
        for h in j.handoffs
        if not h.context_carried
    ]


def _forced_exit(f: StepGraph, j: Journey, s: CheckSettings, lang: str) -> list[Finding]:
    """Non-digital steps the customer is pushed into between digital ones.

    A handoff is a planned switch, and a step can be marked deliberate. A
    step is between two digital ones if a run of non-digital steps links it
    to a digital step on each side; one search from all the digital steps,
    each way, answers for every step at once: a path from any digital step
    ends with such a run, after the last digital step on it.
    """
    digital = {step for step, natures in f.natures.items() if "digital" in natures}
    after_digital = f.reached_from(digital, f.successors)
    before_digital = f.reached_from(digital, f.predecessors)
    out = []
    for step in f.steps:
        natures = f.natures[step.id]
        if not natures or step.id in digital or step.deliberate_exit or step.id in f.handoff_steps:
            continue
        if step.id in after_digital and step.id in before_digital:
            out.append(
                Finding(
                    "forced-exit",
                    "warning",
                    (step.id,),
                    tr(
                        "'{title}' forces the customer out of the digital path between two digital steps. Let it be "
                        "done online too, or mark it as deliberate.",
                        lang,
                        title=step.title,
                    ),
                    "continuity",
                )
            )
    return out


def quoted_titles(titles: list[str], lang: str) -> str:
    """Step titles listed in the quotes of the language: 'a', 'b' / « a », « b »."""
    quoted = (f"«\u00a0{t}\u00a0»" if lang == "fr" else f"'{t}'" for t in titles)  # (no-break: as the catalogue's)
    return ", ".join(quoted)


def _unreachable(f: StepGraph, j: Journey, s: CheckSettings, lang: str) -> list[Finding]:
    if not f.steps:
        return []
    first = f.steps[0].id
    reached = f.reached_from([first], f.successors) | {first}
    return [
        Finding(
            "unreachable",
            "warning",
            (step.id,),
            tr(
                "No path from the first step leads to '{title}'. Link it into the flow or remove it.",
                lang,
                title=step.title,
            ),
            "continuity",
        )
        for step in f.steps
        if step.id not in reached
    ]


def _intents(f: StepGraph, j: Journey, s: CheckSettings, lang: str) -> list[Finding]:
    present = {intent for card in j.cards for intent in card.intents}
    names = {
        "welcome": tr("welcome", lang),
        "guide": tr("guide", lang),
        "assist": tr("assist", lang),
        "anticipate": tr("anticipate", lang),
    }
    missing = [names[i] for i in INTENTS if i not in present]
    if not missing or not f.steps:
        return []
    return [
        Finding(
            "humanising-intents",
            "info",
            (),
            tr(
                "Nowhere does the journey {intents} the customer. Mark the touchpoints that do, or design one.",
                lang,
                intents=alternatives(missing, lang),  # ("welcome, guide, assist, anticipate": no "or")
            ),
            "person",
        )
    ]


def _no_way_back(f: StepGraph, j: Journey, s: CheckSettings, lang: str) -> list[Finding]:
    return [
        Finding(
            "handoff-without-way-back",
            "warning",
            (h.id,),
            tr(
                "The handoff '{trigger}' has no return step: once helped, where does the customer go back to? "
                "Set the step the journey resumes at.",
                lang,
                trigger=f.handoff_name(h),
            ),
            "human",
        )
        for h in j.handoffs
        if h.return_step is None
    ]


#: The rules of this module, in the order the check runs them.
JOURNEY_RULES = (_dead_end, _trap_loop, _context_lost, _forced_exit, _unreachable, _intents, _no_way_back)
