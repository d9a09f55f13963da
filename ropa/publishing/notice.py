"""``ropa notice``: the register-derived sections of a privacy notice (Art. 13 and 14 GDPR), as a
draft for review.

The sections say what the register says: who the controller and the DPO are, the purposes and their
lawful bases, the categories of personal data, the recipients, the transfers and their safeguards,
the retention periods, the rights with the deadline for an answer and the complaint authority, automated
decision-making, and, for Art. 14, the sources. What the register does not state is marked for review
rather than invented. The text is a draft: a privacy officer edits it before it is published.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any, Literal

from ropa.models import NoticeStatement, Register
from ropa.publishing import _text
from ropa.publishing._render import html_env, md_env, template_globals
from ropa.publishing._text import Lang
from ropa.publishing._view import ActivityView, RegisterView
from ropa.publishing.authorities import authority_list, complaint_authority

__all__ = ["Block", "NoticeDocument", "Section", "build_notice", "notice_statements", "render_notice"]

BlockKind = Literal["para", "items", "entry", "review"]


@dataclass(frozen=True)
class Block:
    """A paragraph, a list, a named list (``entry``: an activity and its items) or a review marker."""

    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    key: str
    """Stable key: ``controller``, ``purposes``, ``data``, ``recipients``, ``transfers``, ``retention``,
    ``rights``, ``automated``, ``sources``."""
    title: str
    articles: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class NoticeDocument:
    lang: Lang
    title: str
    draft: str
    sections: tuple[Section, ...] = field(default_factory=tuple)


@cache
def _data(name: str) -> dict[str, Any]:
    text = resources.files("ropa.publishing").joinpath("data", f"{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _arts(lang: Lang, *refs: str) -> str:
    return ", ".join(_text.article(r, lang) for r in refs)


class _Notice:
    def __init__(self, view: RegisterView, register: Register) -> None:
        # Activities under the Law Enforcement Directive are not covered by Art. 13/14 GDPR.
        self.led = [a.name for a in view.activities if a.regime]
        self.view = replace(view, activities=tuple(a for a in view.activities if not a.regime))
        self.register = register
        self.lang = view.lang

    def t(self, key: str, **fields: object) -> str:
        return _text.t(key, self.lang, **fields)

    def review(self, key: str, **fields: object) -> Block:
        return Block("review", self.t("notice.review", what=self.t(key, **fields)))

    def controller(self) -> Section:
        view = self.view
        blocks = [Block("para", self.t("notice.controller_is", name=view.controller.name or ""))]
        if view.controller.lines:
            blocks.append(Block("items", items=view.controller.lines))
        else:
            blocks.append(self.review("notice.missing_contact"))
        if view.dpo is not None:
            blocks.append(Block("para", self.t("notice.dpo_is", name=view.dpo.name or "")))
            if view.dpo.lines:
                blocks.append(Block("items", items=view.dpo.lines))
        elif view.dpo_designated is False:
            blocks.append(Block("para", self.t("notice.no_dpo")))
            if view.privacy_contact is not None:
                contact = view.privacy_contact
                blocks.append(Block("para", self.t("notice.privacy_contact", name=contact.name or "")))
                if contact.lines:
                    blocks.append(Block("items", items=contact.lines))
        else:
            blocks.append(self.review("notice.missing_dpo"))
            if view.privacy_contact is not None:
                contact = view.privacy_contact
                blocks.append(Block("para", self.t("notice.privacy_contact", name=contact.name or "")))
                if contact.lines:
                    blocks.append(Block("items", items=contact.lines))
        if view.representative is not None:
            blocks.append(Block("para", self.t("notice.representative", name=view.representative.name or "")))
            if view.representative.lines:
                blocks.append(Block("items", items=view.representative.lines))
        if view.joint_controllers:
            blocks.append(Block("para", self.t("notice.joint")))
            blocks.append(Block("items", items=view.joint_controllers))
        return Section(
            "controller",
            self.t("notice.h_controller"),
            _arts(self.lang, "13(1)(a)", "13(1)(b)"),
            tuple(blocks),
        )

    def purposes(self) -> Section:
        blocks: list[Block] = [Block("para", self.t("notice.purposes_intro"))]
        for activity in self.view.activities:
            if not activity.purposes:
                blocks.append(Block("entry", activity.name, ()))
                blocks.append(self.review("notice.missing_purposes"))
                continue
            items = []
            for purpose in activity.purposes:
                basis = purpose.basis or self.t("notice.review", what=self.t("notice.missing_basis"))
                line = self.t("notice.purpose_line", purpose=purpose.description, basis=basis)
                if purpose.legitimate_interest:
                    line += " " + self.t("notice.legitimate_interest", interest=purpose.legitimate_interest)
                elif purpose.basis_code == "6-1-f":
                    line += " " + self.t("notice.review", what=self.t("notice.missing_interest"))
                if purpose.law:
                    line += " " + self.t("notice.law", law=purpose.law)
                items.append(line)
            blocks.append(Block("entry", activity.name, tuple(items)))
            if activity.special_conditions:
                blocks.append(
                    Block("para", self.t("notice.special", conditions="; ".join(activity.special_conditions)))
                )
        return Section(
            "purposes", self.t("notice.h_purposes"), _arts(self.lang, "13(1)(c)", "13(1)(d)"), tuple(blocks)
        )

    def data(self) -> Section:
        blocks: list[Block] = [Block("para", self.t("notice.data_intro"))]
        for activity in self.view.activities:
            if activity.data_categories is None:
                blocks.append(Block("entry", activity.name, ()))
                blocks.append(self.review("notice.missing_data"))
                continue
            items = tuple(
                f"{c.name} ({c.special})" if c.special else c.name for c in activity.data_categories
            )
            blocks.append(Block("entry", activity.name, items))
        return Section("data", self.t("notice.h_data"), _arts(self.lang, "14(1)(d)"), tuple(blocks))

    def recipients(self) -> Section:
        blocks: list[Block] = []
        by_role: dict[str, list[str]] = {}
        undetermined: list[str] = []
        for activity in self.view.activities:
            if activity.recipients is None:
                undetermined.append(activity.name)
            for recipient in activity.recipients or ():
                role = recipient.role or self.t("notice.role_unknown")
                where = f" ({recipient.country})" if recipient.country else ""
                entry = f"{recipient.name}{where}"
                names = by_role.setdefault(role, [])
                if entry not in names:
                    names.append(entry)
        if by_role:
            blocks.append(Block("para", self.t("notice.recipients_intro")))
            for role, names in by_role.items():
                blocks.append(Block("entry", role, tuple(names)))
        else:
            blocks.append(Block("para", self.t("notice.no_recipients")))
        if undetermined:
            blocks.append(self.review("notice.missing_recipients", activities=", ".join(undetermined)))
        disclosures = [d for a in self.view.activities for d in a.authority_disclosures]
        if disclosures:
            blocks.append(Block("para", self.t("notice.authorities")))
            blocks.append(Block("items", items=tuple(dict.fromkeys(disclosures))))
        return Section(
            "recipients", self.t("notice.h_recipients"), _arts(self.lang, "13(1)(e)"), tuple(blocks)
        )

    def transfers(self) -> Section:
        items = []
        missing = False
        for activity in self.view.activities:
            for transfer in activity.transfers or ():
                if transfer.status == "eea":
                    continue
                recipient = f" ({transfer.recipient})" if transfer.recipient else ""
                line = self.t(
                    "notice.transfer_line",
                    activity=activity.name,
                    country=transfer.destination + recipient,
                    safeguard=transfer.safeguard,
                )
                if transfer.status == "missing":
                    missing = True
                    line += " " + self.t("notice.review", what=self.t("notice.missing_safeguard"))
                items.append(line)
        blocks: list[Block]
        if items:
            blocks = [Block("para", self.t("notice.transfers_intro")), Block("items", items=tuple(items))]
            if not missing:
                blocks.append(Block("para", self.t("notice.transfers_copy")))
        else:
            blocks = [Block("para", self.t("notice.no_transfers"))]
        return Section("transfers", self.t("notice.h_transfers"), _arts(self.lang, "13(1)(f)"), tuple(blocks))

    def retention(self) -> Section:
        blocks: list[Block] = [Block("para", self.t("notice.retention_intro"))]
        for activity in self.view.activities:
            if not activity.retention:
                blocks.append(Block("entry", activity.name, ()))
                blocks.append(self.review("notice.missing_retention"))
                continue
            blocks.append(Block("entry", activity.name, activity.retention))
        return Section("retention", self.t("notice.h_retention"), _arts(self.lang, "13(2)(a)"), tuple(blocks))

    def rights(self) -> Section:
        data = _data("rights")
        bases = {code for a in self.view.activities for code in a.basis_codes}
        automated = any(a.automated_exists for a in self.view.activities)
        items = []
        for right in data["rights"]:
            if right.get("when") == "automated-decisions" and not automated:
                continue
            applies = right["bases"]
            if applies is not None and not bases.intersection(applies):
                continue
            text = self.t(f"rights.{right['id']}")
            if applies is not None:
                names = [a.name for a in self.view.activities if set(a.basis_codes) & set(applies)]
                text += " " + self.t("notice.right_for", activities=", ".join(names))
            items.append(f"{text} ({_text.article(right['article'], self.lang)})")
        blocks = [Block("para", self.t("notice.rights_intro")), Block("items", items=tuple(items))]
        deadline = data["deadline"]
        blocks.append(
            Block(
                "para",
                self.t(
                    "notice.deadline",
                    period=_text.duration(deadline["period"], self.lang),
                    extension=_text.duration(deadline["extension"], self.lang),
                    article=_text.article(deadline["article"], self.lang),
                ),
            )
        )
        view = self.view
        if view.response_deadline:
            blocks.append(Block("para", self.t("notice.deadline_own", deadline=view.response_deadline)))
        if view.request_channel:
            blocks.append(Block("para", self.t("notice.channel", channel=view.request_channel)))
        elif view.controller.email:
            blocks.append(Block("para", self.t("notice.channel", channel=view.controller.email)))
        else:
            blocks.append(self.review("notice.missing_channel"))
        blocks.extend(self.complaint())
        return Section(
            "rights",
            self.t("notice.h_rights"),
            _arts(self.lang, "13(2)(b)", "13(2)(c)", "13(2)(d)"),
            tuple(blocks),
        )

    def complaint(self) -> list[Block]:
        org = self.register.organisation
        country = org.country if org else None
        if country is None and org is not None and org.contact is not None:
            country = org.contact.country
        public = bool(org.public_authority) if org is not None else False
        authority = complaint_authority(country, public_body=public)
        if authority is not None:
            name = authority.name(self.lang)
            return [Block("para", self.t("notice.complaint", authority=name, url=authority.url))]
        listing = authority_list(country)
        if listing is None:
            return [Block("para", self.t("notice.complaint_any"))]
        # Germany: the authority of the Land of establishment, which the register does not record.
        return [
            Block("para", self.t("notice.complaint_any")),
            Block("para", self.t("notice.complaint_land")),
            Block("para", self.t("notice.complaint_land_list", url=listing.url)),
            self.review("notice.missing_land"),
        ]

    def automated(self) -> Section | None:
        rows = [a for a in self.view.activities if a.automated_exists]
        if not rows:
            stated = any(a.automated_exists is False for a in self.view.activities)
            if not stated:
                return None
            return Section(
                "automated",
                self.t("notice.h_automated"),
                _arts(self.lang, "13(2)(f)"),
                (Block("para", self.t("notice.no_automated")),),
            )
        blocks = [Block("entry", a.name, (a.automated or "",)) for a in rows]
        return Section("automated", self.t("notice.h_automated"), _arts(self.lang, "13(2)(f)"), tuple(blocks))

    def sources(self) -> Section | None:
        rows = [a for a in self.view.activities if a.indirect_sources]
        if not rows:
            return None
        blocks = [Block("para", self.t("notice.sources_intro"))]
        blocks.extend(Block("entry", a.name, a.indirect_sources) for a in rows)
        return Section("sources", self.t("notice.h_sources"), _arts(self.lang, "14(2)(f)"), tuple(blocks))

    def build(self, today: dt.date) -> NoticeDocument:
        sections = [
            self.controller(),
            self.purposes(),
            self.data(),
            self.recipients(),
            self.transfers(),
            self.retention(),
            self.rights(),
        ]
        sections.extend(s for s in (self.automated(), self.sources()) if s is not None)
        draft = self.t("notice.draft", date=_text.date(today, self.lang))
        if self.led:
            draft += " " + self.t("notice.review", what=self.t("notice.led", activities=", ".join(self.led)))
        return NoticeDocument(
            lang=self.lang,
            title=self.t("notice.title", name=self.view.controller.name or ""),
            draft=draft,
            sections=tuple(sections),
        )


def build_notice(view: RegisterView, register: Register, today: dt.date) -> NoticeDocument:
    """The notice sections for the published view of ``register``."""
    return _Notice(view, register).build(today)


def render_notice(document: NoticeDocument, fmt: Literal["md", "html"]) -> str:
    """The notice as Markdown or as a standalone HTML page."""
    env = md_env() if fmt == "md" else html_env()
    template = env.get_template(f"notice.{fmt}.j2")
    text: str = template.render(doc=document, **template_globals(document.lang))
    return text


def notice_statements(view: RegisterView) -> dict[str, NoticeStatement]:
    """What the generated notice states about each activity, as :class:`~ropa.models.NoticeStatement`
    (the recipients by party id, the third countries and the ISO 8601 retention periods): the form that
    :func:`ropa.compare_notice` compares with the register."""
    out: dict[str, NoticeStatement] = {}
    for activity in view.activities:
        out[activity.id] = _statement(activity)
    return out


def _statement(activity: ActivityView) -> NoticeStatement:
    recipients = None
    if activity.recipients is not None:
        recipients = tuple(dict.fromkeys(r.ref for r in activity.recipients if r.ref))
    countries = None
    if activity.transfers is not None:
        countries = tuple(
            dict.fromkeys(x.country_code for x in activity.transfers if x.status != "eea" and x.country_code)
        )
    retention = tuple(activity.retention_durations) if activity.retention is not None else None
    return NoticeStatement(recipients=recipients, transfer_countries=countries, retention=retention)
