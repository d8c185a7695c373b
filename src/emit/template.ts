/** Assemble the CloudFormation template, alone or merged into the user's own template (`--into`). */
import { basename } from 'node:path';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { childPointer, hasErrors } from '../diagnostics/diagnostic.js';
import type { LoadedDocument } from '../load/load-document.js';
import {
  INTRINSIC_HINT,
  intrinsicProblem,
  isIntrinsic,
  readableText,
  referencedNames,
  unknownReferenceHint,
} from '../model/aws-value.js';
import type { BaseTemplate } from '../model/base-template.js';
import { asBlock } from '../model/context.js';
import type { GatewayModel } from '../model/ir.js';
import type { CfnOutput, CfnParameter, CfnResource, CfnTemplate } from '../model/cfn.js';
import type { Json } from '../model/aws-value.js';
import { emitHttpApi } from './http/http-api.js';
import { fitNames, fittedDescription, MAX_NAME } from './cfn-limits.js';
import { emitRestApi } from './rest/rest-api.js';
import { emitWebSocket } from './websocket/websocket-api.js';
import { tagResources } from './shared/tags.js';
import { emitMonitoring } from './shared/monitoring.js';
import { dependencyCycles, resourceLocation } from './dependencies.js';

export interface EmitResult {
  readonly template: CfnTemplate;
  readonly diagnostics: readonly Diagnostic[];
}

const MERGED_SECTIONS = ['Parameters', 'Conditions', 'Resources', 'Outputs'] as const;
type Generated = Record<
  (typeof MERGED_SECTIONS)[number],
  Record<string, CfnParameter | Json | CfnResource | CfnOutput>
>;

export function emitTemplate(model: GatewayModel, loaded: LoadedDocument, base?: BaseTemplate): EmitResult {
  // A document with only a WebSocket API (no operations) emits no REST API.
  const withRest = model.routes.length > 0 || !model.websocket;
  const emitApi = model.api.type === 'http' ? emitHttpApi : emitRestApi;
  const restParts = withRest ? emitApi(model, loaded) : { resources: {}, outputs: {}, diagnostics: [] };
  const ws = emitWebSocket(model);
  const rest = {
    ...fitNames(
      tagResources({ ...restParts.resources, ...ws?.resources, ...emitMonitoring(model, withRest) }, model.api.tags),
      {
        ...restParts.outputs,
        ...ws?.outputs,
      },
    ),
    diagnostics: [...restParts.diagnostics, ...(ws?.diagnostics ?? [])],
  };
  const parameters: Record<string, CfnParameter> = {};
  for (const p of model.parameters) {
    parameters[p.name] = {
      Type: p.type ?? 'String',
      Description: p.description,
      ...(p.default !== undefined && { Default: p.default }),
      ...(p.allowedPattern !== undefined && { AllowedPattern: p.allowedPattern }),
      ...(p.allowedValues !== undefined && { AllowedValues: [...p.allowedValues] }),
      ...(p.minValue !== undefined && { MinValue: p.minValue }),
      ...(p.maxValue !== undefined && { MaxValue: p.maxValue }),
      ...(p.minLength !== undefined && { MinLength: p.minLength }),
      ...(p.maxLength !== undefined && { MaxLength: p.maxLength }),
      ...(p.noEcho && { NoEcho: true }),
      ...(p.constraintDescription !== undefined && { ConstraintDescription: p.constraintDescription }),
    };
  }
  Object.assign(parameters, restParts.parameters);
  const conditions = { ...restParts.conditions };
  const generated: Generated = {
    Parameters: parameters,
    Conditions: conditions,
    Resources: rest.resources,
    Outputs: rest.outputs,
  };
  const defined = new Set([...Object.keys(parameters), ...Object.keys(rest.resources), ...(base?.names ?? [])]);
  const problems = [
    ...(withRest && model.routes.length === 0 ? [noMethods(loaded)] : []),
    ...rest.diagnostics,
    ...longParameterNames(model),
    ...logicalIdClashes(generated, model, base),
    ...checkDocumentReferences(loaded, defined, base?.path),
  ];
  if (!base) {
    const template: CfnTemplate = {
      AWSTemplateFormatVersion: '2010-09-09',
      // The API's name comes from the spec, and may be long: cut to CloudFormation's limit.
      Description: fittedDescription(
        `${readableText(withRest ? model.api.name : model.websocket!.name)}: Amazon API Gateway ` +
          `${[withRest && (model.api.type === 'http' ? 'HTTP' : 'REST'), model.websocket && 'WebSocket'].filter(Boolean).join(' and ')} ` +
          `API compiled by gateform from ${basename(loaded.root.path)}`,
      ),
      ...(Object.keys(parameters).length > 0 && { Parameters: parameters }),
      ...(Object.keys(conditions).length > 0 && { Conditions: conditions }),
      Resources: rest.resources,
      Outputs: rest.outputs,
    };
    return {
      template,
      diagnostics: [...problems, ...quotaProblems(template, model), ...cycles(template, problems, model, base)],
    };
  }
  const template = mergeInto(base, generated);
  return {
    template,
    diagnostics: [...problems, ...quotaProblems(template, model), ...cycles(template, problems, model, base)],
  };
}

