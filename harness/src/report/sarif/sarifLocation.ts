import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceLocation } from '../types.js';
import type { SarifArtifactLocation, SarifLocation } from './SarifLog.js';

/** The base every relative path of a report starts from: the folder Vigil ran in. */
export const SRCROOT = 'SRCROOT';

/**
 * A file of the report as SARIF wants it: relative paths stay relative to SRCROOT (so code
 * scanning maps them onto the checkout), absolute ones become file URLs.
 */
export function artifactLocation(file: string): SarifArtifactLocation {
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const path = file.replace(/\\/g, '/');
  // encodeURI keeps '#' and '?', which would end the path part of a URI reference.
  return { uri: encodeURI(path).replace(/#/g, '%23').replace(/\?/g, '%3F'), uriBaseId: SRCROOT };
}

/** A location in a file; a missing or zero line or column is left out rather than invented. */
export function sarifLocation(file: string, at?: Pick<SourceLocation, 'line' | 'column'>): SarifLocation {
  const region = at !== undefined && at.line >= 1
    ? { startLine: at.line, ...(at.column >= 1 ? { startColumn: at.column } : {}) }
    : undefined;
  return { physicalLocation: { artifactLocation: artifactLocation(file), ...(region ? { region } : {}) } };
}
