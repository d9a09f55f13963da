"""Which law governs an entry, and whose record it belongs to.

- An activity with ``regime: led`` is processing under the Law Enforcement Directive (EU) 2016/680 as
  implemented nationally (Art. 2(2)(d) GDPR leaves it out of the GDPR); every other activity is GDPR
  processing.
- A *processor record* entry (Art. 30(2)) is a ``processor_activities`` entry or an activity with
  ``role: processor``; every other activity belongs to the controller's record (Art. 30(1)).
"""

from __future__ import annotations

from ropa.models import Activity, ProcessingRole, ProcessorActivity, Regime, RopaModel

__all__ = ["is_led", "is_processor_record", "regime"]


def regime(activity: Activity) -> Regime:
    """The activity's regime: ``led`` when it says so, else ``gdpr``."""
    return activity.regime or Regime.GDPR


def is_led(entity: RopaModel | None) -> bool:
    """True for an activity processed under the Law Enforcement Directive."""
    return isinstance(entity, Activity) and entity.regime is Regime.LED


def is_processor_record(entity: RopaModel | None) -> bool:
    """True for an entry of the processor's record (Art. 30(2))."""
    if isinstance(entity, ProcessorActivity):
        return True
    return isinstance(entity, Activity) and entity.role is ProcessingRole.PROCESSOR
