import { formatMarkdown } from '../formatMarkdown.js';
import { createFileReporter } from './createFileReporter.js';

/** `vigil-report.md`: for pull requests and audit notes. */
export const markdownReporter = createFileReporter('markdown', 'vigil-report.md', formatMarkdown);
