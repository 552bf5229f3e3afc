import { STAFF_ROLES } from '@estateflow/model';
import type { JsonSchema } from '../common/json-body';

/** Request bodies of the administration API, as JSON Schemas (validated by AJV, documented in OpenAPI). */
const NAME: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
const KIND: JsonSchema = { type: 'string', enum: ['residential', 'office', 'industrial'] };
const TIMEZONE: JsonSchema = { type: 'string', minLength: 1, maxLength: 64 };
const ROLE: JsonSchema = { type: 'string', enum: [...STAFF_ROLES] };
const UUID: JsonSchema = { type: 'string', format: 'uuid' };
const FLOOR_AREA: JsonSchema = { type: ['number', 'null'], minimum: 0, maximum: 100_000 };
const DATE: JsonSchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const TIME: JsonSchema = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$' };

export const createEstateBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name'],
  properties: {
    code: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$' },
    name: NAME,
    kind: KIND,
    address: { type: ['string', 'null'], maxLength: 300 },
    timezone: TIMEZONE,
  },
};

export const updateEstateBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: NAME,
    kind: KIND,
    address: { type: ['string', 'null'], maxLength: 300 },
    timezone: TIMEZONE,
    satisfactionTarget: { type: 'number', minimum: 1, maximum: 5, description: 'An average rating from 1 to 5, with one decimal (4.2).' },
  },
};

export const calendarBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['weekdays', 'hours', 'holidays', 'workdays'],
  properties: {
    weekdays: { type: 'array', maxItems: 7, items: { type: 'integer', minimum: 1, maximum: 7 } },
    hours: {
      type: 'array',
      minItems: 1,
      maxItems: 8,
      items: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: TIME, to: TIME } },
    },
    holidays: { type: 'array', maxItems: 400, items: DATE },
    workdays: { type: 'array', maxItems: 400, items: DATE },
  },
};

export const createBuildingBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 40 }, floors: { type: ['integer', 'null'], minimum: 1, maximum: 200 } },
};

export const updateBuildingBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: { type: 'string', minLength: 1, maxLength: 40 }, floors: { type: ['integer', 'null'], minimum: 1, maximum: 200 } },
};

export const generateUnitsBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['entrances', 'floors', 'roomsPerFloor'],
  properties: {
    entrances: { type: 'integer', minimum: 0, maximum: 20 },
    floors: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to'],
      properties: { from: { type: 'integer', minimum: -5, maximum: 200 }, to: { type: 'integer', minimum: -5, maximum: 200 } },
    },
    roomsPerFloor: { type: 'integer', minimum: 1, maximum: 40 },
    skipFloors: { type: 'array', maxItems: 50, items: { type: 'integer', minimum: -5, maximum: 200 } },
    floorArea: FLOOR_AREA,
    dryRun: { type: 'boolean' },
  },
};

export const createUnitBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['floor', 'room'],
  properties: {
    entrance: { type: 'integer', minimum: 0, maximum: 50 },
    floor: { type: 'integer', minimum: -5, maximum: 200 },
    room: { type: 'string', pattern: '^[A-Za-z0-9-]{1,12}$' },
    floorArea: FLOOR_AREA,
  },
};

export const updateUnitBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['floorArea'],
  properties: { floorArea: FLOOR_AREA },
};

const ROLE_ASSIGNMENT: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['estateId', 'role'],
  properties: { estateId: { oneOf: [UUID, { type: 'null' }] }, role: ROLE },
};

export const createStaffBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['email', 'name', 'password', 'roles'],
  properties: {
    email: { type: 'string', format: 'email', maxLength: 200 },
    name: NAME,
    password: { type: 'string', minLength: 10, maxLength: 200 },
    phone: { type: 'string', maxLength: 30 },
    locale: { type: 'string', enum: ['zh-CN', 'en'] },
    roles: { type: 'array', maxItems: 100, items: ROLE_ASSIGNMENT },
  },
};

export const updateStaffBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: NAME,
    active: { type: 'boolean' },
    locale: { type: 'string', enum: ['zh-CN', 'en'] },
    phone: { type: ['string', 'null'], maxLength: 30 },
  },
};

export const setRolesBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['roles'],
  properties: { roles: { type: 'array', maxItems: 100, items: ROLE_ASSIGNMENT } },
};

const RESIDENCY: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['unitId', 'kind'],
  properties: { unitId: UUID, kind: { type: 'string', enum: ['owner', 'tenant'] }, moveInAt: { type: 'string', format: 'date' } },
};

export const createPersonBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'phone', 'residencies'],
  properties: {
    name: NAME,
    phone: { type: 'string', maxLength: 30 },
    idNumber: { type: 'string', maxLength: 30 },
    residencies: { type: 'array', minItems: 1, maxItems: 50, items: RESIDENCY },
  },
};

export const updatePersonBody: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: NAME, phone: { type: 'string', maxLength: 30 }, idNumber: { type: ['string', 'null'], maxLength: 30 } },
};

export const addResidencyBody: JsonSchema = RESIDENCY;
