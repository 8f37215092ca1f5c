// pdfmake 0.3 ships no type declarations for its server build; the render modules describe the
// parts they use where they use them.
declare module 'pdfmake' {
  const pdfmake: unknown;
  export default pdfmake;
}
// These are Babel-compiled CommonJS (exports.default): what a default import gives depends on the
// loader, see pdfmakeClass().
declare module 'pdfmake/js/PDFDocument.js' {
  const mod: unknown;
  export default mod;
}
declare module 'pdfmake/js/Renderer.js' {
  const mod: unknown;
  export default mod;
}
declare module 'pdfmake/js/StyleContextStack.js' {
  const mod: unknown;
  export default mod;
}
declare module 'pdfmake/js/standardPageSizes.js' {
  const mod: unknown;
  export default mod;
}
declare module 'pdfmake/js/TextBreaker.js' {
  const mod: unknown;
  export default mod;
}
// The Unicode line breaker pdfmake uses (a CommonJS class; the bundle makes both imports one module).
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
