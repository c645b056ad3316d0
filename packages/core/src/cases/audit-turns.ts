// The audit chain holds a database-wide lock from an event's append to its commit, so its writers
// queue there, each holding a pooled connection: under load they would take the whole pool and the
// reads of every other request would wait behind them. The cases service takes its audited
// transactions in turn within the process instead: they wait here, holding no connection.
import type { Db } from '@nonrecours/db';

const lastTurn = new WeakMap<Db, Promise<unknown>>();

export function inTurn<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const turn = (lastTurn.get(db) ?? Promise.resolve()).then(work);
  lastTurn.set(
    db,
    turn.catch(() => undefined),
  );
  return turn;
}
