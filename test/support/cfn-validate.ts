/** The independent CloudFormation validator, shared by every test that checks a template. */
import { type Engine, RegoEngine, type StandardDiagnostic, TemplateFile } from '@aws/cloudformation-validate';

let engine: Engine | undefined;

/** Findings at WARN or above (INFO notes such as "create-only property" are not problems). */
export function validateTemplateFile(path: string): string[] {
  engine ??= new RegoEngine();
  const report = engine.validateStandard(new TemplateFile(path), { severityLevel: 'WARN' });
  const findings = report.diagnostics.map(
    (d: StandardDiagnostic) =>
      `${d.severity} ${d.ruleId} ${d.entity?.logicalId ?? ''} ${d.propertyPath ?? ''}: ${d.message}`,
  );
  if (report.status !== 'OK') findings.push(`status ${report.status}`);
  return findings;
}
