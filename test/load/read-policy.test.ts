/** A spec is untrusted input: what its `$ref`s may read, and the limits on what it may make gateform build. */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStylish, resolveDiagnostics } from '../../src/index.js';
import { compile } from '../../src/compile.js';
import { globMatcher } from '../../src/lint/config.js';
import { loadDocument, type LoadResult } from '../../src/load/load-document.js';
import { parseSource } from '../../src/load/parse.js';
import { decodeUtf8, defaultRoot, LIMITS, readPolicy, readUnder } from '../../src/load/read-policy.js';
import { tempDir } from '../support/temp.js';

const HEAD = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\n';

/** A project folder (with package.json) holding `files`; returns its path. */
function project(files: Readonly<Record<string, string>>): string {
  const dir = tempDir('policy-');
  for (const [name, text] of Object.entries({ 'package.json': '{}', ...files })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function specWithRef(ref: string): string {
  return `${HEAD}paths:\n  /a:\n    $ref: '${ref}'\n`;
}

function printed(result: LoadResult): string {
  return formatStylish(resolveDiagnostics(result.diagnostics, result.files), {
    lineOf: (file, line) => result.files.get(file)?.lineText(line),
  });
}

describe('$ref read policy', () => {
  it.each([
    ['an absolute path outside the root', () => '/proc/self/environ', 'ref-refused', /outside the root folder/],
    ['a path up out of the root', () => '../outside.yaml', 'ref-refused', /outside the root folder/],
    ['a device', () => '/dev/zero', 'ref-refused', /outside the root folder/],
    ['a remote URL', () => 'https://example.com/pets.yaml', 'ref-refused', /remote \$refs are off/],
    ['another URL scheme', () => 'ftp://example.com/pets.yaml', 'ref-refused', /`ftp:` URLs are not read/],
    ['a missing file', () => './nope.yaml', 'unresolved-ref', /no such file/],
    ['an empty file', () => './empty.yaml', 'unresolved-ref', /names an empty file/],
  ])('refuses %s at the $ref, naming the rule', async (_name, ref, code, message) => {
    const dir = project({ 'api/openapi.yaml': specWithRef(ref()), 'api/empty.yaml': '', 'outside.yaml': 'get: {}\n' });
    mkdirSync(join(dir, 'api', '.git'));
    const result = await loadDocument(join(dir, 'api', 'openapi.yaml'));
    expect(result.diagnostics.map((d) => [d.code, d.location?.pointer])).toEqual([[code, '/paths/~1a/$ref']]);
    expect(result.diagnostics[0]!.message).toMatch(message);
    // The rest of the document is still loaded (lint checks it); the `$ref` stays as written, nothing read in.
    expect(result.loaded?.document['paths']).toEqual({ '/a': { $ref: ref() } });
  });

  it('never prints what a refused target holds, in the message or a code frame', async () => {
    const dir = project({ 'openapi.yaml': specWithRef('/proc/self/environ') });
    const text = printed(await loadDocument(join(dir, 'openapi.yaml')));
    expect(text).toContain('[ref-refused]');
    expect(text).not.toMatch(/PATH=|HOME=/);
  });

  it('follows a symbolic link only to a file under the root', async () => {
    const dir = project({
      'openapi.yaml': specWithRef('./secret.yaml'),
      'paths.yaml': 'get: { responses: { "200": { description: ok } } }\n',
    });
    symlinkSync('/proc/self/environ', join(dir, 'secret.yaml'));
    const refused = await loadDocument(join(dir, 'openapi.yaml'));
    expect(refused.diagnostics[0]).toMatchObject({
      code: 'ref-refused',
      message: expect.stringContaining('(through a symbolic link)'),
    });
    expect(printed(refused)).not.toMatch(/PATH=/);
    writeFileSync(join(dir, 'other.yaml'), specWithRef('./inside.yaml'));
    symlinkSync(join(dir, 'paths.yaml'), join(dir, 'inside.yaml'));
    expect((await loadDocument(join(dir, 'other.yaml'))).diagnostics).toEqual([]);
  });

  it('refuses a FIFO without opening it for a blocking read', async () => {
    const dir = project({ 'openapi.yaml': specWithRef('./pipe.yaml') });
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const result = await loadDocument(join(dir, 'openapi.yaml'));
    expect(result.diagnostics).toMatchObject([
      { code: 'ref-refused', message: expect.stringContaining('it is a FIFO') },
    ]);
  });

  it('refuses a device and stops reading at the size limit', () => {
    expect(readUnder('/dev/zero', '/')).toMatchObject({
      ok: false,
      kind: 'refused',
      reason: expect.stringContaining('a device'),
    });
    const dir = project({ 'big.yaml': 'x'.repeat(2000) });
    expect(readUnder(join(dir, 'big.yaml'), dir, 1000)).toMatchObject({ ok: false, kind: 'limit' });
    expect(readUnder(join(dir, 'big.yaml'), dir, 2000)).toMatchObject({ ok: true });
  });

  it('reads under the nearest folder with .git or package.json, or a root given by flag or config', async () => {
    const dir = project({
      'shared/pets.yaml': 'get: { responses: { "200": { description: ok } } }\n',
      'api/package.json': '{}',
      'api/openapi.yaml': specWithRef('../shared/pets.yaml'),
    });
    const spec = join(dir, 'api', 'openapi.yaml');
    expect(defaultRoot(spec)).toBe(join(dir, 'api'));
    const bare = tempDir('bare-');
    expect(defaultRoot(join(bare, 'openapi.yaml'))).toBe(bare);
    expect((await loadDocument(spec)).diagnostics.map((d) => d.code)).toEqual(['ref-refused']);
    expect((await loadDocument(spec, readPolicy(spec, { root: dir }))).diagnostics).toEqual([]);
    writeFileSync(join(dir, 'api', 'gateform.config.yaml'), 'refs:\n  root: ..\n');
    const codes = (await compile(spec)).diagnostics.map((d) => d.code);
    expect(codes).not.toContain('ref-refused');
    // Never silently: the config that widens the root says so.
    expect(codes).toContain('refs-widened');
  });

  it('reads a remote $ref only when enabled, within the size limit', async () => {
    const server = createServer((request, response) => {
      response.end(
        request.url === '/big.yaml'
          ? 'x'.repeat(LIMITS.fileBytes + 1)
          : 'get: { responses: { "200": { description: ok } } }\n',
      );
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const dir = project({
        'openapi.yaml': specWithRef(`${url}/pets.yaml`),
        'big.yaml': specWithRef(`${url}/big.yaml`),
      });
      const spec = join(dir, 'openapi.yaml');
      expect((await loadDocument(spec)).diagnostics.map((d) => d.code)).toEqual(['ref-refused']);
      expect((await loadDocument(spec, readPolicy(spec, { remote: true }))).diagnostics).toEqual([]);
      const big = join(dir, 'big.yaml');
      expect((await loadDocument(big, readPolicy(big, { remote: true }))).diagnostics.map((d) => d.code)).toEqual([
        'document-too-large',
      ]);
    } finally {
      server.close();
    }
  });

  it('reports a loop of $refs across two files as it does one in a file', async () => {
    const dir = project({
      'openapi.yaml': specWithRef('./b.yaml#/x'),
      'b.yaml': "x:\n  $ref: './openapi.yaml#/paths/~1a'\n",
    });
    const result = await loadDocument(join(dir, 'openapi.yaml'));
    expect(result.diagnostics.map((d) => `${d.code} ${d.location?.file} ${d.location?.pointer}`)).toEqual([
      `unresolved-ref ${join(dir, 'openapi.yaml')} /paths/~1a/$ref`,
      `unresolved-ref ${relative(process.cwd(), join(dir, 'b.yaml'))} /x/$ref`,
    ]);
    expect(result.diagnostics[0]!.message).toMatch(/circular/);
  });
});

describe('limits', () => {
  it('refuses a YAML alias bomb before expanding it, at the first alias', () => {
    const lines = [
      'a0: &a0 [x, x, x, x, x, x, x, x, x]',
      ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
    ];
    const result = parseSource('t.yaml', lines.join('\n') + '\n');
    expect(result.diagnostics).toMatchObject([
      { code: 'yaml-alias-limit', location: { position: { line: 2, column: 10 } } },
    ]);
  });

  it('refuses an alias inside its own anchor', () => {
    expect(parseSource('t.yaml', 'a: &a [*a]\n').diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
  });

  it('keeps aliases that add little', () => {
    const lines = ['a0: &a0 { k: v }', ...Array.from({ length: 100 }, (_, i) => `b${i}: *a0`)];
    expect(parseSource('t.yaml', lines.join('\n')).ok).toBe(true);
  });

  it.each([
    ['YAML', 't.yaml', (n: number) => `a: ${'['.repeat(n)}${']'.repeat(n)}\n`],
    ['JSON', 't.json', (n: number) => `{"a": ${'['.repeat(n)}${']'.repeat(n)}}`],
  ])('nests %s up to the documented depth, and no further', (_name, path, text) => {
    // The document's own mapping is a level.
    expect(parseSource(path, text(LIMITS.depth - 1)).ok).toBe(true);
    expect(parseSource(path, text(LIMITS.depth)).diagnostics.map((d) => d.code)).toEqual(['nesting-too-deep']);
  });

  it('diagnoses invalid UTF-8 at its first byte instead of replacing it', async () => {
    expect(decodeUtf8(Buffer.from('ab\ncd\xffe', 'latin1'))).toMatchObject({ ok: false, line: 2, column: 3 });
    expect(decodeUtf8(Buffer.from('\ufeffé ✓', 'utf8'))).toEqual({ ok: true, text: '\ufeffé ✓' });
    const dir = project({});
    writeFileSync(
      join(dir, 'openapi.yaml'),
      Buffer.concat([Buffer.from(`${HEAD}paths: {}\nx-a: "caf`), Buffer.from([0xe9]), Buffer.from('"\n')]),
    );
    const result = await loadDocument(join(dir, 'openapi.yaml'));
    expect(result.diagnostics).toMatchObject([
      { code: 'invalid-encoding', location: { position: { line: 4, column: 10 } } },
    ]);
  });
});

describe('glob matcher', () => {
  it.each([
    ['legacy/**', 'legacy/a/b.yaml', true],
    ['legacy/**/*.yaml', 'legacy/a.yaml', true],
    ['legacy/**/*.yaml', 'legacy/x/y/a.yaml', true],
    ['legacy/*.yaml', 'legacy/x/a.yaml', false],
    ['**/a.yaml', 'a.yaml', true],
    ['**/a.yaml', 'x/ba.yaml', false],
    ['a?.yaml', 'ab.yaml', true],
    ['a?.yaml', 'a/.yaml', false],
    ['a.yaml', 'aXyaml', false],
    ['(a)+[b].yaml', '(a)+[b].yaml', true],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globMatcher(glob)(path)).toBe(expected);
  });

  it('matches a pattern that makes regular expressions backtrack, in one pass', () => {
    const matches = globMatcher(`${'*a'.repeat(30)}b`);
    // A regular expression from this glob takes longer than the test's time-out on this path.
    expect(matches('a'.repeat(60))).toBe(false);
    expect(globMatcher('**a**a**a**a**a**a**a**a**a**b')('a/'.repeat(200))).toBe(false);
  });
});

describe('values printed in messages', () => {
  it.each([
    [
      '`openapi` as a mapping',
      `openapi: { a: 1 }\ninfo: { title: T, version: "1" }\npaths: {}\n`,
      /`openapi: {…} \(a mapping\)` is not a version/,
    ],
    ['`swagger` as a list', `swagger: [2]\ninfo: { title: T, version: "1" }\npaths: {}\n`, /^Swagger is not compiled/],
    [
      'a mapping written as a key',
      `${HEAD}paths: {}\nx-a:\n  ? { a: 1 }\n  : b\n`,
      /A mapping key here is itself a mapping/,
    ],
  ])('name %s as such, never `[object Object]`', async (_name, text, message) => {
    const dir = project({ 'openapi.yaml': text });
    const [diagnostic] = (await loadDocument(join(dir, 'openapi.yaml'))).diagnostics;
    expect(diagnostic?.message).toMatch(message);
    expect(diagnostic?.message).not.toContain('[object Object]');
  });
});
