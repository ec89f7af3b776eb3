// JSON Schema of a policy file: the structure is checked by ajv before any meaning is.
import { CLASSIFICATIONS } from './PolicyDocument.ts';

const code = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 };
const codeList = { type: 'array', items: code, minItems: 1, uniqueItems: true };
const fieldName = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' };

export const policyFileSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['policy', 'about', 'owner', 'type', 'field_groups', 'rules'],
  properties: {
    policy: { type: 'string', pattern: '^[a-z0-9-]+\\.[a-z0-9-]+$' },
    about: { type: 'string', minLength: 1 },
    owner: code,
    type: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
    subject: { anyOf: [fieldName, { const: 'enclosing-record' }, { const: 'none' }, { type: 'array', items: fieldName, minItems: 1, uniqueItems: true }] },
    field_groups: {
      type: 'object',
      minProperties: 1,
      propertyNames: code,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['level', 'fields'],
        properties: {
          level: { enum: [...CLASSIFICATIONS] },
          fields: { type: 'array', items: fieldName, minItems: 1, uniqueItems: true },
          // The sharing service is switched off (maintenance, a change in the law): why and until when, for its callers.
          disabled: {
            type: 'object',
            additionalProperties: false,
            required: ['notice', 'since'],
            properties: {
              notice: { type: 'string', minLength: 1, maxLength: 500 },
              since: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
            },
          },
        },
      },
    },
    rules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'may_read', 'legal_basis'],
        properties: {
          id: code,
          may_read: codeList,
          roles: codeList,
          agencies: { type: 'array', items: { type: 'string', pattern: '^(group:)?[a-z0-9]+(-[a-z0-9]+)*$' }, minItems: 1, uniqueItems: true },
          purposes: codeList,
          legal_basis: code,
          own_record: { type: 'boolean' },
          consent_purposes: codeList,
          on_subject_request: { type: 'boolean' },
          requires_case_id: { type: 'boolean' },
          requires_connection: { type: 'boolean' },
          restricted: {
            type: 'object',
            additionalProperties: false,
            required: ['legal_basis', 'notify_after'],
            properties: {
              legal_basis: code,
              // An ISO 8601 period in years, months, weeks or days (P180D), or until an oversight officer releases it.
              notify_after: { type: 'string', pattern: '^(until-released|P(?=[0-9])([0-9]{1,4}Y)?([0-9]{1,4}M)?([0-9]{1,4}W)?([0-9]{1,5}D)?)$' },
            },
          },
        },
      },
    },
  },
} as const;

export const agencyGroupsSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['groups'],
  properties: {
    groups: { type: 'object', propertyNames: code, additionalProperties: codeList },
  },
} as const;
