import { formatMarkdown } from '../formatMarkdown.js';
import { reportFiles } from '../reportFiles.js';
import { createFileReporter } from './createFileReporter.js';

/** `vigil-report.md`: for pull requests and audit notes. */
export const markdownReporter = createFileReporter('markdown', reportFiles.markdown, formatMarkdown);
