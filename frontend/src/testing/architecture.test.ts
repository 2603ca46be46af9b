import { describe, expect, it } from 'vitest';

// bulletproof-react rules: a feature never imports another feature (only app/ composes them),
// and shared code (components, lib, config) imports no feature at all.
const sources = import.meta.glob<string>(['/src/**/*.{ts,tsx}', '!/src/**/*.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function resolveImport(file: string, spec: string): string | undefined {
  if (spec.startsWith('@/')) return `/src/${spec.slice(2)}`;
  if (!spec.startsWith('.')) return undefined; // a package
  const parts = file.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

const featureOf = (path: string) => /^\/src\/features\/([^/]+)/.exec(path)?.[1];
const isShared = (path: string) => /^\/src\/(components|lib|config)\//.test(path);

function imports(file: string): string[] {
  return [...sources[file]!.matchAll(/(?:from|import)\s+['"]([^'"]+)['"]/g)].flatMap(([, spec]) => {
    const target = resolveImport(file, spec!);
    return target ? [target] : [];
  });
}

describe('architecture', () => {
  const files = Object.keys(sources);

  it('finds the sources', () => {
    expect(files.some((f) => f.startsWith('/src/features/offers/'))).toBe(true);
  });

  it('no feature imports another feature', () => {
    const offences = files.flatMap((file) => {
      const own = featureOf(file);
      if (!own) return [];
      return imports(file)
        .filter((target) => featureOf(target) && featureOf(target) !== own)
        .map((target) => `${file} → ${target}`);
    });
    expect(offences).toEqual([]);
  });

  it('shared code imports no feature', () => {
    const offences = files
      .filter(isShared)
      .flatMap((file) => imports(file).filter((t) => featureOf(t)).map((t) => `${file} → ${t}`));
    expect(offences).toEqual([]);
  });
});
