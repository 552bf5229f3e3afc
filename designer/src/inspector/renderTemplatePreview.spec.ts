import { describe, expect, it } from 'vitest';
import { renderTemplatePreview } from './renderTemplatePreview';

describe('notification preview', () => {
  it('fills placeholders from sample data and marks the missing ones', () => {
    expect(renderTemplatePreview('{{instance.reference}} 已派单，{{ data.technician }} 上门', { instance: { reference: 'BX-1' } })).toBe(
      'BX-1 已派单，«data.technician» 上门',
    );
  });
});
