// Per-request DataLoaders over one `= ANY(?)` query per batch. Results come back in key order, as
// DataLoader requires; a key with no row gets null (one) or [] (many).
import DataLoader from 'dataloader';

/** Large enough that a page never splits, small enough that one statement stays cheap to plan. */
export const MAX_BATCH_SIZE = 1000;

export function oneByKey<K extends string, R>(
  fetchRows: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R | null> {
  return new DataLoader<K, R | null>(
    async (keys) => {
      const byKey = new Map<K, R>();
      for (const row of await fetchRows(keys)) byKey.set(keyOf(row), row);
      return keys.map((key) => byKey.get(key) ?? null);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

export function manyByKey<K extends string, R>(
  fetchRows: (keys: readonly K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
): DataLoader<K, R[]> {
  return new DataLoader<K, R[]>(
    async (keys) => {
      const byKey = new Map<K, R[]>();
      for (const row of await fetchRows(keys)) {
        const key = keyOf(row);
        const list = byKey.get(key);
        if (list) list.push(row);
        else byKey.set(key, [row]);
      }
      return keys.map((key) => byKey.get(key) ?? []);
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/** Loaders whose query depends on an argument (a page size): one loader per distinct argument per request. */
export function loaderFamily<A, L>(make: (argument: A) => L): (argument: A) => L {
  const loaders = new Map<A, L>();
  return (argument) => {
    let loader = loaders.get(argument);
    if (!loader) {
      loader = make(argument);
      loaders.set(argument, loader);
    }
    return loader;
  };
}
