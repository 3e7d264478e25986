import { formatSarif } from '../sarif/formatSarif.js';
import { reportFiles } from '../reportFiles.js';
import { createFileReporter } from './createFileReporter.js';

/** `vigil-report.sarif` for code scanning (GitHub: upload-sarif). */
export const sarifReporter = createFileReporter('sarif', reportFiles.sarif, (report, context) => formatSarif(report, { root: context.root }));
