import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import StyleContextStackModule from 'pdfmake/js/StyleContextStack.js';
import { pdfmakeClass } from '../../pipeline/render/pdfmake-interop.js';
import { getProperty, getStyleProperty, type StyleStackLike } from '../../pipeline/render/pdfmake-styles.js';

// The allocation-free style lookups (pipeline/render/pdfmake-styles.ts) against pdfmake's own, on
// random style dictionaries (with `extends` chains, cycles included) and random override stacks.
type Cls = (new (dict: unknown, defaults?: unknown) => StyleStackLike) & {
  prototype: { getProperty(this: StyleStackLike, p: string): unknown };
  getStyleProperty(item: unknown, stack: unknown, property: string, d: unknown): unknown;
};
const Stack = pdfmakeClass(StyleContextStackModule) as unknown as Cls;
const original = { getProperty: Stack.prototype.getProperty, getStyleProperty: Stack.getStyleProperty };

const names = ['a', 'b', 'c', 'd', 'e'];
const props = ['font', 'fontSize', 'bold', 'color', 'lineHeight'];
const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(0), fc.constant(false), fc.integer({ min: 1, max: 9 }), fc.constantFrom('x', 'y'));
const style = fc.record(
  { font: value, fontSize: value, bold: value, color: value, extends: fc.oneof(fc.constant(undefined), fc.constantFrom(...names), fc.array(fc.constantFrom(...names, 'missing'), { maxLength: 3 })) },
  { requiredKeys: [] },
);
const dictionary = fc.dictionary(fc.constantFrom(...names), style);
const override = fc.oneof(fc.constantFrom(...names, 'missing'), fc.record({ font: value, fontSize: value, bold: value, color: value }, { requiredKeys: [] }));

describe('style lookups without allocation', () => {
  it('resolve every property as pdfmake does', () => {
    fc.assert(
      fc.property(dictionary, fc.array(override, { maxLength: 5 }), fc.record({ font: value, lineHeight: value }, { requiredKeys: [] }), (dict, overrides, defaults) => {
        const stack = new Stack(dict, defaults);
        for (const o of overrides) stack.styleOverrides.push(o);
        for (const p of props) expect(getProperty.call(stack, p)).toEqual(original.getProperty.call(stack, p));
      }),
      { numRuns: 2000 },
    );
  });

  it('resolve an item’s property as pdfmake does, and leave the stack as it was', () => {
    // named styles (one, several, missing from the dictionary, or a style object), a section, or a plain string
    const styleName = fc.oneof(fc.constantFrom(...names, 'missing'), fc.record({ font: value, color: value }, { requiredKeys: [] }));
    const item = fc.oneof(
      fc.record({ font: value, color: value, section: fc.constantFrom(undefined, 'x'), style: fc.oneof(fc.constant(undefined), fc.constant(''), styleName, fc.array(styleName, { maxLength: 3 })) }, { requiredKeys: [] }),
      fc.constantFrom('text', ''),
    );
    fc.assert(
      fc.property(dictionary, fc.array(override, { maxLength: 3 }), item, fc.constantFrom(...props), (dict, overrides, it, p) => {
        const stack = new Stack(dict, {});
        for (const o of overrides) stack.styleOverrides.push(o);
        const before = [...stack.styleOverrides];
        expect(getStyleProperty(it as Record<string, unknown>, stack, p, 'default')).toEqual(original.getStyleProperty(it, stack, p, 'default'));
        expect(stack.styleOverrides).toEqual(before);
      }),
      { numRuns: 2000 },
    );
    expect(getStyleProperty({}, undefined, 'font', 'Roboto')).toBe('Roboto');
  });

  it('fail as pdfmake does on a named style without a dictionary', () => {
    const stack = new Stack(null, {});
    stack.styleOverrides.push('a');
    expect(() => original.getProperty.call(stack, 'font')).toThrow(TypeError);
    expect(() => getProperty.call(stack, 'font')).toThrow(TypeError);
  });
});
