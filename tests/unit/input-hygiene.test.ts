import { DATE_MAX, DATE_MIN, findHygieneIssues, forbiddenCharacter, type ModelSchema } from '../../src/validation/hygiene';
import { bodyParserFailure, isErrorEnvelope, toErrorEnvelope, withErrorEntries } from '../../src/validation/envelope';

const action: ModelSchema = { attributes: { date: { type: 'date' }, summary: { type: 'text' } } };
const section: ModelSchema = { attributes: { question: { type: 'string' } } };
const model: ModelSchema = {
  attributes: {
    installedAt: { type: 'date' },
    firstContactAt: { type: 'datetime' },
    name: { type: 'string' },
    createdAt: { type: 'datetime' },
    actions: { type: 'component', component: 'case.action', repeatable: true },
    sections: { type: 'dynamiczone' },
  },
};
const resolve = (uid: string) => ({ 'case.action': action, 'guide.faq': section })[uid];
const paths = (data: unknown, strict = false) => findHygieneIssues(data, model, resolve, { strict }).map((i) => i.path.join('.'));

describe('input hygiene (pure)', () => {
  it('dates: the bounds pass, one day beyond does not, at any depth', () => {
    expect(paths({ installedAt: DATE_MIN, firstContactAt: `${DATE_MAX}T23:59:59Z`, actions: [{ date: DATE_MAX }] })).toEqual([]);
    expect(paths({ installedAt: '1999-12-31', firstContactAt: '2101-01-01T00:00:00Z', actions: [{ date: '2026-01-01' }, { date: '0001-01-01' }] })).toEqual([
      'installedAt',
      'firstContactAt',
      'actions.1.date',
    ]);
  });

  it('dates: extended years, impossible dates and non-dates are refused', () => {
    for (const v of ['+02026-01-01', '275760-09-13', '2026-02-30', '2026-13-01', 'soon', 20260101, true, {}]) {
      expect(paths({ installedAt: v })).toEqual(['installedAt']);
    }
  });

  it('date-times from code: a Date and a timestamp are read; strict (content API) wants ISO-8601 text', () => {
    expect(paths({ firstContactAt: new Date('2026-11-02T10:00:00Z') })).toEqual([]);
    expect(paths({ firstContactAt: new Date('1999-01-01T00:00:00Z') })).toEqual(['firstContactAt']);
    expect(paths({ firstContactAt: Date.UTC(2026, 0, 1) })).toEqual([]);
    expect(paths({ firstContactAt: Date.UTC(2026, 0, 1) }, true)).toEqual(['firstContactAt']);
    expect(paths({ firstContactAt: '2026-11-02T10:00:00' }, true)).toEqual(['firstContactAt']);
    expect(paths({ firstContactAt: '2026-11-02T10:00:00+04:00' }, true)).toEqual([]);
  });

  it("Strapi's own timestamps are left to Strapi", () => {
    expect(paths({ createdAt: '1000-01-01T00:00:00Z' })).toEqual([]);
  });

  it('text: control and bidirectional formatting characters are refused, tab and line breaks are not', () => {
    expect(forbiddenCharacter('a\tb\r\nc é 🦄 عربى')).toBeNull();
    for (const c of ['\u0000', '\u0008', '\u000B', '\u001B', '\u007F', '\u0085', '\u009F', '\u202A', '\u202E', '\u2066', '\u2069']) {
      expect(forbiddenCharacter(`x${c}`)).toEqual({ codePoint: c.codePointAt(0), index: 1 });
    }
    expect(paths({ name: 'a\u202Eb', sections: [{ __component: 'guide.faq', question: 'q\u0000' }], actions: [{ summary: 'x\u2067' }] })).toEqual([
      'name',
      'sections.0.question',
      'actions.0.summary',
    ]);
  });

  it('keys that Object.prototype owns are not attributes', () => {
    expect(paths(JSON.parse('{"constructor":1,"__proto__":{},"actions":[{"toString":"x"}]}'))).toEqual(['constructor', '__proto__', 'actions.0.toString']);
  });
});

describe('error envelope (pure)', () => {
  it('adds details.errors to an envelope without, keeping the other details', () => {
    const body = toErrorEnvelope(400, { data: null, error: { status: 400, name: 'ValidationError', message: 'Invalid key nope', details: { key: 'nope', path: 'a.nope', source: 'query' } } });
    expect(body.error.details).toEqual({ key: 'nope', path: 'a.nope', source: 'query', errors: [{ path: ['a', 'nope'], message: 'Invalid key nope' }] });
    expect(isErrorEnvelope(400, body)).toBe(true);
  });

  it('builds the envelope from nothing, a string or a bare message', () => {
    expect(toErrorEnvelope(405, undefined)).toEqual({
      data: null,
      error: { status: 405, name: 'MethodNotAllowedError', message: 'Method Not Allowed', details: { errors: [{ path: [], message: 'Method Not Allowed' }] } },
    });
    expect(toErrorEnvelope(429, 'Too many requests').error.message).toBe('Too many requests');
    expect(toErrorEnvelope(401, { message: 'nope' }).error).toMatchObject({ name: 'UnauthorizedError', message: 'nope' });
  });

  it('makes every entry { path: string[], message }', () => {
    expect(withErrorEntries({ errors: [{ path: ['a', 0], message: 'm' }, { path: 'b.c' }, 'bare'] }, 'top').errors).toEqual([
      { path: ['a', '0'], message: 'm' },
      { path: ['b', 'c'], message: 'top' },
      { path: [], message: 'bare' },
    ]);
  });

  it('recognises the body parser errors, and only those', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected end of JSON input'), { status: 400, type: 'entity.parse.failed' });
    expect(bodyParserFailure(syntax)?.status).toBe(400);
    expect(bodyParserFailure(Object.assign(new Error('too large'), { status: 413, type: 'entity.too.large' }))?.status).toBe(413);
    expect(bodyParserFailure(Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' }))?.status).toBe(400);
    expect(bodyParserFailure(Object.assign(new Error('no boundary'), { httpCode: 400 }))?.status).toBe(400);
    // koa-body's wrapping of an error from another realm
    expect(bodyParserFailure(Object.assign(new Error('{"errno":-3,"code":"Z_DATA_ERROR"}'), { name: 'object' }))?.status).toBe(400);
    expect(bodyParserFailure(new SyntaxError('a bug of ours'))).toBeNull();
    expect(bodyParserFailure(new TypeError('x is undefined'))).toBeNull();
  });
});
