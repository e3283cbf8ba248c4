import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS, dossierPath, lookupPath, workflowEditorPath } from './paths.ts';
import {
  buildPath,
  defineRoute,
  matchPath,
  safeNextPath,
  type ParamNames,
  type RouteParams,
} from './routes.ts';

// Checked by `npm run typecheck`: the parameters are the pattern's, no more, no fewer.
const names: ParamNames<'/quan-tri/thu-tuc/:code/quy-trinh/:version'>[] = ['code', 'version'];
const none: RouteParams<'/ho-so'> = {};
// @ts-expect-error -- '/ho-so/:code' has no parameter `id`
const wrong: RouteParams<'/ho-so/:code'> = { id: 'x' };
// @ts-expect-error -- `version` is missing
buildPath(PATHS.workflowEditor, { code: 'x' });

describe('matchPath', () => {
  it('captures the decoded segments of a matching path', () => {
    assert.deepEqual(matchPath(PATHS.procedure, '/thu-tuc/1.001193'), { code: '1.001193' });
    assert.deepEqual(matchPath(PATHS.workflowEditor, '/quan-tri/thu-tuc/A%2FB/quy-trinh/3/'), {
      code: 'A/B',
      version: '3',
    });
    assert.deepEqual(matchPath(PATHS.dossiers, '/ho-so'), {});
  });

  it('refuses other lengths, other words, empty and badly encoded segments', () => {
    assert.equal(matchPath(PATHS.dossier, '/ho-so'), null);
    assert.equal(matchPath(PATHS.dossier, '/ho-so/a/b'), null);
    assert.equal(matchPath(PATHS.dossier, '/thu-tuc/a'), null);
    assert.equal(matchPath(PATHS.dossier, '/ho-so//'), null);
    assert.equal(matchPath(PATHS.dossier, '/ho-so/%E0%A4%A'), null);
  });
});

describe('buildPath and the path builders', () => {
  it('encode each parameter as one segment, and match back to the same values', () => {
    const code = 'Hồ sơ/1?#';
    const path = dossierPath(code);
    assert.equal(path, '/ho-so/H%E1%BB%93%20s%C6%A1%2F1%3F%23');
    assert.deepEqual(matchPath(PATHS.dossier, path), { code });
    assert.equal(lookupPath('H01.01-251206-0001'), '/tra-cuu/H01.01-251206-0001');
  });

  it('the workflow editor: code, version and its scope in the query', () => {
    assert.equal(
      workflowEditorPath('1.001193', 2, { channel: 'online', agencyCode: 'UB-X' }),
      '/quan-tri/thu-tuc/1.001193/quy-trinh/2?kenh=online&coQuan=UB-X',
    );
    assert.equal(
      workflowEditorPath('1.001193', 2, { channel: 'desk', agencyCode: null }),
      '/quan-tri/thu-tuc/1.001193/quy-trinh/2?kenh=desk',
    );
  });
});

describe('defineRoute', () => {
  it('renders only on a match, with the parameters', () => {
    let renders = 0;
    const route = defineRoute(PATHS.lookupCode, (p) => {
      renders++;
      return `lookup ${p.code}`;
    });
    assert.equal(route.match('/tra-cuu'), null);
    assert.equal(renders, 0);
    assert.equal(route.match('/tra-cuu/ABC')?.(), 'lookup ABC');
    assert.equal(renders, 1);
  });
});

describe('safeNextPath', () => {
  it('keeps a path of this app with its query and fragment', () => {
    assert.equal(safeNextPath('/ho-so?ds=mine#x', PATHS.signIn), '/ho-so?ds=mine#x');
  });
  it('refuses other sites, the sign-in page and nothing', () => {
    for (const next of [
      null,
      '',
      'ho-so',
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      '/dang-nhap/',
    ])
      assert.equal(safeNextPath(next, PATHS.signIn), '/', String(next));
  });
});

void [names, none, wrong];