/** Cycles of a template whose names are sound: after a clash or a dangling reference, a cycle would only repeat it. */
function cycles(
  template: CfnTemplate,
  problems: readonly Diagnostic[],
  model: GatewayModel,
  base: BaseTemplate | undefined,
): Diagnostic[] {
  return hasErrors(problems) ? [] : dependencyCycles(template, resourceLocation(base, model.api.origin));
}

/**
 * A parameter is named by its `${Name}` placeholder, and passed by that name at deploy time: one longer
 * than CloudFormation allows is refused, not renamed behind the user's back.
 */
function longParameterNames(model: GatewayModel): Diagnostic[] {
  return model.parameters
    .filter((p) => p.name.length > MAX_NAME)
    .map((p) => ({
      code: 'name-too-long',
      severity: 'error',
      message: `The parameter name \`${p.name.slice(0, 40)}…\` is ${p.name.length} characters long; CloudFormation allows at most ${MAX_NAME}.`,
      location: p.origin,
      hint: 'Use a shorter `${Name}` placeholder.',
    }));
}

/** API Gateway refuses to deploy a REST API without methods ("The REST API doesn't contain any methods"). */
function noMethods(loaded: LoadedDocument): Diagnostic {
  return {
    code: 'no-operations',
    severity: 'error',
    message: 'The document has no operations, and API Gateway refuses to deploy a REST API without methods.',
    location: loaded.locate('paths' in loaded.document ? '/paths' : ''),
    hint: 'Add an operation under `paths` (or a WebSocket API under `x-gateway.websocket`).',
  };
}

/**
 * CloudFormation's template quotas: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
 * (500 resources, 200 parameters, 200 outputs; the size, 1,000,000 bytes, is fitted by external-body.ts).
 */
const TEMPLATE_QUOTAS: readonly (readonly [
  section: 'Resources' | 'Parameters' | 'Outputs',
  limit: number,
  hint: string,
])[] = [
  [
    'Resources',
    500,
    'Split the API into several specs (one stack each), or let routes share functions: one that serves many routes gets a single permission.',
  ],
  [
    'Parameters',
    200,
    'Use fewer `${Name}` placeholders (one parameter can serve many routes), or split the API into several specs.',
  ],
  ['Outputs', 200, 'Split the API into several specs (one stack each).'],
];
function quotaProblems(template: CfnTemplate, model: GatewayModel): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const over = (message: string, hint: string): void => {
    problems.push({ code: 'template-quota-exceeded', severity: 'error', message, location: model.api.origin, hint });
  };
  for (const [section, limit, hint] of TEMPLATE_QUOTAS) {
    const count = Object.keys(template[section] ?? {}).length;
    if (count > limit) over(`The template has ${count} ${section}; CloudFormation allows at most ${limit}.`, hint);
  }
  return problems;
}

function mergeInto(base: BaseTemplate, generated: Generated): CfnTemplate {
  const merged = structuredClone(base.value) as Record<string, unknown>;
  for (const section of MERGED_SECTIONS) {
    // The base's own entries first, then the generated ones it does not define (`constructor` too).
    const theirs = asBlock(merged[section]);
    const entries = [
      ...Object.entries(theirs),
      ...Object.entries(generated[section]).filter(([id]) => !Object.hasOwn(theirs, id)),
    ];
    if (entries.length > 0) merged[section] = Object.fromEntries(entries);
  }
  return merged as CfnTemplate;
}

