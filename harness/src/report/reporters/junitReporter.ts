import { formatJunit } from '../junit/formatJunit.js';
import { reportFiles } from '../reportFiles.js';
import { createFileReporter } from './createFileReporter.js';

/** `vigil-report.junit.xml` for CI test views. */
export const junitReporter = createFileReporter('junit', reportFiles.junit, formatJunit);
