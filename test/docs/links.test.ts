/**
 * Every relative link of the README and docs/ reaches a file, and its #anchor a heading of that file; the
 * README stays a newcomer's five-minute page (reference material goes to docs/).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { expect, it } from 'vitest';

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6} (.*)$/.exec(line);
    if (heading) {
      anchors.add(
        heading[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s_-]/gu, '')
          .replace(/\s/g, '-'),
      );
    }
  }
  return anchors;
}

/** Markdown links outside code: [text](target). */
function links(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

const files = ['README.md', ...markdownFiles('docs')];

it.each(files)('%s has no dead relative link', (file) => {
  const markdown = readFileSync(file, 'utf8');
  const dead: string[] = [];
  for (const link of links(markdown)) {
    if (/^[a-z]+:/.test(link)) continue;
    const [target, anchor] = link.split('#') as [string, string | undefined];
    const path = target === '' ? file : normalize(join(dirname(file), target));
    if (!existsSync(path)) {
      dead.push(`${link} (no ${path})`);
    } else if (anchor !== undefined && !headingAnchors(readFileSync(path, 'utf8')).has(anchor)) {
      dead.push(`${link} (no heading #${anchor} in ${path})`);
    }
  }
  expect(dead).toEqual([]);
});

it('finds a dead link and a dead anchor', () => {
  expect(links('see [a](missing.md) and `[b](code.md)`')).toEqual(['missing.md']);
  expect(headingAnchors('## Read policy and limits\n```\n# not a heading\n```\n').has('read-policy-and-limits')).toBe(
    true,
  );
  expect(headingAnchors('```\n# not a heading\n```\n').has('not-a-heading')).toBe(false);
});

it('keeps the README within 20 KB', () => {
  expect(statSync('README.md').size).toBeLessThanOrEqual(20 * 1024);
});
