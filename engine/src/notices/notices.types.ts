/** Who a notice is for; omitted parts do not narrow it (`{}` is every resident of the estate). */
export interface NoticeAudience {
  /** Only residents of these buildings of the estate. */
  buildingIds?: string[];
  /** Only residents of units on these floors (a lift outage: the floors the lift serves). */
  floors?: { from?: number; to?: number };
}

export type NoticeChannel = 'inApp' | 'sms' | 'wechat';

export interface NoticeRequest {
  title: string;
  body: string;
  audience?: NoticeAudience;
  /** Default: in-app only. */
  channels?: NoticeChannel[];
  /** When to send it (ISO date-time, from a minute to 30 days ahead); omitted: at once. */
  sendAt?: string;
  /** Only count the residents it would reach; nothing is sent or stored. */
  dryRun?: boolean;
}

/**
 * scheduled: waiting for its time (withdrawing it then sends nothing); sending: being delivered;
 * sent; failed: its delivery failed after its retries (an incident says why); withdrawn.
 */
export type NoticeStatus = 'scheduled' | 'sending' | 'sent' | 'failed' | 'withdrawn';

export interface NoticeView {
  id: string;
  estateId: string;
  title: string;
  body: string;
  audience: NoticeAudience;
  channels: NoticeChannel[];
  recipientCount: number;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  /** When it goes (or went) out. */
  sendAt: string;
  status: NoticeStatus;
  withdrawn: { at: string; by: { id: string; name: string } | null } | null;
}

/** A dry run's answer: how many residents the notice would reach. */
export interface NoticePreview {
  recipientCount: number;
}
