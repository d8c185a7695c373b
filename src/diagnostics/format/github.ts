/**
 * The `github` format: workflow commands that GitHub Actions shows as annotations on the pull request.
 * https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions
 */
import type { ResolvedDiagnostic } from '../diagnostic.js';
import { escapeControls } from './escape.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** Escaping of a command's message (its line break between message and hint is the command's own). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values, which also may not hold `:` or `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly ResolvedDiagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = [
        ...(d.file !== undefined ? [`file=${escapeProperty(escapeControls(d.file))}`] : []),
        ...(d.line !== undefined ? [`line=${d.line}`, `col=${d.column ?? 1}`] : []),
        ...(d.endLine !== undefined ? [`endLine=${d.endLine}`, `endColumn=${d.endColumn ?? 1}`] : []),
        `title=${escapeProperty(`gateform ${d.code}`)}`,
      ];
      const message = d.hint ? `${escapeControls(d.message)}\n${escapeControls(d.hint)}` : escapeControls(d.message);
      return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}
