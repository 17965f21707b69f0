/**
 * Shapes shared by every record type: what the store sets itself, and how inputs are derived from
 * the record types so the two never drift apart.
 */

/** Fields every stored record has, set by the store. */
export interface StoredRecord {
  /** Time-ordered UUID (version 7), made by the store unless the caller supplies one. */
  id: string;
  /** When the row was inserted (store clock). */
  createdAt: Date;
  /** When the row last changed (store clock). */
  updatedAt: Date;
}

/** Field names the store manages itself and a patch may not set. */
export type ManagedField = 'id' | 'createdAt' | 'updatedAt' | 'version';

/** The fields of `T` a caller may write. */
export type WritableFields<T> = Omit<T, ManagedField>;

/**
 * Input of an insert: the `Required` fields, any other writable field (absent ones become null or
 * their documented default), and optionally the id and creation time.
 */
export type NewRecord<T, Required extends keyof WritableFields<T>> = Pick<WritableFields<T>, Required> &
  Partial<WritableFields<T>> & {
    /** Use this id instead of a new one (e.g. when the caller needs it before inserting). */
    id?: string;
    /** Creation time; defaults to the store clock. */
    createdAt?: Date;
  };

/** A partial update: only the fields present change; `null` clears a nullable field. */
export type RecordPatch<T> = Partial<WritableFields<T>>;

/** Options of an update. */
export interface UpdateOptions {
  /**
   * Optimistic check: update only if the row's `version` still equals this, otherwise throw a
   * ConflictError. Only for records that have a `version`.
   */
  expectedVersion?: number;
}
