"""A child process for the crash and concurrency tests: ordinary writes in a loop, each
confirmed on stdout only after its commit returned, until it is killed or done.

    python -m tests.store.crash_worker DB MODE [COUNT] [SEED]

MODE: `work` (handoffs, imports, SOP edits, mixed), `open` (open the database: creates or
migrates it, then exits). Each confirmed write prints one line `ok KIND KEY`; a refusal the
user would see (a stale round, a save conflict) prints `refused KIND message`.
"""

from __future__ import annotations

import os
import random
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kecamatan_desktop.domain.errors import InputError  # noqa: E402
from kecamatan_desktop.services import catalogue, editing, rounds  # noqa: E402
from kecamatan_desktop.services.session import open_catalogue  # noqa: E402
from kecamatan_desktop.store.database import StoreError  # noqa: E402

RENJA = "poncokusumo-2018-renja"
EDITED = "poncokusumo-2018-renstra"


def say(*parts) -> None:
    print(*parts, flush=True)


def work(db, count: int, rng: random.Random) -> None:
    for i in range(count):
        kind = rng.choice(("start", "complete", "complete", "complete", "edit", "import"))
        try:
            with db.session() as s:
                if kind == "start":
                    r = rounds.start_round(RENJA, session=s, title=f"R{os.getpid()}-{i}",
                                           at=datetime.now(UTC) - timedelta(hours=1))
                    say("ok start", r.id)
                elif kind == "complete":
                    open_ = rounds.list_rounds(session=s, active_only=True, sop_id=RENJA)
                    if not open_:
                        continue
                    seen = rounds.get_round(rng.choice(open_).id, session=s)
                    step = seen.sop.steps[seen.current_step - 1]
                    r = rounds.complete_step(
                        seen.id, session=s, expected_version=seen.version,
                        decision="ya" if step.decision else None,
                        done_by="Drs. SUKARLIN, M.Si.", no_receiver=True,
                        note=f"{os.getpid()}-{i}")
                    say("ok complete", f"{r.id}:{r.version}")
                elif kind == "edit":
                    opened = catalogue.get_sop(EDITED, session=s)
                    sop = replace(opened.sop, name=f"Penyusunan Renstra {os.getpid()}-{i}")
                    rev = editing.save_revision(sop, session=s, base_revision=opened.revision)
                    say("ok edit", f"{rev}:{sop.name}")
                else:
                    opened = catalogue.get_sop(RENJA, session=s)
                    sop = replace(opened.sop, number=f"065/{os.getpid()}-{i}/2018")
                    result = catalogue.import_sops([sop], session=s, replace=True)
                    say("ok import", f"{result.revised[0]}:{sop.number}")
        except InputError as exc:
            say("refused", kind, str(exc).splitlines()[0])
        except StoreError as exc:
            say("storeerror", kind, str(exc).splitlines()[0])


def main() -> None:
    path, mode = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else os.getpid()
    db = open_catalogue(path)
    say("opened")
    if mode == "work":
        work(db, count, random.Random(seed))
    db.close()
    say("done")


if __name__ == "__main__":
    main()
