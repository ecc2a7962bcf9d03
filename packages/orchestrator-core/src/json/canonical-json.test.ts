import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys recursively, indents by two spaces and ends with one newline', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it('drops undefined members and uses toJSON', () => {
    expect(canonicalJson({ a: undefined, when: new Date('2026-01-01T00:00:00Z') })).toBe(
      '{\n  "when": "2026-01-01T00:00:00.000Z"\n}\n',
    );
  });

  it('throws a TypeError on a cycle instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });

  it('keeps a key named __proto__ as data, as JSON does', () => {
    const parsed = JSON.parse('{"b":1,"__proto__":{"x":1}}') as object;
    expect(canonicalJson(parsed)).toBe('{\n  "__proto__": {\n    "x": 1\n  },\n  "b": 1\n}\n');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe(
      '[\n  {\n    "x": 1\n  },\n  {\n    "x": 1\n  }\n]\n',
    );
  });

  it('gives identical bytes for objects that differ only in key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });
});
