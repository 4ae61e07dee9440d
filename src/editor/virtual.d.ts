declare module 'virtual:keystatic-config' {
  const config: import('@keystatic/core').Config<any, any>;
  export default config;
}
declare module 'virtual:story-editor-model' {
  export const model: import('./model.ts').EditorModel;
}
