// pdfmake resolves every style property of every word through StyleContextStack, and each lookup
// allocates: a closure, a Set for the `extends` chain (even for styles that extend nothing) and, in
// getStyleProperty, another closure. With CJK every character is a word, so a one-page layout asks
// some 30,000 times and most of a cold build's 30 MB of style garbage came from here. These are the
// same lookups without those allocations (the Set only when a style extends another), installed
// once per process; tests/render/pdfmake-styles.test.ts compares them with pdfmake's own.
import StyleContextStackModule from 'pdfmake/js/StyleContextStack.js';
import { pdfmakeClass } from './pdfmake-interop.js';

type Style = Record<string, unknown> & { extends?: string | string[] };
export interface StyleStackLike {
  styleDictionary: Record<string, Style | undefined> | null;
  defaultStyle?: Record<string, unknown>;
  styleOverrides: (string | Record<string, unknown>)[];
  autopush(item: unknown): number;
  pop(howMany?: number): void;
  getProperty(property: string): unknown;
}

const isValue = (v: unknown): boolean => v !== undefined && v !== null;

/** A named style's property, following `extends` (last parent first), each style visited once. */
function fromStyle(stack: StyleStackLike, styleName: string, property: string, visited: Set<string> | undefined): unknown {
  if (visited?.has(styleName)) return undefined;
  visited?.add(styleName);
  // as pdfmake: a stack without a dictionary fails on a named style
  const style = (stack.styleDictionary as Record<string, Style | undefined>)[styleName];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (style.extends) {
    const seen = visited ?? new Set([styleName]);
    const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = fromStyle(stack, parents[i], property, seen);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

/** StyleContextStack.prototype.getProperty, without allocating. */
export function getProperty(this: StyleStackLike, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const item = overrides[i];
      if (typeof item === 'string') {
        const value = fromStyle(this, item, property, undefined);
        if (isValue(value)) return value;
      } else if (isValue(item[property])) return item[property];
    }
  }
  return this.defaultStyle && this.defaultStyle[property];
}

/**
 * StyleContextStack.getStyleProperty, without the closure and without pushing: pdfmake pushes the
 * item's named styles and the item onto the stack (a new array each time), looks the property up from
 * the top and pops them again. The item's own value was tried first, so what the push would add is
 * looked up here — its styles, last first — before the stack. Measuring asks this ~22 times per word.
 */
export function getStyleProperty(item: Record<string, unknown>, stack: StyleStackLike | undefined, property: string, defaultValue: unknown): unknown {
  if (isValue(item[property])) return item[property];
  if (!stack) return defaultValue;
  // as autopush: nothing of a string or a section is pushed
  if (typeof item !== 'string' && !((item as unknown) instanceof String) && item.section === undefined && item.style) {
    const names = (Array.isArray(item.style) ? item.style : [item.style]) as (string | Record<string, unknown>)[];
    for (let i = names.length - 1; i >= 0; i--) {
      const name = names[i];
      const value = typeof name === 'string' ? fromStyle(stack, name, property, undefined) : name[property];
      if (isValue(value)) return value;
    }
  }
  const value = stack.getProperty(property);
  return isValue(value) ? value : defaultValue;
}

let installed = false;

export function installStyleLookups(): void {
  if (installed) return;
  installed = true;
  const cls = pdfmakeClass(StyleContextStackModule) as unknown as { prototype: { getProperty: unknown }; getStyleProperty: unknown };
  cls.prototype.getProperty = getProperty;
  cls.getStyleProperty = getStyleProperty;
}
