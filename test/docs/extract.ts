/**
 * Pull the TypeScript samples out of the Markdown docs. A fence tagged ```ts is checked; one
 * tagged ```ts nocheck is shown only (kept for deliberately partial fragments, and rare).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One code sample and where it came from. */
export interface DocSample {
  /** Markdown file, relative to the repository root. */
  doc: string;
  /** 1-based line of the first code line in the Markdown file. */
  line: number;
  code: string;
}

/** README.md and every docs/*.md, relative to `root`. */
export function docFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...docs];
}

/** The checked ```ts samples of one Markdown text. */
export function extractSamples(doc: string, markdown: string): DocSample[] {
  const samples: DocSample[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const info = /^```(\S*)\s*(.*)$/.exec(lines[i] ?? '');
    if (!info || info[1] === '') continue;
    const end = lines.findIndex((text, j) => j > i && text.startsWith('```'));
    if (end === -1) break;
    if (info[1] === 'ts' && !info[2]?.split(/\s+/).includes('nocheck')) {
      samples.push({ doc, line: i + 2, code: lines.slice(i + 1, end).join('\n') });
    }
    i = end;
  }
  return samples;
}

/** Every checked sample of the repository's docs. */
export function collectSamples(root: string): DocSample[] {
  return docFiles(root).flatMap((doc) => extractSamples(doc, readFileSync(join(root, doc), 'utf8')));
}
