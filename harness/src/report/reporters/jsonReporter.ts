import { formatJson } from '../formatJson.js';
import { reportFiles } from '../reportFiles.js';
import { createFileReporter } from './createFileReporter.js';

/** `vigil-report.json`: the source every other reporter (and `vigil report`) renders from. */
export const jsonReporter = createFileReporter('json', reportFiles.json, formatJson);
