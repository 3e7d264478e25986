import { formatSarif } from '../sarif/formatSarif.js';
import { createFileReporter } from './createFileReporter.js';

/** `vigil-report.sarif` for code scanning (GitHub: upload-sarif). */
export const sarifReporter = createFileReporter('sarif', 'vigil-report.sarif', (report, context) => formatSarif(report, { root: context.root }));
