/** The compose form's fields. */
export type NoticeForm = {
  title: string;
  body: string;
  scope: 'estate' | 'some';
  buildingIds?: string[];
  floorFrom?: number | null;
  floorTo?: number | null;
  channels: ('inApp' | 'sms' | 'wechat')[];
  when: 'now' | 'later';
  /** The chosen send time, when `when` is later. */
  sendAt?: { toISOString(): string } | null;
};

/** A notice's audience as the compose form shows it (to change a scheduled notice). */
export function audienceForm(audience: {
  buildingIds?: string[];
  floors?: { from?: number; to?: number };
}): Pick<NoticeForm, 'scope' | 'buildingIds' | 'floorFrom' | 'floorTo'> {
  if (audience.buildingIds === undefined && audience.floors === undefined) return { scope: 'estate' };
  return {
    scope: 'some',
    buildingIds: audience.buildingIds ?? [],
    floorFrom: audience.floors?.from ?? null,
    floorTo: audience.floors?.to ?? null,
  };
}

/** The audience the engine takes (POST /api/estates/{id}/notices): {} is the whole estate. */
export function noticeAudience(form: Pick<NoticeForm, 'scope' | 'buildingIds' | 'floorFrom' | 'floorTo'>): {
  buildingIds?: string[];
  floors?: { from?: number; to?: number };
} {
  if (form.scope !== 'some') return {};
  const floors = {
    ...(typeof form.floorFrom === 'number' ? { from: form.floorFrom } : {}),
    ...(typeof form.floorTo === 'number' ? { to: form.floorTo } : {}),
  };
  return {
    ...(form.buildingIds && form.buildingIds.length > 0 ? { buildingIds: form.buildingIds } : {}),
    ...(Object.keys(floors).length > 0 ? { floors } : {}),
  };
}
