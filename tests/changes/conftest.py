"""A scripted git history of a register, built in a temporary folder.

Revisions (tags): ``empty`` (no register yet), ``created``, ``moved`` (a file moved and another reformatted:
no change), ``renamed`` (an activity renamed, same id), ``changed`` (lawful basis 6-1-a → 6-1-f, a transfer
to the US, a new processor), ``reidentified`` (an activity's id changed), ``deleted`` (the register folder
removed). The register is a small web shop in the shape of ``registers/miki4all``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.cli.conftest import run, workdir  # noqa: F401 - fixtures used by the CLI tests here

ORGANISATION = """\
register:
  title: Register of processing activities
  last_updated: 2026-01-10
organisation:
  name: Shop B.V.
  country: NL
  contact: {email: privacy@shop.example}
  privacy_contact: {name: Privacy desk, email: privacy@shop.example}
"""

VOCABULARY = """\
data_subjects:
  - {id: customers, name: Customers}
data_categories:
  - {id: contact, name: Name and address}
  - {id: email, name: E-mail address}
"""

PARTIES = """\
parties:
  - id: postal
    name: Postal service
    role: controller
"""

ORDERS = """\
activity:
  id: orders
  name: Order handling
  purposes:
    - description: Deliver web shop orders
      lawful_basis: 6-1-b
  data_subjects: [customers]
  data_categories: [contact]
  recipients: [postal]
  transfers: []
"""

NEWSLETTER = """\
activity:
  id: newsletter
  name: Newsletter
  purposes:
    - description: Send product news to customers
      lawful_basis: 6-1-a
      consent: {records: CRM consent log, withdrawal: Unsubscribe link}
  data_subjects: [customers]
  data_categories: [email]
  recipients: []
  transfers: []
"""

ORDERS_REFORMATTED = """\
# Order handling: reformatted, keys in another order; the same entity.
activity:
  name: Order handling
  id: orders
  data_categories: [contact]
  data_subjects: [customers]
  purposes:
    - lawful_basis: 6-1-b
      description: Deliver web shop orders
  recipients: [postal]
  transfers: []
"""

NEWSLETTER_CHANGED = """\
activity:
  id: newsletter
  name: Customer newsletter
  purposes:
    - description: Send product news to customers
      lawful_basis: 6-1-f
      legitimate_interest: Direct marketing of similar products to existing customers
  data_subjects: [customers]
  data_categories: [email]
  recipients: [mailer]
  transfers:
    - {country: US, recipient: mailer, mechanism: scc, scc_module: 2}
"""

MAILER = """\
parties:
  - id: postal
    name: Postal service
    role: controller
  - id: mailer
    name: Mailer Inc.
    role: processor
    country: US
"""

GIT_ENV = {
    "GIT_AUTHOR_NAME": "ropa tests",
    "GIT_AUTHOR_EMAIL": "tests@ropa.example",
    "GIT_COMMITTER_NAME": "ropa tests",
    "GIT_COMMITTER_EMAIL": "tests@ropa.example",
    "GIT_AUTHOR_DATE": "2026-01-10T12:00:00Z",
    "GIT_COMMITTER_DATE": "2026-01-10T12:00:00Z",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run git in ``repo`` with a fixed identity and no user or system configuration."""
    env = {**os.environ, **GIT_ENV, "GIT_CONFIG_GLOBAL": os.devnull}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def write(root: Path, files: Mapping[str, str | None]) -> None:
    """Write (text) or delete (``None``) files below ``root``."""
    for name, text in files.items():
        path = root / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def commit(repo: Path, tag: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", tag)
    git(repo, "tag", tag)
    return git(repo, "rev-parse", "HEAD").strip()


@dataclass(frozen=True)
class History:
    """The repository, the register's path in it, and the commit of each tag."""

    repo: Path
    register: Path
    commits: dict[str, str]


def build_history(repo: Path) -> History:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    reg = "registers/acme"
    commits: dict[str, str] = {}
    write(repo, {"README.md": "A web shop.\n"})
    commits["empty"] = commit(repo, "empty")
    write(
        repo,
        {
            f"{reg}/register.yaml": ORGANISATION,
            f"{reg}/vocabulary.yaml": VOCABULARY,
            f"{reg}/parties.yaml": PARTIES,
            f"{reg}/activities/orders.yaml": ORDERS,
            f"{reg}/activities/newsletter.yaml": NEWSLETTER,
            f"{reg}/README.md": "Not a register file.\n",
        },
    )
    commits["created"] = commit(repo, "created")
    write(repo, {f"{reg}/activities/newsletter.yaml": None, f"{reg}/marketing/newsletter.yaml": NEWSLETTER})
    write(repo, {f"{reg}/activities/orders.yaml": ORDERS_REFORMATTED})
    commits["moved"] = commit(repo, "moved")
    write(
        repo,
        {
            f"{reg}/marketing/newsletter.yaml": NEWSLETTER.replace(
                "name: Newsletter", "name: Customer newsletter"
            )
        },
    )
    commits["renamed"] = commit(repo, "renamed")
    write(repo, {f"{reg}/marketing/newsletter.yaml": NEWSLETTER_CHANGED, f"{reg}/parties.yaml": MAILER})
    commits["changed"] = commit(repo, "changed")
    write(
        repo,
        {f"{reg}/activities/orders.yaml": ORDERS_REFORMATTED.replace("id: orders", "id: order-handling")},
    )
    commits["reidentified"] = commit(repo, "reidentified")
    shutil.rmtree(repo / reg)
    commits["deleted"] = commit(repo, "deleted")
    return History(repo, repo / reg, commits)


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[History]:
    """The scripted history, checked out at ``changed`` (the last revision with every file)."""
    built = build_history(tmp_path_factory.mktemp("history") / "shop")
    git(built.repo, "checkout", "-q", "changed")
    return built
