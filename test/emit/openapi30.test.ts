/** Model renaming in the Body: every place that names a component schema follows the new name. */
import { describe, expect, it } from 'vitest';
import { downConvert, renameModels } from '../../src/emit/shared/openapi30.js';
import type { JsonObject } from '../../src/load/load-document.js';

describe('renameModels', () => {
  it('rewrites $refs and discriminator mapping values (references and bare names)', () => {
    const body: JsonObject = {
      openapi: '3.0.3',
      paths: {
        '/x': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/pet-input' } } } },
          },
        },
      },
      components: {
        schemas: {
          'pet-input': {
            oneOf: [{ $ref: '#/components/schemas/cat_pet' }, { $ref: '#/components/schemas/Dog' }],
            discriminator: {
              propertyName: 'kind',
              mapping: {
                cat: '#/components/schemas/cat_pet',
                kitten: 'cat_pet',
                dog: 'Dog',
                other: '#/components/schemas/cat_pet/properties/kind',
              },
            },
          },
          cat_pet: { type: 'object', properties: { kind: { type: 'string' } } },
          Dog: { type: 'object' },
        },
      },
    };
    renameModels(body);
    const schemas = (body['components'] as JsonObject)['schemas'] as JsonObject;
    expect(Object.keys(schemas)).toEqual(['PetInput', 'CatPet', 'Dog']);
    expect((schemas['PetInput'] as JsonObject)['discriminator']).toEqual({
      propertyName: 'kind',
      mapping: {
        cat: '#/components/schemas/CatPet',
        kitten: 'CatPet',
        dog: 'Dog',
        other: '#/components/schemas/CatPet/properties/kind',
      },
    });
    expect(JSON.stringify(body)).not.toMatch(/pet-input|cat_pet/);
  });
});

describe('downConvert', () => {
  it('points discriminator mapping values at where $defs and $anchor schemas move', () => {
    const body: JsonObject = {
      openapi: '3.1.0',
      paths: {},
      components: {
        schemas: {
          Event: {
            oneOf: [{ $ref: '#/components/schemas/Event/$defs/Click' }, { $ref: '#key' }],
            discriminator: {
              propertyName: 'kind',
              mapping: { click: '#/components/schemas/Event/$defs/Click', key: '#key' },
            },
            $defs: { Click: { type: 'object' }, Key: { $anchor: 'key', type: 'object' } },
          },
        },
      },
    };
    downConvert(body);
    const event = ((body['components'] as JsonObject)['schemas'] as JsonObject)['Event'] as JsonObject;
    expect(event['oneOf']).toEqual([
      { $ref: '#/components/schemas/EventClick' },
      { $ref: '#/components/schemas/EventKey' },
    ]);
    expect(event['discriminator']).toEqual({
      propertyName: 'kind',
      mapping: { click: '#/components/schemas/EventClick', key: '#/components/schemas/EventKey' },
    });
  });
});
