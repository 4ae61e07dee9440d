import { model } from 'virtual:story-editor-model';
import { editorConfig } from './keystatic.tsx';

/** The screen's configuration, for the story on disk (the model is read when the screen loads). */
export default editorConfig(model);
