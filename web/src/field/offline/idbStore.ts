import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { NewEntry, OutboxEntry, OutboxStore } from './outbox.ts';

interface FieldDb extends DBSchema {
  outbox: { key: number; value: OutboxEntry };
}

/** The outbox in IndexedDB, which outlives reloads, closed tabs and a tablet switched off. */
export class IdbOutboxStore implements OutboxStore {
  private db?: Promise<IDBPDatabase<FieldDb>>;

  private open(): Promise<IDBPDatabase<FieldDb>> {
    this.db ??= openDB<FieldDb>('openpbf-field', 1, {
      upgrade(db) {
        db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
      },
    });
    return this.db;
  }

  async all(): Promise<OutboxEntry[]> {
    return (await this.open()).getAll('outbox');
  }

  async add(entry: NewEntry): Promise<number> {
    // The key path fills in the id; idb's types want the whole record.
    return (await this.open()).add('outbox', entry as OutboxEntry);
  }

  async put(entry: OutboxEntry): Promise<void> {
    await (await this.open()).put('outbox', entry);
  }

  async remove(id: number): Promise<void> {
    await (await this.open()).delete('outbox', id);
  }
}
