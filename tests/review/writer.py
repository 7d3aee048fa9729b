"""A process that streams review decisions into a store, printing each one once it is saved.

Used by the durability and concurrency tests:
``python3 tests/review/writer.py STORE NAME COUNT PARITY GO_FILE CABLE...``
STORE is a SQLite path or a postgresql:// URL. PARITY is ``even``, ``odd`` or ``all``: which
paragraph indexes this writer decides, so two writers can share cables without deciding the
same paragraph. The writer waits for GO_FILE to exist before its first write (after touching
GO_FILE.NAME.ready), so two writers start together.

When another writer changed the same paragraph since this one read it, the store refuses with
a conflict: the writer prints ``conflict CABLE INDEX NAME I: MESSAGE``, reloads the review (as
the window does) and makes its decision again, so every decision is saved exactly once.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from workbench.cable import read_cable
from workbench.review import ConflictError, Redaction, commands
from workbench.review.stores import open_store


def main() -> int:
    store_path, name, count, parity, go = sys.argv[1:6]
    cables = [read_cable(p) for p in sys.argv[6:]]
    store = open_store(store_path)
    reviews = {c.id: store.load(c) for c in cables}
    targets = [
        (c, p)
        for c in cables
        for p in c.paragraphs
        if p.end > p.body_start + 3
        and (parity == "all" or (p.index % 2 == 0) == (parity == "even"))
    ]
    Path(f"{go}.{name}.ready").touch()
    while not Path(go).exists():
        time.sleep(0.01)
    print(f"start {time.time():.6f}", flush=True)
    for i in range(int(count)):
        cable, p = targets[i % len(targets)]
        note = f"{name} {i}"  # unique, so every decision is a change the log must show
        if i % 3 == 0:
            command = commands.withhold(p, ["(b)(1)", "1.4(d)"], note)
        elif i % 3 == 1:
            command = commands.release(p, note)
        else:
            span = Redaction(p.body_start, p.body_start + 3, ("(b)(6)",))
            command = commands.partial(p, [span], note)
        while True:
            try:
                store.apply(reviews[cable.id], command, name)
                break
            except ConflictError as exc:
                print(f"conflict {cable.id} {p.index} {note}: {exc}", flush=True)
                reviews[cable.id] = store.load(cable)
        print(f"saved {cable.id} {p.index} {note} at {time.time():.6f}", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