/** Generated logical IDs that another generated one, or the base template, already uses. */
function logicalIdClashes(generated: Generated, model: GatewayModel, base: BaseTemplate | undefined): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const parameterOrigin = (id: string): Location =>
    model.parameters.find((p) => p.name === id)?.origin ?? model.api.origin;
  for (const id of Object.keys(generated.Parameters).filter((id) => Object.hasOwn(generated.Resources, id))) {
    problems.push({
      code: 'logical-id-clash',
      severity: 'error',
      message: `Parameter \`${id}\` has the logical ID of a resource gateform generates; Parameters and Resources share one set of logical IDs.`,
      location: parameterOrigin(id),
      hint: `Rename the \`\${${id}}\` placeholder, or set \`x-gateway.api.name\` to change the generated IDs.`,
    });
  }
  if (!base) return problems;
  for (const section of MERGED_SECTIONS) {
    for (const id of Object.keys(generated[section])) {
      const bySam = section === 'Outputs' ? undefined : base.generatedBySam(id);
      if (bySam !== undefined) {
        problems.push({
          code: 'logical-id-clash',
          severity: 'error',
          message: `${section} \`${id}\` is generated by gateform, and the SAM transform of ${base.path} generates it (an ${bySam.type}) for \`${bySam.by}\`.`,
          location: section === 'Parameters' ? parameterOrigin(id) : model.api.origin,
          hint:
            section === 'Parameters'
              ? `Rename the \`\${${id}}\` placeholder.`
              : 'Set `x-gateway.api.name` to change the generated IDs.',
          related: [{ file: base.path, pointer: childPointer('/Resources', bySam.by), message: 'SAM resource' }],
        });
        continue;
      }
      const theirs = base.sectionDefining(id, section);
      if (theirs === undefined) continue;
      problems.push({
        code: 'logical-id-clash',
        severity: 'error',
        message:
          theirs === section
            ? `${section} \`${id}\` is defined in ${base.path} and generated by gateform.`
            : `${section} \`${id}\` is generated by gateform, and ${base.path} defines it in ${theirs}; Parameters, ` +
              `Resources and Conditions share one set of logical IDs.`,
        location: section === 'Parameters' ? parameterOrigin(id) : model.api.origin,
        hint:
          section !== 'Parameters'
            ? 'Rename one of them: set `x-gateway.api.name` to change the generated IDs, or rename it in the base template.'
            : parameterOrigin(id).pointer.startsWith('/x-gateway/parameters/')
              ? 'Rename one of them, or leave it out of `x-gateway.parameters` to use what the base template defines.'
              : `Rename the \`\${${id}}\` placeholder, or rename it in the base template.`,
        related: [{ file: base.path, pointer: childPointer('', theirs, id), message: 'defined here' }],
      });
    }
  }
  return problems;
}

/**
 * `Ref`, `Fn::GetAtt` and `${X}` written in the spec outside `x-gateway` (a raw
 * `x-amazon-apigateway-integration`, any other field) reach the Body as they are: each must name a
 * resource or parameter of the output, or a pseudo parameter. `x-gateway` values were checked by the model.
 */
function checkDocumentReferences(
  loaded: LoadedDocument,
  defined: ReadonlySet<string>,
  into: string | undefined,
): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (isIntrinsic(node)) {
      const problem = intrinsicProblem(node);
      if (problem !== undefined)
        problems.push({
          code: 'invalid-intrinsic',
          severity: 'error',
          message: problem,
          location: loaded.locate(pointer),
          hint: INTRINSIC_HINT,
        });
      for (const name of referencedNames(node).filter((n) => !defined.has(n))) {
        problems.push({
          code: 'unknown-reference',
          severity: 'error',
          message: `\`${name}\` is not defined in the template.`,
          location: loaded.locate(pointer),
          hint: unknownReferenceHint(into, false),
        });
      }
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, childPointer(pointer, index));
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node))
        if (key !== 'x-gateway' || !X_GATEWAY_PARENT.test(pointer)) visit(value, childPointer(pointer, key));
    }
  };
  visit(loaded.document, '');
  return problems;
}

/** Where `x-gateway` blocks sit: the root, a path item, an operation. */
const X_GATEWAY_PARENT = /^(?:\/paths\/[^/]+(?:\/[^/]+)?)?$/;
