/**
 * `type: aws_proxy` on a REST API invokes a Lambda function, always with POST. The uri is often an
 * intrinsic or a placeholder (`!Sub …:function:…`, `!GetAtt Fn.Arn`, Terraform's `${aws_lambda_function.f.arn}`):
 * its literal parts still show a function ARN, or another service, where the invocation URI belongs.
 */
import { childPointer } from '../../diagnostics/diagnostic.js';
import { defineRule } from '../rule.js';
import { integrationOf, isLiteral } from './integration.js';
import { getAttOf, serviceOf, templateTextOf, withoutPlaceholders } from './template-text.js';

const INVOCATION_URI =
  'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/{{function}}/invocations';

export default defineRule({
  meta: {
    id: 'aws-proxy-target',
    description:
      'aws_proxy integrations of a REST API invoke Lambda: their uri is a Lambda invocation URI (also when ' +
      'written with intrinsics or placeholders), and their httpMethod POST.',
    severity: 'error',
    messages: {
      functionArn: `This uri is the function's ARN, not its invocation URI: write \`!Sub ${INVOCATION_URI}\`.`,
      terraformArn: '`{{uri}}` is the function ARN; API Gateway needs its invocation URI: `{{fix}}`.',
      service:
        '`aws_proxy` invokes Lambda functions; this uri calls `{{service}}`. Use `type: aws` with a mapping template for a service integration.',
      post: 'Lambda is invoked with POST; `httpMethod: {{method}}` makes every call fail. Write `httpMethod: POST` whatever the client uses.',
    },
  },
  create(context) {
    return {
      Operation(node) {
        const integration = integrationOf(node);
        if (integration?.type !== 'aws_proxy') return;
        const raw = integration.value['uri'];
        const at = childPointer(integration.pointer, 'uri');
        const text = templateTextOf(raw);
        const getAtt = getAttOf(raw);
        if (getAtt?.[1] === 'Arn') context.report('functionArn', at, { function: `\${${getAtt[0]}.Arn}` }, 'value');
        else if (text !== undefined && typeof raw !== 'string' && /^arn:[^:]*:lambda:/.test(withoutPlaceholders(text)))
          context.report('functionArn', at, { function: text }, 'value');
        else if (text !== undefined && /^\$\{[^}]*\.(Arn|arn)\}$/.test(text)) {
          // A lone placeholder for an ARN attribute: a function ARN, never an invocation URI (Terraform: invoke_arn).
          const terraform = text.endsWith('.arn}');
          if (terraform)
            context.report('terraformArn', at, { uri: text, fix: text.replace(/\.arn\}$/, '.invoke_arn}') }, 'value');
          else context.report('functionArn', at, { function: text }, 'value');
        } else if (text !== undefined) {
          const service = serviceOf(text);
          if (service && service !== 'lambda' && service !== 'firehose')
            context.report('service', at, { service }, 'value');
        }
        const method = integration.value['httpMethod'];
        // A literal Lambda uri is integration-http-method's finding; here the uri is filled in at deploy time.
        const literalLambda = typeof raw === 'string' && isLiteral(raw) && raw.includes(':lambda:path/');
        if (isLiteral(method) && String(method).toUpperCase() !== 'POST' && !literalLambda)
          context.report('post', childPointer(integration.pointer, 'httpMethod'), { method: String(method) }, 'value');
      },
    };
  },
});
