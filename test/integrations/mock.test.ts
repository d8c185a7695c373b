import { describe, expect, it } from 'vitest';
import { renderMockIntegration } from '../../src/integrations/mock.js';
import { renderTemplate } from '../support/apigateway-vtl.js';

describe('mock integration', () => {
  it.each([
    [{ ok: true }],
    [{ price: '$5 #1', note: 'it\'s "quoted"\n', path: '$input.body #set($x = 1)' }],
    [['a', 1, null]],
    [
      {
        'key $x': '\\$',
        comment: 'x ## y #* z *#',
        escaped: '\\#set($y = 2)\\\\$y',
        unparsed: '#[[ ]]#',
        trailing: '\\',
      },
    ],
  ])('answers exactly the JSON body %j, $ and # included', (body) => {
    const output = renderMockIntegration({ kind: 'mock', status: 201, body, origin: { file: 'f', pointer: '' } });
    const integration = output.integration as {
      responses: { default: { statusCode: string; responseTemplates: Record<string, string> } };
      requestTemplates: Record<string, string>;
    };
    expect(integration.responses.default.statusCode).toBe('201');
    expect(
      JSON.parse(renderTemplate(integration.responses.default.responseTemplates['application/json']!, '').text),
    ).toEqual(body);
    expect(JSON.parse(integration.requestTemplates['application/json']!)).toEqual({ statusCode: 201 });
    expect(output.statusCodes).toEqual([201]);
  });

  it('converts the request to text when the API has binary media types, so the template still runs', () => {
    const mock = { kind: 'mock', status: 200, origin: { file: 'f', pointer: '' } } as const;
    expect(renderMockIntegration(mock).integration['contentHandling']).toBeUndefined();
    expect(renderMockIntegration(mock, ['*/*']).integration['contentHandling']).toBe('CONVERT_TO_TEXT');
  });
});
