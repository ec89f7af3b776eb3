// The assertion every supergraph test uses to state a whole answer: what it lets pass and what not.
import { describe, expect, it } from 'vitest';
import { errorsOf, expectAnswer, refused } from './expectAnswer.ts';
import type { GraphQLResponse } from './stack.ts';

/** A justice officer's answer: the name, and religion refused. */
const justiceAnswer = (): GraphQLResponse => ({
  status: 200,
  headers: new Headers(),
  body: {
    data: { citizen: { fullName: 'Hồ Hữu Lâm', religion: null, ethnicity: null } },
    errors: [
      { message: 'Not allowed to read Citizen.religion', path: ['citizen', 'religion'], extensions: { code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', policy: 'population.citizen', rule: 'r' } },
      { message: 'Not allowed to read Citizen.ethnicity', path: ['citizen', 'ethnicity'], extensions: { code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', policy: 'population.citizen', rule: 'r' } },
    ],
  },
});

const stated = {
  data: { citizen: { fullName: 'Hồ Hữu Lâm', religion: null, ethnicity: null } },
  errors: [refused('citizen.religion', 'AGENCY_NOT_ALLOWED'), refused('citizen.ethnicity', 'AGENCY_NOT_ALLOWED')],
};

describe('stating the whole answer a person sees', () => {
  it('passes the answer stated exactly, whatever the order of its errors', () => {
    expectAnswer(justiceAnswer(), stated);
    expectAnswer(justiceAnswer(), { ...stated, errors: [...stated.errors].reverse() });
  });

  it('fails when one refusal gives another reason', () => {
    expect(() => expectAnswer(justiceAnswer(), { ...stated, errors: [refused('citizen.religion', 'PURPOSE_REQUIRED'), stated.errors[1]] })).toThrow();
  });

  it('fails when a refusal is left unstated', () => {
    expect(() => expectAnswer(justiceAnswer(), { ...stated, errors: [stated.errors[0]] })).toThrow();
  });

  it('fails when a reason is left unstated', () => {
    expect(() => expectAnswer(justiceAnswer(), { ...stated, errors: stated.errors.map(({ code, path }) => ({ code, path })) })).toThrow();
  });

  it('fails when part of the data differs', () => {
    expect(() => expectAnswer(justiceAnswer(), { ...stated, data: { citizen: { fullName: 'Hồ Hữu Lâm', religion: null } } })).toThrow();
  });

  it('fails on another HTTP status, and states 200 unless told', () => {
    expect(() => expectAnswer({ ...justiceAnswer(), status: 400 }, stated)).toThrow();
    expectAnswer({ ...justiceAnswer(), status: 400 }, { ...stated, status: 400 });
  });

  it('tells no data from null data', () => {
    const refusedAtTheDoor: GraphQLResponse = { status: 401, headers: new Headers(), body: { errors: [{ message: 'Sign in', extensions: { code: 'UNAUTHENTICATED' } }] } };
    expectAnswer(refusedAtTheDoor, { status: 401, data: undefined, errors: [{ code: 'UNAUTHENTICATED' }] });
    expect(() => expectAnswer(refusedAtTheDoor, { status: 401, data: null, errors: [{ code: 'UNAUTHENTICATED' }] })).toThrow();
  });

  it('compares a message, exactly or by pattern, only where one is stated', () => {
    const religion = refused('citizen.religion', 'AGENCY_NOT_ALLOWED');
    expectAnswer(justiceAnswer(), { ...stated, errors: [{ ...religion, message: 'Not allowed to read Citizen.religion' }, stated.errors[1]] });
    expectAnswer(justiceAnswer(), { ...stated, errors: [{ ...religion, message: /Citizen\.religion$/ }, stated.errors[1]] });
    expect(() => expectAnswer(justiceAnswer(), { ...stated, errors: [{ ...religion, message: 'Not allowed' }, stated.errors[1]] })).toThrow();
  });

  it('compares every extension only where they are stated', () => {
    const religion = refused('citizen.religion', 'AGENCY_NOT_ALLOWED');
    const all = { code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', policy: 'population.citizen', rule: 'r' };
    expectAnswer(justiceAnswer(), { ...stated, errors: [{ ...religion, extensions: all }, stated.errors[1]] });
    expect(() => expectAnswer(justiceAnswer(), { ...stated, errors: [{ ...religion, extensions: { code: 'FORBIDDEN' } }, stated.errors[1]] })).toThrow();
  });

  it('lists the errors of an answer by path, as code, reason and path', () => {
    expect(errorsOf(justiceAnswer().body)).toEqual([refused('citizen.ethnicity', 'AGENCY_NOT_ALLOWED'), refused('citizen.religion', 'AGENCY_NOT_ALLOWED')]);
  });
});
