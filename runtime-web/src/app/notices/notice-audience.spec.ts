import { describe, expect, it } from 'vitest';
import { audienceForm, noticeAudience } from './notice-audience';

describe('the notice audience', () => {
  it('is the whole estate unless some buildings or floors are chosen', () => {
    expect(noticeAudience({ scope: 'estate', buildingIds: ['b1'], floorFrom: 10 })).toEqual({});
    expect(noticeAudience({ scope: 'some' })).toEqual({});
    expect(noticeAudience({ scope: 'some', buildingIds: [], floorFrom: null, floorTo: null })).toEqual({});
  });

  it('names the buildings and the floors given, and leaves an open end open', () => {
    expect(noticeAudience({ scope: 'some', buildingIds: ['b3'], floorFrom: 10 })).toEqual({ buildingIds: ['b3'], floors: { from: 10 } });
    expect(noticeAudience({ scope: 'some', floorFrom: 1, floorTo: 6 })).toEqual({ floors: { from: 1, to: 6 } });
    expect(noticeAudience({ scope: 'some', floorTo: 0 })).toEqual({ floors: { to: 0 } });
  });

  it('shows a stored audience in the form as it was chosen', () => {
    for (const audience of [
      {},
      { buildingIds: ['b3'], floors: { from: 10 } },
      { floors: { from: 1, to: 6 } },
      { buildingIds: ['b1', 'b2'] },
    ])
      expect(noticeAudience(audienceForm(audience))).toEqual(audience);
    expect(audienceForm({})).toEqual({ scope: 'estate' });
  });
});
