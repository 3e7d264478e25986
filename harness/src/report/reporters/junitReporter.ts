import { formatJunit } from '../junit/formatJunit.js';
import { createFileReporter } from './createFileReporter.js';

/** `vigil-report.junit.xml` for CI test views. */
export const junitReporter = createFileReporter('junit', 'vigil-report.junit.xml', formatJunit);
