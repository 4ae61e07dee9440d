// math.js ships its whole library as one file too (its browser build, an export of the package);
// these are its types, which are those of the package's main entry.
declare module 'mathjs/lib/browser/math.js' {
  import type { MathJsInstance } from 'mathjs';
  const math: MathJsInstance;
  export default math;
}
