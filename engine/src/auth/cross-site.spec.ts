import { describe, expect, it } from 'vitest';
import { crossSiteProblem } from './cross-site';

const base = { host: 'wy.example.cn', ownOrigin: 'https://wy.example.cn', allowedOrigins: ['https://designer.example.cn'] };

describe('crossSiteProblem', () => {
  it('lets reads and same-origin or allowed writes through', () => {
    expect(crossSiteProblem({ ...base, method: 'GET', origin: 'https://evil.example', fetchSite: 'cross-site' })).toBeNull();
    expect(crossSiteProblem({ ...base, method: 'POST', origin: 'https://wy.example.cn', fetchSite: 'same-origin' })).toBeNull();
    expect(crossSiteProblem({ ...base, method: 'POST', origin: 'http://wy.example.cn', fetchSite: undefined })).toBeNull();
    expect(crossSiteProblem({ ...base, method: 'PUT', origin: 'https://designer.example.cn', fetchSite: 'same-site' })).toBeNull();
    expect(crossSiteProblem({ ...base, method: 'POST', origin: undefined, fetchSite: undefined })).toBeNull();
  });

  it('refuses writes from foreign origins, opaque origins and cross-site fetches', () => {
    expect(crossSiteProblem({ ...base, method: 'POST', origin: 'https://evil.example', fetchSite: 'cross-site' })).toContain(
      'https://evil.example',
    );
    expect(crossSiteProblem({ ...base, method: 'DELETE', origin: 'null', fetchSite: undefined })).not.toBeNull();
    expect(crossSiteProblem({ ...base, method: 'POST', origin: undefined, fetchSite: 'cross-site' })).not.toBeNull();
    expect(
      crossSiteProblem({ ...base, method: 'POST', origin: 'https://wy.example.cn.evil.example', fetchSite: 'cross-site' }),
    ).not.toBeNull();
  });
});
