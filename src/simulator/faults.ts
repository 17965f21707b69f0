/**
 * Request faults: for the next N requests matching a path pattern (and method), answer an
 * error status, hang, or drop the connection. With no faults set the check is one length test.
 */
import type { RequestFault } from './types.js';

interface ActiveFault {
  pattern: RegExp;
  method: string | undefined;
  left: number;
  fault: RequestFault;
}

/** The fault table. */
export interface FaultTable {
  add(fault: RequestFault): void;
  /** The fault to apply to this request (consuming one use), if any. */
  take(method: string, path: string): RequestFault | undefined;
  clear(): void;
}

/** Turn a glob (`*` within a segment, `**` across) into an anchored RegExp. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i] as string;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        source += '.*';
        i += 1;
      } else source += '[^/]*';
    } else source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Create an empty fault table. */
export function createFaultTable(): FaultTable {
  let faults: ActiveFault[] = [];
  return {
    add(fault) {
      faults.push({
        pattern: typeof fault.path === 'string' ? globToRegExp(fault.path) : fault.path,
        method: fault.method?.toUpperCase(),
        left: fault.times ?? 1,
        fault,
      });
    },
    take(method, path) {
      if (faults.length === 0) return undefined;
      for (const active of faults) {
        if (active.left <= 0) continue;
        if (active.method !== undefined && active.method !== method) continue;
        if (!active.pattern.test(path)) continue;
        active.left -= 1;
        if (active.left === 0) faults = faults.filter((entry) => entry.left > 0);
        return active.fault;
      }
      return undefined;
    },
    clear() {
      faults = [];
    },
  };
}
