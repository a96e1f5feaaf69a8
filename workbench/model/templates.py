"""Starting points for a new journey, per sector and language.

Each of the six sectors has a template in English and in French under
``resources/templates/SECTOR.LANG.journey``, loaded through the normal file
loader (so a broken template is reported like any bad file). "other" gets a
minimal skeleton: the standard lanes, four stages, one step each.
"""

from __future__ import annotations

from pathlib import Path

from workbench.i18n import tr
from workbench.model.journey import SECTORS, Journey, Lane, Stage, Step
from workbench.model.ordering import renumbered
from workbench.resources import resource_path

#: Accepted spellings on the command line and in menus.
SECTOR_ALIASES = {s.replace("_", "-"): s for s in SECTORS}


def sector_name(sector: str, language: str | None = None) -> str:
    names = {
        "automotive": tr("Automotive", language),
        "banking": tr("Banking", language),
        "education": tr("Education", language),
        "public_sector": tr("Public sector", language),
        "health": tr("Health", language),
        "retail": tr("Retail", language),
        "other": tr("Other", language),
    }
    return names[sector]


def normalise_sector(text: str) -> str | None:
    key = text.strip().lower().replace(" ", "-")
    if key in SECTORS:
        return key
    return SECTOR_ALIASES.get(key)


def standard_lanes(language: str) -> list[Lane]:
    kinds = [
        ("actions", tr("Customer actions", language)),
        ("touchpoints", tr("Touchpoints", language)),
        ("thoughts", tr("Thoughts", language)),
        ("emotions", tr("Emotions", language)),
        ("pain_points", tr("Pain points", language)),
        ("opportunities", tr("Opportunities", language)),
        ("backstage", tr("Backstage", language)),
    ]
    orders = renumbered(len(kinds))
    return [Lane(id=f"lane-{kind.replace('_', '-')}", kind=kind, title=title, order=o) for (kind, title), o in zip(kinds, orders)]  # type: ignore[arg-type]


TEMPLATE_SECTORS = tuple(s for s in SECTORS if s != "other")


def template_path(sector: str, language: str) -> Path:
    return resource_path("templates", f"{sector}.{language}.journey")


def template(sector: str, language: str = "en") -> Journey:
    """The sector's template in *language*; the skeleton for "other"."""
    if sector not in TEMPLATE_SECTORS:
        return skeleton(sector, language)
    from workbench.model.fileformat import load

    return load(template_path(sector, language))


def blank(language: str = "en") -> Journey:
    """A new map with the standard lanes and four generic stages, ready to fill."""
    return skeleton("other", language).model_copy(update={"title": tr("Untitled journey", language)})


def skeleton(sector: str, language: str = "en") -> Journey:
    """A valid, nearly empty journey for *sector* in *language*."""
    if sector not in SECTORS:
        raise ValueError(sector)
    stage_titles = [
        tr("Discover", language),
        tr("Choose", language),
        tr("Use", language),
        tr("Get help", language),
    ]
    orders = renumbered(len(stage_titles))
    stages = [Stage(id=f"stage-{i + 1}", title=t, order=o) for i, (t, o) in enumerate(zip(stage_titles, orders))]
    steps = [
        Step(id=f"step-{i + 1}", title=tr("New step", language), stage=stage.id, order=10)
        for i, stage in enumerate(stages)
    ]
    return Journey(
        title=tr("{sector} journey", language, sector=sector_name(sector, language)),
        sector=sector,  # type: ignore[arg-type]
        language=language,  # type: ignore[arg-type]
        stages=stages,
        steps=steps,
        lanes=standard_lanes(language),
    )
