/** The file each file reporter writes in the report folder: one table, for the reporters and for whoever re-renders them. */
export const reportFiles = {
  json: 'vigil-report.json',
  markdown: 'vigil-report.md',
  junit: 'vigil-report.junit.xml',
  sarif: 'vigil-report.sarif',
  html: 'vigil-report.html',
} as const;
